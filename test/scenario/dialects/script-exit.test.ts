import { describe, expect, it } from 'vitest';
import { argoTemplateExit, pythonExit, shellExit } from '../../../src/scenario/dialects/script-exit.ts';

describe('scripts that always fail (read, never run)', () => {
  it('shell: the first plain `exit N` decides; any branch, loop, && or || leaves the ending unknown', () => {
    expect(shellExit('echo intentional failure; exit 1')).toBe(1);
    expect(shellExit('echo one\n# done\nexit 42 # comment')).toBe(42);
    expect(shellExit('exit 0\nexit 1')).toBeNull();
    expect(shellExit('exit')).toBeNull();
    expect(shellExit('exit 256')).toBeNull();
    for (const script of ['make || exit 1', 'make && exit 1', 'if true; then exit 1; fi', 'for f in *; do exit 1; done', 'f() { exit 1; }', '(exit 1)', 'echo $(exit 1)', 'sleep 1 & exit 1', 'false | exit 1', "echo 'a; exit 1'", 'echo "a; exit 1"']) {
      expect([script, shellExit(script)]).toEqual([script, null]);
    }
  });

  it('python: sys.exit(N) or exit(N) at the top level with no branch anywhere', () => {
    expect(pythonExit('import sys\nprint("failing")\nsys.exit(1)\n')).toBe(1);
    expect(pythonExit('import sys; sys.exit(2)')).toBe(2);
    expect(pythonExit('import sys\nif x:\n    sys.exit(1)\n')).toBeNull();
    expect(pythonExit('try:\n  pass\nexcept Exception:\n  pass\nsys.exit(1)')).toBeNull();
    expect(pythonExit('sys.exit(0)')).toBeNull();
  });

  it('Argo templates: a `sh -c` container or a script source (Python when its command is python)', () => {
    expect(argoTemplateExit({ container: { image: 'alpine', command: ['sh', '-c'], args: ['exit 1'] } })).toEqual({ code: 1, text: 'exit 1' });
    expect(argoTemplateExit({ container: { image: 'alpine', command: ['/bin/bash', '-c', 'echo x; exit 5'] } })).toEqual({ code: 5, text: 'exit 5' });
    expect(argoTemplateExit({ container: { image: 'alpine', command: ['echo'], args: ['exit 1'] } })).toBeNull();
    expect(argoTemplateExit({ script: { image: 'python:alpine3.6', command: ['python'], source: 'import sys\nsys.exit(1)\n' } })).toEqual({ code: 1, text: 'sys.exit(1)' });
    expect(argoTemplateExit({ script: { image: 'alpine', command: ['sh'], source: 'exit 1' } })).toEqual({ code: 1, text: 'exit 1' });
    expect(argoTemplateExit({ dag: { tasks: [] } })).toBeNull();
  });
});
