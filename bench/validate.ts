// Prints how long the scenario gate's validate() takes on generated scenarios: 2,000 steps
// (the gate's own limit; target well under 50 ms) and 100,000 steps (what the engine bench uses).
import { pathToFileURL } from 'node:url';
import { validate } from '../src/scenario/validate.ts';
import { generatedScenario } from './sample-scenarios.ts';

function medianMs(run: () => void, times: number): number {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    ms.push(performance.now() - start);
  }
  return ms.sort((a, b) => a - b)[Math.floor(times / 2)];
}

export async function runValidateBench(): Promise<void> {
  console.log('\n## validate() median time');
  for (const [steps, times, target] of [[2_000, 9, '≤ 50 ms'], [100_000, 3, 'a couple of seconds']] as const) {
    const scenario = generatedScenario(steps, 1);
    if (!validate(scenario).ok) throw new Error(`generated ${steps}-step scenario is invalid`);
    console.log(`  ${String(steps).padStart(7)} steps: ${medianMs(() => validate(scenario), times).toFixed(1)} ms  (target ${target})`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await runValidateBench();
