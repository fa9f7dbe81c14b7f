import { simulate } from '../engine/index.ts';
import type { Scenario } from '../scenario/types.ts';
import { packRun, transferables } from './run-transfer.ts';
import type { SimulateReply, SimulateRequest } from './off-thread.ts';

// The simulate worker (issue #9 item 3): the engine runs here, off the page's main thread, so
// a run of any size leaves the page answering clicks and drawing frames while it is made.
// The page sends a scenario it has validated; the reply is the packed run (run-transfer.ts).

interface WorkerScope {
  onmessage: ((event: MessageEvent<SimulateRequest>) => void) | null;
  postMessage: (message: SimulateReply, transfer: Transferable[]) => void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = ({ data }) => {
  try {
    const packed = packRun(simulate(data.scenario as Scenario));
    scope.postMessage({ id: data.id, packed }, transferables(packed));
  } catch (error) {
    scope.postMessage({ id: data.id, error: error instanceof Error ? error.message : String(error) }, []);
  }
};
