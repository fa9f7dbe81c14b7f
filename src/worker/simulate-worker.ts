import { simulate } from '../engine/index.ts';
import type { Scenario } from '../scenario/types.ts';
import { hasIfConditions } from '../scenario/dialects/github-context.ts';
import { loadConditionCompiler } from '../scenario/conditions-loader.ts';
import { packRun, transferables } from './run-transfer.ts';
import type { SimulateReply, SimulateRequest } from './off-thread.ts';

// The simulate worker (issue #9 item 3): the engine runs here, off the page's main thread, so
// a run of any size leaves the page answering clicks and drawing frames while it is made.
// The page sends a scenario it has validated; the reply is the packed run (run-transfer.ts).
// A scenario with `if`s (a GitHub Actions workflow, issue #11) runs by them: they are compiled
// here, with GitHub's expression package loaded on the first such run. An `if` that does not
// compile is an error reply; the page then runs the scenario itself and reports the problem.

interface WorkerScope {
  onmessage: ((event: MessageEvent<SimulateRequest>) => void) | null;
  postMessage: (message: SimulateReply, transfer: Transferable[]) => void;
}
const scope = self as unknown as WorkerScope;

async function run(scenario: Scenario) {
  if (!hasIfConditions(scenario)) return simulate(scenario);
  const compiled = (await loadConditionCompiler())(scenario);
  if (!compiled.ok) throw new Error(compiled.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return simulate(scenario, compiled.options);
}

scope.onmessage = ({ data }) => {
  run(data.scenario).then(packRun).then(
    (packed) => scope.postMessage({ id: data.id, packed }, transferables(packed)),
    (error: unknown) => scope.postMessage({ id: data.id, error: error instanceof Error ? error.message : String(error) }, []),
  );
};
