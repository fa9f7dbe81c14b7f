// Issue 9 §1: step ids that are names of Object.prototype (`constructor`, `toString`,
// `hasOwnProperty` …) are valid ids. A lookup on a plain `{}` returns an inherited function for
// them, which once blanked the editor. Every stage of the app's pipeline runs here on scenarios
// whose ids are drawn from every such name: the gate, the engine, the store, the canvas model,
// the panels' pure helpers and every exporter.
import fc from 'fast-check';
import { buildEdges, buildNodes } from '../../src/canvas/build-graph.ts';
import { lintByStep } from '../../src/canvas/use-lint.ts';
import { layeredLayout, withPositions } from '../../src/canvas/layout/simple-layout.ts';
import { explain, lint, planReplay, replay, simulate, stateAt } from '../../src/engine/index.ts';
import { LIVE_STATES, PHASE_TABLE } from '../../src/engine/phases.ts';
import { exportFile, type ExportKind } from '../../src/export/export-file.ts';
import { clientSnippet } from '../../src/panels/client-snippets.ts';
import { describeTimeline, formatMs, statusText } from '../../src/panels/event-text.ts';
import { buildGantt } from '../../src/panels/gantt-model.ts';
import { importGraphBatch } from '../../src/scenario/graph-batch.ts';
import { decodeScenarioLink, encodeScenarioLink } from '../../src/scenario/link-codec.ts';
import { openScenario } from '../../src/scenario/open-scenario.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { selectHighlightPath, selectLiveStates, selectReplayMarks, selectReplayWarnings } from '../../src/store/selectors.ts';
import { createRippleStore } from '../../src/store/store.ts';

/** Every own name of Object.prototype but `__proto__`, which the gate reserves (tested below). */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).filter((name) => name !== '__proto__');
const FINAL_STATES = new Set<string>(PHASE_TABLE.map((row) => row.final).filter((s) => s !== null && s !== undefined));
const LIVE = new Set<string>(LIVE_STATES);
const EXPORT_KINDS: readonly ExportKind[] = ['webdav', 'graph-batch', 'chrome-trace', 'svg'];

/** A valid scenario whose ids are prototype names (plus, sometimes, one ordinary id), with a DAG of dependencies and some failures. */
const hostileScenario = fc
  .uniqueArray(fc.constantFrom(...PROTOTYPE_NAMES, 'order'), { minLength: 1, maxLength: PROTOTYPE_NAMES.length + 1 })
  .chain((ids) =>
    fc.record({
      ids: fc.constant(ids),
      fails: fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length }),
      edges: fc.array(fc.tuple(fc.nat(ids.length - 1), fc.nat(ids.length - 1)), { maxLength: ids.length * 2 }),
    }),
  )
  .map(({ ids, fails, edges }): Scenario => {
    const seen = new Set<string>();
    const dependencies = [];
    for (const [a, b] of edges) {
      if (a === b) continue;
      const [from, to] = a < b ? [ids[a], ids[b]] : [ids[b], ids[a]];
      if (seen.has(`${from}>${to}`)) continue;
      seen.add(`${from}>${to}`);
      dependencies.push({ from, to });
    }
    return {
      version: 2,
      title: 'Prototype names',
      steps: ids.map((id, i) => (fails[i] ? { id, request: `POST /${id}`, fail: { status: 503 } } : { id, request: `GET /${id}` })),
      dependencies,
    };
  });

function opened(input: unknown): Scenario {
  const result = openScenario(input);
  if (!result.ok) throw new Error(`the gate refused: ${result.message}`);
  return result.scenario;
}

describe('step ids that are names of Object.prototype', () => {
  it('lists every prototype name (so the property below covers them all)', () => {
    expect(PROTOTYPE_NAMES).toEqual(expect.arrayContaining(['constructor', 'hasOwnProperty', 'isPrototypeOf', 'toString', 'valueOf', '__defineGetter__']));
  });

  it('pass the gate: a scenario file, a share link and a $batch body', () => {
    fc.assert(
      fc.property(hostileScenario, (input) => {
        const scenario = opened(input);
        expect(scenario.steps.map((s) => s.id)).toEqual(input.steps.map((s) => s.id));

        const first = scenario.steps[0].id;
        const decoded = decodeScenarioLink(encodeScenarioLink(scenario, { select: first, at: 0 }));
        if (!decoded.ok) throw new Error(decoded.error.message);
        expect(decoded.scenario.steps.map((s) => s.id)).toEqual(input.steps.map((s) => s.id));
        expect(decoded.scenario.dependencies).toEqual(scenario.dependencies);
        expect(decoded.extras.select).toBe(first);

        const requests = scenario.steps.map((s) => ({
          id: s.id,
          method: 'GET',
          url: `/${s.id}`,
          ...(scenario.dependencies.some((d) => d.to === s.id) ? { dependsOn: scenario.dependencies.filter((d) => d.to === s.id).map((d) => d.from) } : {}),
        }));
        const batch = importGraphBatch({ requests });
        if (!batch.ok) throw new Error(batch.message);
        expect(batch.scenario.steps.map((s) => s.id)).toEqual(input.steps.map((s) => s.id));
        expect(batch.scenario.dependencies).toHaveLength(scenario.dependencies.length);
      }),
      { seed: 9001, numRuns: 60 },
    );
  });

  it('run through the engine: every step ends in a known state, and lookups of absent ids find nothing', () => {
    fc.assert(
      fc.property(hostileScenario, (input) => {
        const scenario = opened(input);
        const run = simulate(scenario);
        expect(Object.keys(run.steps)).toEqual(scenario.steps.map((s) => s.id));
        for (const step of scenario.steps) {
          expect(FINAL_STATES.has(run.steps[step.id].state), `${step.id}: ${String(run.steps[step.id].state)}`).toBe(true);
          expect(Array.isArray(explain(run, step.id))).toBe(true);
        }
        // A name the scenario does not use reads as absent, not as Object.prototype's function.
        for (const name of PROTOTYPE_NAMES) if (!scenario.steps.some((s) => s.id === name)) expect(run.steps[name]).toBeUndefined();

        for (let i = 0; i < run.events.length; i++) {
          const moment = stateAt(run, i);
          for (const step of scenario.steps) expect(LIVE.has(moment.steps[step.id].state)).toBe(true);
          for (const name of PROTOTYPE_NAMES) if (!scenario.steps.some((s) => s.id === name)) expect(moment.steps[name]).toBeUndefined();
        }

        const byStep = lintByStep(lint(scenario));
        for (const name of PROTOTYPE_NAMES) expect(byStep[name] === undefined || Array.isArray(byStep[name])).toBe(true);

        const plan = planReplay(scenario, run);
        const replayed = replay(scenario, run);
        expect(plan.ok).toBe(replayed.ok);
        if (replayed.ok) for (const step of scenario.steps) expect(FINAL_STATES.has(replayed.value.run.steps[step.id].state)).toBe(true);

        // JSON output is unchanged by the records' missing prototype.
        expect(JSON.parse(JSON.stringify(run.steps))).toEqual({ ...run.steps });
      }),
      { seed: 9002, numRuns: 60 },
    );
  });

  it('drive the store, the canvas model, the panels and every exporter', () => {
    fc.assert(
      fc.property(hostileScenario, (input) => {
        const scenario = opened(input);
        const ids = scenario.steps.map((s) => s.id);
        const store = createRippleStore();
        expect(store.getState().loadScenario(scenario)).toEqual({ ok: true });
        store.getState().runScenario();
        const last = store.getState().timeline.length - 1;
        expect(last).toBeGreaterThan(0);
        store.getState().setCursor(Math.floor(last / 2));

        for (const id of ids) {
          store.getState().selectStep(id);
          const state = store.getState();
          expect(state.selectedStepId).toBe(id);
          const live = selectLiveStates(state);
          for (const other of ids) expect(LIVE.has(live![other].state)).toBe(true);
          const path = selectHighlightPath(state);
          expect(path.every((p) => ids.includes(p))).toBe(true);
        }
        store.getState().openReplayPlan();
        const state = store.getState();
        const live = selectLiveStates(state);
        const inputs = {
          scenario: state.scenario,
          live,
          highlightPath: selectHighlightPath(state),
          lint: lintByStep(lint(state.scenario)),
          selectedStepIds: state.selectedStepIds,
          selectedEdge: null,
          renamingStepId: null,
          readOnly: false,
          replayMarks: selectReplayMarks(state),
          replayWarnings: selectReplayWarnings(state),
        };
        const nodes = buildNodes(inputs);
        expect(nodes.map((n) => n.id).sort()).toEqual([...ids].sort());
        for (const node of nodes) {
          expect(Array.isArray(node.data.lint)).toBe(true);
          expect(node.data.live === null || LIVE.has(node.data.live.state)).toBe(true);
          expect(node.data.replay === null || ['from', 'rerun', 'keep'].includes(node.data.replay)).toBe(true);
          expect(Array.isArray(node.data.replayWarnings)).toBe(true);
        }
        expect(buildEdges(inputs)).toHaveLength(scenario.dependencies.length);
        const positions = layeredLayout(scenario);
        expect(Object.keys(positions).sort()).toEqual([...ids].sort());
        expect(withPositions(scenario, positions).steps.every((s) => typeof s.position?.x === 'number')).toBe(true);

        const sentences = describeTimeline(state.timeline, state.segments);
        expect(sentences).toHaveLength(state.timeline.length);
        const gantt = buildGantt(state.timeline, state.segments, state.duration, formatMs, statusText);
        expect(gantt.rows.map((r) => r.id)).toEqual(ids);
        for (const language of ['curl', 'fetch', 'python'] as const) {
          expect(clientSnippet(language, { request: scenario.steps[0].request, prerequisite: ids[0] })).toContain(ids[0]);
        }

        const run = state.run!;
        for (const kind of EXPORT_KINDS) {
          const file = exportFile(kind, { scenario: state.scenario, run });
          for (const id of ids) expect(file.text, `${kind} names ${id}`).toContain(id);
          if (kind === 'graph-batch' || kind === 'chrome-trace') expect(() => JSON.parse(file.text) as unknown).not.toThrow();
        }
        expect(exportFile('svg', { scenario: state.scenario, states: live }).text).toContain('<svg');
        expect(exportFile('svg', { scenario: state.scenario, states: null }).text).toContain('<svg');

        const renamed = store.getState().renameStep(ids[0], `Renamed ${ids[0]}`);
        expect(renamed).toEqual({ ok: true });
        expect(store.getState().scenario.steps[0].label).toBe(`Renamed ${ids[0]}`);
      }),
      { seed: 9003, numRuns: 40 },
    );
  });

  it('keeps refusing `__proto__` with a clear message, in a file, a link and a $batch body', () => {
    const withProto = { version: 1, title: 't', steps: [{ id: '__proto__' }, { id: 'constructor' }], dependencies: [] };
    const result = openScenario(withProto);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.message).join('\n')).toContain('"__proto__" is reserved');

    const batch = importGraphBatch({ requests: [{ id: '__proto__', method: 'GET', url: '/a' }, { id: 'constructor', method: 'GET', url: '/b', dependsOn: ['__proto__'] }] });
    if (batch.ok) {
      expect(batch.scenario.steps.map((s) => s.id)).not.toContain('__proto__');
      expect(batch.warnings.map((w) => w.message).join('\n')).toContain('reserved');
    } else {
      expect(batch.message + batch.problems.map((p) => p.message).join('\n')).toContain('reserved');
    }
  });
});

describe('"Tidy" (dagre) with every prototype name as a step id', () => {
  it('places every step', async () => {
    const ids = [...PROTOTYPE_NAMES, 'order'];
    const store = createRippleStore({ scenario: opened({ version: 1, title: 't', steps: ids.map((id) => ({ id })), dependencies: ids.slice(1).map((to, i) => ({ from: ids[i], to })) }) });
    await store.getState().autoLayout();
    const positions = store.getState().scenario.steps.map((s) => s.position);
    expect(positions.every((p) => p !== undefined && Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    expect(new Set(positions.map((p) => p!.x)).size).toBe(ids.length);
  });
});
