// Import an OData multipart/mixed `$batch` request body (OData 4.0 Part 1 §11.7, "Batch
// Requests"; still the default of many OData services) as a scenario (issue #11).
//
//   --batch_X                          a part: one request (Content-Type: application/http)
//   Content-Type: multipart/mixed;boundary=changeset_Y
//                                      a change set: its requests form an atomic group (R18)
//   Content-ID: 1                      the request's id (its step keeps it when it is a valid id)
//   POST $1/items HTTP/1.1             `$1` refers to an earlier request of the same change set:
//                                      a success dependency on it
//
// The service processes the parts in order and, unless the request says
// `Prefer: odata.continue-on-error`, stops at the first failure (OData 4.0 §11.7.5 / 4.01
// §11.7.7.1): simulated with `concurrency: 1` and `onFailure: "abort"`, so what follows a
// failure is cancelled. The JSON `$batch` importer (graph-batch.ts) is the model for ids and
// references.
import type { Dependency, Group, Problem, Scenario, Step } from '../types.ts';
import { SCENARIO_VERSION } from '../types.ts';
import { LIMITS } from '../validate.ts';
import { quote } from '../text.ts';
import { assignIds, finishImport, problemAt, refuse, refuseCounts, refuseSize, truncate, type DialectImport } from './common.ts';

interface Part {
  contentId?: string;
  method: string;
  url: string;
  changeset?: number;
  path: string;
}

const BOUNDARY = /boundary\s*=\s*"?([^";\s]+)"?/i;

/** Splits `text` at lines `--boundary`; returns the parts' texts (without the closing `--boundary--`). */
function splitParts(text: string, boundary: string): string[] | null {
  const lines = text.split(/\r?\n/);
  const parts: string[] = [];
  let current: string[] | null = null;
  let closed = false;
  for (const line of lines) {
    const t = line.trimEnd();
    if (t === `--${boundary}--`) {
      if (current) parts.push(current.join('\n'));
      closed = true;
      break;
    }
    if (t === `--${boundary}`) {
      if (current) parts.push(current.join('\n'));
      current = [];
    } else if (current) current.push(line);
  }
  if (!closed) return null;
  return parts;
}

/** Headers of a part (until the first empty line) and the rest. */
function headersOf(part: string): { headers: Map<string, string>; rest: string } {
  const lines = part.replace(/^\s*\n/, '').split('\n');
  const headers = new Map<string, string>();
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') break;
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, rest: lines.slice(i + 1).join('\n') };
}

/**
 * Reads a multipart/mixed batch body (with or without the outer request line and headers).
 * Never throws.
 *
 * @example
 * importODataMultipart('--batch_1\r\nContent-Type: application/http\r\n\r\nGET /People HTTP/1.1\r\n\r\n--batch_1--')
 * // → { ok: true, scenario: { steps: [{ id: 'request-1', request: 'GET /People' }], … } }
 */
export function importODataMultipart(text: string): DialectImport {
  try {
    return importBody(text);
  } catch (error) {
    return refuse('odata-multipart', `Internal error while importing the batch: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function importBody(text: string): DialectImport {
  const F = 'odata-multipart';
  const tooBig = refuseSize(F, text, 'batch body');
  if (tooBig) return tooBig;
  const body = text.replace(/^\uFEFF/, '');
  const first = /^--([^\s-][^\s]*)\s*$/m.exec(body);
  const declared = BOUNDARY.exec(body.slice(0, first ? first.index : body.length));
  const boundary = declared?.[1] ?? first?.[1];
  if (!boundary) return refuse(F, 'This is not a multipart batch: no boundary line like "--batch_1" was found.');
  const outer = splitParts(body, boundary);
  if (!outer) return refuse(F, `The batch never closes: expected a last line "--${boundary}--".`, [problemAt('missing-field', '', `no closing "--${boundary}--"`)]);
  const continueOnError = /prefer\s*:[^\n]*odata\.continue-on-error/i.test(body.slice(0, first ? first.index : 0));

  const parts: Part[] = [];
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  let changesets = 0;
  const readRequest = (raw: string, path: string, changeset?: number): void => {
    const { headers, rest } = headersOf(raw);
    const type = headers.get('content-type') ?? '';
    if (!/application\/http/i.test(type)) {
      problems.push(problemAt('wrong-type', path, `expected Content-Type: application/http, got ${quote(type || 'none')}`));
      return;
    }
    const lines = rest.replace(/^\s*\n/, '').split('\n');
    const m = /^([A-Za-z]+)\s*(\S+)\s+HTTP\/\d(?:\.\d)?\s*$/.exec((lines[0] ?? '').trim());
    if (!m) {
      problems.push(problemAt('wrong-type', path, `expected a request line like "GET /People HTTP/1.1", got ${quote((lines[0] ?? '').trim())}`));
      return;
    }
    const part: Part = { method: m[1].toUpperCase(), url: m[2], path };
    const cid = headers.get('content-id');
    if (cid !== undefined) part.contentId = cid;
    if (changeset !== undefined) part.changeset = changeset;
    parts.push(part);
  };
  outer.forEach((raw, i) => {
    const path = `parts[${i}]`;
    const { headers, rest } = headersOf(raw);
    const type = headers.get('content-type') ?? '';
    if (/multipart\/mixed/i.test(type)) {
      const inner = BOUNDARY.exec(type)?.[1];
      const innerParts = inner ? splitParts(rest, inner) : null;
      if (!inner || !innerParts) {
        problems.push(problemAt('wrong-type', path, `a change set needs a boundary and a closing line${inner ? ` "--${inner}--"` : ''}`));
        return;
      }
      const c = changesets++;
      innerParts.forEach((p, j) => readRequest(p, `${path}.parts[${j}]`, c));
    } else readRequest(raw, path);
  });
  const counts = refuseCounts(F, parts.length, parts.length * 4, { steps: 'requests', path: 'parts' });
  if (counts) return counts;
  if (parts.length === 0 && problems.length === 0) problems.push(problemAt('empty', 'parts', 'the batch has no requests'));
  if (problems.length > 0) return refuse(F, `The batch has ${problems.length} problem${problems.length === 1 ? '' : 's'}.`, problems);

  const names = parts.map((p, i) => p.contentId ?? `request-${i + 1}`);
  const ids = assignIds(names, (i) => `${parts[i].path}.Content-ID`, warnings);
  const steps: Step[] = parts.map((p, i) => {
    const step: Step = { id: ids[i], request: truncate(`${p.method} ${p.url}`, LIMITS.request.max) };
    if (ids[i] !== names[i]) step.label = truncate(names[i]);
    return step;
  });
  const dependencies: Dependency[] = [];
  const depSource: string[] = [];
  parts.forEach((p, i) => {
    for (const m of p.url.matchAll(/\$([A-Za-z0-9._-]+)/g)) {
      if (/^(batch|metadata|filter|select|expand|top|skip|count|orderby|search|format|ref|value|entity|root|it|this|compute|apply|index|schemaversion|levels|id)$/i.test(m[1])) continue;
      const target = parts.findIndex((q, j) => j < i && q.contentId === m[1]);
      if (target < 0) {
        problems.push(problemAt('missing-step', `${p.path}.url`, `${quote(m[0])} names no earlier request with Content-ID ${quote(m[1])}`));
        continue;
      }
      if (parts[target].changeset === undefined || parts[target].changeset !== p.changeset) {
        warnings.push(problemAt('undeclared-reference', `${p.path}.url`, `${quote(m[0])} refers to a request outside this change set; OData 4.0 resolves $-references only within one change set`));
      }
      if (!dependencies.some((d) => d.from === ids[target] && d.to === ids[i])) {
        dependencies.push({ from: ids[target], to: ids[i] });
        depSource.push(`${p.path}.url`);
      }
    }
  });
  if (problems.length > 0) return refuse(F, `The batch has ${problems.length} problem${problems.length === 1 ? '' : 's'}.`, problems);
  const groups: Group[] = [];
  for (let c = 0; c < changesets; c++) {
    const members = parts.map((p, i) => (p.changeset === c ? ids[i] : null)).filter((x): x is string => x !== null);
    if (members.length === 0) continue;
    let gid = `changeset-${c + 1}`;
    while (ids.includes(gid)) gid = `${gid}-g`;
    groups.push({ id: gid, label: `change set ${c + 1}`, steps: members });
  }
  if (!continueOnError) {
    warnings.push(
      problemAt('not-simulated', '', 'without "Prefer: odata.continue-on-error" the service stops at the first failed request: simulated one request at a time, the rest cancelled after a failure'),
    );
  }
  const scenario: Scenario = {
    version: SCENARIO_VERSION,
    title: `OData multipart $batch (${parts.length} request${parts.length === 1 ? '' : 's'})`,
    description: 'Imported from an OData multipart/mixed $batch body: each request is a step, each change set an atomic group, each $N reference a dependency.',
    policy: continueOnError ? {} : { concurrency: 1, onFailure: 'abort' },
    steps,
    dependencies,
    dialect: 'http',
  };
  if (groups.length > 0) scenario.groups = groups;
  const pathOf = new Map(ids.map((id, i) => [id, parts[i].path]));
  return finishImport(F, scenario, warnings, (k) => depSource[k] ?? 'parts', (id) => pathOf.get(id) ?? 'parts');
}
