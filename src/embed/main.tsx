// OWNER: share/embed engineer. The embed page (embed.html): one read-only simulator per frame,
// configured by the query string (embed-params.ts) and carrying its scenario in the fragment.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import '../app/styles.css';
import './embed.css';
import { linkProblem } from '../app/share/links.ts';
import { appUrlFromEmbed } from '../app/share/snippets.ts';
import { decodeScenarioLink } from '../scenario/link-codec.ts';
import { RippleProvider } from '../store/context.tsx';
import { loadEngine } from '../store/engine-loader.ts';
import { parseEmbedParams } from './embed-params.ts';
import { EmbedError } from './EmbedError.tsx';
import { EmbedView } from './EmbedView.tsx';
import { AwaitScenario } from './AwaitScenario.tsx';
import { embedComparison } from './EmbedCompare.tsx';

const params = parseEmbedParams(location.search);
const dark = params.theme === 'dark' || (params.theme === 'auto' && (window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false));
const colorMode = dark ? 'dark' : 'light';
document.documentElement.dataset.theme = colorMode;
document.documentElement.classList.add('embed-page');

const appUrl = appUrlFromEmbed(location.href);
const fragment = location.hash.slice(1);
// A comparison link (`A~B`) shows both sides with compare=1, else its A alone.
const comparison = params.compare ? embedComparison(fragment, location.href, appUrl) : null;
const decoded = fragment === '' || comparison !== null ? null : decodeScenarioLink(fragment.split('~')[0]);

// The embed exists to play a run: load the engine before the first render, so a moment from the
// link and the host's play/seek act on a finished run at once, as they did before it was lazy.
await loadEngine().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {comparison ?? (decoded?.ok ? (
      <RippleProvider options={{ scenario: decoded.scenario, readOnly: true, persist: false }}>
        <ReactFlowProvider>
          <EmbedView params={params} extras={decoded.extras} appUrl={appUrl} colorMode={colorMode} />
        </ReactFlowProvider>
      </RippleProvider>
    ) : decoded === null && window.parent !== window ? (
      <AwaitScenario params={params} appUrl={appUrl} colorMode={colorMode} />
    ) : (
      <EmbedError problem={decoded ? linkProblem(decoded.error, location.href) : null} appUrl={appUrl} />
    ))}
  </StrictMode>,
);
