import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

// Builds the production app once and serves it on loopback for the real-browser tests.
let server: PreviewServer | undefined;

export async function setup(project: TestProject) {
  process.env.NODE_ENV = 'production';
  await build({ logLevel: 'warn', mode: 'production' });
  server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 4173;
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
}

export async function teardown() {
  await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()) ?? resolve());
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
