// The 207 body read back by a real WebDAV client (the `webdav` package's own multistatus
// parser) and checked for well-formedness by fast-xml-parser, on every preset and on names
// that need escaping. The RFC 4918 examples (§9.2.2 PROPPATCH, §9.6.1 DELETE) are
// reproduced as scenarios.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseXML, type DAVResult } from 'webdav';
import { simulate } from '../../src/engine/index.ts';
import { PROPERTY_NS, toWebDavMultistatus } from '../../src/export/webdav-multistatus.ts';
import { PRESETS } from '../../src/presets/index.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { validate } from '../../src/scenario/validate.ts';

function exported(scenario: Scenario): string {
  const checked = validate(scenario);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return toWebDavMultistatus(simulate(checked.scenario), checked.scenario);
}

/** What a WebDAV client sees: href and status line of every response. */
async function clientView(xml: string) {
  const result: DAVResult = await parseXML(xml);
  return result.multistatus.response.map((r) => ({
    href: r.href,
    status: 'status' in r && r.status !== undefined ? r.status : undefined,
    propstat: 'propstat' in r ? r.propstat : undefined,
  }));
}

/**
 * Well-formed XML (fast-xml-parser's validator) whose every element prefix is declared, which
 * the validator alone does not check (Namespaces in XML 1.0 §5).
 */
function wellFormed(xml: string): true | string {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return JSON.stringify(valid.err);
  const used = new Set([...xml.matchAll(/<\/?([A-Za-z_][\w.-]*):/g)].map((m) => m[1]));
  const undeclared = [...used].filter((prefix) => !xml.includes(`xmlns:${prefix}="`));
  return undeclared.length === 0 ? true : `undeclared prefixes: ${undeclared.join(', ')}`;
}

/** The tree with prefixes kept and every repeatable element as a list, to check structure exactly. */
const tree = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['D:response', 'D:propstat'].includes(name),
});

describe('RFC 4918 §9.2.2: a PROPPATCH answers per property, in one response', () => {
  // The RFC's example: removing the protected Copyright-Owner fails with 409, so setting Authors,
  // in the same request, answers 424.
  const scenario: Scenario = {
    version: 2,
    title: 'PROPPATCH with a protected property',
    steps: [
      { id: 'remove-owner', label: 'Copyright-Owner', request: 'PROPPATCH /bar.html', fail: { status: 409, message: 'Copyright Owner cannot be deleted or altered.' } },
      { id: 'set-authors', label: 'Authors', request: 'PROPPATCH /bar.html' },
    ],
    dependencies: [{ from: 'remove-owner', to: 'set-authors' }],
  };
  const xml = exported(scenario);

  it('gives one response for the href, as §14.24 requires', async () => {
    expect(wellFormed(xml)).toBe(true);
    const view = await clientView(xml);
    expect(view.map((r) => r.href)).toEqual(['/bar.html']);
    expect(view[0].status).toBeUndefined();
    expect(view[0].propstat).toBeDefined();
    // In Clark notation the client resolves the property's namespace.
    const clark = await parseXML(xml, { attributeNamePrefix: '@', attributeParsers: [], tagParsers: [], clarkNotationProps: true });
    const [response] = clark.multistatus.response;
    expect('propstat' in response && Object.keys(response.propstat!.prop)).toEqual([`{${PROPERTY_NS}}Copyright-Owner`]);
  });

  it('has a propstat per property: the removal 409 with its reason, the set 424', () => {
    const response = tree.parse(xml)['D:multistatus']['D:response'];
    expect(response).toHaveLength(1);
    const propstats = response[0]['D:propstat'];
    expect(propstats.map((p: Record<string, unknown>) => [Object.keys(p['D:prop'] as object)[0], p['D:status']])).toEqual([
      ['R:Copyright-Owner', 'HTTP/1.1 409 Conflict'],
      ['R:Authors', 'HTTP/1.1 424 Failed Dependency'],
    ]);
    expect(propstats[0]['D:prop']['R:Copyright-Owner']['@_xmlns:R']).toBe(PROPERTY_NS);
    expect(propstats[0]['D:responsedescription']).toBe('remove-owner failed: Copyright Owner cannot be deleted or altered.');
  });
});

describe('RFC 4918 §9.6.1: a DELETE of a collection with a locked member', () => {
  // The RFC's example: /container/resource3 is locked, so the collection cannot go; the body
  // lists only resource3, with 423 and lock-token-submitted.
  const scenario: Scenario = {
    version: 2,
    title: 'DELETE a collection with a locked member',
    steps: [
      { id: 'resource1', request: 'DELETE /container/resource1' },
      { id: 'resource2', request: 'DELETE /container/resource2' },
      { id: 'resource3', request: 'DELETE /container/resource3', fail: { status: 423, message: 'resource3 is locked' } },
      { id: 'container', request: 'DELETE /container/' },
    ],
    dependencies: ['resource1', 'resource2', 'resource3'].map((from) => ({ from, to: 'container' })),
  };
  const xml = exported(scenario);

  it('lists the failure and not the 424 collection nor the 2xx members', async () => {
    expect(wellFormed(xml)).toBe(true);
    expect(await clientView(xml)).toEqual([{ href: '/container/resource3', status: 'HTTP/1.1 423 Locked', propstat: undefined }]);
  });

  it('says which precondition failed: lock-token-submitted', () => {
    const [response] = tree.parse(xml)['D:multistatus']['D:response'];
    expect(response['D:error']).toEqual({ 'D:lock-token-submitted': '' });
  });
});

describe('steps on one resource share one response', () => {
  it('carries the status of the step that failed for its own reason', async () => {
    const xml = exported({
      version: 2,
      title: 'Two writes to one file',
      steps: [
        { id: 'write', request: 'PUT /a.txt', fail: { status: 507 } },
        { id: 'touch', request: 'PUT /a.txt' },
        { id: 'other', request: 'PUT /b.txt' },
      ],
      dependencies: [{ from: 'write', to: 'touch' }],
    });
    expect(await clientView(xml)).toEqual([
      { href: '/a.txt', status: 'HTTP/1.1 507 Insufficient Storage', propstat: undefined },
      { href: '/b.txt', status: 'HTTP/1.1 200 OK', propstat: undefined },
    ]);
  });
});

describe('names that need escaping', () => {
  const scenario: Scenario = {
    version: 2,
    title: 'Tom & Jerry <copy>',
    steps: [
      { id: 'amp', label: 'Fish & Chips', request: 'COPY /menu/fish&chips.txt', fail: { status: 423, message: 'locked by <Tom & "Jerry">' } },
      { id: 'space', label: 'Already %20 encoded', request: 'COPY /menu/already%20encoded.txt' },
      { id: 'umlaut', label: 'Größe', request: 'COPY /menü/größe ä.txt' },
      { id: 'angle', label: '<script>alert(1)</script>', request: 'PROPPATCH /menu/<b>.html', fail: { status: 403, message: '</D:responsedescription><D:status>HTTP/1.1 200 OK' } },
      { id: 'after', label: 'a<b', request: 'PROPPATCH /menu/<b>.html' },
    ],
    dependencies: [
      { from: 'amp', to: 'space' },
      { from: 'angle', to: 'after' },
    ],
  };
  const xml = exported(scenario);

  it('is well-formed XML', () => {
    expect(wellFormed(xml)).toBe(true);
  });

  it('reads back, in a WebDAV client, as the hrefs and statuses of the run', async () => {
    const view = await clientView(xml);
    expect(view.map((r) => [r.href, r.status])).toEqual([
      ['/menu/fish&chips.txt', 'HTTP/1.1 423 Locked'],
      ['/menu/already%20encoded.txt', 'HTTP/1.1 424 Failed Dependency'],
      ['/men%C3%BC/gr%C3%B6%C3%9Fe%20%C3%A4.txt', 'HTTP/1.1 200 OK'],
      ['/menu/%3Cb%3E.html', undefined],
    ]);
    const response = tree.parse(xml)['D:multistatus']['D:response'];
    expect(response[0]['D:responsedescription']).toBe('amp failed: locked by <Tom & "Jerry">.');
    // Labels that are no XML names fall back to the step id as the property name.
    expect(response[3]['D:propstat'].map((p: Record<string, object>) => Object.keys(p['D:prop'])[0])).toEqual(['R:angle', 'R:after']);
  });
});

describe('every preset', () => {
  it.each(PRESETS.map((p) => p.name))('%s: well-formed, one response per href, statuses a client reads', async (name) => {
    const scenario = PRESETS.find((p) => p.name === name)!.scenario;
    const xml = exported(scenario);
    expect(wellFormed(xml)).toBe(true);
    const view = await clientView(xml);
    const hrefs = view.map((r) => r.href);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    for (const r of view) {
      const lines = r.status !== undefined ? [r.status] : [r.propstat!.status];
      for (const line of lines) expect(line).toMatch(/^HTTP\/1\.1 [1-5]\d\d \S/);
    }
    expect(view.length).toBeGreaterThan(0);
  });
});
