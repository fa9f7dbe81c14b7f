#!/usr/bin/env node
// `npx ripple …` (package.json "bin"): the CLI is TypeScript run by tsx, as `npm run simulate`
// runs it. Registering tsx's loader here (rather than plain node) also lets Node 20 load
// packages that import JSON without an import attribute (@actions/workflow-parser).
import { register } from 'tsx/esm/api';

register();
const { runProcess } = await import('../src/cli/main.ts');
await runProcess(process.argv.slice(2));
