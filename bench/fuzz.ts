// `npm run fuzz [-- --cases N] [--seed S]`: feeds N hostile inputs (default 100,000) to the
// gate's entry points — decodeScenarioLink and openScenario — and prints how many were
// accepted, rejected with a typed error, and threw. Exit 1 if anything threw or answered
// wrongly (see bench/fuzz-cases.ts).
import { runFuzz } from './fuzz-cases.ts';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(n) || n < 0) {
    console.error(`--${name} needs a whole number, got ${raw}`);
    process.exit(2);
  }
  return n;
}

const cases = flag('cases', 100_000);
const seed = flag('seed', 424);
console.log(`fuzzing the scenario gate: ${cases.toLocaleString('en')} cases, seed ${seed}`);
const stats = runFuzz(seed, cases, () => performance.now());
const pad = (s: string | number, n: number) => String(s).padStart(n);

console.log('\nby mutation                          accepted  rejected  failed');
for (const [name, m] of Object.entries(stats.byMutation).sort()) {
  console.log(`  ${name.padEnd(34)} ${pad(m.accepted, 8)} ${pad(m.rejected, 9)} ${pad(m.failed, 7)}`);
}
console.log('\nrejections by typed error');
for (const [kind, n] of Object.entries(stats.byKind).sort()) console.log(`  ${kind.padEnd(34)} ${pad(n, 8)}`);
for (const f of stats.failures) console.log(`\nFAILURE ${f.mutation}: ${f.problem}\n  input: ${f.input}`);
console.log(
  `\n${stats.cases.toLocaleString('en')} cases in ${(stats.ms / 1000).toFixed(1)} s: ` +
    `${stats.accepted.toLocaleString('en')} accepted, ${stats.rejected.toLocaleString('en')} rejected with a typed error, ` +
    `${stats.threw} threw, ${stats.wrong} answered wrongly`,
);
process.exit(stats.threw + stats.wrong > 0 ? 1 : 0);
