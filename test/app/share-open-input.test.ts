import { describe, expect, test } from 'vitest';
import { openFile } from '../../src/app/share/open-input.ts';
import { findPreset } from '../../src/presets/index.ts';

// Reading a File is the app's part; what the bytes mean is tested in test/scenario/intake/opened-input.test.ts.
const payment = findPreset('payment-fails')!.scenario;

describe('opening a picked or dropped file', () => {
  test('an oversized file is refused before it is read', async () => {
    const file = new File([new Uint8Array(3_000_000)], 'big.json', { type: 'application/json' });
    expect(await openFile(file)).toMatchObject({ ok: false, message: expect.stringMatching(/This file is 3\.0 MB/) });
  });

  test('a file is read and opened', async () => {
    const file = new File([JSON.stringify(payment)], 'payment.json', { type: 'application/json' });
    const opened = await openFile(file);
    expect(opened.ok && opened.scenario.title).toBe(payment.title);
  });
});

describe('a file that cannot be read', () => {
  test('is a message, not a throw', async () => {
    const file = Object.assign(new Blob(['{}']), { name: 'gone.json', arrayBuffer: () => Promise.reject(new Error('the file was moved')) });
    expect(await openFile(file)).toEqual({ ok: false, message: 'The file could not be read: the file was moved', problems: [] });
  });
});
