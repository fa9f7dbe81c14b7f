import { reasonPhrase } from '../engine/index.ts';
import type { RunResult } from '../engine/types.ts';
import type { Scenario, Step } from '../scenario/types.ts';
import { parseRequestLine, toUriReference } from './request-line.ts';
import { escapeXml } from './xml.ts';

// The run as an RFC 4918 §13 `207 Multi-Status` body. Each step that answered is a member; its
// `href` is the URL path of the step's request line. The body follows the RFC where it says
// more than "one response per member":
// - §14.24: one `<D:response>` per href. Steps on the same resource are grouped.
// - §9.2.2: a PROPPATCH answers per property: one `<D:propstat>` per step on that resource
//   (the property named after the step), e.g. a protected property's removal 409 and the
//   set that depended on it 424, in one response.
// - §9.6.1: a DELETE lists only the members that failed for their own reason; the 424s of the
//   members above them and the 2xx members are implied and left out.
// - §16 `lock-token-submitted`: a 423 says which precondition failed, in `<D:error>`.

export interface WebDavMultistatusOptions {
  /**
   * Only list members that did not succeed, as servers usually do for COPY and MOVE
   * (RFC 4918 §9.8.8: the 2xx members are implied). Default: every member that answered,
   * except for DELETE, which always lists only its failures (§9.6.1).
   */
  failuresOnly?: boolean;
}

interface Member {
  step: Step;
  status: number;
  detail: string | undefined;
}

/**
 * `toWebDavMultistatus(run, scenario)` →
 * `<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:"> … <D:status>HTTP/1.1 424 Failed Dependency</D:status> …`.
 * Steps with no answer (skipped, cancelled) have no status line to report and are left out;
 * so is a resource none of whose members is listed.
 */
export function toWebDavMultistatus(run: RunResult, scenario: Scenario, options: WebDavMultistatusOptions = {}): string {
  const bodies = new Map(run.response.results.map((r) => [r.id, r.body]));
  // Members by href, in the order their first step appears: a Map, as hrefs are user text.
  const resources = new Map<string, Member[]>();
  for (const step of scenario.steps) {
    const status = run.steps[step.id]?.status ?? null;
    if (status === null) continue;
    const href = hrefOf(step.id, step.request);
    const members = resources.get(href) ?? [];
    members.push({ step, status, detail: status >= 400 ? detailOf(bodies.get(step.id)) : undefined });
    resources.set(href, members);
  }

  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<D:multistatus xmlns:D="DAV:">'];
  for (const [href, members] of resources) {
    const method = members.map((m) => parseRequestLine(m.step.request).method).find((m) => m !== null) ?? null;
    if (method === 'PROPPATCH') {
      lines.push(...propPatchResponse(href, members));
      continue;
    }
    const member = representative(members);
    if (method === 'DELETE' && (member.status < 300 || member.status === 424)) continue;
    if (options.failuresOnly && member.status < 300) continue;
    lines.push('  <D:response>');
    lines.push(`    <D:href>${escapeXml(href)}</D:href>`);
    lines.push(`    <D:status>${statusLine(member.status)}</D:status>`);
    lines.push(...errorOf(member.status, '    '));
    if (member.detail) lines.push(`    <D:responsedescription>${escapeXml(member.detail)}</D:responsedescription>`);
    lines.push('  </D:response>');
  }
  lines.push('</D:multistatus>');
  return `${lines.join('\n')}\n`;
}

/** RFC 4918 §9.2.2: one response for the resource, a propstat per property (step). */
function propPatchResponse(href: string, members: readonly Member[]): string[] {
  const lines = ['  <D:response>', `    <D:href>${escapeXml(href)}</D:href>`];
  for (const member of members) {
    lines.push('    <D:propstat>');
    lines.push(`      <D:prop><R:${propertyName(member.step)} xmlns:R="${PROPERTY_NS}"/></D:prop>`);
    lines.push(`      <D:status>${statusLine(member.status)}</D:status>`);
    lines.push(...errorOf(member.status, '      '));
    if (member.detail) lines.push(`      <D:responsedescription>${escapeXml(member.detail)}</D:responsedescription>`);
    lines.push('    </D:propstat>');
  }
  lines.push('  </D:response>');
  return lines;
}

/**
 * A response carries one status: of several steps on one resource, the one that failed for
 * its own reason, else a 424, else the first answer.
 */
function representative(members: readonly Member[]): Member {
  return members.find((m) => m.status >= 400 && m.status !== 424) ?? members.find((m) => m.status === 424) ?? members[0];
}

function statusLine(status: number): string {
  return `HTTP/1.1 ${status} ${escapeXml(reasonPhrase(status))}`;
}

/** §16: a 423 is the `lock-token-submitted` precondition (the request named no lock token). */
function errorOf(status: number, indent: string): string[] {
  return status === 423 ? [`${indent}<D:error><D:lock-token-submitted/></D:error>`] : [];
}

/** Properties named after steps live in a namespace of their own, as RFC 4918 §4.5 asks of new properties. */
export const PROPERTY_NS = 'https://ripple.invalid/ns/step-property';

const NC_NAME = /^[\p{L}_][\p{L}\p{M}\p{N}._\u00B7\u203F\u2040-]*$/u;

/**
 * The property a PROPPATCH step stands for, as an XML name in Ripple's namespace: its label
 * (`Copyright-Owner`) when that is a name, else its id, with anything a name cannot hold
 * replaced by `_`.
 */
function propertyName(step: Step): string {
  if (step.label !== undefined && NC_NAME.test(step.label)) return step.label;
  if (NC_NAME.test(step.id)) return step.id;
  const name = step.id.replace(/[^\p{L}\p{N}._-]/gu, '_');
  return NC_NAME.test(name) ? name : `_${name}`;
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
