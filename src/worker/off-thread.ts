import type { RunResult } from '../engine/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { unpackRunInSlices, type PackedRun } from './run-transfer.ts';
import { workerClient } from './worker-client.ts';

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
  const ask = workerClient<SimulateRequest, SimulateReply, PackedRun>({
    what: 'the simulate worker',
    start: () => new Worker(new URL('./simulate-worker.ts', import.meta.url), { type: 'module', name: 'ripple-simulate' }),
    read: (data) => {
      if ('error' in data) throw new Error(data.error);
      return data.packed;
    },
  });
  // Unpacked in slices, each a task of its own, and shown (the store's update, a whole render of
  // a large graph) in the task after the last, so the page is never held for both at once
  // (issue #9 item 3). A reply this page cannot unpack (a bug) rejects: the run is then made
  // on the page instead of never arriving.
  return (scenario) => ask({ scenario }).then((packed) => unpackRunInSlices(packed));
}
