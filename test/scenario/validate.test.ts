import { validate } from '../../src/scenario/validate.ts';
import { chain, dep, lines, scenario, step } from './helpers.ts';

/** The problems of an input that must fail, as `path: message` lines. */
function problemsOf(input: unknown): string[] {
  const r = validate(input);
  if (r.ok) throw new Error('expected problems, the input was valid');
  return lines(r.problems);
}

/** Problems of a scenario with one step changed. */
function stepProblems(extra: Record<string, unknown>): string[] {
  return problemsOf(scenario([{ id: 'a', ...extra } as never]));
}

describe('validate: a valid scenario', () => {
  it('accepts the example of the format (issue #2 §2) as written', () => {
    const example = {
      version: 1,
      title: 'Order pipeline',
      description: 'Payment fails; invoicing answers 424.',
      policy: { failFast: true, onFailure: 'continue', compensation: 'none', retryMode: 'graph-aware', concurrency: 0 },
      steps: [
        {
          id: 'authorize-payment',
          label: 'Authorize payment',
          request: 'POST /payments/authorize',
          durationMs: 100,
          fail: { status: 402, message: 'card declined', times: 2 },
          timeoutMs: 1000,
          retry: { maxAttempts: 3, delayMs: 50, factor: 2 },
          compensation: { label: 'Void authorization', durationMs: 50, fail: { status: 500 } },
          idempotent: true,
          join: 'all',
          produces: ['payment-auth'],
          consumes: [],
          position: { x: 0, y: 0 },
        },
        { id: 'create-invoice' },
      ],
      dependencies: [{ from: 'authorize-payment', to: 'create-invoice', on: 'success' }],
    };
    const r = validate(example);
    // A version-1 document means the same in version 2: the result carries the current version.
    expect(r).toEqual({ ok: true, scenario: { ...example, version: 2 }, warnings: [] });
  });

  it('returns a fresh copy: same values, new objects, nothing else carried', () => {
    const input = scenario([step('a', { fail: { status: 500 } })]);
    const r = validate(input);
    expect(r.ok && r.scenario).toEqual(input);
    expect(r.ok && r.scenario).not.toBe(input);
    expect(r.ok && r.scenario.steps[0].fail).not.toBe(input.steps[0].fail);
  });

  it('treats a missing dependency list as empty', () => {
    const r = validate({ version: 1, title: 'No edges', steps: [{ id: 'a' }] });
    expect(r.ok && r.scenario.dependencies).toEqual([]);
  });

  it('accepts an empty scenario (no steps)', () => {
    expect(validate(scenario([])).ok).toBe(true);
  });

  it('treats fields set to undefined as absent (objects built in code)', () => {
    expect(validate(scenario([step('a', { label: undefined, fail: undefined })])).ok).toBe(true);
  });

  it('counts lengths in characters, not UTF-16 units: 120 emoji make a valid title', () => {
    expect(validate(scenario(['a'], [], { title: '💳'.repeat(120) })).ok).toBe(true);
    expect(problemsOf(scenario(['a'], [], { title: '💳'.repeat(121) }))).toEqual(['title: too long: 121 characters (at most 120)']);
  });
});

describe('validate: the document', () => {
  it.each([
    [null, 'null'],
    [[], 'an array'],
    ['{"version":1}', '"{\\"version\\":1}"'],
    [42, '42'],
    [undefined, 'nothing'],
  ])('refuses %j as a whole', (input, got) => {
    expect(problemsOf(input)).toEqual([`expected a scenario object like { "version": 2, "title": …, "steps": […] }, got ${got}`]);
  });

  it('names unknown fields, with the field they probably meant', () => {
    expect(problemsOf({ ...scenario(), dependecies: [] })).toEqual(['dependecies: unknown field (did you mean "dependencies"?)']);
    expect(problemsOf({ ...scenario(), Title: 'x' })).toEqual(['Title: unknown field (did you mean "title"?)']);
    expect(problemsOf({ ...scenario(), colour: 'red' })).toEqual(['colour: unknown field']);
    expect(problemsOf({ ...scenario(), 'odd key': 1 })).toEqual(['["odd key"]: unknown field']);
  });

  it('catches "durationMS" in a step (the format\'s own example)', () => {
    expect(stepProblems({ durationMS: 5 })).toEqual(['steps[0].durationMS: unknown field (did you mean "durationMs"?)']);
  });

  it('checks the version', () => {
    const { version: _omit, ...noVersion } = scenario();
    expect(problemsOf(noVersion)).toEqual(['version: missing (expected 2)']);
    expect(problemsOf({ ...scenario(), version: '1' })).toEqual(['version: expected 2, got "1"']);
    expect(problemsOf({ ...scenario(), version: 0 })).toEqual(['version: expected 2, got 0']);
    expect(validate({ ...scenario(), version: 1 }).ok).toBe(true);
    expect(problemsOf({ ...scenario(), version: 3 })).toEqual([
      'version: made by a newer Ripple (format version 3); this Ripple reads format version 2 — open it in a newer Ripple',
    ]);
  });

  it('checks the title: 1–120 characters', () => {
    const { title: _omit, ...noTitle } = scenario();
    expect(problemsOf(noTitle)).toEqual(['title: missing (expected a string of 1–120 characters)']);
    expect(problemsOf({ ...scenario(), title: '' })).toEqual(['title: must not be empty (expected a string of 1–120 characters)']);
    expect(problemsOf({ ...scenario(), title: 'x'.repeat(121) })).toEqual(['title: too long: 121 characters (at most 120)']);
    expect(problemsOf({ ...scenario(), title: 7 })).toEqual(['title: expected a string of 1–120 characters, got 7']);
    expect(validate({ ...scenario(), title: 'x'.repeat(120) }).ok).toBe(true);
  });

  it('checks the description: at most 2000 characters', () => {
    expect(validate({ ...scenario(), description: 'x'.repeat(2000) }).ok).toBe(true);
    expect(validate({ ...scenario(), description: '' }).ok).toBe(true);
    expect(problemsOf({ ...scenario(), description: 'x'.repeat(2001) })).toEqual(['description: too long: 2,001 characters (at most 2,000)']);
    expect(problemsOf({ ...scenario(), description: ['x'] })).toEqual(['description: expected a string of at most 2,000 characters, got an array']);
  });

  it('checks steps and dependencies are lists', () => {
    expect(problemsOf({ version: 1, title: 't', dependencies: [] })).toEqual(['steps: missing (expected a list of steps)']);
    expect(problemsOf({ version: 1, title: 't', steps: {} })).toEqual(['steps: expected a list of steps, got an object']);
    expect(problemsOf({ version: 1, title: 't', steps: [], dependencies: 'a→b' })).toEqual([
      'dependencies: expected a list of dependencies like { "from": "a", "to": "b" }, got "a→b"',
    ]);
  });
});

describe('validate: policy', () => {
  const policy = (p: unknown) => problemsOf(scenario(['a'], [], { policy: p }));

  it('accepts every documented value', () => {
    for (const p of [
      { failFast: false, onFailure: 'abort', compensation: 'saga', retryMode: 'naive', concurrency: 4 },
      { failFast: true, onFailure: 'continue', compensation: 'none', retryMode: 'graph-aware', concurrency: 0 },
      {},
    ]) {
      expect(validate(scenario(['a'], [], { policy: p })).ok).toBe(true);
    }
  });

  it('names each wrong field', () => {
    expect(policy({ failFast: 'yes', onFailure: 'stop', compensation: 'Saga', retryMode: 'smart', concurrency: -1, fast: 1 })).toEqual([
      'policy.fast: unknown field',
      'policy.failFast: expected true or false, got "yes"',
      'policy.onFailure: expected "continue" or "abort", got "stop"',
      'policy.compensation: expected "none" or "saga", got "Saga" (did you mean "saga"?)',
      'policy.retryMode: expected "graph-aware" or "naive", got "smart"',
      'policy.concurrency: expected an integer ≥ 0, got -1',
    ]);
    expect(policy({ concurrency: 1.5 })).toEqual(['policy.concurrency: expected an integer ≥ 0, got 1.5']);
    expect(policy([])).toEqual(['policy: expected an object of policy settings, got an array']);
  });
});

describe('validate: steps', () => {
  it('checks ids: 1–64 of [A-Za-z0-9._-], unique', () => {
    expect(problemsOf(scenario([{} as never]))).toEqual(['steps[0].id: missing (expected 1–64 letters, digits, ".", "_" or "-")']);
    expect(stepProblems({ id: 'pay card' })).toEqual(['steps[0].id: "pay card" is not a valid id: use 1–64 letters, digits, ".", "_" or "-"']);
    expect(stepProblems({ id: '' })).toEqual(['steps[0].id: "" is not a valid id: use 1–64 letters, digits, ".", "_" or "-"']);
    expect(stepProblems({ id: 'x'.repeat(65) })[0]).toMatch(/^steps\[0\]\.id: "x{40}…" is not a valid id/);
    expect(stepProblems({ id: 12 })).toEqual(['steps[0].id: expected an id of 1–64 letters, digits, ".", "_" or "-", got 12']);
    expect(stepProblems({ id: '__proto__' })).toEqual(['steps[0].id: "__proto__" is reserved: choose another id']);
    expect(validate(scenario(['A.b_c-9', 'x'.repeat(64)])).ok).toBe(true);
    expect(problemsOf(scenario(['a', 'b', 'a']))).toEqual(['steps[2].id: duplicate id "a" (also steps[0].id): step ids must be unique']);
  });

  it('refuses a step that is not an object', () => {
    expect(problemsOf(scenario(['a', 'b']).steps && { ...scenario(), steps: ['a'] })).toEqual([
      'steps[0]: expected a step object like { "id": "charge-card" }, got "a"',
    ]);
  });

  it('checks label (≤ 120) and request (≤ 200)', () => {
    expect(stepProblems({ label: 'x'.repeat(121) })).toEqual(['steps[0].label: too long: 121 characters (at most 120)']);
    expect(stepProblems({ request: 'x'.repeat(201) })).toEqual(['steps[0].request: too long: 201 characters (at most 200)']);
    expect(stepProblems({ label: null })).toEqual(['steps[0].label: expected a string of at most 120 characters, got null']);
    expect(validate(scenario([step('a', { label: '', request: 'x'.repeat(200) })])).ok).toBe(true);
  });

  it('checks durationMs: an integer 0–3,600,000', () => {
    for (const bad of [-1, 3_600_001, 1.5, '100', NaN, Infinity]) {
      expect(stepProblems({ durationMs: bad })).toEqual([`steps[0].durationMs: expected an integer 0–3,600,000, got ${typeof bad === 'string' ? '"100"' : String(bad)}`]);
    }
    expect(validate(scenario([step('a', { durationMs: 0 }), step('b', { durationMs: 3_600_000 })])).ok).toBe(true);
  });

  it('checks fail.status: 400–599, and explains why not 424', () => {
    expect(stepProblems({ fail: { status: 424 } })).toEqual([
      'steps[0].fail.status: 424 is what dependents answer when this step fails (Failed Dependency); give the failure its own status, e.g. 500, 502 or 503',
    ]);
    for (const bad of [399, 600, 500.5, '500']) {
      expect(stepProblems({ fail: { status: bad } })).toEqual([
        `steps[0].fail.status: expected an HTTP status 400–599 other than 424, got ${typeof bad === 'string' ? '"500"' : bad}`,
      ]);
    }
    expect(stepProblems({ fail: {} })).toEqual(['steps[0].fail.status: missing (expected an HTTP status 400–599 other than 424, or "timeout": true)']);
    expect(validate(scenario([step('a', { fail: { status: 400 } }), step('b', { fail: { status: 599 } })])).ok).toBe(true);
  });

  it('checks fail.message (≤ 200), fail.times (integer ≥ 1) and unknown fail fields', () => {
    expect(stepProblems({ fail: { status: 500, message: 'x'.repeat(201), times: 0, code: 1 } })).toEqual([
      'steps[0].fail.code: unknown field',
      'steps[0].fail.message: too long: 201 characters (at most 200)',
      'steps[0].fail.times: expected an integer ≥ 1, got 0',
    ]);
    expect(stepProblems({ fail: { status: 500, times: 1.5 } })).toEqual(['steps[0].fail.times: expected an integer ≥ 1, got 1.5']);
    expect(stepProblems({ fail: 503 })).toEqual(['steps[0].fail: expected { "status": an HTTP status 400–599 other than 424 } or { "timeout": true }, got 503']);
  });

  it('checks that fail: { timeout: true } comes with the step\'s timeoutMs, and no status', () => {
    expect(stepProblems({ fail: { timeout: true } })).toEqual([
      'steps[0].fail.timeout: needs the step\'s "timeoutMs" (the attempt hangs until then and answers 504)',
    ]);
    expect(stepProblems({ fail: { timeout: true, status: 500 }, timeoutMs: 10 })).toEqual([
      'steps[0].fail.status: a timeout failure answers 504 by itself: give either a status or "timeout": true, not both',
    ]);
    expect(stepProblems({ fail: { timeout: 'yes', status: 500 } })).toEqual(['steps[0].fail.timeout: expected true or false, got "yes"']);
    expect(validate(scenario([step('a', { fail: { timeout: true, times: 2 }, timeoutMs: 1000 })])).ok).toBe(true);
    expect(validate(scenario([step('a', { fail: { timeout: false, status: 500 } })])).ok).toBe(true);
  });

  it('checks timeoutMs: an integer ≥ 1', () => {
    expect(stepProblems({ timeoutMs: 0 })).toEqual(['steps[0].timeoutMs: expected an integer 1–3,600,000, got 0']);
    expect(stepProblems({ timeoutMs: 2.5 })).toEqual(['steps[0].timeoutMs: expected an integer 1–3,600,000, got 2.5']);
  });

  it('checks retry: maxAttempts integer ≥ 1, delayMs ≥ 0, factor ≥ 1', () => {
    expect(stepProblems({ retry: { maxAttempts: 0, delayMs: -1, factor: 0.5, tries: 2 } })).toEqual([
      'steps[0].retry.tries: unknown field',
      'steps[0].retry.maxAttempts: expected an integer 1–100, got 0',
      'steps[0].retry.delayMs: expected a number 0–3,600,000, got -1',
      'steps[0].retry.factor: expected a number 1–10, got 0.5',
    ]);
    expect(stepProblems({ retry: { maxAttempts: 2.5 } })).toEqual(['steps[0].retry.maxAttempts: expected an integer 1–100, got 2.5']);
    // Upper bounds keep a shared link from making the simulation run practically forever.
    expect(stepProblems({ retry: { maxAttempts: 101 } })).toEqual(['steps[0].retry.maxAttempts: expected an integer 1–100, got 101']);
    expect(stepProblems({ retry: { factor: 11 } })).toEqual(['steps[0].retry.factor: expected a number 1–10, got 11']);
    expect(validate(scenario([step('a', { retry: { maxAttempts: 1, delayMs: 0, factor: 1 } }), step('b', { retry: { delayMs: 12.5, factor: 1.5 } })])).ok).toBe(true);
  });

  it('checks compensation: label, durationMs and fail status 400–599', () => {
    expect(stepProblems({ compensation: { label: 'x'.repeat(121), durationMs: -5, fail: { status: 600 }, undo: true } })).toEqual([
      'steps[0].compensation.undo: unknown field',
      'steps[0].compensation.label: too long: 121 characters (at most 120)',
      'steps[0].compensation.durationMs: expected an integer 0–3,600,000, got -5',
      'steps[0].compensation.fail.status: expected an HTTP status 400–599, got 600',
    ]);
    expect(stepProblems({ compensation: { fail: { message: 'x' } } })).toEqual(['steps[0].compensation.fail.status: missing (expected an HTTP status 400–599)']);
    expect(stepProblems({ compensation: { fail: { status: 500, times: 2 } } })).toEqual(['steps[0].compensation.fail.times: unknown field']);
    expect(stepProblems({ compensation: true })).toEqual([
      'steps[0].compensation: expected an object like { "label": "Refund", "durationMs": 50 }, got true',
    ]);
    expect(validate(scenario([step('a', { compensation: {} })])).ok).toBe(true);
  });

  it('checks idempotent, join, produces and consumes', () => {
    expect(stepProblems({ idempotent: 'no', join: 'some', produces: 'x', consumes: ['', 7, 'x'.repeat(65), 'ok'] })).toEqual([
      'steps[0].idempotent: expected true or false, got "no"',
      'steps[0].join: expected "all" or "any", got "some"',
      'steps[0].produces: expected a list of artifact names (1–64 characters each), got "x"',
      'steps[0].consumes[0]: expected an artifact name of 1–64 characters, got ""',
      'steps[0].consumes[1]: expected an artifact name of 1–64 characters, got 7',
      `steps[0].consumes[2]: expected an artifact name of 1–64 characters, got "${'x'.repeat(40)}…"`,
    ]);
  });

  it('checks positions strictly (the gate repairs them; see open-scenario tests)', () => {
    expect(stepProblems({ position: { x: 'left', y: NaN } })).toEqual([
      'steps[0].position.x: expected a finite number, got "left"',
      'steps[0].position.y: expected a finite number, got NaN',
    ]);
    expect(stepProblems({ position: { x: 1 } })).toEqual(['steps[0].position.y: missing (expected a finite number)']);
    expect(stepProblems({ position: [0, 0] })).toEqual(['steps[0].position: expected { "x": number, "y": number }, got an array']);
    expect(stepProblems({ position: { x: 0, y: 0, z: 1 } })).toEqual(['steps[0].position.z: unknown field']);
  });
});

describe('validate: dependencies (R1)', () => {
  it('names a missing step, with the step it probably meant', () => {
    const s = scenario(['pack', 'ship', 'bill', 'notify'], [dep('pack', 'ship'), dep('pack', 'bill'), dep('bill', 'notify'), dep('pack', 'shipp')]);
    expect(problemsOf(s)).toEqual(['dependencies[3].to: no step "shipp" (did you mean "ship"?)']);
    expect(problemsOf(scenario(['a'], [dep('zzz', 'a')]))).toEqual(['dependencies[0].from: no step "zzz"']);
    expect(problemsOf(scenario(['Charge-Card', 'b'], [dep('charge-card', 'b')]))).toEqual([
      'dependencies[0].from: no step "charge-card" (did you mean "Charge-Card"?)',
    ]);
  });

  it('checks the shape of each dependency', () => {
    const s = { ...scenario(['a', 'b']), dependencies: ['a→b', { from: 'a' }, { from: 1, to: 'b' }, { from: 'a', to: 'b', on: 'ok', when: 1 }] };
    expect(problemsOf(s)).toEqual([
      'dependencies[0]: expected a dependency like { "from": "a", "to": "b" }, got "a→b"',
      'dependencies[1].to: missing (expected a step id)',
      'dependencies[2].from: expected a step id, got 1',
      'dependencies[3].when: unknown field',
      'dependencies[3].on: expected "success", "failure" or "always", got "ok"',
    ]);
  });

  it('refuses a step that depends on itself', () => {
    expect(problemsOf(scenario(['a'], [dep('a', 'a')]))).toEqual(['dependencies[0]: a step cannot depend on itself ("a" → "a")']);
  });

  it('refuses a second dependency between the same two steps, whatever its condition', () => {
    expect(problemsOf(scenario(['a', 'b'], [dep('a', 'b'), dep('a', 'b', 'always')]))).toEqual([
      'dependencies[1]: duplicate of dependencies[0] ("a" → "b"): one dependency per pair of steps',
    ]);
    // The opposite direction is not a duplicate: it is a cycle.
    expect(problemsOf(scenario(['a', 'b'], [dep('a', 'b'), dep('b', 'a')]))).toEqual(['dependencies[1]: dependencies form a cycle: a → b → a']);
  });

  it('accepts every condition', () => {
    expect(validate(scenario(['a', 'b', 'c', 'd'], [dep('a', 'b', 'success'), dep('a', 'c', 'failure'), dep('a', 'd', 'always')])).ok).toBe(true);
  });

  it('names one cycle as a → b → c → a, at the dependency that closes it', () => {
    const s = scenario(['a', 'b', 'c', 'd'], [dep('a', 'b'), dep('b', 'c'), dep('c', 'd'), dep('c', 'a')]);
    expect(problemsOf(s)).toEqual(['dependencies[3]: dependencies form a cycle: a → b → c → a']);
  });

  it('names the shortest cycle through the first step of the cycle', () => {
    const s = scenario(['x', 'a', 'b', 'c'], [dep('x', 'a'), dep('a', 'b'), dep('b', 'c'), dep('c', 'a'), dep('b', 'a')]);
    expect(problemsOf(s)).toEqual(['dependencies[4]: dependencies form a cycle: a → b → a']);
  });

  it('reports one cycle for each separate knot', () => {
    const s = scenario(['a', 'b', 'c', 'd', 'e'], [dep('a', 'b'), dep('b', 'a'), dep('c', 'd'), dep('d', 'e'), dep('e', 'c')]);
    expect(problemsOf(s)).toEqual([
      'dependencies[1]: dependencies form a cycle: a → b → a',
      'dependencies[4]: dependencies form a cycle: c → d → e → c',
    ]);
  });

  it('shortens a very long cycle in its message', () => {
    const s = chain(1000);
    s.dependencies.push(dep('s999', 's0'));
    const [message] = problemsOf(s);
    expect(message).toBe(
      'dependencies[999]: dependencies form a cycle: s0 → s1 → s2 → s3 → s4 → s5 → s6 → s7 → s8 → s9 → … (987 more) → s997 → s998 → s999 → s0',
    );
  });

  it('finds a cycle far downstream of acyclic parts, in a deep graph, without overflowing the stack', () => {
    const s = chain(50_000);
    s.dependencies.push(dep('s49999', 's49990'));
    expect(problemsOf(s)).toEqual([
      'dependencies[49999]: dependencies form a cycle: s49990 → s49991 → s49992 → s49993 → s49994 → s49995 → s49996 → s49997 → s49998 → s49999 → s49990',
    ]);
  });
});

describe('validate: every problem, never a throw', () => {
  it('reports every problem in document order, not just the first', () => {
    const input = {
      version: 1,
      title: '',
      extra: true,
      steps: [
        { id: 'ship', durationMS: 5, fail: { status: 424 } },
        { id: 'a', fail: { timeout: true } },
        { id: 'a' },
        { id: 'b', retry: { maxAttempts: 0 } },
        { id: 'c', join: 'most' },
      ],
      dependencies: [dep('ship', 'a'), dep('a', 'a'), dep('ship', 'shipp'), dep('b', 'c'), dep('c', 'b'), dep('b', 'c', 'Success' as never)],
    };
    expect(problemsOf(input)).toEqual([
      'extra: unknown field',
      'title: must not be empty (expected a string of 1–120 characters)',
      'steps[0].durationMS: unknown field (did you mean "durationMs"?)',
      'steps[0].fail.status: 424 is what dependents answer when this step fails (Failed Dependency); give the failure its own status, e.g. 500, 502 or 503',
      'steps[1].fail.timeout: needs the step\'s "timeoutMs" (the attempt hangs until then and answers 504)',
      'steps[2].id: duplicate id "a" (also steps[1].id): step ids must be unique',
      'steps[3].retry.maxAttempts: expected an integer 1–100, got 0',
      'steps[4].join: expected "all" or "any", got "most"',
      'dependencies[1]: a step cannot depend on itself ("a" → "a")',
      'dependencies[2].to: no step "shipp" (did you mean "ship"?)',
      'dependencies[5].on: expected "success", "failure" or "always", got "Success" (did you mean "success"?)',
      'dependencies[5]: duplicate of dependencies[3] ("b" → "c"): one dependency per pair of steps',
      'dependencies[4]: dependencies form a cycle: b → c → b',
    ]);
  });

  it('lists at most 1,000 problems, then counts the rest', () => {
    const s = scenario(Array.from({ length: 1500 }, (_, i) => step(`s${i}`, { durationMs: -1 })));
    const r = validate(s);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1001);
    expect(r.problems[1000]).toEqual({ code: 'more-problems', path: '', message: '… and 500 more problems' });
  });

  it('answers hostile objects with problems instead of throwing', () => {
    const throwing = new Proxy({}, { ownKeys: () => { throw new Error('boom'); } });
    const r = validate(throwing);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0].message).toMatch(/^Internal error while checking: boom/);

    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(problemsOf(scenario([step('a', { label: deep as string })]))).toEqual([
      'steps[0].label: expected a string of at most 120 characters, got an array',
    ]);
    const withProto = JSON.parse('{"version":1,"title":"t","steps":[],"__proto__":{"polluted":true}}');
    expect(problemsOf(withProto)).toEqual(['__proto__: unknown field']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('validate: each problem once, with its code and what it concerns', () => {
  it('reports an invalid step id once, not again for every dependency naming it', () => {
    const s = scenario(['pay', step('charge card'), 'ship', 'bill'], [dep('pay', 'charge card'), dep('charge card', 'ship'), dep('charge card', 'bill')]);
    const r = validate(s);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { code: 'invalid-id', path: 'steps[1].id', step: 1, message: '"charge card" is not a valid id: use 1–64 letters, digits, ".", "_" or "-"' },
    ]);
  });

  it('gives every problem a code and the index of its step or dependency', () => {
    const s = {
      ...scenario([step('a', { durationMs: -1, colour: 'red' } as never), 'b'], [dep('a', 'b'), dep('b', 'nope'), dep('b', 'b'), dep('a', 'b')]),
      extra: 1,
    };
    const r = validate(s);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map(({ code, path, step: at, dependency }) => ({ code, path, step: at, dependency }))).toEqual([
      { code: 'unknown-field', path: 'extra', step: undefined, dependency: undefined },
      { code: 'unknown-field', path: 'steps[0].colour', step: 0, dependency: undefined },
      { code: 'out-of-range', path: 'steps[0].durationMs', step: 0, dependency: undefined },
      { code: 'missing-step', path: 'dependencies[1].to', step: undefined, dependency: 1 },
      { code: 'self-dependency', path: 'dependencies[2]', step: undefined, dependency: 2 },
      { code: 'duplicate-dependency', path: 'dependencies[3]', step: undefined, dependency: 3 },
    ]);
    const cycle = validate(scenario(['a', 'b'], [dep('a', 'b'), dep('b', 'a')]));
    expect(!cycle.ok && cycle.problems).toEqual([{ code: 'cycle', path: 'dependencies[1]', dependency: 1, message: 'dependencies form a cycle: a → b → a' }]);
    const duplicate = validate(scenario(['a', 'a']));
    expect(!duplicate.ok && duplicate.problems.map((p) => [p.code, p.step])).toEqual([['duplicate-id', 1]]);
  });
});
