// The engine's public API (issue #2 §4). Pure TypeScript: the CLI, the tests and the browser
// all run this very code.
export { validate } from '../scenario/validate.ts';
export { simulate, type SimulateOptions } from './simulate.ts';
export { lint } from './lint.ts';
export { planReplay, replay } from './replay.ts';
export { explain, explainChain, type ChainLink, type StepNamer } from './explain.ts';
export { stateAt, type LiveStep, type RunMoment } from './state-at.ts';
export { reasonPhrase, statusInfo, STATUS_INFO, type StatusInfo } from './http-status.ts';
export { PROBLEM_TYPES } from './responses.ts';
export { TRANSITIONS } from './transitions.ts';
export type { Phase } from './phases.ts';
export type * from './types.ts';
