// The correlation id is a hash of what the scenario says (src/engine/fingerprint.ts). Version-2
// fields count only when present, so a version-1 scenario keeps the id it always had.
import { simulate } from '../../src/engine/index.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { chain, scenario, step } from './helpers.ts';

describe('correlation ids and version-2 fields', () => {
  const base = (): Scenario => scenario([step('build'), step('docs'), step('deploy')], chain('build', 'docs', 'deploy'));

  it('a scenario without version-2 fields has the same id whatever its version says', () => {
    const v1 = { ...base(), version: 1 } as unknown as Scenario;
    expect(simulate(v1).correlationId).toBe(simulate(base()).correlationId);
  });

  it('each version-2 field changes the id when present', () => {
    const ids = new Set<string>([simulate(base()).correlationId]);
    const variants: ((s: Scenario) => void)[] = [
      (s) => (s.steps[2].when = 'docs.Succeeded'),
      (s) => (s.steps[2].successStatus = 201),
      (s) => (s.policy = { compensationErrors: 'stop' }),
      (s) => (s.steps[0].compensation = { evenIfFailed: true }),
      (s) => (s.groups = [{ id: 'release', steps: ['docs', 'deploy'] }]),
      (s) => (s.groups = [{ id: 'release', label: 'Release', steps: ['docs', 'deploy'] }]),
    ];
    for (const change of variants) {
      const s = base();
      change(s);
      ids.add(simulate(s).correlationId);
    }
    expect(ids.size).toBe(variants.length + 1);
  });
});
