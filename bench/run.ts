// `npm run bench`: prints speed and size figures. Figures, not assertions: targets are shown
// beside them. `npm run bench -- engine links` runs only the named parts.
const parts: Record<string, () => Promise<void>> = {
  engine: async () => (await import('./engine.ts')).runEngineBench(),
  validate: async () => (await import('./validate.ts')).runValidateBench(),
  links: async () => (await import('./link-size.ts')).runLinkSizeBench(),
  compare: async () => (await import('./compare.ts')).runCompareLinkBench(),
  bundle: async () => (await import('./bundle-size.ts')).runBundleSizeBench(),
  browser: async () => (await import('./browser.ts')).runBrowserBench(),
  storms: async () => (await import('./browser.ts')).runStormBench(),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((name) => !(name in parts));
if (unknown.length) {
  console.error(`unknown bench part: ${unknown.join(', ')} (parts: ${Object.keys(parts).join(', ')})`);
  process.exit(1);
}
// `storms` is a part of `browser` too: run alone only when asked for.
for (const name of wanted.length ? wanted : Object.keys(parts).filter((n) => n !== 'storms')) {
  console.log(`\n# ${name}`);
  await parts[name]();
}

export {};
