// Fields of a scenario that are written in its source system's language (issue #11): a GitHub
// job's `if` and the workflow's `context`, GitHub's `continueOnError`, Argo's `continueOnFailed`,
// Step Functions' `catch` and `failState`. The gate accepts each only with its `dialect`, so a
// scenario that has one keeps its dialect; "Speak as" then changes only the words (a view).

/**
 * The path of the first field that ties `scenario` to its `dialect`, or null when it has none
 * (its dialect may then change freely).
 *
 * @example
 * sourceBoundField({ steps: [{ id: 'a' }, { id: 'b', if: 'failure()' }], context: undefined }) // → 'steps[1].if'
 */
export function sourceBoundField(scenario: { steps: readonly SourceBoundStep[]; context?: unknown }): string | null {
  if (scenario.context !== undefined) return 'context';
  for (let i = 0; i < scenario.steps.length; i++) {
    const s = scenario.steps[i];
    if (s.if !== undefined) return `steps[${i}].if`;
    if (s.continueOnError) return `steps[${i}].continueOnError`;
    if (s.continueOnFailed) return `steps[${i}].continueOnFailed`;
    if (s.catch) return `steps[${i}].catch`;
    if (s.failState) return `steps[${i}].failState`;
  }
  return null;
}

interface SourceBoundStep {
  if?: string;
  continueOnError?: boolean;
  continueOnFailed?: boolean;
  catch?: boolean;
  failState?: boolean;
}
