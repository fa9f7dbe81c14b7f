import { reasonPhrase } from '../engine/index.ts';
import type { RunResult } from '../engine/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { parseRequestLine, toUriReference } from './request-line.ts';
import { escapeXml } from './xml.ts';

// The run as an RFC 4918 §13 `207 Multi-Status` body: one `<D:response>` per step that
// answered, with its `href` (the URL path of the step's request line), a status line and,
// for failures, the detail sentence as `responsedescription`.

export interface WebDavMultistatusOptions {
  /**
   * Only list members that did not succeed, as servers usually do for COPY and MOVE
   * (RFC 4918 §9.8.8: the 2xx members are implied). Default: every member that answered.
   */
  failuresOnly?: boolean;
}

/**
 * `toWebDavMultistatus(run, scenario)` →
 * `<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:"> … <D:status>HTTP/1.1 424 Failed Dependency</D:status> …`.
 * Steps with no answer (skipped, cancelled) have no status line to report and are left out.
 */
export function toWebDavMultistatus(run: RunResult, scenario: Scenario, options: WebDavMultistatusOptions = {}): string {
  const bodies = new Map(run.response.results.map((r) => [r.id, r.body]));
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<D:multistatus xmlns:D="DAV:">'];
  for (const step of scenario.steps) {
    const status = run.steps[step.id]?.status ?? null;
    if (status === null) continue;
    if (options.failuresOnly && status < 300) continue;
    lines.push('  <D:response>');
    lines.push(`    <D:href>${escapeXml(hrefOf(step.id, step.request))}</D:href>`);
    lines.push(`    <D:status>HTTP/1.1 ${status} ${escapeXml(reasonPhrase(status))}</D:status>`);
    const detail = detailOf(bodies.get(step.id));
    if (status >= 400 && detail) lines.push(`    <D:responsedescription>${escapeXml(detail)}</D:responsedescription>`);
    lines.push('  </D:response>');
  }
  lines.push('</D:multistatus>');
  return `${lines.join('\n')}\n`;
}

/** The request line's URL (`COPY /docs/a.txt` → `/docs/a.txt`), else a path made from the step id. */
function hrefOf(id: string, request: string | undefined): string {
  const { target } = parseRequestLine(request);
  return target ? toUriReference(target) : `/${encodeURIComponent(id)}`;
}

function detailOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const detail = (body as { detail?: unknown }).detail;
  return typeof detail === 'string' ? detail : undefined;
}
