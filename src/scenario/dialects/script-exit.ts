// A simulation runs no containers and no shell steps, but some workflows say in plain text that
// a step always fails: Argo's own example `dag-continue-on-fail.yaml` runs
// `sh -c "echo intentional failure; exit 1"`, and the files `ripple export` writes fail a job
// with `exit 1`. Importers read such a step as failing, so the run matches what the
// orchestrator does. Only scripts whose every command runs, whatever happens, are read: one with
// a branch, a loop, `&&`/`||`, a subshell or a function is left alone (its exit may not run).

/** Shell words and operators after which a later command may or may not run. */
const SHELL_BRANCHING = /\b(?:if|then|elif|else|fi|case|esac|while|until|for|do|done|function|trap|select)\b|&&|\|\||[{}()`|&]|\$\(/;
/** Python statements after which a later line may or may not run. */
const PYTHON_BRANCHING = /^(?:if|elif|else|try|except|finally|for|while|with|def|class|match|async)\b/;

/**
 * The exit code (1–255) a POSIX shell script ends with whatever happens, or null when it may
 * succeed or its ending cannot be read without running it. The script's commands (split at
 * newlines and `;`) must all be plain; the first `exit N` decides (`exit 0` first: null).
 *
 * @example
 * shellExit('echo intentional failure; exit 1') // → 1
 * shellExit('test -f out || exit 1')            // → null (the exit may not run)
 */
export function shellExit(script: string): number | null {
  // Quoted text is data (`echo "a; exit 1"` exits 0); comments are not commands.
  const code = script
    .replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, '""')
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, ''))
    .join('\n');
  if (SHELL_BRANCHING.test(code)) return null;
  for (const part of code.split(/[;\n]/)) {
    const command = part.trim();
    const exit = /^exit\s+(\d{1,3})$/.exec(command);
    if (exit) return codeOrNull(Number(exit[1]));
    if (command === 'exit') return null;
  }
  return null;
}

/**
 * The exit code (1–255) a Python script ends with whatever happens (`sys.exit(1)` or
 * `exit(1)` at the top level, with no branch, loop, `try` or definition anywhere), or null.
 */
export function pythonExit(source: string): number | null {
  const lines = source
    .replace(/'[^'\n]*'|"[^"\n]*"/g, '""')
    .split('\n')
    .map((l) => l.replace(/#.*$/, ''))
    .filter((l) => l.trim() !== '');
  if (lines.some((l) => /^\s/.test(l) || PYTHON_BRANCHING.test(l))) return null;
  for (const line of lines) {
    for (const statement of line.split(';')) {
      const exit = /^\s*(?:sys\.)?exit\(\s*(\d{1,3})\s*\)\s*$/.exec(statement);
      if (exit) return codeOrNull(Number(exit[1]));
    }
  }
  return null;
}

function codeOrNull(code: number): number | null {
  return code >= 1 && code <= 255 ? code : null;
}

/**
 * The exit code an Argo template's container or script always ends with, or null. A container
 * is read when its command (with its args) is `sh|bash|ash|dash -c <script>`; a script template
 * by its `source`, as Python when its command is `python…`, else as shell.
 * (Template fields: argo-workflows docs, fields.md, Container and ScriptTemplate.)
 */
export function argoTemplateExit(template: Record<string, unknown>): { code: number; text: string } | null {
  const words = (v: unknown): string[] => (Array.isArray(v) ? v.filter((w): w is string => typeof w === 'string') : []);
  const container = template.container;
  if (isRecord(container)) {
    const argv = [...words(container.command), ...words(container.args)];
    const shell = argv.findIndex((w, i) => i + 1 < argv.length && w === '-c');
    if (shell < 1 || !/(?:^|\/)(?:ba|a|da)?sh$/.test(argv[0])) return null;
    const code = shellExit(argv[shell + 1]);
    return code === null ? null : { code, text: `exit ${code}` };
  }
  const script = template.script;
  if (isRecord(script) && typeof script.source === 'string') {
    const python = /python/.test(words(script.command)[0] ?? '');
    const code = python ? pythonExit(script.source) : shellExit(script.source);
    return code === null ? null : { code, text: python ? `sys.exit(${code})` : `exit ${code}` };
  }
  return null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
