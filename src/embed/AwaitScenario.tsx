// An embed opened without a scenario in its address, inside a frame: it waits for the host's
// `load` message (sent by the <ripple-embed> element for a scenario file, src/element/), opens
// the text through the gate like any file, and then shows it — or says what is wrong with it.
import { useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { openScenario, type OpenResult } from '../scenario/open-scenario.ts';
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
      if (message?.type === 'load') setOpened(openScenario(message.text));
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
