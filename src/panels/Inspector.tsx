import { memo, useDeferredValue, useId, useMemo, useRef, useState, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useRipple, useRippleStore } from '../store/context.tsx';
import type { RippleState } from '../store/store.ts';
import type { StepPatch } from '../store/types.ts';
import type { CompensationSpec, Dependency, DependencyCondition, DialectName, FailSpec, RetrySpec, Step } from '../scenario/types.ts';
import { DIALECT_TITLES } from '../engine/dialect.ts';
import { DEFAULT_DURATION_MS, DEFAULT_RETRY } from '../scenario/defaults.ts';
import { STATUS_INFO, reasonPhrase, type StatusInfo } from '../engine/http-status.ts';
import { FieldError, NumberField, TextField, messageOf, useImmediate } from './fields.tsx';
import { WhenField } from './WhenField.tsx';
import { StepMarksList } from './StepMarksList.tsx';
import { endNaming, returnToStep } from './naming-return.ts';
import { prerequisiteChoices } from '../scenario/graph-algorithms.ts';

// The inspector for the selected step: everything the engine reads from a step, with the
// status picker explaining each code and whether a retry can help.

const selectInspector = (s: RippleState) => ({
  scenario: s.scenario,
  selectedStepId: s.selectedStepId,
  selectedStepIds: s.selectedStepIds,
  readOnly: s.readOnly,
});

const SELECTABLE: StatusInfo[] = Object.values(STATUS_INFO).filter((s) => s.selectable);
const CLIENT = SELECTABLE.filter((s) => s.status < 500);
const SERVER = SELECTABLE.filter((s) => s.status >= 500);

function parseList(text: string): string[] | undefined {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length > 0 ? [...new Set(items)] : undefined;
}

export function Inspector() {
  const { scenario, selectedStepId, selectedStepIds, readOnly } = useRipple(useShallow(selectInspector));
  const step = scenario.steps.find((s) => s.id === selectedStepId);
  if (!step) {
    return (
      <div className="inspector">
        <h2 className="panel-heading">Step</h2>
        <p className="panel-hint">
          Select a step on the canvas (or in the table) to configure it: its request, how it fails, retries, timeout and
          compensation.
        </p>
      </div>
    );
  }
  return (
    <div className="inspector">
      {selectedStepIds.length > 1 && <MultiSelection ids={selectedStepIds} readOnly={readOnly} />}
      {/* Keyed by id so every field starts from the newly selected step. */}
      <StepInspector key={step.id} step={step} dialect={scenario.dialect} readOnly={readOnly} />
    </div>
  );
}

function MultiSelection({ ids, readOnly }: { ids: string[]; readOnly: boolean }) {
  const store = useRippleStore();
  const labelId = useId();
  const [label, setLabel] = useState('');
  const { error, run } = useImmediate();
  const makeGroup = () => {
    const result = store.getState().createGroup(ids, label);
    if (result.ok) setLabel('');
    run(result);
  };
  return (
    <div className="status-info" style={{ marginBottom: 12 }}>
      <strong>{ids.length} steps selected.</strong> Drag one to move them together.{' '}
      {!readOnly && (
        <>
          <button type="button" className="btn btn--small btn--danger" onClick={() => store.getState().deleteSelection()}>
            Delete {ids.length} steps
          </button>
          <div className="field" style={{ marginTop: 8 }}>
            <label htmlFor={labelId}>Make them an atomic group (all or nothing)</label>
            <div className="inline-form">
              <input id={labelId} type="text" value={label} placeholder="Group label (optional)" onChange={(e) => setLabel(e.target.value)} />
              <button type="button" className="btn btn--small" onClick={makeGroup}>
                Make a group
              </button>
            </div>
            <FieldError error={error} />
          </div>
        </>
      )}
    </div>
  );
}

function StepInspector({ step, dialect, readOnly }: { step: Step; dialect: DialectName | undefined; readOnly: boolean }) {
  const store = useRippleStore();
  const update = (patch: StepPatch) => store.getState().updateStep(step.id, patch);
  // A step added here is named at once, as every other way to add one does (tryout: focus fell to
  // the page): on its node on the canvas, or in this form's Name field in the Table view.
  const addAfter = (id: string) => {
    const added = store.getState().addStep({ after: id });
    if (added) store.getState().startRename(added);
  };
  const disabled = readOnly;
  return (
    <form className="inspector-form" onSubmit={(e) => e.preventDefault()} aria-label={`Step ${step.label ?? step.id}`} data-step-id={step.id}>
      <h2 className="panel-heading">{step.label ?? step.id}</h2>
      <StepMarksList step={step} />
      {/* A naming the table started (a new step, F2) ends back at the step's row (naming-return.ts). */}
      <TextField
        label="Name"
        name="label"
        value={step.label ?? ''}
        placeholder={step.id}
        disabled={disabled}
        onCommit={(v) => store.getState().renameStep(step.id, v)}
        onDone={(_, input) => {
          if (endNaming(input)) returnToStep(step.id, input);
        }}
      />
      <TextField
        label="Request"
        value={step.request ?? ''}
        placeholder="e.g. POST /invoices"
        disabled={disabled}
        onCommit={(v) => update({ request: v.trim() === '' ? undefined : v })}
      />
      <div className="field-row field-row--2">
        <TextField
          label="Id"
          value={step.id}
          disabled={disabled}
          help="Named in 424 bodies"
          onCommit={(v) => store.getState().changeStepId(step.id, v.trim())}
        />
        <NumberField
          label="Duration (ms)"
          value={step.durationMs}
          placeholder={String(DEFAULT_DURATION_MS)}
          optional
          min={0}
          disabled={disabled}
          onCommit={(v) => update({ durationMs: v })}
        />
      </div>

      <FailureFields step={step} disabled={disabled} />
      <RetryFields step={step} disabled={disabled} />
      <CompensationFields step={step} disabled={disabled} />
      <BehaviourFields step={step} disabled={disabled} />
      {dialect !== undefined && <DialectFlagFields step={step} dialect={dialect} disabled={disabled} />}
      <DependencyFields step={step} disabled={disabled} />
      <GroupFields step={step} disabled={disabled} />

      {!readOnly && (
        <div className="gallery__footer">
          <button type="button" className="btn btn--small" onClick={() => addAfter(step.id)}>
            + Add a step after this
          </button>
          <button type="button" className="btn btn--small btn--danger" onClick={() => store.getState().deleteSteps([step.id])}>
            Delete step
          </button>
        </div>
      )}
    </form>
  );
}

function failChoice(fail: FailSpec | undefined): string {
  if (!fail) return 'none';
  if (fail.timeout) return 'timeout';
  return String(fail.status ?? 'none');
}

export function StatusExplanation({ status, hangs = false }: { status: number; hangs?: boolean }) {
  const info = STATUS_INFO[status];
  if (!info) return <p className="status-info">{status}: a status outside the common table.</p>;
  return (
    <p className="status-info" data-testid="status-info">
      <strong>
        {info.status} {info.reason}
      </strong>{' '}
      — {hangs ? 'the attempt hangs until the step’s timeout, then the gateway gives up.' : info.meaning}{' '}
      {info.retryHelps ? (
        <span className="retry-verdict--yes">Retrying can help.</span>
      ) : (
        <span className="retry-verdict--no">Retrying will not help without a change.</span>
      )}
    </p>
  );
}

/** R16: the common answers of a succeeding request (RFC 9110 §15.3). */
const SUCCESS_CHOICES = [200, 201, 202, 204];

function successWords(status: number | undefined): string {
  const code = status ?? 200;
  const reason = reasonPhrase(code);
  return reason === 'Unknown Status' ? String(code) : `${code} ${reason}`;
}

const SUCCESS_HELP: Record<number, string> = {
  200: 'The default answer.',
  201: 'A resource was created (POST /invoices).',
  202: 'Accepted for processing later (a queued job).',
  204: 'Done, with no body: the batch response and the 207 body carry no body for it.',
};

function SuccessStatusField({ step, disabled }: { step: Step; disabled: boolean }) {
  const store = useRippleStore();
  const id = useId();
  const { error, run } = useImmediate();
  const current = step.successStatus ?? 200;
  const common = SUCCESS_CHOICES.includes(current);
  const [other, setOther] = useState(!common);
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>Success status</label>
      <select
        id={id}
        value={other ? 'other' : String(current)}
        disabled={disabled}
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          if (e.target.value === 'other') return setOther(true);
          setOther(false);
          run(store.getState().setSuccessStatus(step.id, Number(e.target.value)));
        }}
      >
        {SUCCESS_CHOICES.map((code) => (
          <option key={code} value={code}>
            {successWords(code)}
          </option>
        ))}
        <option value="other">another 2xx status…</option>
      </select>
      <FieldError error={error} />
      <span className="field__help" id={`${id}-help`}>
        {SUCCESS_HELP[current] ?? `${successWords(current)}.`}
      </span>
      {other && (
        <NumberField
          label="Success status (200–299)"
          value={step.successStatus}
          optional
          min={200}
          placeholder="200"
          disabled={disabled}
          onCommit={(v) => store.getState().setSuccessStatus(step.id, v)}
        />
      )}
    </div>
  );
}

function FailureFields({ step, disabled }: { step: Step; disabled: boolean }) {
  const store = useRippleStore();
  const id = useId();
  const { error, run } = useImmediate();
  const fail = step.fail;
  const choice = failChoice(fail);
  const custom = fail?.status !== undefined && !STATUS_INFO[fail.status] ? fail.status : null;

  const choose = (value: string) =>
    run(store.getState().setStepFailure(step.id, value === 'none' || value === 'timeout' ? value : Number(value)));
  const patchFail = (patch: Partial<FailSpec>) => store.getState().updateFailure(step.id, patch);

  return (
    <fieldset className="group">
      <legend>Failure</legend>
      <div className={error ? 'field field--invalid' : 'field'}>
        <label htmlFor={id}>Answers</label>
        <select id={id} value={choice} disabled={disabled} onChange={(e) => choose(e.target.value)}>
          <option value="none">{successWords(step.successStatus)} — succeeds</option>
          <option value="timeout">Hangs until timeout (504)</option>
          <optgroup label="4xx — the request is refused">
            {CLIENT.map((s) => (
              <option key={s.status} value={s.status}>
                {s.status} {s.reason}
              </option>
            ))}
          </optgroup>
          <optgroup label="5xx — the server failed">
            {SERVER.map((s) => (
              <option key={s.status} value={s.status}>
                {s.status} {s.reason}
              </option>
            ))}
          </optgroup>
          {custom !== null && <option value={custom}>{custom}</option>}
        </select>
        <FieldError error={error} />
      </div>
      {fail && <StatusExplanation status={fail.timeout ? 504 : (fail.status ?? 500)} hangs={!!fail.timeout} />}
      <SuccessStatusField step={step} disabled={disabled} />
      {fail && (
        <>
          <NumberField
            label="Fails on the first … attempts"
            value={fail.times}
            optional
            min={1}
            placeholder="every attempt"
            disabled={disabled}
            help="Empty: every attempt fails. 2: a flaky step — two failures, then success (give it retries)."
            onCommit={(v) => patchFail({ times: v })}
          />
          {!fail.timeout && (
            <TextField
              label="Error message"
              value={fail.message ?? ''}
              placeholder="e.g. card declined"
              disabled={disabled}
              onCommit={(v) => patchFail({ message: v.trim() === '' ? undefined : v })}
            />
          )}
        </>
      )}
    </fieldset>
  );
}

function RetryFields({ step, disabled }: { step: Step; disabled: boolean }) {
  const store = useRippleStore();
  const patchRetry = (patch: Partial<RetrySpec>) => store.getState().updateRetry(step.id, patch);
  return (
    <fieldset className="group">
      <legend>Timeout and retries</legend>
      <NumberField
        label="Timeout (ms)"
        value={step.timeoutMs}
        optional
        min={1}
        placeholder="none"
        disabled={disabled}
        help="An attempt longer than this ends with 504 Gateway Timeout."
        onCommit={(v) => store.getState().updateStep(step.id, { timeoutMs: v })}
      />
      <div className="field-row">
        <NumberField label="Max attempts" value={step.retry?.maxAttempts} optional min={1} placeholder={String(DEFAULT_RETRY.maxAttempts)} disabled={disabled} onCommit={(v) => patchRetry({ maxAttempts: v })} />
        <NumberField label="Delay (ms)" value={step.retry?.delayMs} optional min={0} placeholder={String(DEFAULT_RETRY.delayMs)} disabled={disabled} onCommit={(v) => patchRetry({ delayMs: v })} />
        <NumberField label="Factor" value={step.retry?.factor} optional min={1} step={0.5} placeholder={String(DEFAULT_RETRY.factor)} disabled={disabled} onCommit={(v) => patchRetry({ factor: v })} />
      </div>
      <p className="field__help">Wait before retry k is delay × factor^(k−1). The policy’s retry mode decides what a blocked step’s retries do.</p>
    </fieldset>
  );
}

function CompensationFields({ step, disabled }: { step: Step; disabled: boolean }) {
  const store = useRippleStore();
  const { error, run } = useImmediate();
  const failId = useId();
  const c = step.compensation;
  const patchComp = (patch: Partial<CompensationSpec>) => store.getState().updateStep(step.id, { compensation: { ...c, ...patch } });
  const statuses = SELECTABLE.filter((s) => s.status >= 500).concat(SELECTABLE.filter((s) => s.status < 500));
  return (
    <fieldset className="group">
      <legend>Compensation</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={!!c}
          disabled={disabled}
          onChange={(e) => run(store.getState().updateStep(step.id, { compensation: e.target.checked ? {} : undefined }))}
        />
        <span>Has an undo handler (run by the saga policy when the run fails)</span>
      </label>
      <FieldError error={error} />
      {c && (
        <>
          <div className="field-row field-row--2">
            <TextField
              label="Handler"
              value={c.label ?? ''}
              placeholder={`Undo ${step.label ?? step.id}`}
              disabled={disabled}
              onCommit={(v) => patchComp({ label: v.trim() === '' ? undefined : v })}
            />
            <NumberField label="Duration (ms)" value={c.durationMs} optional min={0} placeholder={String(DEFAULT_DURATION_MS)} disabled={disabled} onCommit={(v) => patchComp({ durationMs: v })} />
          </div>
          <div className="field">
            <label htmlFor={failId}>The handler</label>
            <select
              id={failId}
              value={c.fail ? String(c.fail.status) : 'ok'}
              disabled={disabled}
              onChange={(e) => run(patchComp({ fail: e.target.value === 'ok' ? undefined : { status: Number(e.target.value) } }))}
            >
              <option value="ok">succeeds</option>
              {statuses.map((s) => (
                <option key={s.status} value={s.status}>
                  fails with {s.status} {s.reason}
                </option>
              ))}
            </select>
          </div>
          <label className="check">
            <input type="checkbox" checked={!!c.evenIfFailed} disabled={disabled} onChange={(e) => run(store.getState().setEvenIfFailed(step.id, e.target.checked))} />
            <span>Even if it failed — its last attempt may have taken effect (a timeout after the service acted), so undo it too</span>
          </label>
        </>
      )}
    </fieldset>
  );
}

/**
 * The settings of the scenario's orchestrator that say what a failure means for the workflow
 * (Step docs in src/scenario/types.ts): each under its system's own name, shown only in that
 * dialect, as the gate accepts them only there.
 */
const DIALECT_FLAGS: Record<DialectName, { flag: 'continueOnError' | 'continueOnFailed' | 'catch' | 'failState'; label: string; help: string }[]> = {
  http: [],
  'github-actions': [
    {
      flag: 'continueOnError',
      label: 'continue-on-error',
      help: 'The job may fail without failing the workflow; jobs that need it see it as a success (GitHub: jobs.<job_id>.continue-on-error).',
    },
  ],
  argo: [{ flag: 'continueOnFailed', label: 'continueOn: failed', help: 'The workflow continues and does not fail for this task; a bare name in a depends accepts its failure (Argo: continueOn).' }],
  airflow: [],
  'step-functions': [
    { flag: 'catch', label: 'Catch', help: 'The state has a Catch: its error is caught and handled, and does not fail the execution by itself.' },
    { flag: 'failState', label: 'Fail state', help: 'The state is "Type": "Fail": reaching it fails the execution.' },
  ],
};

function DialectFlagFields({ step, dialect, disabled }: { step: Step; dialect: DialectName; disabled: boolean }) {
  const store = useRippleStore();
  const { error, run } = useImmediate();
  const flags = DIALECT_FLAGS[dialect];
  if (flags.length === 0) return null;
  return (
    <fieldset className="group">
      <legend>When it fails, in {DIALECT_TITLES[dialect]}</legend>
      {flags.map(({ flag, label, help }) => (
        <label className="check" key={flag}>
          <input type="checkbox" checked={step[flag] === true} disabled={disabled} onChange={(e) => run(store.getState().updateStep(step.id, { [flag]: e.target.checked ? true : undefined }))} />
          <span>
            <code>{label}</code> — {help}
          </span>
        </label>
      ))}
      <FieldError error={error} />
    </fieldset>
  );
}

function BehaviourFields({ step, disabled }: { step: Step; disabled: boolean }) {
  const store = useRippleStore();
  const { error, run } = useImmediate();
  const name = useId();
  const update = (patch: StepPatch) => run(store.getState().updateStep(step.id, patch));
  return (
    <fieldset className="group">
      <legend>Behaviour</legend>
      <label className="check">
        <input type="checkbox" checked={step.idempotent !== false} disabled={disabled} onChange={(e) => update({ idempotent: e.target.checked ? undefined : false })} />
        <span>Idempotent — safe to send twice (a replay may run it again)</span>
      </label>
      {step.when !== undefined && step.join !== 'any' ? (
        <p className="field__help">Runs when its condition is true (under Dependencies): the condition replaces “all” or “any one”.</p>
      ) : (
        <div className="field" role="radiogroup" aria-label="Runs when">
          <span className="field__label">Runs when</span>
          <div className="radio-row">
            <label>
              <input type="radio" name={name} checked={(step.join ?? 'all') === 'all'} disabled={disabled} onChange={() => update({ join: undefined })} />
              all prerequisites are satisfied
            </label>
            <label>
              <input type="radio" name={name} checked={step.join === 'any'} disabled={disabled} onChange={() => update({ join: 'any' })} />
              any one is
            </label>
          </div>
        </div>
      )}
      <FieldError error={error} />
      <div className="field-row field-row--2">
        <TextField
          label="Produces"
          value={(step.produces ?? []).join(', ')}
          placeholder="e.g. artifact-id"
          disabled={disabled}
          onCommit={(v) => store.getState().updateStep(step.id, { produces: parseList(v) })}
        />
        <TextField
          label="Consumes"
          value={(step.consumes ?? []).join(', ')}
          placeholder="e.g. artifact-id"
          disabled={disabled}
          onCommit={(v) => store.getState().updateStep(step.id, { consumes: parseList(v) })}
        />
      </div>
    </fieldset>
  );
}

export const CONDITION_TEXT: Record<DependencyCondition, { label: string; help: string }> = {
  success: { label: 'on success', help: 'Runs only if the prerequisite succeeded; if it failed, this step answers 424.' },
  failure: { label: 'on failure', help: 'Runs only if the prerequisite failed (an alert, a fallback); skipped if it succeeded.' },
  always: { label: 'always', help: 'Runs once the prerequisite is finished, whatever happened (cleanup).' },
};

const NO_STEPS: readonly Step[] = [];
const NO_DEPENDENCIES: readonly Dependency[] = [];
/** Above this many dependents, the "Needed by" list is drawn in a background render after the panel. */
const LIST_LATER_ABOVE = 50;

/**
 * Each step's name as the inspector shows it (its label, else its id), once per steps list: a
 * step with hundreds of dependents (an imported fan-out) names each of them on every edit.
 */
function useLabels(steps: readonly Step[]): (id: string) => string {
  const labels = useMemo(() => new Map(steps.map((s) => [s.id, s.label ?? s.id])), [steps]);
  return (id) => labels.get(id) ?? id;
}

/**
 * The "Add a prerequisite" options: one `<option>` element per step object, kept while that step
 * is unchanged, so after an edit React rewrites only the options of the steps it changed rather
 * than all 2,000 (issue #15: no long task over 200 ms while editing). A renamed step is a new
 * object, so its option is made again with its new label.
 */
function useStepOptions(steps: readonly Step[]): ReactElement[] {
  const made = useRef(new WeakMap<Step, ReactElement>());
  return useMemo(
    () =>
      steps.map((s) => {
        let option = made.current.get(s);
        if (!option) {
          option = (
            <option key={s.id} value={s.id}>
              {s.label ?? s.id}
            </option>
          );
          made.current.set(s, option);
        }
        return option;
      }),
    [steps],
  );
}

/** One prerequisite of the inspected step: its name, the condition picker and the remove button. Memoised: an edit elsewhere leaves it as it is. */
const PrerequisiteRow = memo(function PrerequisiteRow({ from, to, on, label, when, disabled }: { from: string; to: string; on: DependencyCondition; label: string; when: boolean; disabled: boolean }) {
  const store = useRippleStore();
  return (
    <li>
      <span>{label}</span>
      <select aria-label={`Condition on ${label}`} value={on} disabled={disabled} onChange={(e) => store.getState().setEdgeCondition(from, to, e.target.value as DependencyCondition)}>
        {(Object.keys(CONDITION_TEXT) as DependencyCondition[]).map((c) => (
          // A run condition decides alone (R14): other conditions are not offered beside it.
          <option key={c} value={c} disabled={when && c !== 'success' && c !== on}>
            {CONDITION_TEXT[c].label}
          </option>
        ))}
      </select>
      {!disabled && (
        <button type="button" className="btn btn--small btn--quiet" aria-label={`Remove dependency on ${label}`} onClick={() => store.getState().disconnect(from, to)}>
          ✕
        </button>
      )}
    </li>
  );
});

/** One step that depends on the inspected one: its name, the condition, and the remove button. Memoised like PrerequisiteRow: a fan-out step has hundreds. */
const DependentRow = memo(function DependentRow({ from, to, on, label, disabled }: { from: string; to: string; on: DependencyCondition; label: string; disabled: boolean }) {
  const store = useRippleStore();
  return (
    <li>
      <span>
        {label} <span className="field__help">({CONDITION_TEXT[on].label})</span>
      </span>
      {!disabled && (
        <button type="button" className="btn btn--small btn--quiet" aria-label={`Remove dependency of ${label}`} onClick={() => store.getState().disconnect(from, to)}>
          ✕
        </button>
      )}
    </li>
  );
});

function DependencyFields({ step, disabled }: { step: Step; disabled: boolean }) {
  const store = useRippleStore();
  const scenario = useRipple((s) => s.scenario);
  const addId = useId();
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const labelOf = useLabels(scenario.steps);
  const prerequisites = scenario.dependencies.filter((d) => d.to === step.id);
  const dependents = useMemo(() => scenario.dependencies.filter((d) => d.from === step.id), [scenario.dependencies, step.id]);
  // A fan-out step's hundreds of dependents are listed in a background render after the panel,
  // like the options below, rather than in the task of the click that selected it (issue #15).
  const deferredDependents = useDeferredValue(dependents, NO_DEPENDENCIES);
  // Never another step's list (the deferred value is the last one drawn until the new one is).
  const ownDeferred = deferredDependents.length === 0 || deferredDependents[0].from === step.id ? deferredDependents : NO_DEPENDENCIES;
  const listedDependents = dependents.length > LIST_LATER_ABOVE ? ownDeferred : dependents;
  // Not the steps that depend on this one: each would close a cycle.
  const candidates = useMemo(() => prerequisiteChoices(scenario.steps, scenario.dependencies, step.id), [scenario.steps, scenario.dependencies, step.id]);
  // Its options are drawn in a background render after the panel: on a 2,000-step graph they
  // are 2,000 <option>s, which as part of selecting a step made one long task (issue #15: no long
  // task over 200 ms while editing). React builds them in slices it can interrupt.
  const listed = useDeferredValue(candidates, NO_STEPS);
  const options = useStepOptions(listed);

  const add = () => {
    if (!choice) return;
    const result = store.getState().addPrerequisite(step.id, choice);
    setError(messageOf(result));
    if (result.ok) setChoice('');
  };

  return (
    <fieldset className="group">
      <legend>Dependencies</legend>
      <span className="field__label">Depends on</span>
      {prerequisites.length === 0 ? (
        <p className="field__help">Nothing: it starts at time 0.</p>
      ) : (
        <ul className="dep-list">
          {prerequisites.map((d) => (
            <PrerequisiteRow key={d.from} from={d.from} to={step.id} on={d.on ?? 'success'} label={labelOf(d.from)} when={step.when !== undefined} disabled={disabled} />
          ))}
        </ul>
      )}
      {(prerequisites.length > 0 || step.when !== undefined) && (
        <WhenField step={step} prerequisites={prerequisites.map((d) => d.from)} disabled={disabled} />
      )}
      {!disabled && candidates.length > 0 && (
        <div className="field">
          <label htmlFor={addId}>Add a prerequisite</label>
          <div className="inline-form">
            <select id={addId} value={choice} onChange={(e) => setChoice(e.target.value)}>
              <option value="">{listed === candidates ? 'Choose a step…' : `Listing ${candidates.length.toLocaleString('en')} steps…`}</option>
              {options}
            </select>
            <button type="button" className="btn btn--small" onClick={add} disabled={!choice}>
              Add
            </button>
          </div>
          <FieldError error={error} />
        </div>
      )}
      <span className="field__label">Needed by</span>
      {dependents.length === 0 ? (
        <p className="field__help">No step depends on it.</p>
      ) : (
        <ul className="dep-list" aria-busy={listedDependents !== dependents}>
          {listedDependents !== dependents && <li className="field__help">Listing {dependents.length.toLocaleString('en')} steps…</li>}
          {listedDependents.map((d) => (
            <DependentRow key={d.to} from={step.id} to={d.to} on={d.on ?? 'success'} label={labelOf(d.to)} disabled={disabled} />
          ))}
        </ul>
      )}
    </fieldset>
  );
}

/** R18: the atomic group the step is in, its label, and removing it; or how to make one. */
function GroupFields({ step, disabled }: { step: Step; disabled: boolean }) {
  const store = useRippleStore();
  const scenario = useRipple((s) => s.scenario);
  const { error, run } = useImmediate();
  const group = scenario.groups?.find((g) => g.steps.includes(step.id));
  const labelOf = (id: string) => scenario.steps.find((s) => s.id === id)?.label ?? id;
  return (
    <fieldset className="group">
      <legend>Atomic group</legend>
      {group ? (
        <>
          <p className="field__help">
            In <strong>{group.label ?? group.id}</strong> with {group.steps.filter((id) => id !== step.id).map(labelOf).join(', ') || 'no other step'}: they
            commit together or not at all. If one fails, the others that succeeded are rolled back (424) by the service.
          </p>
          <TextField label="Group label" value={group.label ?? ''} placeholder={group.id} disabled={disabled} onCommit={(v) => store.getState().renameGroup(group.id, v)} />
          {!disabled && (
            <button type="button" className="btn btn--small btn--danger" onClick={() => run(store.getState().removeGroup(group.id))}>
              Remove the group (keep its steps)
            </button>
          )}
          <FieldError error={error} />
        </>
      ) : (
        <p className="field__help">Not in a group. Select several steps (Shift-click or drag a box) to make them an atomic group.</p>
      )}
    </fieldset>
  );
}
