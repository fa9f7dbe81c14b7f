// Short client snippets showing how a caller detects a 424 and finds the step to fix. The host
// is a placeholder; the method and path come from the step's `request` when it has one.

export const EXAMPLE_HOST = 'https://api.example.com';

export type SnippetLanguage = 'curl' | 'fetch' | 'python';

export interface SnippetInput {
  /** `POST /invoices`; absent → `POST /v1/batch`. */
  request?: string | null;
  /** What the example answer names as the failed prerequisite. */
  prerequisite?: string;
}

function parseRequest(request: string | null | undefined): { method: string; path: string } {
  const match = request?.trim().match(/^([A-Za-z]+)\s+(\S+)/);
  if (!match) return { method: 'POST', path: '/v1/batch' };
  const path = match[2].startsWith('/') ? match[2] : `/${match[2]}`;
  return { method: match[1].toUpperCase(), path };
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const hasBody = (method: string) => !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(method);

export function clientSnippet(language: SnippetLanguage, input: SnippetInput): string {
  const { method, path } = parseRequest(input.request);
  const url = `${EXAMPLE_HOST}${path}`;
  const prerequisite = input.prerequisite ?? 'authorize-payment';
  switch (language) {
    case 'curl':
      return [
        `# Save the body, print the status code: 424 means a step it depends on failed.`,
        `curl -s -o problem.json -w '%{http_code}\\n' -X ${method} ${shellQuote(url)} \\`,
        `  -H 'Accept: application/problem+json, application/json'${hasBody(method) ? ` \\\n  -H 'Content-Type: application/json' -d '{}'` : ''}`,
        `# 424`,
        `jq -r '.failed_prerequisite_step' problem.json`,
        `# ${prerequisite}   <- fix this step, not the one you called`,
      ].join('\n');
    case 'fetch':
      return [
        `const response = await fetch('${url}', {`,
        `  method: '${method}',`,
        `  headers: { Accept: 'application/problem+json, application/json'${hasBody(method) ? `, 'Content-Type': 'application/json'` : ''} },`,
        ...(hasBody(method) ? [`  body: JSON.stringify({}),`] : []),
        `});`,
        `if (response.status === 424) {`,
        `  const problem = await response.json();`,
        `  // problem.failed_prerequisite_step === '${prerequisite}'`,
        `  console.error(\`Blocked by \${problem.failed_prerequisite_step} (root cause: \${problem.root_cause_step})\`);`,
        `}`,
      ].join('\n');
    case 'python':
      return [
        `import requests`,
        ``,
        `response = requests.request(`,
        `    "${method}",`,
        `    "${url}",`,
        `    headers={"Accept": "application/problem+json, application/json"},`,
        ...(hasBody(method) ? [`    json={},`] : []),
        `)`,
        `if response.status_code == 424:`,
        `    problem = response.json()`,
        `    # problem["failed_prerequisite_step"] == "${prerequisite}"`,
        `    print("Blocked by", problem["failed_prerequisite_step"], "root cause:", problem.get("root_cause_step"))`,
      ].join('\n');
  }
}
