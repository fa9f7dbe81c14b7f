// Lint for run conditions (R14): a `when` no outcome of its prerequisites can make true means a
// step that never runs; one none can make false says nothing and runs the step even after a failure.
import { lint } from '../../src/engine/index.ts';
import { dep, scenario, step } from './helpers.ts';

function withWhen(when: string) {
  return scenario([step('build'), step('docs'), step('deploy', { when })], [dep('build', 'deploy'), dep('docs', 'deploy')]);
}

describe('lint: run conditions', () => {
  it('warns that deploy never runs when its condition asks docs to be both succeeded and skipped', () => {
    expect(lint(withWhen('build && docs.Succeeded && docs.Skipped'))).toEqual([
      {
        code: 'when-never-true',
        step: 'deploy',
        path: 'steps[2].when',
        message: '"deploy" never runs: its condition `build && docs.Succeeded && docs.Skipped` is false whatever its prerequisites do',
      },
    ]);
  });

  it('warns that a condition true for every outcome says nothing', () => {
    const warnings = lint(withWhen('docs || !docs'));
    expect(warnings.map((w) => [w.code, w.step])).toEqual([['when-always-true', 'deploy']]);
    expect(warnings[0].message).toBe('"deploy" runs even after a failure, like a finally step: its condition `docs || !docs` is true whatever its prerequisites do');
  });

  it('says nothing about an ordinary condition, or about "not failed" written out in full', () => {
    expect(lint(withWhen('build.Succeeded && (docs.Succeeded || docs.Skipped)'))).toEqual([]);
    expect(lint(withWhen('!build.Failed && !build.Blocked'))).toEqual([]);
  });
});
