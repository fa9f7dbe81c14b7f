import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { act, render } from '@testing-library/react';
import { useRef } from 'react';
import { useHostBridge } from '../../src/embed/useHostBridge.ts';
import { findPreset } from '../../src/presets/index.ts';
import { createRippleStore, type RippleStore } from '../../src/store/store.ts';
import type { EmbedMessage } from '../../src/embed/protocol.ts';

// The embed's side of the protocol, with a stand-in parent window.
const posted: EmbedMessage[] = [];
const parent = { postMessage: (message: EmbedMessage) => posted.push(message) } as unknown as Window;

function Bridge({ store, id }: { store: RippleStore; id?: string }) {
  const root = useRef<HTMLDivElement>(null);
  useHostBridge(store, root, () => 432.4, id);
  return <div ref={root} />;
}

function mount(id?: string) {
  const store = createRippleStore({ scenario: findPreset('payment-fails')!.scenario, readOnly: true });
  store.getState().runScenario();
  store.getState().pause();
  render(<Bridge store={store} id={id} />);
  return store;
}

function fromParent(data: unknown, source: unknown = parent) {
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { data, source: source as Window }));
  });
}

beforeEach(() => {
  posted.length = 0;
  Object.defineProperty(window, 'parent', { value: parent, configurable: true });
});
afterEach(() => {
  Object.defineProperty(window, 'parent', { value: window, configurable: true });
});

describe('embed → host', () => {
  test('ready, then the height, each carrying the id', () => {
    mount('intro');
    expect(posted[0]).toMatchObject({ source: 'ripple-embed', version: 1, type: 'ready', id: 'intro', title: 'Order pipeline: payment declined', steps: 5 });
    expect((posted[0] as { durationMs: number }).durationMs).toBeGreaterThan(0);
    expect(posted[1]).toEqual({ source: 'ripple-embed', version: 1, type: 'height', id: 'intro', height: 433 });
  });

  test('a moment whenever the event shown changes, not for every frame in between', () => {
    const store = mount();
    posted.length = 0;
    act(() => store.getState().stepForward());
    expect(posted).toEqual([{ source: 'ripple-embed', version: 1, type: 'moment', t: store.getState().time, cursor: 1, playing: false }]);
    act(() => store.getState().tick(store.getState().time + 0.001));
    expect(posted).toHaveLength(1);
  });
});

describe('host → embed', () => {
  test('play, pause and seek from the parent window', () => {
    const store = mount();
    fromParent({ source: 'ripple-host', version: 1, type: 'play' });
    expect(store.getState().playing).toBe(true);
    fromParent({ source: 'ripple-host', version: 1, type: 'pause' });
    expect(store.getState().playing).toBe(false);
    fromParent({ source: 'ripple-host', version: 1, type: 'seek', t: 200 });
    expect(store.getState().time).toBe(200);
    expect(posted.at(-1)).toMatchObject({ type: 'moment', t: 200 });
  });

  test('anything else, or anything from another window, is ignored', () => {
    const store = mount();
    const before = store.getState();
    fromParent({ source: 'ripple-host', version: 1, type: 'play' }, window);
    fromParent({ source: 'ripple-host', version: 2, type: 'play' });
    fromParent({ source: 'ripple-host', version: 1, type: 'seek', t: -5 });
    fromParent('play');
    fromParent(null);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().time).toBe(before.time);
  });

  test('nothing is posted when the embed is not in a frame', () => {
    Object.defineProperty(window, 'parent', { value: window, configurable: true });
    const spy = vi.spyOn(window, 'postMessage');
    mount();
    expect(posted).toEqual([]);
    expect(spy).not.toHaveBeenCalled();
  });
});
