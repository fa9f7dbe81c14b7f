// Share-link sizes (issue #4 §1): our `r1` fragment against the plain JSON → deflate → base64url
// baseline (same deflate settings), for a 10-step saga, a generated 64-step scenario and every
// preset. Targets: saga ≤ 1,200 characters, 64 steps ≤ 4,000, and always shorter than the baseline.
import { deflateSync } from 'fflate';
import { pathToFileURL } from 'node:url';
import { encodeScenarioLink } from '../src/scenario/link-codec.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { withoutAutoPositions } from '../src/store/auto-positions.ts';
import { createRippleStore } from '../src/store/store.ts';
import { generatedScenario, sagaScenario, wideDag } from './sample-scenarios.ts';

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

/** A chain s0 → s1 → … of `count` steps, with no positions (as the CLI or an import gives it). */
function unplacedChain(count: number): Scenario {
  const ids = Array.from({ length: count }, (_, i) => `s${i}`);
  return { version: 2, title: 'Test scenario', steps: ids.map((id) => ({ id })), dependencies: ids.slice(1).map((to, i) => ({ from: ids[i], to })) };
}

export interface ReshareRow {
  name: string;
  steps: number;
  /** The link it was opened from (no positions). */
  opened: number;
  /** Shared again unmoved, every laid-out position written (before the fix). */
  before: number;
  /** Shared again unmoved now (the Share dialog's and the address bar's link). */
  after: number;
}

/** Links opened without positions, laid out by the store on opening, and shared again unmoved. */
export function reshareRows(): ReshareRow[] {
  return [
    ['300-step chain', unplacedChain(300)],
    ['2,000-step chain', unplacedChain(2_000)],
    ['imported Argo DAG, 1,999 tasks', wideDag(1_999)],
  ].map(([name, scenario]) => {
    const s = scenario as Scenario;
    const laid = createRippleStore({ scenario: s, persist: false }).getState().scenario;
    return {
      name: name as string,
      steps: s.steps.length,
      opened: encodeScenarioLink(s).length,
      before: encodeScenarioLink(laid).length,
      after: encodeScenarioLink(withoutAutoPositions(laid)).length,
    };
  });
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

  console.log('\n## Shared again unmoved, after opening without positions (fragment characters)');
  console.log(`  ${'scenario'.padEnd(40)} ${'steps'.padStart(5)} ${'opened'.padStart(8)} ${'before'.padStart(16)} ${'after'.padStart(8)}`);
  let same = true;
  for (const r of reshareRows()) {
    same &&= r.after === r.opened;
    const growth = `+${Math.round((r.before / r.opened - 1) * 100)}%`;
    console.log(
      `  ${r.name.padEnd(40)} ${String(r.steps).padStart(5)} ${String(r.opened).padStart(8)} ${`${r.before} (${growth})`.padStart(16)} ${String(r.after).padStart(8)}  ${r.after === r.opened ? 'OK (as opened)' : 'LONGER THAN OPENED'}`,
    );
  }
  console.log(same ? 'every link shared again is as long as the one opened' : 'SOME LINKS GROW WHEN SHARED AGAIN');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await runLinkSizeBench();
