// The client snippets are pasted into terminals and REPLs, and their request line and step id
// come from someone's link. Each snippet is checked by PARSING it as its language would, with
// hostile request lines: the literals must hold exactly the text given (percent-encoded in the
// URL), and no other code may appear.
import { spawnSync } from 'node:child_process';
import { parse, parseExpressionAt, type Comment } from 'acorn';
import { clientSnippet, EXAMPLE_HOST, jsString, pythonString, shellWord } from '../../src/panels/client-snippets.ts';

interface Case {
  request: string;
  prerequisite: string;
  method: string;
  url: string;
}

const HOSTILE: Case[] = [
  { request: "GET /'+alert(1)+'", prerequisite: 'authorize-payment', method: 'GET', url: `${EXAMPLE_HOST}/'+alert(1)+'` },
  { request: 'POST /a"b\\c', prerequisite: "it's \"quoted\" \\", method: 'POST', url: `${EXAMPLE_HOST}/a%22b%5Cc` },
  {
    request: "GET /x\n'); import os; os.system('id')#",
    prerequisite: 'x\n}); alert(1); //',
    method: 'GET',
    url: `${EXAMPLE_HOST}/x%0A');%20import%20os;%20os.system('id')#`,
  },
  { request: 'PUT /$(rm -rf ~)`id`', prerequisite: '$(rm -rf ~)`id`', method: 'PUT', url: `${EXAMPLE_HOST}/$(rm%20-rf%20~)%60id%60` },
  { request: 'GET /\u2028alert(1)//', prerequisite: 'a\u2028alert(1)\u2029b\r\nc', method: 'GET', url: `${EXAMPLE_HOST}/%E2%80%A8alert(1)//` },
  { request: 'delete /files/ü ä HTTP/1.1', prerequisite: 'ünïcode \u202Eevil\u0000', method: 'DELETE', url: `${EXAMPLE_HOST}/files/%C3%BC%20%C3%A4` },
];

const hasBody = (method: string) => method === 'POST' || method === 'PUT';

// ---------------------------------------------------------------- JavaScript (acorn)

interface AstNode {
  type: string;
  [key: string]: unknown;
}

function walk(node: unknown, visit: (n: AstNode) => void): void {
  if (Array.isArray(node)) for (const child of node) walk(child, visit);
  else if (node && typeof node === 'object' && typeof (node as AstNode).type === 'string') {
    visit(node as AstNode);
    for (const [key, value] of Object.entries(node)) if (key !== 'type') walk(value, visit);
  }
}

function calleeName(node: AstNode): string {
  if (node.type === 'Identifier') return node.name as string;
  if (node.type === 'MemberExpression') return `${calleeName(node.object as AstNode)}.${calleeName(node.property as AstNode)}`;
  return node.type;
}

function readJs(code: string) {
  const comments: Comment[] = [];
  const program = parse(code, { ecmaVersion: 'latest', sourceType: 'module', onComment: comments });
  const strings: string[] = [];
  const calls: string[] = [];
  walk(program, (n) => {
    if (n.type === 'Literal' && typeof n.value === 'string') strings.push(n.value);
    if (n.type === 'CallExpression') calls.push(calleeName(n.callee as AstNode));
  });
  return { statements: program.body.map((s) => s.type), strings, calls, comments: comments.map((c) => c.value) };
}

describe('the fetch snippet, parsed by acorn', () => {
  test.each(HOSTILE)('$request', ({ request, prerequisite, method, url }) => {
    const js = readJs(clientSnippet('fetch', { request, prerequisite }));
    expect(js.statements).toEqual(['VariableDeclaration', 'IfStatement']);
    const headers = ['application/problem+json, application/json', ...(hasBody(method) ? ['Content-Type', 'application/json'] : [])];
    expect(js.strings).toEqual([url, method, ...headers]);
    expect(js.calls.sort()).toEqual(['console.error', 'fetch', 'response.json', ...(hasBody(method) ? ['JSON.stringify'] : [])].sort());
    // The one comment names the prerequisite as a JavaScript string that reads back exactly.
    expect(js.comments).toHaveLength(1);
    const literal = js.comments[0].replace(' problem.failed_prerequisite_step === ', '');
    expect(parseExpressionAt(literal, 0, { ecmaVersion: 'latest' })).toMatchObject({ type: 'Literal', value: prerequisite, end: literal.length });
  });
});

// ---------------------------------------------------------------- Python (its own ast module)

const PYTHON_READER = `
import ast, json, sys
source = sys.stdin.buffer.read().decode("utf-8")
tree = ast.parse(source)
comments = [line.strip() for line in source.splitlines() if line.strip().startswith("#")]
print(json.dumps({
  "statements": [type(s).__name__ for s in tree.body],
  "strings": sorted(n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)),
  "calls": sorted(ast.unparse(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)),
  "comment_literal": [ast.literal_eval(c.split(" == ", 1)[1]) for c in comments],
}))
`;

const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const hasPython = python.status === 0;

function readPython(code: string) {
  const result = spawnSync('python3', ['-c', PYTHON_READER], { input: Buffer.from(code, 'utf8'), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python3 could not parse the snippet:\n${result.stderr}\n${code}`);
  return JSON.parse(result.stdout) as { statements: string[]; strings: string[]; calls: string[]; comment_literal: string[] };
}

// Python ships on CI machines and on this one; a machine without it cannot check this language.
describe.runIf(hasPython)('the Python snippet, parsed by Python’s ast module (skipped only where python3 is missing)', () => {
  test.each(HOSTILE)('$request', ({ request, prerequisite, method, url }) => {
    const py = readPython(clientSnippet('python', { request, prerequisite }));
    expect(py.statements).toEqual(['Import', 'Assign', 'If']);
    expect(py.strings).toEqual(
      [method, url, 'Accept', 'application/problem+json, application/json', 'failed_prerequisite_step', 'Blocked by', 'root cause:', 'root_cause_step'].sort(),
    );
    expect(py.calls).toEqual(['print', 'problem.get', 'requests.request', 'response.json'].sort());
    expect(py.comment_literal).toEqual([prerequisite]);
  });
});

// ---------------------------------------------------------------- curl (bash itself)

/**
 * Runs the snippet in bash with `curl` and `jq` replaced by functions that print their argv,
 * and PATH emptied so that no other program can run even if quoting failed.
 */
function runShell(code: string): { status: number | null; stderr: string; commands: string[][] } {
  const syntax = spawnSync('bash', ['-n'], { input: code, encoding: 'utf8' });
  if (syntax.status !== 0) throw new Error(`bash -n rejects the snippet:\n${syntax.stderr}\n${code}`);
  const stubs = `PATH=\ncurl() { printf '%s\\0' curl "$@"; printf '\\1'; }\njq() { printf '%s\\0' jq "$@"; printf '\\1'; }\n`;
  const result = spawnSync('bash', ['-c', stubs + code], { encoding: 'utf8' });
  const commands = result.stdout
    .split('\u0001')
    .filter((c) => c !== '')
    .map((c) => c.split('\u0000').slice(0, -1));
  return { status: result.status, stderr: result.stderr, commands };
}

describe('the curl snippet, run by bash with curl and jq stubbed', () => {
  test.each(HOSTILE)('$request', ({ request, prerequisite, method, url }) => {
    const code = clientSnippet('curl', { request, prerequisite });
    const shell = runShell(code);
    expect(shell.stderr).toBe('');
    expect(shell.status).toBe(0);
    expect(shell.commands).toEqual([
      [
        'curl', '-s', '-o', 'problem.json', '-w', '%{http_code}\\n', '-X', method, url,
        '-H', 'Accept: application/problem+json, application/json',
        ...(hasBody(method) ? ['-H', 'Content-Type: application/json', '-d', '{}'] : []),
      ],
      ['jq', '-r', '.failed_prerequisite_step', 'problem.json'],
    ]);
    // The prerequisite sits in the last comment as one line.
    expect(code.split('\n').at(-1)).toBe(`# ${jsString(prerequisite)}   <- fix this step, not the one you called`);
  });
});

describe('quoting helpers', () => {
  test('each reads back as the text it was given', () => {
    const text = `it's "x" \\ \n\r\t \u2028\u2029 \u202E ü 😀 \u0085 $(id)`;
    // A lone surrogate cannot travel as UTF-8 to bash or Python, but a JavaScript literal holds it.
    expect(parseExpressionAt(jsString(`${text}\uD800`), 0, { ecmaVersion: 'latest' })).toMatchObject({ value: `${text}\uD800` });
    expect(spawnSync('bash', ['-c', `printf %s ${shellWord(text)}`], { encoding: 'utf8' }).stdout).toBe(text);
    if (hasPython) {
      const read = spawnSync('python3', ['-c', 'import ast,sys,json; print(json.dumps(ast.literal_eval(sys.stdin.read())))'], { input: pythonString(text), encoding: 'utf8' });
      expect(JSON.parse(read.stdout)).toBe(text);
    }
  });

  test('line ends and invisible characters are escaped, never written raw', () => {
    for (const literal of [jsString('a\u2028b\u202Ec\nd'), pythonString('a\u2028b\u202Ec\nd\u0085')]) {
      expect(literal).not.toMatch(/[\n\r\u2028\u2029\u202E\u0085]/);
    }
  });
});
