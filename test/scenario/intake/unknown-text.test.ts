import { describe, expect, it } from 'vitest';
import { openText } from '../../../src/scenario/intake/opened-input.ts';

// Text that is none of the formats Ripple reads gets one sentence naming every format it does
// read, the orchestrators' files too (issue #11: "a clear message when it is none of them").

describe('openText on text Ripple does not read', () => {
  it('names every format it opens', () => {
    const opened = openText('hello, this is a plain note');
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    for (const format of ['scenario', 'GitHub Actions workflow', 'Argo Workflow', 'Airflow task list', 'Step Functions state machine', 'OData multipart', 'JSON $batch body', 'SVG or PNG', 'share link']) {
      expect(opened.message).toContain(format);
    }
  });
});
