import { describe, expect, test } from 'vitest';
import { addPngText } from '../../../src/app/share/png-text.ts';
import { openBatchText, openBytes, openText, refuseFileSize } from '../../../src/scenario/intake/opened-input.ts';
import { LINK_KEYWORD } from '../../../src/scenario/intake/png-text.ts';
import { toSvg } from '../../../src/export/index.ts';
import { buildShareUrl, encodeScenarioLink } from '../../../src/scenario/index.ts';
import { findPreset } from '../../../src/presets/index.ts';

const payment = findPreset('payment-fails')!.scenario;
const link = buildShareUrl('https://ripple.example/', payment, { at: 120 });
const PNG_1X1 = new Uint8Array(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==', 'base64'),
);
const BATCH = JSON.stringify({
  requests: [
    { id: '1', method: 'POST', url: '/orders' },
    { id: '2', method: 'POST', url: '/invoices', dependsOn: ['1'] },
  ],
});

describe('what Ripple opens', () => {
  test('a scenario JSON file', () => {
    const opened = openText(JSON.stringify(payment, null, 2));
    expect(opened.ok && opened.scenario.title).toBe(payment.title);
    expect(opened.ok && opened.source).toBe('scenario file');
  });

  test('a JSON $batch request body becomes steps and dependencies', () => {
    const opened = openText(BATCH);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.source).toBe('JSON $batch body (2 requests)');
    expect(opened.scenario.steps.map((s) => s.request)).toEqual(['POST /orders', 'POST /invoices']);
    expect(opened.scenario.dependencies).toEqual([{ from: '1', to: '2' }]);
  });

  test('an SVG exported by Ripple reopens its scenario at its moment', () => {
    const opened = openText(toSvg(payment, undefined, { link }));
    expect(opened.ok && opened.scenario.title).toBe(payment.title);
    expect(opened.ok && opened.extras).toEqual({ at: 120 });
    expect(opened.ok && opened.source).toBe('SVG image');
  });

  test('a PNG carrying the link in a tEXt chunk', () => {
    const opened = openBytes(addPngText(PNG_1X1, LINK_KEYWORD, link));
    expect(opened.ok && opened.scenario.title).toBe(payment.title);
  });

  test('a share link pasted as text, whole or just the fragment', () => {
    expect(openText(link).ok).toBe(true);
    expect(openText(`#${encodeScenarioLink(payment)}`).ok).toBe(true);
    expect(openText(encodeScenarioLink(payment)).ok).toBe(true);
  });
});

describe('what it refuses, and how it says so', () => {
  test('an image without a link', () => {
    expect(openBytes(PNG_1X1)).toMatchObject({ ok: false, message: expect.stringMatching(/PNG carries no Ripple link/) });
    expect(openText('<svg xmlns="http://www.w3.org/2000/svg"/>')).toMatchObject({ ok: false, message: expect.stringMatching(/SVG carries no Ripple link/) });
  });

  test('an invalid scenario names the paths of its problems', () => {
    const opened = openText(JSON.stringify({ version: 1, title: 'x', steps: [{ id: 'a', durationMS: 5 }], dependencies: [] }));
    expect(opened.ok).toBe(false);
    expect(!opened.ok && opened.problems[0].path).toBe('steps[0].durationMS');
  });

  test('a batch body with a dangling dependsOn', () => {
    const opened = openBatchText(JSON.stringify({ requests: [{ id: '1', method: 'GET', url: '/a', dependsOn: ['9'] }] }));
    expect(opened.ok).toBe(false);
  });

  test('text that is none of these', () => {
    expect(openText('hello')).toMatchObject({ ok: false, message: expect.stringMatching(/not something Ripple opens/) });
    expect(openText('{ not json')).toMatchObject({ ok: false });
  });

  test('a 50 MB batch paste is refused at once, by size', () => {
    const huge = `{"requests":[${'{"id":"1","method":"GET","url":"/a"},'.repeat(1_400_000)}]}`;
    expect(huge.length).toBeGreaterThan(50_000_000);
    expect(openBatchText(huge)).toMatchObject({ ok: false, message: expect.stringMatching(/^The batch body is [\d,]+ bytes; Ripple opens at most 1,000,000 \(1 MB\)\.$/) });
  });

  test('a scenario file of more than 1 MB is refused by size, not parsed', () => {
    const big = `{"title":"${'x'.repeat(1_100_000)}"}`;
    expect(openText(big)).toMatchObject({
      ok: false,
      message: 'The scenario text is 1,100,012 bytes; Ripple opens at most 1,000,000 (1 MB).',
    });
  });

  test('broken JSON says where it breaks', () => {
    const opened = openText('{\n  "title": "x",\n}');
    expect(opened).toMatchObject({ ok: false, message: 'This is not JSON: line 3, column 1: expected a property name in double quotes, found "}".' });
    expect(!opened.ok && opened.problems).toEqual([{ code: 'not-json', path: '', message: !opened.ok && opened.message }]);
  });

  test('a byte-order mark before a batch body or a scenario is ignored', () => {
    expect(openText(`\uFEFF${BATCH}`)).toMatchObject({ ok: true, source: 'JSON $batch body (2 requests)' });
    expect(openText(`\uFEFF${JSON.stringify(payment)}`)).toMatchObject({ ok: true, source: 'scenario file' });
  });

  test('bytes that are neither PNG nor UTF-8 text do not throw', () => {
    expect(openBytes(new Uint8Array([0xff, 0xfe, 0x00, 0x7b]))).toMatchObject({ ok: false });
  });
});

describe('file sizes refused before reading', () => {
  test('scenario files up to 1 MB, exported images up to 20 MB', () => {
    expect(refuseFileSize({ name: 'a.json', type: 'application/json', size: 1_000_000 })).toBeNull();
    expect(refuseFileSize({ name: 'a.json', type: 'application/json', size: 1_000_001 })).toMatchObject({ ok: false, message: expect.stringMatching(/^This file is 1\.0 MB; /) });
    expect(refuseFileSize({ name: 'a.PNG', type: '', size: 19_000_000 })).toBeNull();
    expect(refuseFileSize({ type: 'image/svg+xml', size: 19_000_000 })).toBeNull();
    expect(refuseFileSize({ name: 'a.png', type: 'image/png', size: 20_000_001 })).toMatchObject({ ok: false, message: expect.stringMatching(/exported images up to 20\.0 MB/) });
  });
});
