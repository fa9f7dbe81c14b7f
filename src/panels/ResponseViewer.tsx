import { memo, useId, useMemo, useState } from 'react';
import { reasonPhrase } from '../engine/index.ts';
import type { RunResult, StepResponse } from '../engine/types.ts';
import { useRipple } from '../store/context.tsx';
import { selectCurrentResult, selectCurrentSegment } from '../store/selectors.ts';
import { selectAsOf, selectEventsLeftThisMoment, selectSelectedProgress, selectStepNames } from '../store/panel-selectors.ts';
import { eventsLeftText, formatMs, stepForwardText } from './event-text.ts';
import { clientSnippet, type SnippetLanguage } from './client-snippets.ts';
import { copyText } from './copy-text.ts';
import './playback.css';

// Responses: the exact HTTP answer a client gets for the selected step, the run's 207
// Multi-Status body, and how a client detects a 424 (curl, fetch, Python requests).

function contentType(status: number): string {
  return status >= 400 ? 'application/problem+json' : 'application/json';
}

function headerLines(status: number, headers: Record<string, string> | undefined, hasBody: boolean): string[] {
  // A message without content has no Content-Type (RFC 9110 §8.3; a 204 has no content, §15.3.5).
  const all: Record<string, string> = hasBody ? { 'Content-Type': contentType(status), ...(headers ?? {}) } : { ...(headers ?? {}) };
  if (!hasBody) for (const name of Object.keys(all)) if (name.toLowerCase() === 'content-type') delete all[name];
  // The engine's header names may differ in case: keep one Content-Type.
  const seen = new Set<string>();
  return Object.entries(all)
    .reverse()
    .filter(([name]) => {
      const key = name.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .reverse()
    .map(([name, value]) => `${name}: ${value}`);
}

/** `HTTP/1.1 424 Failed Dependency`, headers, blank line, pretty JSON body. */
export function httpMessage(status: number, headers: Record<string, string> | undefined, body: unknown): string {
  const lines = [`HTTP/1.1 ${status} ${reasonPhrase(status)}`, ...headerLines(status, headers, body !== undefined)];
  return body === undefined ? lines.join('\n') : `${lines.join('\n')}\n\n${JSON.stringify(body, null, 2)}`;
}

export function stepMessage(response: StepResponse): string | null {
  if (response.status === null) return null;
  return httpMessage(response.status, response.headers, response.body);
}

export function runMessage(result: RunResult): string {
  return httpMessage(result.response.status, { 'Content-Type': 'application/json' }, result.response);
}

function CopyButton({ text, what }: { text: string; what: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <>
      <button
        type="button"
        className="pb-copy"
        aria-label={`Copy ${what}`}
        onClick={async () => {
          const ok = await copyText(text);
          setState(ok ? 'copied' : 'failed');
          setTimeout(() => setState('idle'), 2000);
        }}
      >
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
      </button>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? `${what} copied` : state === 'failed' ? `Could not copy ${what}` : ''}
      </span>
    </>
  );
}

function CodeBlock({ title, text, what }: { title: string; text: string; what: string }) {
  const id = useId();
  return (
    <figure className="pb-code" aria-labelledby={id}>
      <figcaption>
        <span id={id}>{title}</span>
        <CopyButton text={text} what={what} />
      </figcaption>
      <pre tabIndex={0} aria-labelledby={id}>
        <code>{text}</code>
      </pre>
    </figure>
  );
}

const LANGUAGES: { id: SnippetLanguage; label: string }[] = [
  { id: 'curl', label: 'curl' },
  { id: 'fetch', label: 'fetch' },
  { id: 'python', label: 'Python requests' },
];

// Memoised: its props change with the run or the selection, not with the playhead.
const Snippets = memo(function Snippets({ request, prerequisite }: { request: string | null; prerequisite?: string }) {
  const [language, setLanguage] = useState<SnippetLanguage>('curl');
  const text = clientSnippet(language, { request, prerequisite });
  return (
    <div className="pb-snippets">
      <div className="pb-segmented" role="group" aria-label="Client language">
        {LANGUAGES.map((l) => (
          <button key={l.id} type="button" aria-pressed={language === l.id} onClick={() => setLanguage(l.id)}>
            {l.label}
          </button>
        ))}
      </div>
      <CodeBlock title={`Detect the 424 with ${LANGUAGES.find((l) => l.id === language)?.label}`} text={text} what={`${language} snippet`} />
    </div>
  );
});

function RunBody({ result }: { result: RunResult }) {
  const [open, setOpen] = useState(false);
  const end = useRipple((s) => selectAsOf(s)?.end ?? true);
  const time = useRipple((s) => s.time);
  const left = useRipple(selectEventsLeftThisMoment);
  if (!end && left !== null) {
    return (
      <p className="pb-hint">
        The run ends at this moment ({formatMs(time)}): {eventsLeftText(left)}; then the whole batch answers, one response for every step. {stepForwardText(left)} to see it.
      </p>
    );
  }
  if (!end) return <p className="pb-hint">The whole batch answers when the run ends; at {formatMs(time)} it is still running.</p>;
  return (
    <details className="pb-details" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        Whole run: {result.response.status} {reasonPhrase(result.response.status)}
      </summary>
      {open && <CodeBlock title={`Batch response (${result.response.results.length} results)`} text={runMessage(result)} what="batch response" />}
    </details>
  );
}

export function ResponseViewer() {
  const result = useRipple(selectCurrentResult);
  const segment = useRipple(selectCurrentSegment);
  const selected = useRipple((s) => s.selectedStepId);
  const progress = useRipple(selectSelectedProgress);
  // The playhead's time shows only while the selected step has not answered: read then, the
  // panel does not redraw on every frame of playback for nothing it shows (issue #15).
  const time = useRipple((s) => {
    const p = selectSelectedProgress(s);
    return s.selectedStepId && p !== 'told' && p !== 'answered' ? (selectAsOf(s)?.time ?? 0) : 0;
  });
  const name = useRipple((s) => (selected ? (selectStepNames(s).get(selected) ?? selected) : ''));

  const response = useMemo(() => (result && selected ? result.response.results.find((r) => r.id === selected) : undefined), [result, selected]);
  // The snippet shows a 424 answer: the selected step's if it is blocked, else the run's first 424.
  const example = useMemo(() => {
    if (!result) return null;
    const blocked = selected && result.steps[selected]?.state === 'blocked' ? selected : Object.keys(result.steps).find((id) => result.steps[id].state === 'blocked');
    const id = blocked ?? selected ?? null;
    const request = id ? (segment?.scenario.steps.find((s) => s.id === id)?.request ?? null) : null;
    return { request, prerequisite: blocked ? result.steps[blocked].failedPrerequisiteStep : undefined };
  }, [result, selected, segment]);

  if (!result) return <p className="pb-hint">Run the scenario to see the HTTP responses a client would get.</p>;
  const message = response ? stepMessage(response) : null;
  // As of the playhead: a step's response exists once it has given its final answer.
  const answered = progress === 'told' || progress === 'answered';
  return (
    <div className="pb-responses">
      {!selected && <p className="pb-hint">Select a step to see its exact HTTP response.</p>}
      {selected && !response && <p className="pb-hint">{name} has no response in this run.</p>}
      {selected && response && !answered && <p className="pb-hint">{name} has not answered yet at {formatMs(time)}.</p>}
      {selected && response && answered && message === null && (
        <p>
          <strong>{name}</strong> sent no request, so there is no response{response.reason ? `: ${response.reason}` : '.'}
        </p>
      )}
      {selected && response && answered && message !== null && <CodeBlock title={`Response of ${name}`} text={message} what={`response of ${name}`} />}
      <RunBody result={result} />
      <details className="pb-details">
        <summary>How a client detects a 424</summary>
        <Snippets request={example?.request ?? null} prerequisite={example?.prerequisite} />
      </details>
    </div>
  );
}
