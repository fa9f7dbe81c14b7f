// The embed's side of the postMessage protocol (protocol.ts): announce `ready`, report the
// content height and the moment shown, and obey the host's play / pause / seek. Only messages
// from the parent window that pass validation are acted on; everything else is ignored.
import { useEffect, type RefObject } from 'react';
import type { RippleStore } from '../store/store.ts';
import { embedMessage, parseHostMessage, type EmbedMessage } from './protocol.ts';

function hasHost(): boolean {
  return window.parent !== window;
}

// '*' as the target: the embed's messages say nothing the host page does not already have
// (the scenario is in the iframe's own address), and the host's origin is not known.
function post(message: EmbedMessage): void {
  if (hasHost()) window.parent.postMessage(message, '*');
}

/**
 * `ready` once, then `height` whenever the content's natural height changes and `moment`
 * whenever the event shown or play/pause changes (not every animation frame).
 */
export function useHostBridge(store: RippleStore, content: RefObject<HTMLElement | null>, measureHeight: () => number, id: string | undefined): void {
  useEffect(() => {
    const ids = id === undefined ? {} : { id };
    const state = store.getState();
    post(embedMessage({ type: 'ready', ...ids, title: state.scenario.title, steps: state.scenario.steps.length, durationMs: state.duration }));

    let lastHeight = -1;
    const reportHeight = () => {
      const height = Math.ceil(measureHeight());
      if (height !== lastHeight) {
        lastHeight = height;
        post(embedMessage({ type: 'height', ...ids, height }));
      }
    };
    const observer = new ResizeObserver(reportHeight);
    if (content.current) {
      observer.observe(content.current);
      for (const child of content.current.children) observer.observe(child);
    }
    reportHeight();

    const reportMoment = (now: typeof state, before: typeof state) => {
      if (now.cursor === before.cursor && now.playing === before.playing && now.timeline === before.timeline) return;
      post(embedMessage({ type: 'moment', ...ids, t: now.time, cursor: now.cursor, playing: now.playing }));
    };
    const unsubscribe = store.subscribe(reportMoment);

    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent || !hasHost()) return;
      const message = parseHostMessage(event.data);
      if (!message) return;
      const current = store.getState();
      switch (message.type) {
        case 'play':
          if (current.timeline.length === 0) current.runScenario();
          store.getState().play();
          return;
        case 'pause':
          current.pause();
          return;
        case 'seek':
          if (current.timeline.length === 0) current.runScenario();
          store.getState().seekTime(message.t);
          return;
        case 'load':
          // Only an embed opened without a scenario takes one (src/embed/AwaitScenario.tsx).
          return;
      }
    };
    window.addEventListener('message', onMessage);
    return () => {
      observer.disconnect();
      unsubscribe();
      window.removeEventListener('message', onMessage);
    };
  }, [store, content, measureHeight, id]);
}
