// The toolbar's share entry: a Share button (link, embed code, Markdown) and an
// Import / Export menu. It also makes the whole page a drop target for scenario files,
// $batch bodies and exported images, so none of that needs wiring elsewhere.
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { countNotes } from '../../scenario/problem-groups.ts';
import type { Problem } from '../../scenario/types.ts';
import { useRippleStore } from '../../store/context.tsx';
import { downloadText } from './download.ts';
import { openInStore } from './open-in-store.ts';
import type { OpenedInput } from './open-input.ts';
import { ProblemList } from './ProblemList.tsx';
import { fileBase } from './snippets.ts';
import { useFileDrop } from './useFileDrop.ts';
import { ImportExportFace, ShareFace } from './button-faces.tsx';
import { closeMenu, MenuList } from '../MenuList.tsx';
import './share.css';

// The dialogs, the exporters and the file readers load on first use: they are not needed to
// draw the editor, and keep the main chunk smaller.
const ShareDialog = lazy(() => import('./ShareDialog.tsx').then((m) => ({ default: m.ShareDialog })));
const BatchImportDialog = lazy(() => import('./BatchImportDialog.tsx').then((m) => ({ default: m.BatchImportDialog })));
const loadExports = () => import('./exports.ts');
const loadOpenInput = () => import('./open-input.ts');

type Toast = { kind: 'info' | 'error'; text: string; problems: Problem[]; seq: number };

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The files `ripple export --format` writes, by the names their systems give them (src/export/dialects/index.ts). */
const ORCHESTRATOR_EXPORTS = [
  { format: 'github-actions', label: 'GitHub Actions workflow (YAML)' },
  { format: 'argo', label: 'Argo Workflow (YAML)' },
  { format: 'airflow', label: 'Airflow task list (JSON)' },
  { format: 'airflow-dag', label: 'Airflow DAG file (Python)' },
] as const;

interface MenuItem {
  label: string;
  run: () => void;
}

function ImportExportMenu({ groups }: { groups: { heading: string; items: MenuItem[] }[] }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => setOpen(false);

  return (
    <>
      <button
        ref={button}
        type="button"
        className="btn btn--collapsible"
        data-tool="import-export"
        title="Import / Export"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'share-io-menu' : undefined}
        onClick={() => setOpen(!open)}
      >
        <ImportExportFace />
      </button>
      {open && (
        <MenuList id="share-io-menu" label="Import and export" button={button} onClose={close}>
          {groups.map((group, g) => (
            <li key={group.heading} role="none">
              {g > 0 && <div className="share-menu__separator" role="separator" />}
              <div className="share-menu__heading" aria-hidden="true">
                {group.heading}
              </div>
              <ul role="group" aria-label={group.heading} className="share-menu__group">
                {group.items.map((item) => (
                  <li key={item.label} role="none">
                    <button
                      type="button"
                      role="menuitem"
                      tabIndex={-1}
                      className="share-menu__item"
                      onClick={() => {
                        closeMenu(button, close);
                        item.run();
                      }}
                    >
                      {item.label}
                    </button>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </MenuList>
      )}
    </>
  );
}

const NO_FILES: File[] = [];

/** `droppedEarly`: files dropped on the page before this chunk loaded (ShareEntry.tsx), opened once it has. */
export function ShareMenu({ droppedEarly = NO_FILES }: { droppedEarly?: File[] } = {}) {
  const store = useRippleStore();
  const [dialog, setDialog] = useState<'share' | 'batch' | null>(null);
  const [toast, setToast] = useState<Toast | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const seq = useRef(0);

  // An informational toast goes by itself after a few seconds, but not while the pointer or the
  // focus is on it (its notes are being read); an error stays until dismissed. A touch screen
  // has no hover (its pointer leaves as the finger lifts), so a tap or a pen's touch inside the
  // toast pins it until dismissed (tryout: on a phone the notes went while being read).
  const [held, setHeld] = useState(false);
  const [pinned, setPinned] = useState(false);
  useEffect(() => {
    if (toast?.kind !== 'info' || held || pinned) return undefined;
    const timer = setTimeout(() => setToast((current) => (current === toast ? null : current)), 6_000);
    return () => clearTimeout(timer);
  }, [toast, held, pinned]);

  const say = useCallback((kind: Toast['kind'], text: string, problems: Toast['problems'] = []) => {
    setPinned(false);
    setToast({ kind, text, problems, seq: ++seq.current });
  }, []);

  const applyOpened = useCallback(
    (opened: OpenedInput, name: string) => {
      if (!opened.ok) {
        say('error', `Could not open ${name}: ${opened.message}`, opened.problems);
        return;
      }
      const result = openInStore(store, opened.scenario, opened.extras, `open ${opened.source}`);
      if (!result.ok) {
        say('error', `Could not open ${name}: ${result.message}`, result.problems);
        return;
      }
      const from = opened.source === 'scenario file' ? name : `the ${opened.source}`;
      const next = opened.source.startsWith('JSON $batch') ? ' Select a request and give it a failure, then Run to see which answer 424.' : '';
      // Counted as the list below tells them: a line naming seven tasks is one note.
      const note = opened.warnings.length > 0 ? ` ${countNotes(opened.warnings)}:` : '';
      say('info', `Opened “${opened.scenario.title}” from ${from}.${next}${note}`, opened.warnings);
    },
    [store, say],
  );

  const openFiles = useCallback(
    (files: FileList | File[]) => {
      const file = files[0];
      if (!file) return;
      void loadOpenInput()
        .then(({ openFile }) => openFile(file))
        .then((opened) => applyOpened(opened, `“${file.name}”`))
        .catch((error: unknown) => say('error', `Could not open “${file.name}”: ${reason(error)}`));
    },
    [applyOpened, say],
  );

  const dragging = useFileDrop(openFiles);
  // Each drop caught before this menu listened is a new array: open each once. One may still
  // arrive after this menu first drew, from the stand-in whose listener lives until this menu's
  // effects run (CI: a drop in that gap was lost).
  const openedEarly = useRef<readonly File[]>([]);
  useEffect(() => {
    if (droppedEarly.length === 0 || openedEarly.current === droppedEarly) return;
    openedEarly.current = droppedEarly;
    openFiles(droppedEarly);
  }, [droppedEarly, openFiles]);

  const guard = (what: string, action: () => void | Promise<unknown>) => () => {
    try {
      const pending = action();
      if (pending) pending.catch((error: unknown) => say('error', `${what} failed: ${reason(error)}`));
    } catch (error) {
      say('error', `${what} failed: ${reason(error)}`);
    }
  };

  const exportSvg = guard('Export', () => loadExports().then((m) => m.exportSvg(store.getState())));
  const exportAnimatedSvg = (theme: 'light' | 'dark') => guard('Export', () => loadExports().then((m) => m.exportAnimatedSvg(store.getState(), theme)))();

  const downloadScenario = () => {
    // Unlike a link (share-url.ts), the file keeps positions the built-in layout gave: it has no
    // length to fit, is read and diffed by people and tools, and pins the picture should a later
    // Ripple lay out differently.
    const { scenario } = store.getState();
    downloadText(`${JSON.stringify(scenario, null, 2)}\n`, `${fileBase(scenario.title)}.ripple.json`, 'application/json');
  };

  const groups = [
    {
      heading: 'Scenario',
      items: [
        { label: 'Open file…', run: () => fileInput.current?.click() },
        { label: 'Import JSON $batch body…', run: () => setDialog('batch') },
        { label: 'Download scenario (JSON)', run: guard('Download', downloadScenario) },
      ],
    },
    {
      heading: 'Export the run',
      items: [
        { label: 'Batch response (JSON $batch)', run: guard('Export', () => loadExports().then((m) => m.exportBatchResponse(store.getState()))) },
        { label: 'WebDAV 207 Multi-Status (XML)', run: guard('Export', () => loadExports().then((m) => m.exportWebDav(store.getState()))) },
        { label: 'Chrome trace (Perfetto)', run: guard('Export', () => loadExports().then((m) => m.exportChromeTrace(store.getState()))) },
      ],
    },
    {
      heading: 'Export for an orchestrator',
      items: ORCHESTRATOR_EXPORTS.map(({ format, label }) => ({
        label,
        run: guard(`${label} export`, () =>
          loadExports()
            .then((m) => m.exportForOrchestrator(store.getState(), format))
            .then((warnings) => {
              // Said every time, so the notes of an earlier export never stand for this one.
              if (warnings.length === 0) say('info', `Downloaded the ${label}.`);
              else {
                const notes: Problem[] = warnings.map((message) => ({ code: 'ignored', path: '', message }));
                say('info', `Downloaded the ${label}. ${countNotes(notes)}:`, notes);
              }
            }),
        ),
      })),
    },
    {
      heading: 'Export the graph',
      items: [
        { label: 'SVG image', run: exportSvg },
        {
          label: 'PNG image (2×)',
          run: guard('PNG export', () =>
            loadExports()
              .then((m) => m.exportPng(store.getState()))
              .then(({ scale }) => {
                if (scale < 2) say('info', `The graph is large: the PNG is drawn at ${scale.toFixed(2)}× to stay within the browser's image size.`);
              }),
          ),
        },
      ],
    },
  ];

  return (
    <div className="share-menu">
      {/* Secondary: Run is the toolbar's one primary action. */}
      <button type="button" className="btn" onClick={() => setDialog('share')}>
        <ShareFace />
      </button>
      <ImportExportMenu groups={groups} />
      <input
        ref={fileInput}
        type="file"
        hidden
        accept=".json,.yaml,.yml,.svg,.png,.txt,application/json,application/yaml,image/svg+xml,image/png"
        aria-label="Open a scenario, batch body or Ripple image"
        onChange={(event) => {
          openFiles([...(event.currentTarget.files ?? [])]);
          event.currentTarget.value = '';
        }}
      />
      <Suspense fallback={null}>
        {dialog === 'share' && <ShareDialog onClose={() => setDialog(null)} onDownloadFile={guard('Download', downloadScenario)} onDownloadSvg={exportSvg} onDownloadAnimatedSvg={exportAnimatedSvg} />}
        {dialog === 'batch' && (
          <BatchImportDialog
            onClose={() => setDialog(null)}
            onImported={(opened) => {
              setDialog(null);
              applyOpened(opened, 'the batch body');
            }}
          />
        )}
      </Suspense>
      {dragging && (
        <div className="share-drop-overlay" aria-hidden="true">
          <span>Drop a scenario, $batch body, or Ripple SVG/PNG to open it</span>
        </div>
      )}
      {toast &&
        // At the top of the canvas column, clear of the toolbar, the side panel and the playback
        // dock under it (tryout: at the bottom it covered the timeline, and on a phone the dock).
        createPortal(
          <div
            className={`share-toast share-toast--${toast.kind}`}
            role={toast.kind === 'error' ? 'alert' : 'status'}
            key={toast.seq}
            data-pinned={pinned || undefined}
            // A new picture (an import) is fitted below it (src/canvas/covered-top.ts).
            data-covers-canvas=""
            onPointerEnter={() => setHeld(true)}
            onPointerLeave={() => setHeld(false)}
            onPointerDown={(event) => {
              if (event.pointerType !== 'mouse') setPinned(true);
            }}
            onFocus={() => setHeld(true)}
            onBlur={(event) => {
              if (!event.currentTarget.contains(event.relatedTarget)) setHeld(false);
            }}
          >
            <div className="share-toast__body">
              {toast.text}
              <ProblemList problems={toast.problems} max={5} except={toast.text} />
            </div>
            <button
              type="button"
              className="btn btn--quiet"
              aria-label="Dismiss"
              onClick={() => {
                setToast(null);
                setHeld(false);
                setPinned(false);
              }}
            >
              ×
            </button>
          </div>,
          document.querySelector('.canvas-area') ?? document.body,
        )}
    </div>
  );
}
