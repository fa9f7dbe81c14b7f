// Comparison links (issue #13): A's link plus B's difference. Target: a comparison of the
// 10-step saga with one policy change is within 10 % of the saga's own link. Every what-if of
// the saga is shown beside it.
import { variants } from '../src/engine/compare.ts';
import { encodeCompareLink } from '../src/scenario/compare-link.ts';
import { encodeScenarioLink } from '../src/scenario/link-codec.ts';
import { sagaScenario } from './sample-scenarios.ts';

export function runCompareLinkBench(): void {
  const a = sagaScenario();
  const single = encodeScenarioLink(a).length;
  console.log('\n## Comparison link length, 10-step saga (fragment characters)');
  console.log(`  ${'B'.padEnd(34)} ${'link'.padStart(6)} ${'vs A alone'.padStart(10)}  target`);
  console.log(`  ${'(A alone)'.padEnd(34)} ${String(single).padStart(6)} ${''.padStart(10)}`);
  const onePolicyChange = { ...a, policy: { ...a.policy, failFast: !(a.policy?.failFast ?? true) } };
  const rows = [
    { name: 'one policy change (fail-fast)', scenario: onePolicyChange, target: true },
    ...variants(a).map((v) => ({ name: `what-if: ${v.label}`, scenario: v.scenario, replay: v.replay, label: v.label, target: false })),
  ];
  let ok = true;
  for (const row of rows) {
    const length = encodeCompareLink(a, { scenario: row.scenario, ...('replay' in row ? { replay: row.replay, label: row.label } : {}) }).length;
    const over = length / single - 1;
    const verdict = row.target ? (over <= 0.1 ? '≤ +10 % OK' : '≤ +10 % OVER') : '';
    if (row.target) ok &&= over <= 0.1;
    console.log(`  ${row.name.padEnd(34)} ${String(length).padStart(6)} ${`+${(over * 100).toFixed(1)} %`.padStart(10)}  ${verdict}`);
  }
  console.log(ok ? 'the comparison link meets its target' : 'THE COMPARISON LINK MISSES ITS TARGET');
}
