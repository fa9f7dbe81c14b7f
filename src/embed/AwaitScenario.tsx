// An embed opened without a scenario in its address, inside a frame: it waits for the host's
// `load` message (sent by the <ripple-embed> element for a scenario file, src/element/), opens
// the text through the gate like any file, and then shows it — or says what is wrong with it.
import { useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { failWhole, type OpenResult } from '../scenario/open-value.ts';
import { formatProblem } from '../scenario/text.ts';
import { RippleProvider } from '../store/context.tsx';
import type { EmbedParams } from './embed-params.ts';
import { EmbedView } from './EmbedView.tsx';
import { embedMessage, parseHostMessage } from './protocol.ts';

const MAX_SHOWN_PROBLEMS = 5;

export function AwaitScenario({ params, appUrl, colorMode }: { params: EmbedParams; appUrl: string; colorMode: 'light' | 'dark' }) {
  const [opened, setOpened] = useState<OpenResult | null>(null);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent) return;
      const message = parseHostMessage(event.data);
      if (message?.type !== 'load') return;
      // The gate for text (with the YAML reader, ~30 kB gzip) loads when a host sends a
      // scenario, not with every embed (issue #15).
      const { text } = message;
      import('../scenario/open-scenario.ts').then(
        ({ openScenario }) => setOpened(openScenario(text)),
        (error: unknown) => setOpened(failWhole('invalid', 'internal', `Ripple could not load its file reader (${error instanceof Error ? error.message : 'unknown error'}); reload the page.`)),
      );
    };
    window.addEventListener('message', onMessage);
    // Now that it listens, ask for the scenario ('*': the message says nothing secret).
    window.parent.postMessage(embedMessage({ type: 'awaiting-scenario', ...(params.id === undefined ? {} : { id: params.id }) }), '*');
    return () => window.removeEventListener('message', onMessage);
  }, [params.id]);

  if (opened === null) {
    return (
      <div className="embed embed--waiting" role="status">
        <p>Loading the scenario…</p>
      </div>
    );
  }
  if (!opened.ok) {
    return (
      <div className="embed embed--error" role="alert">
        <p className="embed__error-title">This embedded scenario cannot be shown</p>
        <p>{opened.message}</p>
        <ul>
          {opened.problems.slice(0, MAX_SHOWN_PROBLEMS).map((problem, i) => (
            <li key={i}>{formatProblem(problem)}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <RippleProvider options={{ scenario: opened.scenario, readOnly: true, persist: false }}>
      <ReactFlowProvider>
        <EmbedView params={params} extras={{}} appUrl={appUrl} colorMode={colorMode} />
      </ReactFlowProvider>
    </RippleProvider>
  );
}
