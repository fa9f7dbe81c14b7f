// Compare (issue #13): one graph under two choices, told as the seeds' contrasts.
import { SAME_REASON_TEXT, checkVariants, compareScenarios, diffJson, diffRuns, sideOutcome, summarizeDiff, summaryWithWhySame, variants, whySame } from '../../src/engine/compare.ts';
import { simulate } from '../../src/engine/index.ts';
import { findPreset } from '../../src/presets/index.ts';
import { resolvePolicy } from '../../src/scenario/defaults.ts';
import { chain, dep, scenario, step } from './helpers.ts';

const preset = (name: string) => findPreset(name)!.scenario;

describe('diffRuns', () => {
  it('naive retries vs graph-aware: the label and the notification stop answering 424 and the run ends 410 ms sooner', () => {
    const diff = diffRuns(simulate(preset('shipping-retry-loop')), simulate(preset('shipping-retry-graph-aware')));
    expect(Object.keys(diff.steps)).toEqual(['reserve-stock', 'create-shipping-label', 'notify-customer']);
    expect(diff.steps['create-shipping-label']).toMatchObject({
      a: { state: 'blocked', status: 424, attempts: 4 },
      b: { state: 'succeeded', status: 200, attempts: 3 },
      differs: ['state', 'status', 'attempts', 'timing'],
      timing: { a: [200, 1600], b: [200, 1140] },
    });
    expect(diff.summary).toEqual({ blocked: [2, 0], attemptsTotal: [8, 10], durationMs: [1600, 1190], compensated: [0, 0] });
    expect(summarizeDiff(diff)).toBe('B avoided 2 answers of 424, made 2 more attempts, had 1 fewer step fail, and finished 410 ms sooner.');
  });

  it('a step that differs only in timing is listed with "timing"', () => {
    const a = scenario([step('a', { durationMs: 100 }), step('b')], chain('a', 'b'));
    const b = scenario([step('a', { durationMs: 250 }), step('b')], chain('a', 'b'));
    const diff = diffRuns(simulate(a), simulate(b));
    expect(diff.steps.a.differs).toEqual(['timing']);
    expect(diff.steps.b).toMatchObject({ differs: ['timing'], timing: { a: [100, 200], b: [250, 350] } });
    expect(summarizeDiff(diff)).toBe('B took 150 ms longer.');
  });

  it('the same run twice: no step differs, and the sentence says so', () => {
    const run = simulate(preset('payment-fails'));
    const diff = diffRuns(run, simulate(preset('payment-fails')));
    expect(diff.steps).toEqual({});
    expect(summarizeDiff(diff)).toBe('A and B ran the same: no step differs.');
  });

  // Tryout: the summary said "3 steps were compensated in A only" over a table of 4 differing
  // steps, the fourth the payment whose void failed. The sentence now counts every step the saga
  // touched in A only, as the table lists them.
  it('saga off: the steps the saga rolled back in A are named as compensated in A only, and the one whose undo failed too', () => {
    const saga = preset('saga-compensation-fails');
    const off = variants(saga).find((v) => v.id === 'saga')!;
    const diff = diffRuns(simulate(saga), simulate(off.scenario));
    expect(diff.compensatedOnly.a).toEqual(['create-order', 'reserve-stock', 'create-invoice']);
    expect(diff.compensationFailedOnly).toEqual({ a: ['authorize-payment'], b: [] });
    expect(diff.compensatedOnly.a.every((id) => diff.steps[id].a?.state === 'compensated' && diff.steps[id].b?.state === 'succeeded')).toBe(true);
    expect(Object.keys(diff.steps)).toEqual(['create-order', 'reserve-stock', 'authorize-payment', 'create-invoice']);
    expect(summarizeDiff(diff)).toBe("B finished 270 ms sooner; 3 steps were compensated and 1 step's compensation failed in A only.");
    // Told from the other side: B (the saga) touched them.
    expect(summarizeDiff(diffRuns(simulate(off.scenario), simulate(saga)))).toBe("B took 270 ms longer; 3 steps were compensated and 1 step's compensation failed in B only.");
  });

  it('a step a saga undid reads as its call, then what the undo did', () => {
    expect(sideOutcome({ state: 'compensation-failed', status: 200, attempts: 1 })).toEqual({ forward: 'succeeded', after: 'its compensation failed' });
    expect(sideOutcome({ state: 'compensated', status: 201, attempts: 2 })).toEqual({ forward: 'succeeded', after: 'compensated' });
    // R17 evenIfFailed: the failed call that may have acted was undone.
    expect(sideOutcome({ state: 'compensated', status: 504, attempts: 1 })).toEqual({ forward: 'failed', after: 'compensated' });
    expect(sideOutcome({ state: 'blocked', status: 424, attempts: 1 })).toEqual({ forward: 'blocked', after: null });
  });

  it('the JSON shape lists per step only a and b with state, status and attempts', () => {
    const diff = diffRuns(simulate(preset('timeout-no-guard')), simulate({ ...preset('timeout-no-guard'), policy: { failFast: true } }));
    const json = diffJson(diff);
    expect(Object.keys(json)).toEqual(['steps', 'summary']);
    expect(json.steps['price-cart']).toEqual({ a: { state: 'failed', status: 500, attempts: 1 }, b: { state: 'blocked', status: 424, attempts: 1 } });
  });

  // Tryout: "B had 3 fewer steps fail, and finished 2800 ms sooner." A comma split the two verbs
  // of one subject. Two verb phrases join with a plain "and"; three or more keep the comma
  // before the last, and times are written as the app's clock writes them (formatMs).
  it('two verb phrases join without a comma; lengths read as the clock reads them', () => {
    const a = preset('timeout-no-guard');
    const fixed = variants(a).find((v) => v.id === 'root-cause-fixed')!;
    const compared = compareScenarios(a, fixed.scenario, { replay: true });
    if (!compared.ok) throw new Error('replay refused');
    expect(summarizeDiff(compared.value.diff)).toBe('B had 3 fewer steps fail and finished 2800 ms sooner.');
    const slow = diffRuns(simulate(scenario([step('a', { durationMs: 100 })])), simulate(scenario([step('a', { durationMs: 12_600 })])));
    expect(summarizeDiff(slow)).toBe('B took 12.5 s longer.');
  });

  it('a step on one side only has null on the other', () => {
    const diff = diffRuns(simulate(scenario([step('a')])), simulate(scenario([step('a'), step('extra')])));
    expect(diff.steps.extra).toMatchObject({ a: null, b: { state: 'succeeded' }, differs: ['state'] });
  });
});

describe('variants', () => {
  it('each what-if flips one policy field and leaves A untouched', () => {
    const a = preset('timeout-no-guard');
    const before = JSON.stringify(a);
    const list = variants(a);
    expect(JSON.stringify(a)).toBe(before);
    expect(list.map((v) => v.id)).toEqual(['fail-fast', 'retry-mode', 'saga', 'on-failure', 'concurrency-1', 'root-cause-fixed']);
    const policyOf = (id: string) => resolvePolicy(list.find((v) => v.id === id)!.scenario);
    expect(policyOf('fail-fast').failFast).toBe(true);
    expect(policyOf('retry-mode').retryMode).toBe('naive');
    expect(policyOf('saga').compensation).toBe('saga');
    expect(policyOf('on-failure').onFailure).toBe('abort');
    expect(policyOf('concurrency-1').concurrency).toBe(1);
    expect(list[0].label).toBe('Fail-fast guard on');
  });

  it('"the root cause fixed" removes the failing step\'s fail and runs as a replay of A', () => {
    const a = preset('payment-fails');
    const fixed = variants(a).find((v) => v.id === 'root-cause-fixed')!;
    expect(fixed.replay).toBe(true);
    expect(fixed.scenario.steps.find((s) => s.id === 'authorize-payment')!.fail).toBeUndefined();
    const compared = compareScenarios(a, fixed.scenario, { replay: true });
    if (!compared.ok) throw new Error('replay refused');
    const { b, diff } = compared.value;
    expect(b.replayOf).toBe(compared.value.a.correlationId);
    expect(b.steps['create-order']).toMatchObject({ reused: true });
    expect(diff.steps['create-order']).toBeUndefined();
    expect(diff.summary.blocked).toEqual([2, 0]);
    expect(Object.values(b.steps).every((s) => s.state === 'succeeded')).toBe(true);
  });

  it('a scenario where nothing fails offers no root-cause fix, and no "concurrency 1" when it already is 1', () => {
    const list = variants(scenario([step('a')], [], { concurrency: 1 }));
    expect(list.map((v) => v.id)).toEqual(['fail-fast', 'retry-mode', 'saga', 'on-failure']);
  });
});

// Tryout: several what-ifs changed nothing on the scenario at hand (saga with no undo handler,
// naive retries with no retrying step, abort where every waiting step depends on the failure),
// and the comparison only said "no step differs". checkVariants runs each B and says which run
// exactly like A, with a plain reason where one applies.
describe('checkVariants', () => {
  const byId = (list: ReturnType<typeof checkVariants>) => Object.fromEntries(list.map((v) => [v.id, { sameAsA: v.sameAsA, sameReason: v.sameReason }]));

  it('payment declined: saga, naive retries and abort run the same as A, each for its reason; the others differ', () => {
    expect(byId(checkVariants(preset('payment-fails')))).toEqual({
      'fail-fast': { sameAsA: false, sameReason: null },
      'retry-mode': { sameAsA: true, sameReason: 'no-retries' },
      saga: { sameAsA: true, sameReason: 'no-compensation' },
      'on-failure': { sameAsA: true, sameReason: 'all-dependent' },
      'concurrency-1': { sameAsA: false, sameReason: null },
      'root-cause-fixed': { sameAsA: false, sameReason: null },
    });
  });

  it('docs skipped is fine: no step fails, so the fail-fast guard and abort change nothing', () => {
    const checked = byId(checkVariants(preset('docs-skipped-is-fine')));
    expect(checked['fail-fast']).toEqual({ sameAsA: true, sameReason: 'no-failure' });
    expect(checked['on-failure']).toEqual({ sameAsA: true, sameReason: 'no-failure' });
  });

  it('saga off on the saga story differs (its steps were compensated in A)', () => {
    expect(byId(checkVariants(preset('saga-compensation-fails'))).saga).toEqual({ sameAsA: false, sameReason: null });
  });

  it('a chain already runs one step at a time: concurrency 1 says so; a fan-out does not', () => {
    expect(byId(checkVariants(scenario([step('a'), step('b'), step('c')], chain('a', 'b', 'c'))))['concurrency-1']).toEqual({ sameAsA: true, sameReason: 'no-overlap' });
    expect(byId(checkVariants(scenario([step('a'), step('b'), step('c')], [dep('a', 'b'), dep('a', 'c')])))['concurrency-1']).toEqual({ sameAsA: false, sameReason: null });
  });

  it('every step started before the first failure: abort has nothing to cancel', () => {
    const a = scenario([step('a', { durationMs: 300 }), step('b', { durationMs: 100, fail: { status: 500 } })]);
    expect(byId(checkVariants(a))['on-failure']).toEqual({ sameAsA: true, sameReason: 'all-started' });
  });

  // Tryout: "Abort on failure" ran like A on timeout-no-guard, shipping-retry-graph-aware and
  // artifact-checksum with only "Runs the same as A here". The reason is read from A's events as
  // the abort rule works (R8): at the first failure no retry follows, every step not yet sent
  // depends on the failed one (graph-aware: reserve-stock's 409 at 200 ms, repaired later).
  it.each([
    ['timeout-no-guard', 'fetch-fx-rates', ['create-invoice', 'price-cart']],
    ['shipping-retry-graph-aware', 'reserve-stock', ['create-shipping-label', 'notify-customer']],
    ['artifact-checksum', 'upload-artifact', ['alert-release-channel', 'deploy-staging', 'publish-release']],
  ])('%s: abort changes nothing, because every step still waiting when %s fails depends on it', (name, failing, waiting) => {
    const a = preset(name);
    const run = simulate(a);
    const first = run.events.find((e) => (e.type === 'failed' || e.type === 'timed-out') && !e.willRetry)!;
    expect(first.step).toBe(failing);
    const before = new Set(run.events.slice(0, run.events.indexOf(first) + 1).map((e) => e.step));
    expect(a.steps.map((s) => s.id).filter((id) => !before.has(id)).sort()).toEqual(waiting);
    const abort = byId(checkVariants(a))['on-failure'];
    expect(abort).toEqual({ sameAsA: true, sameReason: 'all-dependent' });
    const b = variants(a, run).find((v) => v.id === 'on-failure')!.scenario;
    expect(whySame(a, run, b)).toBe('all-dependent');
    const diff = diffRuns(run, simulate(b));
    expect(summaryWithWhySame(summarizeDiff(diff), diff, a, run, b)).toBe(
      'A and B ran the same: no step differs. It makes no difference here: every step still waiting at the first failure depends on it, and abort cancels only independent steps.',
    );
  });

  it('a flaky step that succeeds on its retry: abort never starts, and says so', () => {
    const a = scenario(
      [step('a', { durationMs: 50, fail: { status: 503, times: 1 }, retry: { maxAttempts: 2, delayMs: 10 } }), step('b', { durationMs: 100 }), step('c', { durationMs: 500 })],
      [dep('a', 'b')],
    );
    expect(byId(checkVariants(a))['on-failure']).toEqual({ sameAsA: true, sameReason: 'no-final-failure' });
    expect(SAME_REASON_TEXT['no-final-failure']).toBe('every failing step succeeds on a retry, and abort starts only at a failure no retry follows');
  });

  it('a failing step that never runs (its condition is false): no step fails, so abort has nothing to start at', () => {
    const a = scenario([step('a'), step('rescue', { fail: { status: 500 }, when: 'a.Failed' }), step('c', { durationMs: 500 })], [dep('a', 'rescue')]);
    expect(byId(checkVariants(a))['on-failure']).toEqual({ sameAsA: true, sameReason: 'no-failure' });
  });

  it('over maxSteps nothing is checked: every sameAsA is null, the variants are still offered', () => {
    const list = checkVariants(preset('payment-fails'), { maxSteps: 2 });
    expect(list.map((v) => v.id)).toEqual(variants(preset('payment-fails')).map((v) => v.id));
    expect(list.every((v) => v.sameAsA === null && v.sameReason === null)).toBe(true);
  });
});

describe('whySame', () => {
  it('names the reason of the variant B is, and nothing for B that is no variant of A', () => {
    const a = findPreset('payment-fails')!.scenario;
    const run = simulate(a);
    const of = (id: string) => variants(a, run).find((v) => v.id === id)!.scenario;
    expect(whySame(a, run, of('saga'))).toBe('no-compensation');
    expect(whySame(a, run, of('retry-mode'))).toBe('no-retries');
    // A itself, and A with a step's duration changed, are no variant of A.
    expect(whySame(a, run, a)).toBeNull();
    const edited = { ...of('saga'), steps: a.steps.map((s, i) => (i === 0 ? { ...s, durationMs: 1 } : s)) };
    expect(whySame(a, run, edited)).toBeNull();
  });
});
