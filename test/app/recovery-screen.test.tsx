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
      `This link has ${cut.length} of its ${link.length} characters after the #. Ask the sender to copy the whole link.`,
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

  /** The recovery screen for the first half of payment-fails's link. */
  function renderCut(draftTitle: string | null, onOpenDraft = () => {}, onStartEmpty = () => {}) {
    const link = encodeScenarioLink(findPreset('payment-fails')!.scenario);
    const cut = link.slice(0, Math.floor(link.length / 2));
    const decoded = decodeScenarioLink(cut);
    if (decoded.ok) throw new Error('half a link decoded');
    return render(<RecoveryScreen problem={linkProblem(decoded.error, `https://ripple.example/app/#${cut}`)} draftTitle={draftTitle} onOpenDraft={onOpenDraft} onStartEmpty={onStartEmpty} />);
  }

  test('says once that part of the link is missing: the heading says it, the message counts, the advice says why and what else to do', () => {
    const { container } = renderCut(null);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Part of this link is missing');
    expect(screen.getByTestId('recovery-message').textContent).toMatch(/^This link has [\d,]+ of its [\d,]+ characters after the #\. Ask the sender to copy the whole link\.$/);
    expect(screen.getByText(/^Chat apps and mail clients sometimes shorten long links\./)).toBeInTheDocument();
    // The tryout read "cut short", "cut off" and "cut long links short" on one card.
    expect(container.textContent).not.toMatch(/\bcut\b/);
    expect(container.textContent!.match(/missing|shorten/g)).toEqual(['missing', 'shorten']);
  });

  test('without a draft there is one way to the editor, "Start empty"; with one, the draft first and "Start empty" beside it', () => {
    const opened: string[] = [];
    const { unmount } = renderCut(null, () => opened.push('draft'), () => opened.push('empty'));
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Start empty', 'Copy the raw text']);
    fireEvent.click(screen.getByRole('button', { name: 'Start empty' }));
    expect(opened).toEqual(['empty']);
    unmount();
    renderCut('My own draft', () => opened.push('draft'), () => opened.push('empty'));
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Open your last draft “My own draft”', 'Copy the raw text', 'Start empty']);
    fireEvent.click(screen.getByRole('button', { name: 'Open your last draft “My own draft”' }));
    expect(opened).toEqual(['empty', 'draft']);
  });
});
