// What a person sees instead of the editor when the link they opened cannot be read: what is
// wrong in plain words, the problems' paths for invalid content, and the ways forward (the
// draft, the raw text, an empty start).
// Nothing from the link is rendered as markup: React escapes every string shown here.
import { useState } from 'react';
import type { LinkProblem, LinkProblemKind } from './links.ts';
import { copyText } from '../../panels/copy-text.ts';
import { ProblemList } from './ProblemList.tsx';
import './share.css';

const SHOWN_PROBLEMS = 50;

function headline(kind: LinkProblemKind): string {
  switch (kind) {
    case 'truncated':
      return 'Part of this link is missing';
    case 'newer-version':
      return 'This link was made by a newer Ripple';
    case 'unknown-version':
      return 'This link’s format is not one Ripple knows';
    case 'too-large':
      return 'This link is too large to open';
    case 'corrupt':
      // The gate's message under it says "The link is damaged: …" and what exactly.
      return 'This link cannot be read';
    case 'invalid':
      return 'The scenario in this link has problems';
  }
}

/** What to do next; the gate's message above already says what is wrong. */
function advice(kind: LinkProblemKind): string {
  switch (kind) {
    case 'truncated':
      return 'Chat apps and mail clients sometimes shorten long links. If it happens again, the sender can send the scenario as a file (Import / Export → Download scenario).';
    case 'newer-version':
      return 'Or ask the sender for the scenario as a file and open it once your Ripple is up to date.';
    case 'unknown-version':
      return 'It may come from another tool or have been edited by hand. Ask the sender for a fresh link or a file.';
    case 'too-large':
      return 'Ripple refuses links this big so that a hostile link cannot freeze the page. Ask the sender for the scenario as a file.';
    case 'corrupt':
      return 'Some characters of the link were changed or lost on the way. Ask the sender to copy the link again.';
    case 'invalid':
      return 'The link was read, but what it describes is not a valid scenario. The paths below say where; copy the raw text to fix it by hand.';
  }
}

export interface RecoveryScreenProps {
  problem: LinkProblem;
  /** Title of the draft the editor holds, or null when it holds nothing worth offering. */
  draftTitle: string | null;
  /**
   * Whether that draft has edits of the person's own: "Start empty" then keeps it under Restore
   * draft (editor-slice `loadScenario`); an unedited one comes back with Undo.
   */
  draftEdited?: boolean;
  onOpenDraft: () => void;
  onStartEmpty: () => void;
}

/** What the note under the actions promises about the draft; true to what "Start empty" does with it. */
function draftNote(edited: boolean): string {
  return edited
    ? 'Your draft is safe. If you start empty, “Restore draft” in the toolbar (under More on a phone) brings it back.'
    : 'Your draft is safe. If you start empty, Undo brings it back.';
}

export function RecoveryScreen({ problem, draftTitle, draftEdited = false, onOpenDraft, onStartEmpty }: RecoveryScreenProps) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  return (
    <main className="recovery" aria-labelledby="recovery-title">
      <div className="recovery__card">
        <p className="recovery__eyebrow">Ripple could not open this link</p>
        <h1 id="recovery-title">{headline(problem.kind)}</h1>
        <p className="recovery__message" data-testid="recovery-message">
          {problem.message}
        </p>
        <p>{advice(problem.kind)}</p>

        <ProblemList problems={problem.problems} max={SHOWN_PROBLEMS} className="recovery__problems" label="Problems found" except={problem.message} />

        <div className="recovery__actions">
          {/* Without a draft the editor holds nothing: going to it is starting empty, so one button says so. */}
          {draftTitle ? (
            <button type="button" className="btn btn--primary" onClick={onOpenDraft}>
              {`Open your last draft “${draftTitle}”`}
            </button>
          ) : (
            <button type="button" className="btn btn--primary" onClick={onStartEmpty}>
              Start empty
            </button>
          )}
          <button
            type="button"
            className="btn"
            onClick={() => {
              void copyText(problem.raw).then((ok) => setCopied(ok ? 'yes' : 'no'));
            }}
          >
            Copy the raw text
          </button>
          {draftTitle && (
            <button type="button" className="btn" onClick={onStartEmpty}>
              Start empty
            </button>
          )}
        </div>
        {/* The live region is there from the start (so what it says is announced); empty, it takes no room (share.css). */}
        <div className="recovery__status" role="status">
          {copied !== null && <p>{copied === 'yes' ? 'Copied the raw text.' : 'Could not copy: select the text below and copy it by hand.'}</p>}
        </div>

        <label className="recovery__raw">
          {/* No count here: the gate's message above is the one place a link's length is given. */}
          <span>Raw text</span>
          <textarea readOnly value={problem.raw.length > 20_000 ? `${problem.raw.slice(0, 20_000)}…` : problem.raw} rows={4} spellCheck={false} />
        </label>
        {draftTitle && <p className="recovery__note">{draftNote(draftEdited)}</p>}
      </div>
    </main>
  );
}
