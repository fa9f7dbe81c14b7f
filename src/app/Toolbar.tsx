import { useShallow } from 'zustand/react/shallow';
import { useRipple, useRippleStore } from '../store/context.tsx';
import type { RippleState } from '../store/store.ts';
import type { Prefs } from '../store/persistence.ts';
import { ShareEntry } from './share/ShareEntry.tsx';
import { CompareEntry } from './compare/CompareEntry.tsx';
import { lazy, Suspense, useRef, useState } from 'react';
import { Icon, type IconName } from '../canvas/icons.tsx';

// A dialog: loaded when first opened, out of the main bundle (issue #15).
const RecentDrafts = lazy(() => import('./RecentDrafts.tsx').then((m) => ({ default: m.RecentDrafts })));
// A phone's More menu (styles.css hides the tools it holds below 600 px): loaded when first opened.
const MoreMenu = lazy(() => import('./MoreMenu.tsx'));

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

/**
 * `collapsible`: the text hides first when the toolbar gets tight (styles.css), the icon and name
 * stay. `more`: a less-used tool, which on a phone is in the More menu instead (styles.css).
 */
function Button({
  icon,
  text,
  label,
  iconOnly = false,
  collapsible = false,
  more = false,
  ...rest
}: { icon: IconName; text: string; label?: string; iconOnly?: boolean; collapsible?: boolean; more?: boolean } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  const className = (iconOnly ? 'btn btn--icon' : collapsible ? 'btn btn--collapsible' : 'btn') + (more ? ' toolbar__extra' : '');
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
  const [compareOpen, setCompareOpen] = useState(false);
  const [moreOpen, setMoreOpen] = useState(false);
  const moreButton = useRef<HTMLButtonElement>(null);
  const tidy = () => store.getState().autoLayout();
  const restore = () => store.getState().restorePreviousDraft();
  const lessons = () => store.getState().setPanelTab('lesson');
  const table = () => setPrefs({ view: prefs.view === 'table' ? 'canvas' : 'table' });
  const theme = () => setPrefs({ theme: THEME_NEXT[prefs.theme] });
  const themeLabel = `Theme: ${THEME_TEXT[prefs.theme].toLowerCase()}. Switch to ${THEME_TEXT[THEME_NEXT[prefs.theme]].toLowerCase()}`;
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
          <Button icon="tidy" text="Tidy" collapsible more data-tool="tidy" label="Tidy: arrange left to right" title="Tidy: arrange the steps left to right (auto-layout)" disabled={!t.hasSteps} onClick={tidy} />
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
              more
              data-tool="restore"
              label={`Restore draft “${t.previousTitle}”`}
              title={restoreTitle(t.previousTitle, t.previousSavedAt, t.previousSteps)}
              onClick={restore} />
          )}
          {t.previousTitle !== null && <Button icon="caret" text="Recent drafts" iconOnly more title="Recent drafts" onClick={() => setRecentOpen(true)} />}
          {recentOpen && (
            <Suspense fallback={null}>
              <RecentDrafts onClose={() => setRecentOpen(false)} />
            </Suspense>
          )}
        </div>
      )}
      <span className="toolbar__spacer" />
      <div className="toolbar__group" role="group" aria-label="View">
        <Button icon="check" text="Lessons" collapsible more label="Lessons: predict, run, learn from every miss" title="Lessons: predict which steps answer 424" onClick={lessons} />
        <Button
          icon="table"
          text="Table"
          collapsible
          more
          data-tool="table"
          label="Table view"
          aria-pressed={prefs.view === 'table'}
          title="Show the steps as a table"
          onClick={table}
        />
        <Button
          icon="theme"
          text={THEME_TEXT[prefs.theme]}
          iconOnly
          more
          label={themeLabel}
          title={`Theme: ${THEME_TEXT[prefs.theme].toLowerCase()} — switch to ${THEME_TEXT[THEME_NEXT[prefs.theme]].toLowerCase()}`}
          onClick={theme}
        />
        <CompareEntry menu={compareOpen} setMenu={setCompareOpen} className="toolbar__extra" />
        <ShareEntry />
        {/* Shown on a phone only (styles.css): the tools marked `more` above, as a menu. */}
        <div className="toolbar__more">
          <button
            ref={moreButton}
            type="button"
            className="btn btn--icon"
            aria-label="More tools"
            title="More tools"
            aria-haspopup="menu"
            aria-expanded={moreOpen}
            aria-controls={moreOpen ? 'toolbar-more-menu' : undefined}
            onClick={() => setMoreOpen(!moreOpen)}
          >
            <span className="btn__icon" aria-hidden="true">
              <Icon name="more" />
            </span>
          </button>
          {moreOpen && (
            <Suspense fallback={null}>
              <MoreMenu
                id="toolbar-more-menu"
                button={moreButton}
                onClose={() => setMoreOpen(false)}
                tools={{ readOnly: t.readOnly, hasSteps: t.hasSteps, previousTitle: t.previousTitle, tableOn: prefs.view === 'table', themeLabel, tidy, restore, recent: () => setRecentOpen(true), lessons, table, theme, compare: () => setCompareOpen(true) }}
              />
            </Suspense>
          )}
        </div>
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
