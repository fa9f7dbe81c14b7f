import { describe, expect, test } from 'vitest';
import { openText } from '../../src/app/share/open-input.ts';

describe('opening a file Ripple exported but does not open', () => {
  test('a WebDAV 207 document says what it is, not "this SVG carries no Ripple link"', () => {
    const xml = '<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:"><D:response><D:href>/a</D:href></D:response></D:multistatus>';
    expect(openText(xml)).toEqual({
      ok: false,
      message:
        'This is a WebDAV 207 Multi-Status (XML) export, not a scenario: Ripple writes these but opens only scenarios, JSON $batch request bodies, its own SVG and PNG images, and share links.',
      problems: [],
    });
  });

  test('a Chrome trace says so once, not missing "version" twice', () => {
    const r = openText(JSON.stringify({ traceEvents: [{ name: 'pay', ph: 'X', ts: 0, dur: 5, pid: 1, tid: 1 }] }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/^This is a Chrome trace \(Perfetto\) export, not a scenario/);
    expect(r.problems.map((p) => [p.code, p.path])).toEqual([['not-a-scenario', '']]);
  });
});
