import { GRAPH_BATCH_LIMIT, importGraphBatch, sanitizeStepId } from '../../src/scenario/graph-batch.ts';
import { decodeScenarioLink, encodeScenarioLink } from '../../src/scenario/link-codec.ts';
import { validate } from '../../src/scenario/validate.ts';
import { lines } from './helpers.ts';
import { simulate } from '../../src/engine/simulate.ts';

/** The body of Microsoft Graph's own JSON batching example (five independent requests). */
const graphExample = {
  requests: [
    { id: '1', method: 'GET', url: '/me/drive/root:/{file}:/content' },
    { id: '2', method: 'GET', url: '/me/planner/tasks' },
    { id: '3', method: 'GET', url: '/groups/{id}/events' },
    { id: '4', url: '/me', method: 'PATCH', body: { city: 'Redmond' }, headers: { 'Content-Type': 'application/json' } },
    {
      id: '5',
      url: 'users?$select=id,displayName,userPrincipalName&$filter=city eq null&$count=true',
      method: 'GET',
      headers: { ConsistencyLevel: 'eventual' },
    },
  ],
};

const orderBatch = {
  requests: [
    { id: '1', method: 'POST', url: '/orders', body: { sku: 'A-1' }, headers: { 'Content-Type': 'application/json' } },
    { id: '2', method: 'POST', url: '/payments', dependsOn: ['1'] },
    { id: '3', method: 'POST', url: '/invoices', dependsOn: ['1', '2'] },
  ],
};

function problemsOf(input: unknown): string[] {
  const r = importGraphBatch(input);
  if (r.ok) throw new Error('expected problems');
  return lines(r.problems);
}

describe('importGraphBatch', () => {
  it('turns each request into a step with its request line', () => {
    const r = importGraphBatch(graphExample);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.title).toBe('JSON $batch (5 requests)');
    expect(r.scenario.steps).toEqual([
      { id: '1', request: 'GET /me/drive/root:/{file}:/content' },
      { id: '2', request: 'GET /me/planner/tasks' },
      { id: '3', request: 'GET /groups/{id}/events' },
      { id: '4', request: 'PATCH /me' },
      { id: '5', request: 'GET users?$select=id,displayName,userPrincipalName&$filter=city eq null&$count=true' },
    ]);
    expect(r.scenario.dependencies).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(validate(r.scenario).ok).toBe(true);
  });

  it('turns dependsOn into success dependencies and keeps the id mapping', () => {
    const r = importGraphBatch(JSON.stringify(orderBatch), { title: 'Order batch' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.title).toBe('Order batch');
    expect(r.scenario.dependencies).toEqual([
      { from: '1', to: '2' },
      { from: '1', to: '3' },
      { from: '2', to: '3' },
    ]);
    expect(r.requests).toEqual([
      { requestId: '1', stepId: '1', method: 'POST', url: '/orders' },
      { requestId: '2', stepId: '2', method: 'POST', url: '/payments' },
      { requestId: '3', stepId: '3', method: 'POST', url: '/invoices' },
    ]);
    // It travels as a link like any scenario.
    expect(decodeScenarioLink(encodeScenarioLink(r.scenario)).ok).toBe(true);
  });

  it('sanitises ids into step ids, keeps them unique, and labels steps with the original id', () => {
    const r = importGraphBatch({
      requests: [
        { id: 'get user/1', method: 'get', url: '/users/1' },
        { id: 'get user?1', method: 'GET', url: '/users/1?x' },
        { id: '✓✓', method: 'GET', url: '/x' },
        { id: '__proto__', method: 'GET', url: '/y', dependsOn: ['get user/1'] },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.requests.map((q) => [q.requestId, q.stepId])).toEqual([
      ['get user/1', 'get-user-1'],
      ['get user?1', 'get-user-1-2'],
      ['✓✓', 'request-3'],
      ['__proto__', 'proto'],
    ]);
    expect(r.scenario.steps.map((s) => s.label)).toEqual(['get user/1', 'get user?1', '✓✓', '__proto__']);
    expect(r.scenario.steps[0].request).toBe('GET /users/1');
    expect(r.scenario.dependencies).toEqual([{ from: 'get-user-1', to: 'proto' }]);
    expect(lines(r.warnings)).toContain('requests[0].id: "get user/1" is not a valid step id; the step is called "get-user-1"');
    expect(sanitizeStepId('  a  b ')).toBe('a-b');
    expect(sanitizeStepId('x'.repeat(100))).toHaveLength(64);
  });

  it('names dependsOn entries that match no request, with a suggestion', () => {
    expect(problemsOf({ requests: [{ id: 'ship', method: 'POST', url: '/s' }, { id: 'bill', method: 'POST', url: '/b', dependsOn: ['shipp', 'zzz'] }] })).toEqual([
      'requests[1].dependsOn[0]: no request or atomicity group "shipp" (did you mean "ship"?)',
      'requests[1].dependsOn[1]: no request or atomicity group "zzz"',
    ]);
  });

  it('names a cycle in request ids', () => {
    expect(
      problemsOf({
        requests: [
          { id: '1', method: 'GET', url: '/a', dependsOn: ['3'] },
          { id: '2', method: 'GET', url: '/b', dependsOn: ['1'] },
          { id: '3', method: 'GET', url: '/c', dependsOn: ['2'] },
        ],
      }),
    ).toEqual(['requests[0].dependsOn[0]: dependsOn forms a cycle: 1 → 2 → 3 → 1']);
  });

  it('refuses a request that depends on itself, and duplicate ids', () => {
    expect(problemsOf({ requests: [{ id: '1', method: 'GET', url: '/a', dependsOn: ['1'] }, { id: '1', method: 'GET', url: '/b' }] })).toEqual([
      'requests[1].id: duplicate request id "1" (also requests[0].id)',
      'requests[0].dependsOn[0]: a request cannot depend on itself ("1")',
    ]);
  });

  it(`allows more than ${GRAPH_BATCH_LIMIT} requests but warns that Graph would not`, () => {
    const requests = Array.from({ length: 25 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: `/items/${i + 1}` }));
    const r = importGraphBatch({ requests });
    expect(r.ok).toBe(true);
    expect(r.ok && lines(r.warnings)).toEqual(['requests: 25 requests: Microsoft Graph limits a JSON batch to 20 (it would answer 400 to the whole batch)']);
    expect(r.ok && r.scenario.steps).toHaveLength(25);
  });

  it('lets dependsOn name an OData atomicity group: every request in it', () => {
    const r = importGraphBatch({
      requests: [
        { id: 'a1', atomicityGroup: 'g1', method: 'POST', url: '/a' },
        { id: 'a2', atomicityGroup: 'g1', method: 'POST', url: '/b' },
        { id: 'c', method: 'POST', url: '/c', dependsOn: ['g1'] },
        { id: 'a3', atomicityGroup: 'g1', method: 'POST', url: '/d' },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // The whole group, including a member listed after the dependent.
    expect(r.scenario.dependencies).toEqual([
      { from: 'a1', to: 'c' },
      { from: 'a2', to: 'c' },
      { from: 'a3', to: 'c' },
    ]);
    expect(r.requests.map((q) => q.atomicityGroup)).toEqual(['g1', 'g1', undefined, 'g1']);
    // The group is simulated as one all-or-nothing unit (R18): no "not simulated" warning.
    expect(r.scenario.groups).toEqual([{ id: 'g1', steps: ['a1', 'a2', 'a3'] }]);
    expect(lines(r.warnings)).toEqual([
      'requests[3].atomicityGroup: requests of group "g1" are not adjacent; OData requires a group\'s requests to follow one another',
    ]);
  });

  it('maps atomicity groups onto groups, renaming a name that is not a free id', () => {
    const r = importGraphBatch({
      requests: [
        { id: 'order', atomicityGroup: 'change set #1', method: 'POST', url: '/orders' },
        { id: 'pay', atomicityGroup: 'change set #1', method: 'POST', url: '/payments' },
        { id: 'ship', atomicityGroup: 'pay', method: 'POST', url: '/shipments', dependsOn: ['change set #1'] },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.groups).toEqual([
      { id: 'change-set-1', label: 'change set #1', steps: ['order', 'pay'] },
      { id: 'pay-group', label: 'pay', steps: ['ship'] },
    ]);
    expect(lines(r.warnings)).toEqual([
      'requests[1].id: "pay" is both a request id and an atomicity group; dependsOn "pay" means the request',
      'requests[0].atomicityGroup: atomicity group "change set #1" is called "change-set-1" in the scenario (group ids are step-like names unique across steps and groups)',
      'requests[2].atomicityGroup: atomicity group "pay" is called "pay-group" in the scenario (group ids are step-like names unique across steps and groups)',
    ]);
  });

  it('refuses a dependsOn path that leaves an atomicity group and comes back: it could never commit', () => {
    const r = importGraphBatch({
      requests: [
        { id: 'a', atomicityGroup: 'g1', method: 'POST', url: '/a' },
        { id: 'x', method: 'POST', url: '/x', dependsOn: ['a'] },
        { id: 'b', atomicityGroup: 'g1', method: 'POST', url: '/b', dependsOn: ['x'] },
      ],
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual([
      {
        code: 'leaves-group',
        path: 'requests[0].atomicityGroup',
        step: 0,
        message: 'atomicity group "g1" could never commit: the dependency path a → x → b leaves the group and comes back into it',
      },
    ]);
  });

  it('warns about what it cannot simulate or ignores, and about OData\'s rules', () => {
    const r = importGraphBatch({
      nextLink: 'x',
      requests: [
        { id: 1, method: 'GET', url: '/a', dependsOn: [2], if: '$1/ok', priority: 'high' },
        { id: 2, method: 'GET', url: '/b', dependsOn: ['1', '1'] },
      ],
    });
    expect(r.ok).toBe(false); // 1 → 2 → 1
    const ok = importGraphBatch({
      nextLink: 'x',
      requests: [
        { id: 1, method: 'GET', url: '/a', dependsOn: [2], if: '$1/ok', priority: 'high' },
        { id: 2, method: 'GET', url: '/b' },
        { id: 3, method: 'GET', url: '/c', dependsOn: ['2', '2'] },
      ],
    });
    expect(ok.ok).toBe(true);
    expect(ok.ok && lines(ok.warnings)).toEqual([
      'nextLink: not part of a JSON batch request body; ignored',
      'requests[0].priority: not part of a batch request; ignored',
      'requests: request ids should be strings; numbers were read as their text',
      'requests[0].dependsOn[0]: "2" comes later in the batch; OData requires dependsOn to name earlier requests',
      'requests[0].if: only "$N/$succeeded" and "not $N/$succeeded" (N in dependsOn) can be simulated, not "$1/ok"; the request is simulated without it (it runs when everything in dependsOn succeeds)',
      'requests[2].dependsOn[1]: repeats a dependency on "2"; counted once',
    ]);
  });

  it('shortens request lines longer than a step allows, and says so', () => {
    const r = importGraphBatch({ requests: [{ id: '1', method: 'GET', url: '/' + 'x'.repeat(300) }] });
    expect(r.ok && r.scenario.steps[0].request).toHaveLength(200);
    expect(r.ok && lines(r.warnings)).toEqual(['requests[0].url: the request line is longer than 200 characters and was shortened']);
  });

  it('checks the shape of the body and names every problem', () => {
    expect(problemsOf({})).toEqual(['requests: missing (expected a list of requests like { "id": "1", "method": "GET", "url": "/me" })']);
    expect(problemsOf({ requests: {} })).toEqual(['requests: expected a list of requests like { "id": "1", "method": "GET", "url": "/me" }, got an object']);
    expect(problemsOf([])).toEqual(['expected a JSON batch body like { "requests": [ … ] }, got an array']);
    expect(problemsOf({ requests: [] })).toEqual(['requests: the batch has no requests']);
    expect(problemsOf({ requests: [{}, { id: true, method: 'GET /x', url: 5, dependsOn: 'a', atomicityGroup: '', headers: [] }, 'GET /'] })).toEqual([
      'requests[0].id: missing (expected the request id as a string)',
      'requests[0].method: missing (expected an HTTP method like "GET")',
      'requests[0].url: missing (expected the request URL as a string)',
      'requests[1].id: expected the request id as a string, got true',
      'requests[1].method: expected an HTTP method like "GET", got "GET /x"',
      'requests[1].url: expected the request URL as a string, got 5',
      'requests[1].dependsOn: expected a list of request ids, got "a"',
      'requests[1].atomicityGroup: expected a group name as a string, got ""',
      'requests[1].headers: expected an object of headers, got an array',
      'requests[2]: expected a request object like { "id": "1", "method": "GET", "url": "/me" }, got "GET /"',
    ]);
  });

  it('gives typed errors for text that is not JSON, too large, or too many requests', () => {
    expect(importGraphBatch('{"requests": [')).toMatchObject({ ok: false, kind: 'not-json' });
    expect(importGraphBatch(' '.repeat(1_000_001))).toMatchObject({ ok: false, kind: 'too-large' });
    const many = { requests: Array.from({ length: 2_001 }, (_, i) => ({ id: String(i), method: 'GET', url: '/' })) };
    expect(importGraphBatch(many)).toMatchObject({ ok: false, kind: 'too-large', message: 'The batch has 2,001 requests; Ripple opens at most 2,000 steps.' });
  });

  it('never throws', () => {
    for (const input of [null, undefined, 5, 'x', '['.repeat(100_000), { requests: [null, [], 5] }, new Proxy({}, { get: () => { throw new Error('x'); } })]) {
      expect(importGraphBatch(input).ok).toBe(false);
    }
  });
});

describe('importGraphBatch: OData conditions, references and ids', () => {
  const two = (second: Record<string, unknown>) => ({
    requests: [{ id: '1', method: 'POST', url: '/orders' }, { id: '2', method: 'POST', url: '/notify', ...second }],
  });

  it('maps "not $1/$succeeded" onto a failure dependency: request 2 runs because 1 failed, no 424', () => {
    const r = importGraphBatch(two({ dependsOn: ['1'], if: 'not $1/$succeeded' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.dependencies).toEqual([{ from: '1', to: '2', on: 'failure' }]);
    expect(r.warnings).toEqual([]);
    const failing = { ...r.scenario, steps: [{ ...r.scenario.steps[0], fail: { status: 500 } }, r.scenario.steps[1]] };
    const run = simulate(failing);
    expect(run.steps['1'].state).toBe('failed');
    expect(run.steps['2'].state).toBe('succeeded');
  });

  it('maps "$1/$succeeded" onto the success dependency dependsOn already makes, silently', () => {
    const r = importGraphBatch(two({ dependsOn: ['1'], if: '$1/$succeeded' }));
    expect(r.ok && r.scenario.dependencies).toEqual([{ from: '1', to: '2' }]);
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('says precisely why an "if" cannot be mapped', () => {
    const notDeclared = importGraphBatch(two({ if: 'not $1/$succeeded' }));
    expect(notDeclared.ok && notDeclared.warnings.map((w) => [w.code, w.path, w.step])).toEqual([['undeclared-reference', 'requests[1].if', 1]]);
    expect(notDeclared.ok && lines(notDeclared.warnings)).toEqual([
      'requests[1].if: "$1" refers to request "1", which is not in dependsOn; the request is simulated without it (it runs when everything in dependsOn succeeds)',
    ]);
    const compound = importGraphBatch(two({ dependsOn: ['1'], if: '$1/$succeeded and $1/$succeeded' }));
    expect(compound.ok && compound.warnings.map((w) => [w.code, w.path])).toEqual([['not-simulated', 'requests[1].if']]);
    const unknown = importGraphBatch(two({ dependsOn: ['1'], if: 'not $9/$succeeded' }));
    expect(unknown.ok && lines(unknown.warnings)).toEqual([
      'requests[1].if: "$9" names no request in the batch; the request is simulated without it (it runs when everything in dependsOn succeeds)',
    ]);
  });

  it('warns about a $N reference in the url or body to a request not in dependsOn, at its path', () => {
    const r = importGraphBatch({
      requests: [
        { id: '1', method: 'POST', url: '/orders' },
        { id: '2', method: 'POST', url: '/orders/$1/lines?$select=id', body: { order: { ref: '$1' }, keep: '$2' } },
        { id: '3', method: 'GET', url: '/orders/$1', dependsOn: ['1'] },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((w) => [w.code, w.path, w.step])).toEqual([
      ['undeclared-reference', 'requests[1].url', 1],
      ['undeclared-reference', 'requests[1].body.order.ref', 1],
    ]);
    expect(r.warnings[0].message).toBe(
      '"$1" refers to request "1", which is not in dependsOn (OData resolves $-references only to requests a request depends on); add it to dependsOn',
    );
  });

  it('refuses request ids that differ only by case, as Microsoft Graph does', () => {
    const r = importGraphBatch({ requests: [{ id: 'Order', method: 'POST', url: '/a' }, { id: 'order', method: 'POST', url: '/b' }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.code, p.path, p.step])).toEqual([['duplicate-id', 'requests[1].id', 1]]);
    expect(lines(r.problems)).toEqual([
      'requests[1].id: "order" differs from requests[0].id "Order" only by case; Microsoft Graph compares request ids case-insensitively and refuses the whole batch (400)',
    ]);
  });

  it('keeps valid ids as they are and says why each renamed one was renamed', () => {
    const r = importGraphBatch({
      requests: [
        { id: 'a b', method: 'GET', url: '/1' },
        { id: 'a-b', method: 'GET', url: '/2' },
        { id: 'x'.repeat(70), method: 'GET', url: '/3' },
        { id: '__proto__', method: 'GET', url: '/4' },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.requests.map((q) => q.stepId)).toEqual(['a-b-2', 'a-b', 'x'.repeat(64), 'proto']);
    expect(r.warnings.map((w) => [w.code, w.step])).toEqual([
      ['renamed-id', 0],
      ['renamed-id', 2],
      ['renamed-id', 3],
    ]);
    expect(lines(r.warnings)).toEqual([
      'requests[0].id: "a b" is not a valid step id and "a-b" is requests[1]\'s step; the step is called "a-b-2"',
      `requests[2].id: "${'x'.repeat(40)}…" is longer than a step id may be (64 characters); the step is called "${'x'.repeat(40)}…"`,
      'requests[3].id: "__proto__" is reserved in Ripple; the step is called "proto"',
    ]);
  });

  it('refuses a group-to-group dependsOn that would pass the dependency limit, before expanding it, naming it', () => {
    const requests = [
      ...Array.from({ length: 1000 }, (_, i) => ({ id: `b${i}`, method: 'POST', url: `/b/${i}`, atomicityGroup: 'group-b' })),
      ...Array.from({ length: 1000 }, (_, i) => ({ id: `a${i}`, method: 'POST', url: `/a/${i}`, atomicityGroup: 'group-a', dependsOn: ['group-b'] })),
    ];
    const r = importGraphBatch({ requests });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.kind).toBe('too-large');
    expect(r.message).toBe("The batch's dependsOn expands to 1,000,000 dependencies; Ripple opens at most 50,000.");
    expect(r.problems).toEqual([
      {
        code: 'too-large',
        path: 'requests[1000].dependsOn[0]',
        step: 1000,
        message: 'atomicity group "group-b" (named by 1,000 requests) expands to 1,000,000 dependencies; the limit is 50,000',
      },
    ]);
  });

  it('reports a cycle at the dependsOn entry that closes it, with its code and request', () => {
    const r = importGraphBatch({
      requests: [
        { id: '1', method: 'GET', url: '/a', dependsOn: ['2'] },
        { id: '2', method: 'GET', url: '/b', dependsOn: ['1'] },
      ],
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual([{ code: 'cycle', path: 'requests[0].dependsOn[0]', step: 0, message: 'dependsOn forms a cycle: 1 → 2 → 1' }]);
  });
});
