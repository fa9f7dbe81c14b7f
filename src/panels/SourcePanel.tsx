// The Source tab (issue #14): the scenario as text, YAML or JSON, in a real code editor, edited
// live as in Mermaid Live. Each edit is read by the gate (src/scenario/source-text.ts); a valid
// one becomes the scenario (one undo step, the canvas follows), an invalid one is underlined
// where it is wrong while the canvas keeps the last valid version. A change from elsewhere
// (the canvas, undo, a load) rewrites the text. CodeMirror and the YAML reader load with the tab.
import { useEffect, useRef, useState } from 'react';
import { usePrefs } from '../app/use-prefs.ts';
import type { SourceFormat, SourceProblem } from '../scenario/source-text.ts';
import type { Scenario } from '../scenario/types.ts';
import { useRipple, useRippleStore } from '../store/context.tsx';
import type { SourceEditor } from './source-editor.ts';

/** How long typing pauses before the text is read (ms): reading on every key would flicker the canvas. */
const READ_DELAY_MS = 250;
const MAX_LISTED_PROBLEMS = 5;

type Modules = { editor: typeof import('./source-editor.ts'); text: typeof import('../scenario/source-text.ts') };

function isDark(): boolean {
  return document.documentElement.dataset.theme === 'dark';
}

export default function SourcePanel() {
  const store = useRippleStore();
  const scenario = useRipple((s) => s.scenario);
  const [prefs, setPrefs] = usePrefs();
  const format = prefs.sourceFormat;
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<SourceEditor | null>(null);
  const modules = useRef<Modules | null>(null);
  /** The scenario this panel last put in the store: its own echo, not a change to show. */
  const applied = useRef<Scenario | null>(null);
  const formatRef = useRef(format);
  formatRef.current = format;
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [problems, setProblems] = useState<SourceProblem[]>([]);

  // Load CodeMirror and the reader, then make the editor (once).
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    Promise.all([import('./source-editor.ts'), import('../scenario/source-text.ts')]).then(
      ([editorModule, textModule]) => {
        if (cancelled || !host.current) return;
        modules.current = { editor: editorModule, text: textModule };
        const read = (text: string) => {
          const result = textModule.readSource(text, formatRef.current);
          if (!result.ok) {
            setProblems(result.problems);
            editor.current?.showProblems(result.problems);
            return;
          }
          const edit = store.getState().editSource(result.scenario);
          const shown = edit.ok ? result.warnings : edit.problems.map((p) => ({ message: `${p.path ? `${p.path}: ` : ''}${p.message}`, line: 1, column: 1, severity: 'error' as const }));
          if (edit.ok) applied.current = store.getState().scenario;
          setProblems(shown);
          editor.current?.showProblems(shown);
        };
        editor.current = editorModule.createSourceEditor({
          parent: host.current,
          text: textModule.scenarioToSource(store.getState().scenario, formatRef.current),
          format: formatRef.current,
          dark: isDark(),
          label: `Scenario source (${formatRef.current === 'yaml' ? 'YAML' : 'JSON'})`,
          onChange: (text) => {
            clearTimeout(timer);
            timer = setTimeout(() => read(text), READ_DELAY_MS);
          },
        });
        applied.current = store.getState().scenario;
        setState('ready');
      },
      () => !cancelled && setState('failed'),
    );
    // Follow the page's theme (the toolbar's toggle sets <html data-theme>).
    const themeWatch = new MutationObserver(() => editor.current?.setTheme(isDark()));
    themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      cancelled = true;
      clearTimeout(timer);
      themeWatch.disconnect();
      editor.current?.destroy();
      editor.current = null;
    };
  }, [store]);

  // A change from elsewhere, or another syntax: rewrite the text.
  const shownFormat = useRef(format);
  useEffect(() => {
    const m = modules.current;
    if (!m || !editor.current) return;
    const formatChanged = shownFormat.current !== format;
    shownFormat.current = format;
    if (formatChanged) editor.current.setFormat(format);
    if (!formatChanged && scenario === applied.current) return;
    applied.current = scenario;
    editor.current.setText(m.text.scenarioToSource(scenario, format));
    setProblems([]);
    editor.current.showProblems([]);
  }, [scenario, format, state]);

  const choose = (next: SourceFormat) => {
    if (next !== format) setPrefs({ sourceFormat: next });
  };

  const errors = problems.filter((p) => p.severity === 'error');
  return (
    <section className="source-panel" aria-label="Source">
      <div className="source-panel__bar">
        <div role="radiogroup" aria-label="Syntax" className="segmented">
          {(['yaml', 'json'] as const).map((f) => (
            <button key={f} type="button" role="radio" aria-checked={format === f} className="segmented__option" onClick={() => choose(f)}>
              {f === 'yaml' ? 'YAML' : 'JSON'}
            </button>
          ))}
        </div>
        <p className="source-panel__status" role="status" aria-live="polite">
          {state === 'loading'
            ? 'Loading the editor…'
            : state === 'failed'
              ? 'The editor could not be loaded. Reload the page to try again.'
              : errors.length > 0
                ? `${errors.length} problem${errors.length === 1 ? '' : 's'}: the canvas shows the last valid version.`
                : 'Valid: the canvas follows your edits.'}
        </p>
      </div>
      <div ref={host} className="source-panel__editor" data-testid="source-editor" />
      {errors.length > 0 && (
        <ul className="source-panel__problems">
          {errors.slice(0, MAX_LISTED_PROBLEMS).map((p, i) => (
            <li key={i}>{p.placed ? p.message : `Line ${p.line}, column ${p.column}: ${p.message}`}</li>
          ))}
          {errors.length > MAX_LISTED_PROBLEMS && <li>… and {errors.length - MAX_LISTED_PROBLEMS} more</li>}
        </ul>
      )}
    </section>
  );
}
