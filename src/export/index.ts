// Pure exporters: a run and/or a scenario in the formats people already use. No DOM, so the
// CLI, tests and the browser share them.
export { toGraphBatchResponse } from './graph-batch-response.ts';
export type { GraphBatchResponse, GraphBatchResponseItem, ODataError } from './graph-batch-response.ts';
export { toWebDavMultistatus } from './webdav-multistatus.ts';
export type { WebDavMultistatusOptions } from './webdav-multistatus.ts';
export { toChromeTrace } from './chrome-trace.ts';
export type { ChromeTrace, TraceEvent } from './chrome-trace.ts';
export { toSvg, readSvgLink, layout, RIPPLE_NS } from './svg.ts';
export type { SvgOptions, SvgStepState } from './svg.ts';
export { exportFile, fileBase } from './export-file.ts';
export type { ExportedFile, ExportInput, ExportKind } from './export-file.ts';
