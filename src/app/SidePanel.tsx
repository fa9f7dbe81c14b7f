import { lazy, Suspense, useEffect, useRef, type KeyboardEvent } from 'react';
import { useRipple } from '../store/context.tsx';
import type { PanelTab } from '../store/types.ts';
import { RunSidePanel } from '../panels/RunPanels.tsx';
import { LessonTab } from '../lessons/ui/LessonTab.tsx';
import { whenIdle } from '../store/autosave.ts';

// The editing panels load when their tab first opens, out of the main bundle (issue #15);
// CodeMirror and the YAML reader come with the Source tab.
const loadInspector = () => import('../panels/Inspector.tsx');
const Inspector = lazy(() => loadInspector().then((m) => ({ default: m.Inspector })));
/** How long (ms) the inspector's chunk waits for an idle moment after the first render before it loads anyway. */
const INSPECTOR_IDLE_TIMEOUT_MS = 5_000;
const EdgeInspector = lazy(() => import('../panels/EdgeInspector.tsx').then((m) => ({ default: m.EdgeInspector })));
const ScenarioPanel = lazy(() => import('../panels/ScenarioPanel.tsx').then((m) => ({ default: m.ScenarioPanel })));
const SourcePanel = lazy(() => import('../panels/SourcePanel.tsx'));

type Tab = PanelTab;
const TABS: { id: Tab; label: string }[] = [
  { id: 'step', label: 'Step' },
  { id: 'scenario', label: 'Scenario' },
  { id: 'run', label: 'Run' },
  { id: 'source', label: 'Source' },
  { id: 'lesson', label: 'Lessons' },
];

/**
 * Inspector, scenario settings and the run panels as tabs. The open tab is the store's
 * `panelTab`, which follows what the person does: selecting something before a run shows the
 * inspector; a run, or a moment opened from a link, shows the run panels (where "Why 424?"
 * answers for the selected step). A read-only simulator has only the run tab.
 */
export function SidePanel() {
  const readOnly = useRipple((s) => s.readOnly);
  const selectedEdge = useRipple((s) => s.selectedEdge);
  const storedTab = useRipple((s) => s.panelTab);
  const setTab = useRipple((s) => s.setPanelTab);
  const tab: Tab = readOnly ? 'run' : storedTab;
  const refs = useRef<Record<Tab, HTMLButtonElement | null>>({ step: null, scenario: null, run: null, source: null, lesson: null });
  const tabs = readOnly ? TABS.filter((t) => t.id === 'run') : TABS;
  // What a first click on a step opens is the inspector: its chunk and style sheet load in an
  // idle moment after the canvas rather than in that click's task, where adding them to the page
  // (and the style recalculation a new sheet costs over a 2,000-step canvas) made the longest
  // task of selecting a step (issue #15).
  useEffect(() => (readOnly ? undefined : whenIdle(() => void loadInspector().catch(() => undefined), INSPECTOR_IDLE_TIMEOUT_MS)), [readOnly]);

  const onKeyDown = (event: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === tab);
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (i + 1) % tabs.length;
    if (event.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = tabs.length - 1;
    if (next === null) return;
    event.preventDefault();
    event.stopPropagation();
    setTab(tabs[next].id);
    refs.current[tabs[next].id]?.focus();
  };

  return (
    <>
      <div className="tabs" role="tablist" aria-label="Panels" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            className="tab"
            aria-selected={tab === t.id}
            aria-controls={`tabpanel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} tabIndex={0}>
        <Suspense fallback={<p className="pb-hint">Loading…</p>}>
          {tab === 'step' && (selectedEdge ? <EdgeInspector /> : <Inspector />)}
          {tab === 'scenario' && <ScenarioPanel />}
        </Suspense>
        {tab === 'run' && <RunSidePanel />}
        {tab === 'source' && (
          <Suspense fallback={<p role="status">Loading the editor…</p>}>
            <SourcePanel />
          </Suspense>
        )}
        {tab === 'lesson' && <LessonTab />}
      </div>
    </>
  );
}
