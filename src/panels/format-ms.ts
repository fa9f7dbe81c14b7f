// The one formatter of virtual times lives with the engine (its sentences use it too); the UI
// imports it from here as before.
export { formatMs } from '../engine/format-ms.ts';
