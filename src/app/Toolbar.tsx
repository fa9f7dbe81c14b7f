import { useShallow } from 'zustand/react/shallow';
import { useRipple, useRippleStore } from '../store/context.tsx';
import type { RippleState } from '../store/store.ts';
import type { Prefs } from '../store/persistence.ts';
import { ShareEntry } from './share/ShareEntry.tsx';
import { CompareEntry } from './compare/CompareEntry.tsx';
import { lazy, Suspense, useState } from 'react';
import { Icon, type IconName } from '../canvas/icons.tsx';

// A dialog: loaded when first opened, out of the main bundle (issue #15).
const RecentDrafts = lazy(() => import('./RecentDrafts.tsx').then((m) => ({ default: m.RecentDrafts })));

const selectToolbar = (s: RippleState) => ({
  title: s.scenario.title,
  canUndo: s.history.past.length > 0,
  canRedo: s.history.future.length > 0,
  undoLabel: s.history.past.at(-1)?.label,
  redoLabel: s.history.future[0]?.label,
  readOnly: s.readOnly,
  hasSteps: s.scenario.steps.length > 0,
  previousTitle: s.previousDraft?.scenario.title ?? null,
  previousSavedAt: s.previousDraft?.savedAt ?? 0,
  previousSteps: s.previousDraft?.scenario.steps.length ?? 0,
});

const THEME_NEXT: Record<Prefs['theme'], Prefs['theme']> = { system: 'light', light: 'dark', dark: 'system' };
const THEME_TEXT: Record<Prefs['theme'], string> = { system: 'Auto', light: 'Light', dark: 'Dark' };

/**
 * The Restore draft button's tooltip: which draft comes back, so two versions that share a
 * title can be told apart. `savedAt` is ms since the epoch (0: unknown). Local time, formatted
 * without Intl (its first call is slow, and the toolbar renders on the first canvas).
 */
export function restoreTitle(title: string, savedAt: number, steps: number, now = new Date()): string {
  const what = `Restore draft “${title}” (${steps} ${steps === 1 ? 'step' : 'steps'})`;
  if (savedAt <= 0) return what;
  const at = new Date(savedAt);
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(at.getHours())}:${two(at.getMinutes())}`;
  const sameDay = at.toDateString() === now.toDateString();
  const day = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
  return `${what}, replaced at ${time}${sameDay ? '' : ` on ${day}`}`;
}

/** `collapsible`: the text hides first when the toolbar gets tight (styles.css), the icon and name stay. */
function Button({
  icon,
  text,
  label,
  iconOnly = false,
  collapsible = false,
  ...rest
}: { icon: IconName; text: string; label?: string; iconOnly?: boolean; collapsible?: boolean } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  const className = iconOnly ? 'btn btn--icon' : collapsible ? 'btn btn--collapsible' : 'btn';
  return (
    <button type="button" className={className} aria-label={label ?? text} {...rest}>
      <span className="btn__icon" aria-hidden="true">
        <Icon name={icon} />
      </span>
      {!iconOnly && <span className="btn__text">{text}</span>}
    </button>
  );
}

export function Toolbar({
  onOpenGallery,
  onAddStep,
  prefs,
  setPrefs,
}: {
  onOpenGallery: () => void;
  onAddStep: () => void;
  prefs: Prefs;
  setPrefs: (patch: Partial<Prefs>) => void;
}) {
  const store = useRippleStore();
  const t = useRipple(useShallow(selectToolbar));
  const [recentOpen, setRecentOpen] = useState(false);
  return (
    <header className="toolbar">
      <h1>
        <span className="brand-mark" aria-hidden="true">
          424
        </span>
        Ripple
      </h1>
      <span className="toolbar__title" title={t.title}>
        {t.title}
      </span>
      <div className="toolbar__tools">
      {!t.readOnly && (
        <div className="toolbar__group" role="group" aria-label="Edit">
          <Button icon="menu" text="Examples" label="Examples: open a preset scenario" onClick={onOpenGallery} />
          <Button icon="plus" text="Add step" title="Add step (N)" aria-keyshortcuts="N" onClick={onAddStep} />
          <Button icon="tidy" text="Tidy" collapsible label="Tidy: arrange left to right" title="Tidy: arrange the steps left to right (auto-layout)" disabled={!t.hasSteps} onClick={() => store.getState().autoLayout()} />
          <span className="toolbar__sep" aria-hidden="true" />
          <Button
            icon="undo"
            text="Undo"
            iconOnly
            title={t.undoLabel ? `Undo ${t.undoLabel} (Ctrl+Z)` : 'Undo (Ctrl+Z)'}
            aria-keyshortcuts="Control+Z"
            disabled={!t.canUndo}
            onClick={() => store.getState().undo()}
          />
          <Button
            icon="redo"
            text="Redo"
            iconOnly
            title={t.redoLabel ? `Redo ${t.redoLabel} (Ctrl+Shift+Z)` : 'Redo (Ctrl+Shift+Z)'}
            aria-keyshortcuts="Control+Shift+Z Control+Y"
            disabled={!t.canRedo}
            onClick={() => store.getState().redo()}
          />
          {t.previousTitle !== null && (
            <Button
              icon="rotate-back"
              text="Restore draft"
              collapsible
              label={`Restore draft “${t.previousTitle}”`}
              title={restoreTitle(t.previousTitle, t.previousSavedAt, t.previousSteps)}
              onClick={() => store.getState().restorePreviousDraft()} />
          )}
          {t.previousTitle !== null && <Button icon="caret" text="Recent drafts" iconOnly title="Recent drafts" onClick={() => setRecentOpen(true)} />}
          {recentOpen && (
            <Suspense fallback={null}>
              <RecentDrafts onClose={() => setRecentOpen(false)} />
            </Suspense>
          )}
        </div>
      )}
      <span className="toolbar__spacer" />
      <div className="toolbar__group" role="group" aria-label="View">
        <Button icon="check" text="Lessons" collapsible label="Lessons: predict, run, learn from every miss" title="Lessons: predict which steps answer 424" onClick={() => store.getState().setPanelTab('lesson')} />
        <Button
          icon="table"
          text="Table"
          collapsible
          label="Table view"
          aria-pressed={prefs.view === 'table'}
          title="Show the steps as a table"
          onClick={() => setPrefs({ view: prefs.view === 'table' ? 'canvas' : 'table' })}
        />
        <Button
          icon="theme"
          text={THEME_TEXT[prefs.theme]}
          iconOnly
          label={`Theme: ${THEME_TEXT[prefs.theme].toLowerCase()}. Switch to ${THEME_TEXT[THEME_NEXT[prefs.theme]].toLowerCase()}`}
          title={`Theme: ${THEME_TEXT[prefs.theme].toLowerCase()} — switch to ${THEME_TEXT[THEME_NEXT[prefs.theme]].toLowerCase()}`}
          onClick={() => setPrefs({ theme: THEME_NEXT[prefs.theme] })}
        />
        <CompareEntry />
        <ShareEntry />
      </div>
      </div>
      <button type="button" className="btn btn--primary" data-run-button title="Run the simulation (Ctrl+Enter)" aria-keyshortcuts="Control+Enter" onClick={() => store.getState().runScenario()}>
        <span className="btn__icon" aria-hidden="true">
          <Icon name="play" />
        </span>
        <span className="btn__text">Run</span>
      </button>
    </header>
  );
}
