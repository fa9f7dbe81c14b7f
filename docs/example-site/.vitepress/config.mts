// A VitePress site with Ripple fences: the worked example of docs/docs-writers.md, built by
// test/remark/vitepress-example.test.ts. VitePress renders Markdown with markdown-it, so the
// fence rule below calls Ripple's fence renderer directly (remark-based sites use the plugin).
// In your own site: `import { renderRippleFence } from 'ripple/remark'`.
import { defineConfig } from 'vitepress';
import { renderRippleFence } from '../../../src/remark/index.ts';

const RIPPLE_APP = 'https://ripple.example/';

export default defineConfig({
  title: 'Payments API',
  description: 'How our order pipeline answers when a step fails',
  markdown: {
    config(md) {
      const fence = md.renderer.rules.fence!;
      md.renderer.rules.fence = (tokens, idx, options, env, self) => {
        const [lang, ...meta] = tokens[idx].info.trim().split(/\s+/);
        if (lang !== 'ripple') return fence(tokens, idx, options, env, self);
        return renderRippleFence(tokens[idx].content, meta.join(' '), { app: RIPPLE_APP }).html;
      };
    },
  },
});
