// Share-link sizes (issue #4 §1): our `r1` fragment against the plain JSON → deflate → base64url
// baseline (same deflate settings), for a 10-step saga, a generated 64-step scenario and every
// preset. Targets: saga ≤ 1,200 characters, 64 steps ≤ 4,000, and always shorter than the baseline.
import { deflateSync } from 'fflate';
import { pathToFileURL } from 'node:url';
import { encodeScenarioLink } from '../src/scenario/link-codec.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { generatedScenario, sagaScenario } from './sample-scenarios.ts';

/** The plain baseline: the scenario's JSON, raw-deflated with the codec's settings, as base64url. */
export function baselineLength(scenario: Scenario): number {
  const raw = new TextEncoder().encode(JSON.stringify(scenario));
  return Buffer.from(deflateSync(raw, { level: 9 })).toString('base64url').length;
}

export interface LinkSizeRow {
  name: string;
  steps: number;
  link: number;
  baseline: number;
  target?: number;
}

export async function linkSizeRows(): Promise<LinkSizeRow[]> {
  const row = (name: string, s: Scenario, target?: number): LinkSizeRow => ({
    name,
    steps: s.steps.length,
    link: encodeScenarioLink(s).length,
    baseline: baselineLength(s),
    target,
  });
  const rows = [row('10-step saga', sagaScenario(), 1_200), row('generated 64 steps', generatedScenario(64), 4_000)];
  try {
    const { PRESETS } = (await import('../src/presets/index.ts')) as {
      PRESETS: ReadonlyArray<{ name: string; scenario: Scenario }>;
    };
    for (const p of PRESETS) rows.push(row(`preset ${p.name}`, p.scenario));
  } catch {
    // Presets are another engineer's module; the two figures above stand on their own.
  }
  return rows;
}

export async function runLinkSizeBench(): Promise<void> {
  const rows = await linkSizeRows();
  console.log('\n## Share-link length (fragment characters)');
  console.log(`  ${'scenario'.padEnd(40)} ${'steps'.padStart(5)} ${'r1 link'.padStart(8)} ${'baseline'.padStart(9)} ${'saved'.padStart(6)}  target`);
  let ok = true;
  for (const r of rows) {
    const shorter = r.link < r.baseline;
    const inTarget = r.target === undefined || r.link <= r.target;
    ok &&= shorter && inTarget;
    const saved = `${Math.round((1 - r.link / r.baseline) * 100)}%`;
    const target = r.target === undefined ? '< baseline' : `≤ ${r.target.toLocaleString('en')} & < baseline`;
    console.log(
      `  ${r.name.padEnd(40)} ${String(r.steps).padStart(5)} ${String(r.link).padStart(8)} ${String(r.baseline).padStart(9)} ${saved.padStart(6)}  ${target} ${shorter && inTarget ? 'OK' : 'OVER'}`,
    );
  }
  console.log(ok ? 'every link meets its target' : 'SOME LINKS MISS THEIR TARGET');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await runLinkSizeBench();
