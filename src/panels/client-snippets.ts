// Short client snippets showing how a caller detects a 424 and finds the step to fix. The host
// is a placeholder; the method and path come from the step's `request` when it has one.
//
// People paste these into a terminal or a REPL, and the request line and step id are untrusted
// text (they came with someone's link). So every piece of it enters a snippet as a literal
// built with that language's own quoting, never spliced between hand-written quotes, and the
// URL is percent-encoded first, so it has no spaces, quotes or line breaks of its own.
import { toUriReference } from '../export/request-line.ts';
import { jsString, pythonString, shellWord } from '../export/literals.ts';

export const EXAMPLE_HOST = 'https://api.example.com';

export type SnippetLanguage = 'curl' | 'fetch' | 'python';

export interface SnippetInput {
  /** `POST /invoices`; absent → `POST /v1/batch`. */
  request?: string | null;
  /** What the example answer names as the failed prerequisite. */
  prerequisite?: string;
}

/**
 * `snippetRequest('post /invoices HTTP/1.1')` → `{ method: 'POST', url: 'https://api.example.com/invoices' }`.
 * The target is the rest of the line (an absolute http(s) URL is kept, a path goes on the
 * example host), percent-encoded by `toUriReference`; no request line → `POST /v1/batch`.
 */
export function snippetRequest(request: string | null | undefined): { method: string; url: string } {
  const match = /^([A-Za-z][A-Za-z-]*)\s+([\s\S]+)$/.exec(request?.trim() ?? '');
  if (!match) return { method: 'POST', url: `${EXAMPLE_HOST}/v1/batch` };
  const target = match[2].replace(/\s+HTTP\/\d(\.\d)?$/, '');
  const absolute = /^https?:\/\//i.test(target);
  const url = absolute ? target : `${EXAMPLE_HOST}${target.startsWith('/') ? '' : '/'}${target}`;
  return { method: match[1].toUpperCase(), url: toUriReference(url) };
}

export { jsString, pythonString, shellWord };

const hasBody = (method: string) => !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(method);

/**
 * The snippet for one language. Untrusted text appears only as literals of that language
 * (in comments too, where a raw line break would end the comment and start code).
 */
export function clientSnippet(language: SnippetLanguage, input: SnippetInput): string {
  const { method, url } = snippetRequest(input.request);
  const prerequisite = input.prerequisite ?? 'authorize-payment';
  switch (language) {
    case 'curl':
      return [
        `# Save the body, print the status code: 424 means a step it depends on failed.`,
        `curl -s -o problem.json -w '%{http_code}\\n' -X ${shellWord(method)} ${shellWord(url)} \\`,
        `  -H 'Accept: application/problem+json, application/json'${hasBody(method) ? ` \\\n  -H 'Content-Type: application/json' -d '{}'` : ''}`,
        `# 424`,
        `jq -r '.failed_prerequisite_step' problem.json`,
        `# ${jsString(prerequisite)}   <- fix this step, not the one you called`,
      ].join('\n');
    case 'fetch':
      return [
        `const response = await fetch(${jsString(url)}, {`,
        `  method: ${jsString(method)},`,
        `  headers: { Accept: 'application/problem+json, application/json'${hasBody(method) ? `, 'Content-Type': 'application/json'` : ''} },`,
        ...(hasBody(method) ? [`  body: JSON.stringify({}),`] : []),
        `});`,
        `if (response.status === 424) {`,
        `  const problem = await response.json();`,
        `  // problem.failed_prerequisite_step === ${jsString(prerequisite)}`,
        `  console.error(\`Blocked by \${problem.failed_prerequisite_step} (root cause: \${problem.root_cause_step})\`);`,
        `}`,
      ].join('\n');
    case 'python':
      return [
        `import requests`,
        ``,
        `response = requests.request(`,
        `    ${pythonString(method)},`,
        `    ${pythonString(url)},`,
        `    headers={"Accept": "application/problem+json, application/json"},`,
        ...(hasBody(method) ? [`    json={},`] : []),
        `)`,
        `if response.status_code == 424:`,
        `    problem = response.json()`,
        `    # problem["failed_prerequisite_step"] == ${pythonString(prerequisite)}`,
        `    print("Blocked by", problem["failed_prerequisite_step"], "root cause:", problem.get("root_cause_step"))`,
      ].join('\n');
  }
}
