import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The engine and the scenario gate are pure: they run in Node for the CLI and the tests,
// so the code the browser runs is the code we test. No UI libraries, no DOM, no wall clock.
const pureMessage =
  'src/engine and src/scenario are pure TypeScript shared with the CLI and tests: no React, zustand, React Flow or DOM.';

const pureProperties = [
  { object: 'Date', property: 'now', message: 'The engine runs on a virtual clock: no wall clock.' },
  { object: 'Math', property: 'random', message: 'Randomness comes from the scenario seed, never Math.random.' },
];

// Untrusted text (links, files, pastes, stored drafts, messages) is parsed in one place, the
// intake gate, so every reader strips a byte-order mark, caps the size and reports a clear error.
const jsonParseMessage =
  'Parse untrusted JSON through the intake gate (readJsonText in src/scenario/intake/json-text.ts): it strips a byte-order mark, caps the size and names where the text breaks. JSON.parse belongs in src/scenario and src/cli only.';

const jsonParse = { object: 'JSON', property: 'parse', message: jsonParseMessage };
// The store is the vanilla half of zustand's split: its logic runs in Node (tests, no React)
// and the React binding is one file, src/store/context.tsx.
const storeMessage =
  'src/store is the vanilla store: no React, React Flow or DOM here (the React binding is src/store/context.tsx), so it runs and is tested without them.';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/scenario/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react-dom/*', 'react/*'], message: pureMessage },
            { group: ['zustand', 'zustand/*'], message: pureMessage },
            { group: ['@xyflow/*', 'reactflow'], message: pureMessage },
            { group: ['**/store/*', '**/canvas/*', '**/panels/*', '**/app/*', '**/embed/*'], message: pureMessage },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'HTMLElement', 'requestAnimationFrame', 'performance', 'fetch'].map(
          (name) => ({ name, message: pureMessage }),
        ),
      ],
      'no-restricted-properties': ['error', ...pureProperties],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'The engine runs on a virtual clock: no wall clock.' },
      ],
    },
  },
  // Later blocks replace a rule's options rather than add to them, so the engine (pure and
  // outside the gate) lists both sets.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/scenario/**', 'src/cli/**', 'src/engine/**'],
    rules: { 'no-restricted-properties': ['error', jsonParse] },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: { 'no-restricted-properties': ['error', ...pureProperties, jsonParse] },
  },
  {
    files: ['src/store/**/*.{ts,tsx}'],
    ignores: ['src/store/context.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // `zustand` itself is its React binding; `zustand/vanilla` is the store without it.
          paths: [{ name: 'zustand', message: storeMessage }],
          patterns: [
            { group: ['react', 'react-dom', 'react-dom/*', 'react/*'], message: storeMessage },
            { group: ['zustand/react', 'zustand/react/*', 'zustand/shallow', 'zustand/traditional'], message: storeMessage },
            { group: ['@xyflow/*', 'reactflow'], message: storeMessage },
            { group: ['**/context.tsx', '**/panels/**', '**/app/**', '**/embed/**', '**/*.tsx'], message: storeMessage },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'location', 'HTMLElement', 'requestAnimationFrame', 'localStorage', 'sessionStorage'].map(
          (name) => ({ name, message: storeMessage }),
        ),
      ],
    },
  },
);
