import { afterEach, describe, expect, test, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ShareMenu } from '../../src/app/share/ShareMenu.tsx';
import { animatedSvgForExport } from '../../src/app/share/exports.ts';
import { animatedMarkdownSnippet } from '../../src/app/share/snippets.ts';
import { readSvgLink } from '../../src/export/svg.ts';
import { findPreset } from '../../src/presets/index.ts';
import { parseShareUrl } from '../../src/scenario/link-codec.ts';
import { RippleProvider } from '../../src/store/context.tsx';
import { createRippleStore } from '../../src/store/store.ts';

// The Share dialog's animated picture (issue #14): the Markdown for it and its download.

const payment = findPreset('payment-fails')!.scenario;

afterEach(() => vi.restoreAllMocks());

describe('Share dialog: the animated SVG', () => {
  test('offers Markdown for the animated picture, linking to the scenario', async () => {
    const store = createRippleStore({ scenario: payment });
    render(
      <RippleProvider store={store}>
        <ShareMenu />
      </RippleProvider>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Share' }));
    const dialog = await screen.findByRole('dialog', { name: 'Share this scenario' });
    const markdown = (within(dialog).getByLabelText('Markdown (the animated picture, linking to the scenario)') as HTMLTextAreaElement).value;
    const link = (within(dialog).getByLabelText('Share link') as HTMLTextAreaElement).value;
    expect(markdown).toBe(`[![Order pipeline: payment declined — the run, animated](order-pipeline-payment-declined-animated.svg)](${link})`);
    expect(within(dialog).getByText('order-pipeline-payment-declined-animated.svg')).toBeInTheDocument();

    // The download: a Blob handed to an <a download> with the suggested name.
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:ripple-test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Picture theme' }), 'dark');
    await user.click(within(dialog).getByRole('button', { name: 'Download animated SVG' }));
    await waitFor(() => expect(names).toEqual(['order-pipeline-payment-declined-animated.svg']));
    const text = await blobs[0].text();
    expect(text).toContain('@keyframes');
    expect(text).toContain('@media (prefers-reduced-motion:reduce)');
    expect(text).toContain('fill="#0f1115"'); // the dark theme chosen
  });

  test('the file is the run ripple render --animate draws, carrying a link that reopens the scenario', () => {
    const store = createRippleStore({ scenario: payment });
    const file = animatedSvgForExport(store.getState(), 'dark');
    expect(file.mime).toBe('image/svg+xml');
    expect(file.text).toContain('fill="#0f1115"');
    const opened = parseShareUrl(readSvgLink(file.text)!);
    expect(opened.ok && opened.scenario).toEqual(payment);
  });

  test('Markdown text from a hostile title is escaped', () => {
    expect(animatedMarkdownSnippet('https://x.org/#r1.a', '](javascript:x) <b>')).toBe('[![\\]\\(javascript:x\\) \\<b\\> — the run, animated](javascript-x-b-animated.svg)](https://x.org/#r1.a)');
  });
});
