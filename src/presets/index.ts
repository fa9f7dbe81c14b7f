import type { Scenario } from '../scenario/types.ts';
import artifactChecksum from './artifact-checksum.json';
import docsSkippedIsFine from './docs-skipped-is-fine.json';
import graphBatchStep2 from './graph-batch-step2.json';
import odataChangesetFails from './odata-changeset-fails.json';
import paymentFails from './payment-fails.json';
import publishBeforeValidation from './publish-before-validation.json';
import sagaCompensationFails from './saga-compensation-fails.json';
import shippingRetryGraphAware from './shipping-retry-graph-aware.json';
import shippingRetryLoop from './shipping-retry-loop.json';
import teardownAfterAbort from './teardown-after-abort.json';
import timeoutNoGuard from './timeout-no-guard.json';
import webdavCopyLocked from './webdav-copy-locked.json';

// The preset scenarios, drawn from the seeds' production stories. They are used by the CLI
// (`--preset NAME`), the app's gallery and the golden traces (test/cli/presets-golden.test.ts),
// which also checks that every one of them passes validation.

export interface Preset {
  /** Stable name used on the command line and in links: `payment-fails`. */
  name: string;
  title: string;
  /** One sentence: what goes wrong and what answers 424. */
  description: string;
  scenario: Scenario;
}

// JSON imports are typed with widened literals (`version: number`); the golden test proves
// each file is a valid scenario, which is what makes this cast honest.
function preset(name: string, json: unknown): Preset {
  const scenario = json as Scenario;
  return { name, title: scenario.title, description: scenario.description ?? '', scenario };
}

/** Ordered for teaching: the first one is the first-run scenario. */
export const PRESETS: readonly Preset[] = [
  preset('payment-fails', paymentFails),
  preset('shipping-retry-loop', shippingRetryLoop),
  preset('shipping-retry-graph-aware', shippingRetryGraphAware),
  preset('artifact-checksum', artifactChecksum),
  preset('publish-before-validation', publishBeforeValidation),
  preset('timeout-no-guard', timeoutNoGuard),
  preset('saga-compensation-fails', sagaCompensationFails),
  preset('webdav-copy-locked', webdavCopyLocked),
  preset('graph-batch-step2', graphBatchStep2),
  // Issue #10 (scenario version 2): R15 finally steps, R18 atomic groups, R14 run conditions.
  preset('teardown-after-abort', teardownAfterAbort),
  preset('odata-changeset-fails', odataChangesetFails),
  preset('docs-skipped-is-fine', docsSkippedIsFine),
];

/** `findPreset('payment-fails')?.scenario` → the scenario; unknown names give `undefined`. */
export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}
