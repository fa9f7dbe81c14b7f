import { useId } from 'react';
import { useRipple, useRippleStore } from '../store/context.tsx';
import { resolvePolicy } from '../scenario/defaults.ts';
import type { Policy } from '../scenario/types.ts';
import { FieldError, NumberField, useImmediate } from './fields.tsx';

// The scenario's policy, each option with one line on what it changes, told with the seeds'
// stories (an orchestrator that ran on after a timeout; a shipping label retried in a 424 loop).

export const POLICY_HELP = {
  failFast:
    'On: a step whose prerequisite failed is not run and answers 424 Failed Dependency at once. Off: the orchestrator runs it anyway and it fails with 500 “missing output” — as in the production incident where the “orchestrator continued dependent tasks after prerequisite timeout”.',
  onFailure: {
    continue: 'Continue: branches that do not depend on the failure keep running.',
    abort: 'Abort: at the first root failure, every step not yet started is cancelled; running ones finish.',
  },
  compensation: {
    none: 'None: after a failure, what already succeeded stays done.',
    saga: 'Saga: after a failure, succeeded steps with an undo handler are rolled back in reverse order; a handler that fails leaves a partial state (as in the incident of a “rollback failed … repeated 424”).',
  },
  retryMode: {
    naive: 'Naive: a blocked step is re-sent on its own and answers 424 every time — as in the incident where a shipping label was retried while stock reservation stayed failed, a “repeated 424 loop”.',
    'graph-aware': 'Graph-aware: each retry of a blocked step first asks its failed prerequisite for another attempt (“repair upstream first”), then runs it.',
  },
  compensationErrors: {
    continue: 'Continue: a compensation that fails is noted and the remaining handlers still run (Temporal’s saga default, continueWithError: true).',
    stop: 'Stop: at the first compensation that fails, no further handler runs; the steps not yet undone stay succeeded and are listed as uncompensated.',
  },
  concurrency: 'Most steps running at once; 0 = no limit. Lower it to watch ready steps queue.',
} as const;

function Choice<K extends 'onFailure' | 'compensation' | 'retryMode' | 'compensationErrors'>({
  field,
  legend,
  value,
  options,
  disabled,
  onChange,
}: {
  field: K;
  legend: string;
  value: Policy[K];
  options: { value: Policy[K]; label: string }[];
  disabled: boolean;
  onChange: (value: Policy[K]) => void;
}) {
  const name = useId();
  const help = (POLICY_HELP[field] as Record<string, string>)[value as string];
  return (
    <fieldset className="group policy-option">
      <legend>{legend}</legend>
      <div className="radio-row">
        {options.map((o) => (
          <label key={o.value as string}>
            <input type="radio" name={name} value={o.value as string} checked={value === o.value} disabled={disabled} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      <p className="field__help" aria-live="polite">
        {help}
      </p>
    </fieldset>
  );
}

export function PolicyPanel() {
  const store = useRippleStore();
  const policy = useRipple((s) => s.scenario.policy);
  const readOnly = useRipple((s) => s.readOnly);
  const p = resolvePolicy({ policy });
  const { error, run } = useImmediate();
  const set = (patch: Partial<Policy>) => run(store.getState().setPolicy(patch));
  const failFastId = useId();

  return (
    <section aria-labelledby={`${failFastId}-h`}>
      <h2 className="panel-heading" id={`${failFastId}-h`}>
        Policy
      </h2>
      <p className="panel-hint">How the orchestrator reacts when a step fails.</p>
      <div className="policy-option">
        <label className="check">
          <input type="checkbox" id={failFastId} checked={p.failFast} disabled={readOnly} onChange={(e) => set({ failFast: e.target.checked })} aria-describedby={`${failFastId}-help`} />
          <strong>Fail-fast guard</strong>
        </label>
        <p className="policy-option__help" id={`${failFastId}-help`}>
          {POLICY_HELP.failFast}
        </p>
      </div>
      <Choice
        field="onFailure"
        legend="On failure"
        value={p.onFailure}
        disabled={readOnly}
        options={[
          { value: 'continue', label: 'continue' },
          { value: 'abort', label: 'abort' },
        ]}
        onChange={(v) => set({ onFailure: v })}
      />
      <Choice
        field="compensation"
        legend="Compensation"
        value={p.compensation}
        disabled={readOnly}
        options={[
          { value: 'none', label: 'none' },
          { value: 'saga', label: 'saga (undo on failure)' },
        ]}
        onChange={(v) => set({ compensation: v })}
      />
      <Choice
        field="compensationErrors"
        legend="When a compensation fails (saga)"
        value={p.compensationErrors}
        disabled={readOnly}
        options={[
          { value: 'continue', label: 'continue' },
          { value: 'stop', label: 'stop' },
        ]}
        onChange={(v) => run(store.getState().setCompensationErrors(v))}
      />
      <Choice
        field="retryMode"
        legend="Retrying a blocked step"
        value={p.retryMode}
        disabled={readOnly}
        options={[
          { value: 'graph-aware', label: 'graph-aware' },
          { value: 'naive', label: 'naive' },
        ]}
        onChange={(v) => set({ retryMode: v })}
      />
      <NumberField
        label="Concurrency"
        value={policy?.concurrency}
        optional
        min={0}
        placeholder="0 (no limit)"
        disabled={readOnly}
        help={POLICY_HELP.concurrency}
        onCommit={(v) => store.getState().setPolicy({ concurrency: v })}
      />
      <FieldError error={error} />
    </section>
  );
}
