// The scenario gate's public API: the format's types and defaults, validation, migration,
// the gate itself, share links and the JSON $batch import. Untrusted input enters Ripple
// only through `openScenario`, `decodeScenarioLink` / `parseShareUrl` and `importGraphBatch`.
export * from './types.ts';
export * from './defaults.ts';
export { validate, ID_PATTERN, LIMITS, INTERNAL_ERROR_PREFIX } from './validate.ts';
export { migrate, scenarioMigrations, checkMigrationSequence } from './migrations.ts';
export type { Migration, MigrationSequence, MigrationResult, MigrationFailureReason } from './migrations.ts';
export { openScenario, recogniseForeignFormat, foreignFormatMessage, problemCount } from './open-scenario.ts';
export type { OpenResult, OpenErrorKind, OpenOptions, ForeignFormat } from './open-scenario.ts';
export { canonicalScenario, canonicalStep } from './canonical.ts';
export {
  encodeScenarioLink,
  decodeScenarioLink,
  buildShareUrl,
  parseShareUrl,
  LINK_FORMAT,
  LINK_PREFIX,
} from './link-codec.ts';
export type { LinkExtras, LinkError, LinkErrorKind, DecodeResult } from './link-codec.ts';
export { importGraphBatch, sanitizeStepId, GRAPH_BATCH_LIMIT } from './graph-batch.ts';
export type { GraphBatchResult, GraphBatchOptions, ImportedRequest } from './graph-batch.ts';
export { formatProblem } from './text.ts';
export * from './limits.ts';
