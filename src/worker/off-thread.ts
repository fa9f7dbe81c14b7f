import type { RunResult } from '../engine/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { unpackRun, type PackedRun } from './run-transfer.ts';

// The page's side of the simulate worker: `simulateOffThread(scenario)` resolves to the very
// result `simulate(scenario)` returns, made in a worker so the page stays responsive (issue #9
// item 3). The editor's store takes it as its `simulateOffThread` option (src/app/main.tsx);
// without it (Node, tests, the embed) the store simulates synchronously.

export interface SimulateRequest {
  id: number;
  scenario: Scenario;
}

export type SimulateReply = { id: number; packed: PackedRun } | { id: number; error: string };

/** Simulates a validated scenario; rejects with the engine's or the worker's error. */
export type SimulateOffThread = (scenario: Scenario) => Promise<RunResult>;

/**
 * A simulator backed by one module worker, started on the first run; null where the platform
 * has no `Worker`. A worker that fails to load or crashes rejects every pending run (the store
 * then simulates on the page) and is replaced by a new one on the next run.
 */
export function createOffThreadSimulator(): SimulateOffThread | null {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve: (run: RunResult) => void; reject: (error: Error) => void }>();

  const failAll = (message: string) => {
    for (const { reject } of pending.values()) reject(new Error(message));
    pending.clear();
    worker?.terminate();
    worker = null;
  };

  const start = (): Worker => {
    const created = new Worker(new URL('./simulate-worker.ts', import.meta.url), { type: 'module', name: 'ripple-simulate' });
    created.onmessage = ({ data }: MessageEvent<SimulateReply>) => {
      const waiting = pending.get(data.id);
      if (!waiting) return;
      pending.delete(data.id);
      if ('error' in data) {
        waiting.reject(new Error(data.error));
        return;
      }
      // Read and unpacked in this task; shown (the store's update, a whole render of a large
      // graph) in the next, so the page is never held for both at once (issue #9 item 3).
      let run: RunResult;
      try {
        run = unpackRun(data.packed);
      } catch (error) {
        // A reply this page cannot unpack (a bug): the run is made on the page instead of never arriving.
        waiting.reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      setTimeout(() => waiting.resolve(run), 0);
    };
    created.onerror = (event) => {
      event.preventDefault();
      failAll(`the simulate worker failed: ${event.message || 'it could not be loaded'}`);
    };
    created.onmessageerror = () => failAll('the simulate worker sent a reply the page could not read');
    return created;
  };

  return (scenario) =>
    new Promise<RunResult>((resolve, reject) => {
      worker ??= start();
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, scenario } satisfies SimulateRequest);
    });
}
