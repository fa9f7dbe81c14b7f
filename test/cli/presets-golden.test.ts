import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulate } from '../../src/engine/index.ts';
import type { RunResult } from '../../src/engine/types.ts';
import { findPreset, PRESETS } from '../../src/presets/index.ts';
import { canonicalScenario } from '../../src/scenario/canonical.ts';
import { conditionOf } from '../../src/scenario/defaults.ts';
import { validate } from '../../src/scenario/validate.ts';

// Golden traces: every preset's result JSON, byte for byte. A change in the engine that
// changes any story shows up here as a diff to review. Regenerate with
//   UPDATE_GOLDEN=1 npx vitest run test/cli/presets-golden.test.ts
// and read the diff before committing it.

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function run(name: string): RunResult {
  return simulate(findPreset(name)!.scenario);
}

describe('presets', () => {
  it('have unique kebab-case names', () => {
    const names = PRESETS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(names[0]).toBe('payment-fails');
  });

  it.each(PRESETS.map((p) => [p.name, p] as const))('%s is a valid version-1 scenario', (_name, preset) => {
    const checked = validate(preset.scenario);
    expect(checked.ok ? [] : checked.problems).toEqual([]);
    expect(preset.title).toBe(preset.scenario.title);
  });

  it.each(PRESETS.map((p) => [p.name, p] as const))('%s is written in canonical form, so its share link reopens it exactly', (_name, preset) => {
    expect(JSON.stringify(preset.scenario)).toBe(JSON.stringify(canonicalScenario(preset.scenario)));
  });

  it.each(PRESETS.map((p) => [p.name, p.description] as const))('%s has a one-sentence description', (_name, description) => {
    expect(description).toMatch(/^[A-Z].*\.$/s);
    expect(description).not.toMatch(/[.!?]\s+\S/); // no second sentence
    expect(description).not.toMatch(/\n/);
    expect(description.length).toBeLessThanOrEqual(240);
  });

  it.each(PRESETS.map((p) => [p.name, p] as const))('%s is laid out left to right on the canvas grid', (_name, preset) => {
    const { steps, dependencies } = preset.scenario;
    const at = new Map(steps.map((s) => [s.id, s.position]));
    const seen = new Set<string>();
    for (const s of steps) {
      expect(s.position, s.id).toBeDefined();
      expect(s.position!.x % 220, `${s.id}.x`).toBe(0);
      expect(s.position!.y % 55, `${s.id}.y`).toBe(0);
      const key = `${s.position!.x},${s.position!.y}`;
      expect(seen.has(key), `${s.id} overlaps another step`).toBe(false);
      seen.add(key);
    }
    for (const d of dependencies) expect(at.get(d.from)!.x, `${d.from} → ${d.to}`).toBeLessThan(at.get(d.to)!.x);
  });

  it('give every step a realistic request line', () => {
    for (const p of PRESETS) {
      for (const s of p.scenario.steps) expect(s.request, `${p.name}/${s.id}`).toMatch(/^(GET|POST|PUT|PATCH|DELETE|COPY|MOVE) \/\S*$/);
    }
  });
});

describe('golden traces', () => {
  it.each(PRESETS.map((p) => p.name))('%s matches its golden trace in test/fixtures/golden', (name) => {
    const text = `${JSON.stringify(run(name), null, 2)}\n`;
    const file = join(GOLDEN_DIR, `${name}.json`);
    if (UPDATE) {
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(file, text);
    }
    expect(text).toBe(readFileSync(file, 'utf8'));
  });

  it('are byte-identical run after run', () => {
    for (const p of PRESETS) expect(JSON.stringify(simulate(p.scenario))).toBe(JSON.stringify(simulate(p.scenario)));
  });
});

// The stories the presets are there to tell, spelled out so a golden update that breaks one
// fails here with a readable message rather than hiding in a large diff.
describe('the preset stories', () => {
  it('payment-fails: payment is declined (402) → invoice and receipt answer 424, stock is still reserved', () => {
    const r = run('payment-fails');
    expect(r.steps['authorize-payment']).toMatchObject({ state: 'failed', status: 402, message: 'card declined' });
    expect(r.steps['create-invoice']).toMatchObject({
      state: 'blocked',
      status: 424,
      failedPrerequisiteStep: 'authorize-payment',
      rootCauseStep: 'authorize-payment',
      dependencyPath: ['authorize-payment', 'create-invoice'],
    });
    expect(r.steps['send-receipt']).toMatchObject({
      state: 'blocked',
      status: 424,
      failedPrerequisiteStep: 'create-invoice',
      rootCauseStep: 'authorize-payment',
      dependencyPath: ['authorize-payment', 'create-invoice', 'send-receipt'],
    });
    expect(r.steps['reserve-stock'].state).toBe('succeeded');
    expect(r).toMatchObject({ outcome: 'failed', httpStatus: 207 });
    const invoice = r.response.results.find((x) => x.id === 'create-invoice')!;
    expect(invoice.body).toMatchObject({ title: 'Failed Dependency', status: 424, failed_prerequisite_step: 'authorize-payment' });
  });

  it('shipping-retry-loop: naive retries re-send the label and get 424 every time; stock is never asked again', () => {
    const r = run('shipping-retry-loop');
    expect(r.steps['reserve-stock']).toMatchObject({ state: 'failed', status: 409, attempts: 1 });
    expect(r.steps['create-shipping-label']).toMatchObject({ state: 'blocked', status: 424, attempts: 4, rootCauseStep: 'reserve-stock' });
    const blocked = r.events.filter((e) => e.type === 'blocked' && e.step === 'create-shipping-label');
    expect(blocked.map((e) => e.attempt)).toEqual([1, 2, 3, 4]);
    // Backoff 200, 400, 800 ms between the 424s.
    expect(blocked.map((e) => e.t - blocked[0].t)).toEqual([0, 200, 600, 1400]);
    expect(r.events.some((e) => e.type === 'repair-requested')).toBe(false);
    expect(r.steps['notify-customer']).toMatchObject({ state: 'blocked', status: 424, rootCauseStep: 'reserve-stock' });
  });

  it('shipping-retry-graph-aware: each label retry repairs the stock reservation first, then the label is created', () => {
    const r = run('shipping-retry-graph-aware');
    expect(r.steps['reserve-stock']).toMatchObject({ state: 'succeeded', status: 200, attempts: 3 });
    expect(r.steps['create-shipping-label']).toMatchObject({ state: 'succeeded', status: 200 });
    expect(r.steps['notify-customer'].state).toBe('succeeded');
    const repairs = r.events.filter((e) => e.type === 'repair-requested');
    expect(repairs.length).toBe(2);
    for (const e of repairs) expect(e).toMatchObject({ step: 'reserve-stock', requestedBy: 'create-shipping-label' });
    expect(r).toMatchObject({ outcome: 'succeeded', httpStatus: 200 });
  });

  it('artifact-checksum: the upload fails its checksum (422) → publish and deploy answer 424; the failure alert goes out', () => {
    const r = run('artifact-checksum');
    expect(r.steps['upload-artifact']).toMatchObject({ state: 'failed', status: 422 });
    expect(r.steps['publish-release']).toMatchObject({ state: 'blocked', status: 424, failedPrerequisiteStep: 'upload-artifact', rootCauseStep: 'upload-artifact' });
    expect(r.steps['deploy-staging']).toMatchObject({ state: 'blocked', status: 424, failedPrerequisiteStep: 'publish-release', rootCauseStep: 'upload-artifact' });
    expect(r.steps['alert-release-channel'].state).toBe('succeeded');
    expect(r.steps['run-tests'].state).toBe('succeeded');
  });

  it('publish-before-validation: lint warns of the race; publish fails with a missing input and announce answers 424', () => {
    const r = run('publish-before-validation');
    expect(r.lint).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'artifact-race', step: 'publish-package' })]));
    expect(r.steps['publish-package']).toMatchObject({ state: 'failed', status: 500, message: 'missing input validated-bundle' });
    expect(r.steps['validate-bundle'].state).toBe('succeeded');
    expect(r.steps['announce-release']).toMatchObject({ state: 'blocked', status: 424, rootCauseStep: 'publish-package' });
  });

  it('timeout-no-guard: the rate lookup times out (504) and its dependents run anyway, failing with 500 and no 424', () => {
    const r = run('timeout-no-guard');
    expect(r.steps['fetch-fx-rates']).toMatchObject({ state: 'failed', status: 504, endedAt: 3000 });
    expect(r.steps['price-cart']).toMatchObject({ state: 'failed', status: 500, message: 'missing output of fetch-fx-rates', rootCauseStep: 'fetch-fx-rates', startedAt: 3000 });
    expect(r.steps['create-invoice']).toMatchObject({ state: 'failed', status: 500, message: 'missing output of price-cart', rootCauseStep: 'fetch-fx-rates' });
    expect(Object.values(r.steps).some((s) => s.status === 424)).toBe(false);
  });

  it('saga-compensation-fails: rollback runs in reverse completion order, the void fails, and the state stays partial', () => {
    const r = run('saga-compensation-fails');
    expect(r.steps['book-courier']).toMatchObject({ state: 'failed', status: 503 });
    for (const id of ['print-label', 'capture-payment', 'send-confirmation', 'award-points']) {
      expect(r.steps[id], id).toMatchObject({ state: 'blocked', status: 424, rootCauseStep: 'book-courier' });
    }
    expect(r.compensationOrder).toEqual(['create-invoice', 'authorize-payment', 'reserve-stock', 'create-order']);
    expect(r.steps['authorize-payment']).toMatchObject({ state: 'compensation-failed', status: 200 });
    for (const id of ['create-invoice', 'reserve-stock', 'create-order']) expect(r.steps[id].state, id).toBe('compensated');
    expect(r.uncompensated).toEqual(['redeem-voucher']);
    expect(r).toMatchObject({ outcome: 'compensation-failed', httpStatus: 207 });
  });

  it('webdav-copy-locked: the locked member answers 423 and the members inside it answer 424', () => {
    const r = run('webdav-copy-locked');
    expect(r.steps['copy-guides']).toMatchObject({ state: 'failed', status: 423 });
    for (const id of ['copy-intro', 'copy-setup']) {
      expect(r.steps[id], id).toMatchObject({ state: 'blocked', status: 424, failedPrerequisiteStep: 'copy-guides', rootCauseStep: 'copy-guides' });
    }
    for (const id of ['copy-docs', 'copy-readme', 'copy-logo']) expect(r.steps[id].state, id).toBe('succeeded');
  });

  it('graph-batch-step2: request 2 fails (400) → requests 3 and 4 answer 424; 1 and 5 succeed', () => {
    const r = run('graph-batch-step2');
    expect(r.steps['2']).toMatchObject({ state: 'failed', status: 400 });
    for (const id of ['3', '4']) expect(r.steps[id], id).toMatchObject({ state: 'blocked', status: 424, failedPrerequisiteStep: '2' });
    for (const id of ['1', '5']) expect(r.steps[id].state, id).toBe('succeeded');
  });

  it('use only success dependencies except where the story needs another condition', () => {
    const other = PRESETS.flatMap((p) => p.scenario.dependencies.filter((d) => conditionOf(d) !== 'success').map((d) => `${p.name}: ${d.from} → ${d.to}`));
    expect(other).toEqual([
      'artifact-checksum: upload-artifact → alert-release-channel',
      // R15: a teardown is a finally step because every dependency into it is `always`.
      'teardown-after-abort: smoke-test → teardown',
      'teardown-after-abort: seed-data → teardown',
      'teardown-after-abort: warm-cache → teardown',
      // The docs build runs only when the "docs/ unchanged" check fails; otherwise it is skipped.
      'docs-skipped-is-fine: docs-unchanged → docs',
    ]);
  });
});
