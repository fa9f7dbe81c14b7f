// The Share dialog: the link (with where it fits), "link to this moment" and "start playing",
// the embed code and Markdown. Everything is derived from the store's scenario on render; the
// link is computed once per change of what it encodes.
import { useMemo, useState } from 'react';
import { useRipple } from '../../store/context.tsx';
import type { RippleState } from '../../store/store.ts';
import { CopyField } from './CopyField.tsx';
import { LengthMeter } from './LengthMeter.tsx';
import { linkFit } from './link-fit.ts';
import type { LinkExtras } from '../../scenario/link-codec.ts';
import { lessonEmbedUrl } from '../../lessons/lesson-link.ts';
import { makeShareUrl } from './share-url.ts';
import { Dialog } from '../Dialog.tsx';
import {
  animatedMarkdownSnippet,
  animatedSvgFileName,
  DEFAULT_EMBED_OPTIONS,
  embedUrl,
  iframeSnippet,
  markdownSnippet,
  svgFileName,
  type EmbedOptions,
  type EmbedPanel,
  type EmbedTheme,
} from './snippets.ts';

const selectScenario = (s: RippleState) => s.scenario;
const selectHasRun = (s: RippleState) => s.timeline.length > 0;
const selectTime = (s: RippleState) => s.time;
const selectSelectedStep = (s: RippleState) => s.selectedStepId;

/** Characters after the #: what the meter and the recovery screen both count. */
function fragmentLength(url: string): number {
  return url.length - url.indexOf('#') - 1;
}

function formatMoment(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export interface ShareDialogProps {
  onClose: () => void;
  /** Save the scenario as a file (offered when the link is too long to travel). */
  onDownloadFile: () => void;
  /** Export the SVG the Markdown image points at. */
  onDownloadSvg: () => void;
  /** Download the run as an animated SVG (CSS keyframes, no script) in a theme. */
  onDownloadAnimatedSvg: (theme: 'light' | 'dark') => void;
}

export function ShareDialog({ onClose, onDownloadFile, onDownloadSvg, onDownloadAnimatedSvg }: ShareDialogProps) {
  const scenario = useRipple(selectScenario);
  const hasRun = useRipple(selectHasRun);
  const time = useRipple(selectTime);
  const selectedStep = useRipple(selectSelectedStep);
  const [atMoment, setAtMoment] = useState(false);
  const [startPlaying, setStartPlaying] = useState(false);
  const [embed, setEmbed] = useState<EmbedOptions>(DEFAULT_EMBED_OPTIONS);
  const [animatedTheme, setAnimatedTheme] = useState<'light' | 'dark'>('light');

  // The moment is frozen when the box is ticked, so playback running behind the dialog does
  // not rewrite the link under the person's cursor.
  const [moment, setMoment] = useState<Pick<LinkExtras, 'at' | 'select'> | null>(null);
  const momentLabel = selectedStep ? `${formatMoment(time)}, step “${scenario.steps.find((s) => s.id === selectedStep)?.label ?? selectedStep}” selected` : formatMoment(time);

  const link = useMemo(
    () => makeShareUrl(scenario, { ...(atMoment && moment ? moment : {}), ...(startPlaying ? { play: true } : {}) }),
    [scenario, atMoment, moment, startPlaying],
  );

  return (
    <Dialog title="Share this scenario" onClose={onClose}>
      <div className="share-body">
      {!link.ok ? (
        <section className="share-section">
          <p className="share-error" role="alert">
            {link.message}
          </p>
          <div className="share-actions">
            <button type="button" className="btn btn--primary" onClick={onDownloadFile}>
              Download the scenario file
            </button>
          </div>
        </section>
      ) : (
        <>
          <section className="share-section" aria-labelledby="share-link-heading">
            <h3 id="share-link-heading">Link</h3>
            <p className="share-hint">The whole scenario is in the link, after the #: it never reaches a server.</p>
            <CopyField label="Share link" value={link.url} buttonLabel="Copy link" rows={3} />
            <LengthMeter length={fragmentLength(link.url)} />
            {linkFit(fragmentLength(link.url)) === 'file' && (
              <div className="share-actions">
                <button type="button" className="btn btn--primary" onClick={onDownloadFile}>
                  Download the scenario file instead
                </button>
              </div>
            )}
            <div className="share-options">
              <label title={hasRun ? undefined : 'Run the scenario first to link to a moment of it'}>
                <input
                  type="checkbox"
                  checked={atMoment && hasRun}
                  disabled={!hasRun}
                  onChange={(event) => {
                    setAtMoment(event.currentTarget.checked);
                    setMoment({ at: time, ...(selectedStep ? { select: selectedStep } : {}) });
                  }}
                />
                Link to this moment {hasRun ? `(${momentLabel})` : '(run the scenario first)'}
              </label>
              <label>
                <input type="checkbox" checked={startPlaying} onChange={(event) => setStartPlaying(event.currentTarget.checked)} />
                Start playing when opened
              </label>
            </div>
          </section>

          <section className="share-section" aria-labelledby="share-embed-heading">
            <h3 id="share-embed-heading">Embed in a page</h3>
            <div className="share-options">
              <label>
                <input type="checkbox" checked={embed.controls} onChange={(event) => setEmbed({ ...embed, controls: event.currentTarget.checked })} />
                Playback controls
              </label>
              <label>
                Theme{' '}
                <select value={embed.theme} onChange={(event) => setEmbed({ ...embed, theme: event.currentTarget.value as EmbedTheme })}>
                  <option value="auto">Follow the reader</option>
                  <option value="light">Light</option>
                  <option value="dark">Dark</option>
                </select>
              </label>
              <label>
                Panel{' '}
                <select value={embed.panel} onChange={(event) => setEmbed({ ...embed, panel: event.currentTarget.value as EmbedPanel })}>
                  <option value="none">None</option>
                  <option value="timeline">Timeline</option>
                  <option value="log">Event log</option>
                </select>
              </label>
            </div>
            <CopyField label="Embed code (HTML)" value={iframeSnippet(lessonEmbedUrl(embedUrl(link.url, embed), scenario), scenario.title, embed)} buttonLabel="Copy embed code" rows={4} />
          </section>

          <section className="share-section" aria-labelledby="share-md-heading">
            <h3 id="share-md-heading">Markdown</h3>
            <CopyField label="Markdown (a link, and an image that links to it)" value={markdownSnippet(link.url, scenario.title)} buttonLabel="Copy Markdown" rows={4} />
            <p className="share-hint">
              For places without iframes, such as GitHub READMEs: save the SVG image as <code>{svgFileName(scenario.title)}</code> next to your
              Markdown file.
            </p>
            <div className="share-actions">
              <button type="button" className="btn" onClick={onDownloadSvg}>
                Download SVG
              </button>
            </div>
          </section>

          <section className="share-section" aria-labelledby="share-animated-heading">
            <h3 id="share-animated-heading">Animated picture</h3>
            <p className="share-hint">
              The whole run playing on a loop, as an SVG that moves with CSS alone (no script), so it plays inside a GitHub README or any image.
              Readers who ask for reduced motion see the end of the run. Save it as <code>{animatedSvgFileName(scenario.title)}</code> next to your
              Markdown file.
            </p>
            <CopyField label="Markdown (the animated picture, linking to the scenario)" value={animatedMarkdownSnippet(link.url, scenario.title)} buttonLabel="Copy Markdown for the animation" rows={2} />
            <div className="share-options">
              <label>
                Picture theme{' '}
                <select value={animatedTheme} onChange={(event) => setAnimatedTheme(event.currentTarget.value === 'dark' ? 'dark' : 'light')}>
                  <option value="light">Light</option>
                  <option value="dark">Dark</option>
                </select>
              </label>
            </div>
            <div className="share-actions">
              <button type="button" className="btn" onClick={() => onDownloadAnimatedSvg(animatedTheme)}>
                Download animated SVG
              </button>
            </div>
          </section>
        </>
      )}
      </div>
    </Dialog>
  );
}
