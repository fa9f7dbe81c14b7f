// Scenarios built in code for the benches, the fuzzer and the tests: a 10-step
// order saga written by hand, and a generator of realistic layered scenarios (labels, request
// lines, failures, retries, compensations and editor positions) from a seed; a wide Argo-like
// DAG, imported without positions.
import type { Scenario, Step } from '../src/scenario/types.ts';
import { importArgo } from '../src/scenario/dialects/argo.ts';

/** Mulberry32: a tiny seeded PRNG, so every figure and fuzz case can be reproduced. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An order pipeline run as a saga: ten steps, five with compensation handlers, one failing. */
export function sagaScenario(): Scenario {
  const step = (id: string, label: string, request: string, durationMs: number, x: number, y: number, extra: Partial<Step> = {}): Step => ({
    id,
    label,
    request,
    durationMs,
    ...extra,
    position: { x, y },
  });
  return {
    version: 2,
    title: 'Checkout saga: shipping fails, the order is rolled back',
    description:
      'The carrier rejects the shipment (503) after payment was captured; the saga refunds the card, releases the stock and cancels the order in reverse order.',
    policy: { compensation: 'saga', retryMode: 'graph-aware' },
    steps: [
      step('create-order', 'Create order', 'POST /orders', 80, 0, 120, { compensation: { label: 'Cancel order', durationMs: 40 } }),
      step('validate-cart', 'Validate cart', 'POST /carts/42/validate', 60, 220, 0),
      step('reserve-stock', 'Reserve stock', 'POST /inventory/reservations', 120, 220, 120, {
        compensation: { label: 'Release stock', durationMs: 60 },
      }),
      step('authorize-payment', 'Authorize payment', 'POST /payments/authorize', 150, 220, 240, {
        retry: { maxAttempts: 3, delayMs: 50, factor: 2 },
        compensation: { label: 'Void authorization', durationMs: 70 },
      }),
      step('capture-payment', 'Capture payment', 'POST /payments/capture', 110, 440, 240, {
        idempotent: false,
        compensation: { label: 'Refund card', durationMs: 90 },
      }),
      step('create-invoice', 'Create invoice', 'POST /invoices', 70, 440, 120, { compensation: { label: 'Issue credit note', durationMs: 50 } }),
      step('book-shipment', 'Book shipment', 'POST /shipments', 200, 660, 120, {
        fail: { status: 503, message: 'carrier API unavailable' },
        timeoutMs: 1000,
        retry: { maxAttempts: 2, delayMs: 100 },
      }),
      step('print-label', 'Print label', 'POST /shipments/labels', 40, 880, 60),
      step('send-confirmation', 'Send confirmation', 'POST /emails/order-confirmation', 30, 880, 180),
      step('alert-support', 'Alert support', 'POST /alerts', 20, 1100, 120),
    ],
    dependencies: [
      { from: 'validate-cart', to: 'reserve-stock' },
      { from: 'create-order', to: 'reserve-stock' },
      { from: 'create-order', to: 'authorize-payment' },
      { from: 'authorize-payment', to: 'capture-payment' },
      { from: 'reserve-stock', to: 'create-invoice' },
      { from: 'capture-payment', to: 'create-invoice' },
      { from: 'create-invoice', to: 'book-shipment' },
      { from: 'book-shipment', to: 'print-label' },
      { from: 'book-shipment', to: 'send-confirmation' },
      { from: 'book-shipment', to: 'alert-support', on: 'failure' },
    ],
  };
}

const VERBS = ['create', 'validate', 'reserve', 'charge', 'send', 'build', 'sync', 'publish', 'fetch', 'update', 'index', 'notify', 'archive', 'render', 'verify', 'export'];
const NOUNS = ['order', 'payment', 'invoice', 'stock', 'shipment', 'label', 'email', 'report', 'account', 'token', 'cache', 'search', 'image', 'thumbnail', 'audit', 'ledger', 'refund', 'coupon', 'profile', 'webhook'];
const METHODS = ['GET', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE'];
const STATUSES = [500, 502, 503, 504, 409, 422, 429, 402];

/**
 * A layered scenario of `count` steps as an editor would save it: every step with a label,
 * request line, duration and position; about 1 in 8 failing, 1 in 6 retried, 1 in 6 with a
 * compensation handler; each step after the first layer depends on 1–3 earlier steps.
 */
export function generatedScenario(count: number, seed = 64): Scenario {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const perLayer = Math.max(1, Math.round(Math.sqrt(count)));
  const steps: Step[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    const verb = pick(VERBS);
    const noun = pick(NOUNS);
    let id = `${verb}-${noun}`;
    if (used.has(id)) id = `${verb}-${noun}-${i}`;
    used.add(id);
    const layer = Math.floor(i / perLayer);
    const step: Step = {
      id,
      label: `${verb[0].toUpperCase()}${verb.slice(1)} ${noun}`,
      request: `${pick(METHODS)} /${noun}s/${verb}`,
      durationMs: 10 * (2 + Math.floor(rand() * 30)),
    };
    if (rand() < 0.125) step.fail = { status: pick(STATUSES), message: `${noun} service answered an error` };
    if (rand() < 0.17) step.retry = { maxAttempts: 2 + Math.floor(rand() * 3), delayMs: 50 * (1 + Math.floor(rand() * 4)), factor: 2 };
    if (rand() < 0.17) step.compensation = { label: `Undo ${verb} ${noun}`, durationMs: 10 * (2 + Math.floor(rand() * 10)) };
    step.position = { x: layer * 220, y: (i % perLayer) * 110 };
    steps.push(step);
  }
  const dependencies: Scenario['dependencies'] = [];
  for (let i = perLayer; i < count; i++) {
    const layerStart = Math.floor(i / perLayer) * perLayer;
    const wanted = 1 + Math.floor(rand() * 3);
    const from = new Set<number>();
    for (let k = 0; k < wanted; k++) {
      // Mostly the layer just before, sometimes further back.
      const back = rand() < 0.8 ? Math.max(0, layerStart - perLayer) : 0;
      from.add(back + Math.floor(rand() * (layerStart - back)));
    }
    for (const f of from) dependencies.push({ from: steps[f].id, to: steps[i].id });
  }
  return {
    version: 2,
    title: `Generated pipeline of ${count} steps`,
    description: `A layered pipeline generated from seed ${seed}.`,
    policy: { compensation: 'saga' },
    steps,
    dependencies,
  };
}

const MAX_ARGO_TASKS = 1_999;

/**
 * The "imported wide Argo-like DAG" of issue #15: an Argo Workflow (YAML) with a fan-out task,
 * then `count - 2` tasks in 4 wide levels, each depending on 1–2 tasks of the level before (the
 * first level on the fan-out), and a fan-in task that depends on every task of the last level,
 * imported by Ripple's own Argo importer (src/scenario/dialects/argo.ts). The importer gives no
 * positions (the app lays the graph out on open) and no failures, so as a person would, the
 * bench then fails 1% of tasks for good and makes 5% flaky with retries, and gives each a
 * duration of 100–900 ms.
 */
export function wideDag(wanted: number, seed = 15): Scenario {
  // The importer counts a possible exit handler against the 2,000-step limit (tasks + 1), so
  // at most 1,999 tasks come through it.
  const count = Math.min(wanted, MAX_ARGO_TASKS);
  const rand = prng(seed);
  const levels = 4;
  const inner = count - 2;
  const perLevel = Math.ceil(inner / levels);
  const tasks: string[] = ['      - name: generate-shards\n        template: shard'];
  const levelOf: string[][] = [];
  for (let i = 0; i < inner; i++) {
    const level = Math.floor(i / perLevel);
    const name = `process-${level}-${i % perLevel}`;
    const before = level === 0 ? ['generate-shards'] : levelOf[level - 1];
    const picks = [...new Set([before[Math.floor(rand() * before.length)], before[Math.floor(rand() * before.length)]])];
    tasks.push(`      - name: ${name}\n        template: process\n        dependencies: [${picks.join(', ')}]`);
    (levelOf[level] ??= []).push(name);
  }
  tasks.push(`      - name: collect-results\n        template: collect\n        dependencies: [${levelOf[levelOf.length - 1].join(', ')}]`);
  const yaml = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: bench-wide-dag-
spec:
  entrypoint: main
  templates:
  - name: main
    dag:
      failFast: false
      tasks:
${tasks.join('\n')}
`;
  // failFast: false: every branch runs after a failure (Argo's default would import as onFailure
  // "abort"), so the run's figures stay comparable with earlier ones.
  const imported = importArgo(yaml);
  if (!imported.ok) throw new Error(`the Argo importer refused the bench's wide DAG: ${imported.message}`);
  const steps = imported.scenario.steps.map((step, i): Step => {
    const roll = rand();
    const durationMs = 100 + Math.floor(rand() * 800);
    const inner = i > perLevel && i < count - 1;
    if (roll < 0.01 && inner) return { ...step, durationMs, fail: { status: 500, message: 'pod failed' } };
    if (roll < 0.06) return { ...step, durationMs, fail: { status: 503, message: 'node pressure', times: 1 }, retry: { maxAttempts: 3, delayMs: 200, factor: 2 } };
    return { ...step, durationMs };
  });
  return { ...imported.scenario, title: `Bench: ${count}-task wide DAG`, description: `A generated wide Argo DAG (seed ${seed}), imported, for the browser bench.`, steps };
}
