import { expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

// What ships as `ripple/remark` (dist/remark/index.js, built by vite.remark.config.ts) runs in
// plain Node — no tsx, no TypeScript — inside a real remark pipeline.

test('the built plugin turns a ripple fence into an embed in plain Node', async () => {
  const root = join(import.meta.dirname, '../..');
  // Inside the repository, so the build's imports resolve from its node_modules.
  const outDir = mkdtempSync(join(root, 'node_modules', '.ripple-remark-'));
  try {
    await build({ configFile: join(root, 'vite.remark.config.ts'), logLevel: 'silent', build: { outDir } });
    expect(readFileSync(join(outDir, 'index.js'), 'utf8')).toMatch(/^import /);
    const script = `
      import { unified } from 'unified';
      import remarkParse from 'remark-parse';
      import remarkRehype from 'remark-rehype';
      import rehypeStringify from 'rehype-stringify';
      import remarkRipple from ${JSON.stringify(join(outDir, 'index.js'))};
      const md = '\`\`\`ripple\\n{"version":2,"title":"Pay","steps":[{"id":"pay","fail":{"status":402}},{"id":"ship"}],"dependencies":[{"from":"pay","to":"ship"}]}\\n\`\`\`\\n';
      const file = await unified().use(remarkParse).use(remarkRipple, { app: 'https://ripple.example/' })
        .use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true }).process(md);
      process.stdout.write(String(file));`;
    const html = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(html).toMatch(/^<iframe src="https:\/\/ripple\.example\/embed\.html#r\d\./);
    expect(html).toContain('title="Ripple: Pay"');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});
