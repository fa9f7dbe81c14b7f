// The fields version 2 added (issue #10 R14–R18, #11 `dialect`, #12 `lesson`), told as what an
// author sees when one is wrong: the JSON path and a message that says what to write instead.
import { validate } from '../../src/scenario/validate.ts';
import { migrate } from '../../src/scenario/migrations.ts';
import { openScenario } from '../../src/scenario/open-scenario.ts';
import type { Group, Scenario } from '../../src/scenario/types.ts';
import { dep, lines, scenario, step } from './helpers.ts';

function problemsOf(input: unknown): string[] {
  const r = validate(input);
  if (r.ok) throw new Error('expected problems, the input was valid');
  return lines(r.problems);
}

function groups(steps: string[], dependencies: ReturnType<typeof dep>[], list: unknown[]): Scenario {
  return scenario(steps, dependencies, { groups: list });
}

describe('validate: run conditions (R14 `when`)', () => {
  const ci = (when: string, extra: Parameters<typeof step>[1] = {}) =>
    scenario(['build', 'test', 'docs', step('deploy', { when, ...extra })], [dep('build', 'deploy'), dep('test', 'deploy'), dep('docs', 'deploy')]);

  it('accepts a condition over the step\'s direct prerequisites, kept as written', () => {
    const s = ci('build.Succeeded && (docs.Succeeded || docs.Skipped) && test');
    const r = validate(s);
    expect(r).toEqual({ ok: true, scenario: s, warnings: [] });
  });

  it('names a misspelt prerequisite with the path, a did-you-mean and its column', () => {
    expect(problemsOf(ci('tset'))).toEqual(['steps[3].when: "tset" is not a prerequisite of deploy (did you mean "test"?) at column 1']);
    expect(problemsOf(ci('build.Succeeded && tset.Failed'))).toEqual([
      'steps[3].when: "tset" is not a prerequisite of deploy (did you mean "test"?) at column 20',
    ]);
  });

  it('allows only direct prerequisites: a step two hops up is not one', () => {
    const s = scenario(['a', 'b', step('c', { when: 'a.Succeeded' })], [dep('a', 'b'), dep('b', 'c')]);
    expect(problemsOf(s)).toEqual(['steps[2].when: "a" is not a prerequisite of c (its prerequisites: "b") at column 1']);
    const alone = scenario(['a', step('c', { when: 'a' })]);
    expect(problemsOf(alone)).toEqual(['steps[1].when: "a" is not a prerequisite of c; c has no prerequisites at column 1']);
  });

  it('reports an unknown result, a syntax error, and a condition that is empty or not text', () => {
    expect(problemsOf(ci('build.Succeded'))).toEqual([
      'steps[3].when: "Succeded" is not a result (did you mean "Succeeded"?); use Succeeded, Failed, Blocked, Skipped, Cancelled at column 7',
    ]);
    expect(problemsOf(ci('build &&'))).toEqual(['steps[3].when: expected a step result such as "build.Succeeded", "!" or "(", found the end at column 9']);
    expect(problemsOf(ci(''))).toEqual(['steps[3].when: must not be empty (expected a string of 1–2,000 characters)']);
    expect(problemsOf(ci(7 as never))).toEqual(['steps[3].when: expected a string of 1–2,000 characters, got 7']);
  });

  it('refuses `on` other than success into a `when` step, and `join` other than all: `when` replaces them', () => {
    const s = scenario(
      ['build', 'test', 'docs', step('deploy', { when: 'build', join: 'any' })],
      [dep('build', 'deploy', 'success'), dep('test', 'deploy', 'failure'), dep('docs', 'deploy', 'always')],
    );
    const r = validate(s);
    expect(!r.ok && r.problems.map((p) => [p.code, p.path, p.step, p.dependency])).toEqual([
      ['conflicting-fields', 'steps[3].join', 3, undefined],
      ['conflicting-fields', 'dependencies[1].on', undefined, 1],
      ['conflicting-fields', 'dependencies[2].on', undefined, 2],
    ]);
    expect(problemsOf(s)).toEqual([
      'steps[3].join: "join": "any" conflicts with "when", which replaces it: remove "join" and combine the prerequisites in the condition ("||" for any)',
      'dependencies[1].on: "on": "failure" conflicts with the "when" of deploy (steps[3].when), which replaces it: write "test.Failed" in the condition instead',
      'dependencies[2].on: "on": "always" conflicts with the "when" of deploy (steps[3].when), which replaces it: remove "on" (a step with "when" waits for every prerequisite to end, whatever its result)',
    ]);
    // The defaults written out are allowed beside `when`.
    expect(validate(ci('build', { join: 'all' })).ok).toBe(true);
  });

  it('reads ids with "." and "-" whole before splitting at the last "."', () => {
    const s = scenario(['db.migrate', 'lint-js', step('ship', { when: 'db.migrate && lint-js.Skipped' })], [dep('db.migrate', 'ship'), dep('lint-js', 'ship')]);
    expect(validate(s).ok).toBe(true);
  });
});

describe('validate: success status (R16) and saga options (R17)', () => {
  it('accepts 200–299 and refuses anything else', () => {
    for (const status of [200, 201, 204, 299]) expect(validate(scenario([step('a', { successStatus: status })])).ok).toBe(true);
    expect(problemsOf(scenario([step('a', { successStatus: 424 })]))).toEqual(['steps[0].successStatus: expected an integer 200–299, got 424']);
    expect(problemsOf(scenario([step('a', { successStatus: 201.5 })]))).toEqual(['steps[0].successStatus: expected an integer 200–299, got 201.5']);
    expect(problemsOf(scenario([step('a', { successStatus: '201' as never })]))).toEqual(['steps[0].successStatus: expected an integer 200–299, got "201"']);
  });

  it('checks policy.compensationErrors and compensation.evenIfFailed', () => {
    const ok = scenario([step('a', { compensation: { evenIfFailed: true } })], [], { policy: { compensation: 'saga', compensationErrors: 'stop' } });
    expect(validate(ok)).toEqual({ ok: true, scenario: ok, warnings: [] });
    const bad = scenario([step('a', { compensation: { evenIfFailed: 'yes' as never } })], [], { policy: { compensationErrors: 'halt' } });
    expect(problemsOf(bad)).toEqual([
      'policy.compensationErrors: expected "continue" or "stop", got "halt"',
      'steps[0].compensation.evenIfFailed: expected true or false, got "yes"',
    ]);
    expect(problemsOf(scenario(['a'], [], { policy: { compensationError: 'stop' } }))).toEqual([
      'policy.compensationError: unknown field (did you mean "compensationErrors"?)',
    ]);
  });
});

describe('validate: atomic groups (R18)', () => {
  it('accepts groups with and without a label, kept as written', () => {
    const list: Group[] = [{ id: 'changeset-1', label: 'Order change set', steps: ['a', 'b'] }, { id: 'solo', steps: ['c'] }];
    const s = groups(['a', 'b', 'c'], [dep('a', 'b'), dep('b', 'c')], list);
    expect(validate(s)).toEqual({ ok: true, scenario: s, warnings: [] });
  });

  it('keeps ids unique across steps and groups, and a step in at most one group', () => {
    const s = groups(['a', 'b', 'c'], [], [
      { id: 'a', steps: ['b'] },
      { id: 'g', steps: ['a', 'b'] },
      { id: 'g', steps: ['c', 'c'] },
      { id: 'h', steps: ['a'] },
    ]);
    expect(problemsOf(s)).toEqual([
      'groups[0].id: "a" is already the id of steps[0]: ids must be unique across steps and groups',
      'groups[1].steps[1]: "b" is already in groups[0]: a step is in at most one group',
      'groups[2].id: duplicate id "g" (also groups[1].id): ids must be unique across steps and groups',
      'groups[2].steps[1]: "c" is listed twice in this group',
      'groups[3].steps[0]: "a" is already in group "g" (groups[1]): a step is in at most one group',
    ]);
  });

  it('needs members that exist, at least one, and a label of at most 120 characters', () => {
    const s = groups(['deploy', 'b'], [], [
      { id: 'g1', steps: [] },
      { id: 'g2', steps: ['deplyo', 7] },
      { id: 'g3', label: 'x'.repeat(121), steps: ['b'], colour: 'red' },
      { id: 'bad id', steps: 'b' },
      'g5',
    ]);
    expect(problemsOf(s)).toEqual([
      'groups[0].steps: a group needs at least one member step',
      'groups[1].steps[0]: no step "deplyo" (did you mean "deploy"?)',
      'groups[1].steps[1]: expected a step id, got 7',
      'groups[2].colour: unknown field',
      'groups[2].label: too long: 121 characters (at most 120)',
      'groups[3].id: "bad id" is not a valid id: use 1–64 letters, digits, ".", "_" or "-"',
      'groups[3].steps: expected a list of at least one step id, got "b"',
      'groups[4]: expected a group like { "id": "changeset-1", "steps": ["a", "b"] }, got "g5"',
    ]);
    expect(problemsOf(scenario(['a'], [], { groups: {} }))).toEqual([
      'groups: expected a list of groups like { "id": "changeset-1", "steps": ["a", "b"] }, got an object',
    ]);
  });

  it('refuses a dependency path that leaves a group and comes back into it, naming the path', () => {
    const s = groups(['a', 'x', 'b'], [dep('a', 'x'), dep('x', 'b')], [{ id: 'changeset-1', steps: ['a', 'b'] }]);
    const r = validate(s);
    expect(!r.ok && r.problems).toEqual([
      {
        code: 'leaves-group',
        path: 'groups[0]',
        message: 'group "changeset-1" could never commit: the dependency path a → x → b leaves the group and comes back into it',
      },
    ]);
    // Longer detours too; a path that stays outside, or inside, is fine.
    const long = groups(['a', 'x', 'y', 'b'], [dep('a', 'x'), dep('x', 'y'), dep('y', 'b')], [{ id: 'g', steps: ['a', 'b'] }]);
    expect(problemsOf(long)).toEqual(['groups[0]: group "g" could never commit: the dependency path a → x → y → b leaves the group and comes back into it']);
    expect(validate(groups(['a', 'x', 'b'], [dep('a', 'b'), dep('b', 'x')], [{ id: 'g', steps: ['a', 'b'] }])).ok).toBe(true);
    expect(validate(groups(['a', 'x', 'b'], [dep('x', 'a'), dep('x', 'b')], [{ id: 'g', steps: ['a', 'b'] }])).ok).toBe(true);
  });

  it('refuses two groups that wait for each other', () => {
    const s = groups(['a', 'b', 'h1', 'h2'], [dep('a', 'h1'), dep('h2', 'b')], [
      { id: 'g', steps: ['a', 'b'] },
      { id: 'h', steps: ['h1', 'h2'] },
    ]);
    expect(problemsOf(s)).toEqual([
      'groups[0]: groups: "g" and "h" wait on each other: a → h1 (in "h") … h2 → b',
    ]);
  });
});

describe('validate: dialect (#11) and lesson (#12)', () => {
  it('accepts the dialects and names a misspelt one', () => {
    for (const dialect of ['http', 'github-actions', 'argo', 'airflow', 'step-functions']) {
      expect(validate(scenario(['a'], [], { dialect })).ok).toBe(true);
    }
    expect(problemsOf(scenario(['a'], [], { dialect: 'argoo' }))).toEqual([
      'dialect: expected "http", "github-actions", "argo", "airflow" or "step-functions", got "argoo" (did you mean "argo"?)',
    ]);
  });

  it('hands `lesson` to checkLesson and reports its problems at their paths', () => {
    expect(problemsOf(scenario(['a'], [], { lesson: 'read me' }))).toEqual(['lesson: expected an object { intro, challenges }, got "read me"']);
    const predictsGhost = { intro: 'Predict.', challenges: [{ kind: 'predict', steps: ['zz'] }] };
    expect(problemsOf(scenario(['a'], [], { lesson: predictsGhost }))).toEqual(['lesson.challenges[0].steps[0]: no step "zz"']);
  });
});

describe('version 1 documents and version-2 fields', () => {
  const v1 = (extra: Record<string, unknown>, stepExtra: Record<string, unknown> = {}) => ({
    ...scenario([step('a', stepExtra), 'b'], [dep('a', 'b')]),
    version: 1,
    ...extra,
  });

  it('validate refuses each version-2 field at its path, saying to set "version": 2', () => {
    const doc = v1({ policy: { compensationErrors: 'stop' }, groups: [{ id: 'g', steps: ['a'] }], dialect: 'argo' }, {
      successStatus: 201,
      compensation: { evenIfFailed: true },
    });
    const r = validate(doc);
    expect(!r.ok && r.problems).toEqual([
      { code: 'newer-field', path: 'policy.compensationErrors', message: 'a field of version 2 in a version-1 document: set "version": 2 to use it' },
      { code: 'newer-field', path: 'steps[0].successStatus', step: 0, message: 'a field of version 2 in a version-1 document: set "version": 2 to use it' },
      { code: 'newer-field', path: 'steps[0].compensation.evenIfFailed', step: 0, message: 'a field of version 2 in a version-1 document: set "version": 2 to use it' },
      { code: 'newer-field', path: 'groups', message: 'a field of version 2 in a version-1 document: set "version": 2 to use it' },
      { code: 'newer-field', path: 'dialect', message: 'a field of version 2 in a version-1 document: set "version": 2 to use it' },
    ]);
    expect(validate({ ...doc, version: 2 }).ok).toBe(true);
  });

  it('the migration refuses them as a whole, and the gate says so at "version"', () => {
    expect(migrate(v1({}, { when: 'a' }))).toEqual({
      ok: false,
      reason: 'MigrationError',
      version: 1,
      message: 'this is a version-1 document, but steps[0].when is a field of version 2: set "version": 2 to use it',
    });
    const opened = openScenario(JSON.stringify(v1({ lesson: {}, groups: [] }, { when: 'a', successStatus: 201 })));
    expect(opened).toEqual({
      ok: false,
      kind: 'invalid',
      message: 'This is not a valid Ripple scenario.',
      problems: [
        {
          code: 'migration-failed',
          path: 'version',
          message: 'this is a version-1 document, but steps[0].when, steps[0].successStatus, groups and 1 more are fields of version 2: set "version": 2 to use them',
        },
      ],
      count: 1,
    });
  });

  it('a version-1 document without them opens unchanged in meaning, as version 2', () => {
    const doc = v1({ policy: { onFailure: 'abort' } }, { fail: { status: 500 } });
    const opened = openScenario(doc);
    expect(opened).toEqual({ ok: true, scenario: { ...doc, version: 2 }, warnings: [] });
  });
});
