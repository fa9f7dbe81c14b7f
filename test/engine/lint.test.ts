// R7: lint reads the scenario without running it.
import { lint, simulate } from '../../src/engine/index.ts';
import { chain, dep, scenario, step } from './helpers.ts';

describe('lint (R7)', () => {
  it('publish before validation: publish consumes what validate produces, but only waits for the build', () => {
    const s = scenario(
      [
        step('build-bundle', { produces: ['bundle'] }),
        step('validate-bundle', { consumes: ['bundle'], produces: ['validated-bundle'] }),
        step('publish-package', { consumes: ['validated-bundle'] }),
      ],
      [dep('build-bundle', 'validate-bundle'), dep('build-bundle', 'publish-package')],
    );
    expect(lint(s)).toEqual([
      {
        code: 'artifact-race',
        step: 'publish-package',
        path: 'steps[2].consumes[0]',
        message:
          '"publish-package" may run before "validate-bundle" completes: it consumes "validated-bundle", but "validate-bundle" is not a prerequisite of "publish-package" through success dependencies',
      },
    ]);
  });

  it('an artifact nobody produces', () => {
    const s = scenario([step('deploy', { consumes: ['signed-image'] })]);
    expect(lint(s)).toEqual([
      {
        code: 'artifact-unproduced',
        step: 'deploy',
        path: 'steps[0].consumes[0]',
        message: '"deploy" consumes "signed-image", but no step produces it: every attempt will fail with 500 missing input signed-image',
      },
    ]);
  });

  it('a step that consumes only its own output: nothing else produces it', () => {
    const s = scenario([step('loop', { produces: ['x'], consumes: ['x'] })]);
    expect(lint(s).map((w) => [w.code, w.step])).toEqual([['artifact-unproduced', 'loop']]);
  });

  it('a producer reached through success dependencies, even indirectly, is safe', () => {
    const s = scenario(
      [step('build', { produces: ['jar'] }), step('test'), step('publish', { consumes: ['jar'] })],
      chain('build', 'test', 'publish'),
    );
    expect(lint(s)).toEqual([]);
  });

  it('a producer reached only through an always dependency is not: publish may run after a failed build', () => {
    const s = scenario([step('build', { produces: ['jar'] }), step('publish', { consumes: ['jar'] })], [dep('build', 'publish', 'always')]);
    expect(lint(s).map((w) => w.code)).toEqual(['artifact-race']);
  });

  it('with two producers, one ancestor is enough', () => {
    const s = scenario(
      [step('cache', { produces: ['deps'] }), step('install', { produces: ['deps'] }), step('build', { consumes: ['deps'] })],
      [dep('install', 'build')],
    );
    expect(lint(s)).toEqual([]);
  });

  it('two producers, neither an ancestor: both are named', () => {
    const s = scenario([step('a', { produces: ['x'] }), step('b', { produces: ['x'] }), step('c', { consumes: ['x'] })]);
    expect(lint(s)[0].message).toBe('"c" may run before "a" or "b" completes: it consumes "x", but "a" or "b" are not prerequisites of "c" through success dependencies');
  });

  it('a step that is not idempotent but has retries', () => {
    const s = scenario([step('charge-card', { idempotent: false, retry: { maxAttempts: 3 } }), step('ok', { idempotent: false })]);
    expect(lint(s)).toEqual([
      {
        code: 'retry-not-idempotent',
        step: 'charge-card',
        path: 'steps[0].retry.maxAttempts',
        message: '"charge-card" is not idempotent but may be sent 3 times: a retry can repeat its effect',
      },
    ]);
  });

  // Tryout: "create-invoice is not idempotent…" named the step by its id, which the canvas, the
  // table and the Inspector never show. A message names each step by its label in quotes, as
  // the app's other messages do; `step` and `path` keep the id for what reads them as data.
  it('names steps by their label, in quotes; the id stays in step and path', () => {
    const s = scenario(
      [
        step('build', { label: 'Build bundle', produces: ['bundle'] }),
        step('check', { label: 'Check "signed" bundle', produces: ['bundle'] }),
        step('publish', { label: 'Publish package', consumes: ['bundle'] }),
        step('charge', { label: 'Charge card', idempotent: false, retry: { maxAttempts: 2 } }),
        step('deploy', { label: 'Deploy', consumes: ['image'] }),
      ],
      [],
    );
    expect(lint(s)).toEqual([
      {
        code: 'artifact-race',
        step: 'publish',
        path: 'steps[2].consumes[0]',
        message:
          '"Publish package" may run before "Build bundle" or "Check \\"signed\\" bundle" completes: it consumes "bundle", but "Build bundle" or "Check \\"signed\\" bundle" are not prerequisites of "Publish package" through success dependencies',
      },
      {
        code: 'artifact-unproduced',
        step: 'deploy',
        path: 'steps[4].consumes[0]',
        message: '"Deploy" consumes "image", but no step produces it: every attempt will fail with 500 missing input image',
      },
      { code: 'retry-not-idempotent', step: 'charge', path: 'steps[3].retry.maxAttempts', message: '"Charge card" is not idempotent but may be sent 2 times: a retry can repeat its effect' },
    ]);
  });

  it('simulate puts the warnings in the result; lint: false leaves them out', () => {
    const s = scenario([step('deploy', { consumes: ['image'] })]);
    expect(simulate(s).lint).toEqual(lint(s));
    expect(simulate(s, { lint: false }).lint).toEqual([]);
  });
});
