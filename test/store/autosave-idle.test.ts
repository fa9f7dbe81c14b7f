// Issue #15: a big draft is a long JSON text, so the autosave writes it when the browser is
// idle (after the debounce), not in the middle of a frame; a flush (page hidden) still writes
// at once, and an edit meanwhile replaces the wait.
import { AUTOSAVE_DELAY_MS, AUTOSAVE_IDLE_TIMEOUT_MS } from '../../src/store/autosave.ts';
import { DRAFT_KEY } from '../../src/store/persistence.ts';
import { editorStore, MemoryStorage, scenario, withStorage } from './helpers.ts';

const storage = withStorage(() => new MemoryStorage());

let idle: Map<number, () => void>;
let asked: { timeout: number }[];
beforeEach(() => {
  idle = new Map();
  asked = [];
  let next = 1;
  vi.stubGlobal('requestIdleCallback', (run: () => void, options: { timeout: number }) => {
    asked.push(options);
    idle.set(next, run);
    return next++;
  });
  vi.stubGlobal('cancelIdleCallback', (handle: number) => idle.delete(handle));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const savedTitle = () => {
  const raw = storage().getItem(DRAFT_KEY);
  return raw === null ? null : (JSON.parse(raw) as { scenario: { title: string } }).scenario.title;
};
const runIdle = () => {
  const waiting = [...idle.values()];
  idle.clear();
  for (const run of waiting) run();
};

describe('autosave in idle time', () => {
  test('after the quiet time the draft waits for idle time (at most AUTOSAVE_IDLE_TIMEOUT_MS), then is written', () => {
    const store = editorStore({ persist: true });
    store.getState().loadScenario(scenario(['a', 'b'], [['a', 'b']], { title: 'Idle' }));
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 10);
    expect(savedTitle()).not.toBe('Idle');
    expect(asked).toEqual([{ timeout: AUTOSAVE_IDLE_TIMEOUT_MS }]);
    runIdle();
    expect(savedTitle()).toBe('Idle');
    store.getState().stopAutosave();
  });

  test('a flush while waiting for idle time writes at once, and the idle callback is dropped', () => {
    const store = editorStore({ persist: true });
    store.getState().loadScenario(scenario(['a'], [], { title: 'Hidden' }));
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 10);
    store.getState().flushAutosave();
    expect(savedTitle()).toBe('Hidden');
    expect(idle.size).toBe(0);
    store.getState().stopAutosave();
  });

  test('an edit while waiting for idle time starts the quiet time again; only the latest draft is written', () => {
    const store = editorStore({ persist: true });
    store.getState().loadScenario(scenario(['a'], [], { title: 'First' }));
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 10);
    store.getState().loadScenario(scenario(['a', 'b'], [], { title: 'Second' }));
    expect(idle.size).toBe(0);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 10);
    runIdle();
    expect(savedTitle()).toBe('Second');
    store.getState().stopAutosave();
  });
});
