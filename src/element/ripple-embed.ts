// `<ripple-embed>`: a drop-in custom element for docs pages (issue #14). One script tag, no
// framework: it creates the sandboxed iframe of Ripple's embed page, sizes it from the embed's
// `height` messages (accepted only from that iframe's window and origin), and forwards
// play / pause / seek. Several may live on one page.
//
//   <script type="module" src="https://ripple.example/ripple-embed.js"></script>
//   <ripple-embed src="https://ripple.example/#r1.…" autoplay moment="300"></ripple-embed>
//   <ripple-embed src="/scenarios/payment.yaml" app="https://ripple.example/"></ripple-embed>
//
// `src` is a share link (its fragment carries the scenario) or the address of a scenario file
// (JSON or YAML): the element fetches that file itself — a request of the docs page, not of
// Ripple — and hands the text to the embed, whose gate checks it like any opened file.
// The protocol is documented in docs/embed.md.
import { hostMessage, parseEmbedMessage, type EmbedMessage, type HostMessage } from '../embed/protocol.ts';

/** Attributes that change the iframe's address. */
const FRAME_ATTRIBUTES = ['src', 'app', 'theme', 'panel', 'controls', 'autoplay', 'moment'] as const;
const MIN_HEIGHT_PX = 160;
const MAX_HEIGHT_PX = 1600;
const DEFAULT_HEIGHT_PX = 420;
/** Largest scenario file the element hands to the embed (the gate's own limit is checked there). */
const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;

let counter = 0;
const instances = new Set<RippleEmbedElement>();

/** Where Ripple is served: the `app` attribute, else the folder this script was loaded from. */
function appBase(element: HTMLElement): URL {
  const app = element.getAttribute('app');
  return new URL(app ?? './', app ? document.baseURI : import.meta.url);
}

/**
 * The embed page's address for this element: for a share link, its folder's `embed.html` with
 * the link's fragment; for a scenario file, the app's `embed.html` (the text follows by message).
 * Options become query parameters as the Share dialog writes them (src/embed/embed-params.ts).
 */
export function embedAddress(element: HTMLElement, id: string): { url: URL; scenarioUrl: URL | null } {
  const src = new URL(element.getAttribute('src') ?? '', document.baseURI);
  const isLink = src.hash.length > 1;
  const url = isLink ? new URL('embed.html', src) : new URL('embed.html', appBase(element));
  for (const name of ['theme', 'panel', 'controls'] as const) {
    const value = element.getAttribute(name);
    if (value !== null) url.searchParams.set(name, value);
  }
  if (element.hasAttribute('autoplay')) url.searchParams.set('autoplay', element.getAttribute('autoplay') || '1');
  const moment = element.getAttribute('moment');
  if (moment !== null && moment !== '') url.searchParams.set('t', moment);
  url.searchParams.set('id', id);
  url.hash = isLink ? src.hash : '';
  return { url, scenarioUrl: isLink ? null : src };
}

export class RippleEmbedElement extends HTMLElement {
  static observedAttributes = FRAME_ATTRIBUTES;

  /** Echoed by the embed in every message, so this element knows its own. */
  readonly embedId = `ripple-embed-${++counter}`;
  private frame: HTMLIFrameElement | null = null;
  private origin = '';
  private scenarioText: Promise<string> | null = null;

  connectedCallback(): void {
    instances.add(this);
    if (!this.frame) this.build();
  }

  disconnectedCallback(): void {
    instances.delete(this);
  }

  attributeChangedCallback(): void {
    if (this.frame) this.build();
  }

  /** Plays the run (runs it first if needed). */
  play(): void {
    this.send(hostMessage({ type: 'play' }));
  }

  pause(): void {
    this.send(hostMessage({ type: 'pause' }));
  }

  /** Shows the moment at virtual time `t` (ms). */
  seek(t: number): void {
    if (Number.isFinite(t) && t >= 0) this.send(hostMessage({ type: 'seek', t }));
  }

  private build(): void {
    let address: ReturnType<typeof embedAddress>;
    try {
      address = embedAddress(this, this.embedId);
    } catch {
      this.showError(`Ripple: "${this.getAttribute('src') ?? ''}" is not an address`);
      return;
    }
    const frame = document.createElement('iframe');
    frame.src = address.url.href;
    frame.title = this.getAttribute('title') || 'Ripple: how a 424 Failed Dependency spreads';
    frame.loading = 'lazy';
    // Scripts for the simulator; its own origin for its storage. Nothing else (no top
    // navigation, no forms, no popups).
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin');
    frame.style.cssText = `border:0;width:100%;height:${DEFAULT_HEIGHT_PX}px;display:block`;
    this.origin = address.url.origin;
    // Sent when the embed says it awaits it (an `awaiting-scenario` message).
    this.scenarioText = address.scenarioUrl ? fetchScenario(address.scenarioUrl) : null;
    this.replaceChildren(frame);
    this.frame = frame;
  }

  private showError(text: string): void {
    const box = document.createElement('p');
    box.setAttribute('role', 'alert');
    box.textContent = text;
    this.replaceChildren(box);
    this.frame = null;
  }

  private send(message: HostMessage): void {
    this.frame?.contentWindow?.postMessage(message, this.origin);
  }

  /** A message from this element's iframe (already matched by window and origin). */
  receive(message: EmbedMessage): void {
    switch (message.type) {
      case 'height': {
        const height = Math.min(Math.max(Math.ceil(message.height), MIN_HEIGHT_PX), MAX_HEIGHT_PX);
        if (this.frame) this.frame.style.height = `${height}px`;
        break;
      }
      case 'awaiting-scenario': {
        const pending = this.scenarioText;
        if (!pending) break;
        pending.then(
          (text) => this.send(hostMessage({ type: 'load', text })),
          (error: unknown) => this.showError(`Ripple: could not read ${this.getAttribute('src')}: ${error instanceof Error ? error.message : 'unknown error'}`),
        );
        break;
      }
      case 'ready':
      case 'moment':
        break;
    }
    this.dispatchEvent(new CustomEvent(`ripple-${message.type}`, { detail: message }));
  }

  /** Whether `event` came from this element's iframe, at the origin it was loaded from. */
  owns(event: MessageEvent): boolean {
    return this.frame !== null && event.source === this.frame.contentWindow && event.origin === this.origin;
  }
}

async function fetchScenario(url: URL): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  const text = await response.text();
  if (text.length > MAX_SCENARIO_BYTES) throw new Error(`larger than ${MAX_SCENARIO_BYTES / 1024 / 1024} MB`);
  return text;
}

function onMessage(event: MessageEvent): void {
  for (const element of instances) {
    if (!element.owns(event)) continue;
    const message = parseEmbedMessage(event.data);
    if (message && message.id === element.embedId) element.receive(message);
    return;
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('ripple-embed')) {
  customElements.define('ripple-embed', RippleEmbedElement);
  window.addEventListener('message', onMessage);
}
