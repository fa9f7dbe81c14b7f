import { fileBase } from './file-name.ts';
import { simulate } from '../engine/index.ts';
import type { RunResult } from '../engine/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { toChromeTrace } from './chrome-trace.ts';
import { toGraphBatchResponse } from './graph-batch-response.ts';
import { toSvg, type SvgStepState } from './svg.ts';
import { toWebDavMultistatus } from './webdav-multistatus.ts';

// One function turns a run into a downloadable file, so the app's Import/Export menu and
// `npm run simulate -- --export KIND` write the same bytes (issue 8 §19).

export type ExportKind = 'webdav' | 'graph-batch' | 'chrome-trace' | 'svg';

export interface ExportInput {
  scenario: Scenario;
  /** The run the file describes; absent: a fresh `simulate(scenario)`. The SVG draws `states` instead when given. */
  run?: RunResult;
  /**
   * SVG only: each step's state at the moment drawn. Absent: the run's final states.
   * `null`: no run drawn (the design, with each step's configured failure).
   */
  states?: Record<string, SvgStepState> | null;
  /** SVG only: the share link stored in the image's metadata. */
  link?: string;
}

export interface ExportedFile {
  /** A plain download name from the title: `payment-fails-multistatus.xml`. */
  filename: string;
  mime: string;
  text: string;
}

/**
 * `exportFile('webdav', { scenario, run })` →
 * `{ filename: 'order-pipeline-multistatus.xml', mime: 'application/xml', text: '<?xml …' }`.
 * Pure and deterministic: the same scenario and run always give the same bytes.
 */
export function exportFile(kind: ExportKind, input: ExportInput): ExportedFile {
  const { scenario } = input;
  const base = fileBase(scenario.title);
  const run = () => input.run ?? simulate(scenario);
  switch (kind) {
    case 'webdav':
      return { filename: `${base}-multistatus.xml`, mime: 'application/xml', text: toWebDavMultistatus(run(), scenario) };
    case 'graph-batch':
      return { filename: `${base}-batch-response.json`, mime: 'application/json', text: `${JSON.stringify(toGraphBatchResponse(run(), scenario), null, 2)}\n` };
    case 'chrome-trace':
      return { filename: `${base}-trace.json`, mime: 'application/json', text: JSON.stringify(toChromeTrace(run(), scenario)) };
    case 'svg': {
      const states = input.states === undefined ? run().steps : (input.states ?? undefined);
      return { filename: `${base}.svg`, mime: 'image/svg+xml', text: toSvg(scenario, states, input.link !== undefined ? { link: input.link } : {}) };
    }
  }
}

export { fileBase };
