import { describe, expect, test } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { RecoveryScreen } from '../../src/app/share/RecoveryScreen.tsx';
import { linkProblem } from '../../src/app/share/links.ts';
import { decodeScenarioLink, encodeScenarioLink } from '../../src/scenario/index.ts';
import { findPreset } from '../../src/presets/index.ts';

describe('RecoveryScreen', () => {
  test('counts a cut link\'s characters once, in the gate\'s words', async () => {
    const link = encodeScenarioLink(findPreset('payment-fails')!.scenario);
    const cut = link.slice(0, Math.floor(link.length / 2));
    const href = `https://ripple.example/app/#${cut}`;
    const decoded = decodeScenarioLink(cut);
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    const { container } = render(<RecoveryScreen problem={linkProblem(decoded.error, href)} draftTitle={null} onOpenDraft={() => {}} onStartEmpty={() => {}} />);
    expect(screen.getByTestId('recovery-message').textContent).toBe(
      `This link is cut off: it has ${cut.length} of its ${link.length} characters. Ask the sender to copy the whole link — some apps cut long links short.`,
    );
    // Before, the raw-text label counted the whole address too ("Raw text (N characters)").
    expect(container.textContent?.match(/characters/g)).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Copy the raw text' })).toBeInTheDocument();
    expect(screen.getByText('Raw text')).toBeInTheDocument();
    // No empty paragraph (the tryout saw a blank one under the heading): the status says nothing until Copy is pressed.
    const emptyParagraphs = () => [...container.querySelectorAll('p')].filter((p) => p.textContent!.trim() === '');
    expect(emptyParagraphs()).toEqual([]);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    fireEvent.click(screen.getByRole('button', { name: 'Copy the raw text' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^(Copied the raw text\.|Could not copy: select the text below and copy it by hand\.)$/));
    expect(emptyParagraphs()).toEqual([]);
  });
});
