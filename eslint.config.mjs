import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/out/**', 'node_modules/**', 'test/fixtures/**', 'examples/**', 'bench/workspaces/**'] },
  js.configs.recommended,
  { files: ['**/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // node:test's describe/it return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': ['error', {
        allowForKnownSafeCalls: [{ from: 'package', name: ['describe', 'it', 'test', 'suite'], package: 'node:test' }],
      }],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'indent': ['error', 2, { SwitchCase: 1, ignoredNodes: ['ConditionalExpression', 'TemplateLiteral *'] }],
      'eol-last': 'error',
      'no-trailing-spaces': 'error',
    },
  },
  {
    // stdout is the JSON-RPC channel under --stdio: the server logs through the connection.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/cli/**'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['server/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['vscode'] }] },
  },
  {
    // The analysis core knows nothing of LSP, the editor or the network.
    files: ['server/src/analysis/**/*.ts', 'server/src/patterns/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['vscode*', 'node:http*', 'node:net', 'node:fs*', 'fs', 'http', 'https'] }],
    },
  },
  {
    // A vendor's wire format is pure: no file or network IO, not even the HTTP client or the backend beside it.
    files: ['server/src/backends/jsonShape.ts', 'server/src/backends/*/wire.ts', 'server/src/backends/*/targeting.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['vscode*', 'node:http*', 'node:net', 'node:fs*', 'fs', 'http', 'https'] },
        { regex: '^\\.\\./(serviceBackend|serviceSync|cache|create)$|^\\./backend$', message: 'A wire format does no IO: read in backend.ts.' },
      ] }],
    },
  },
  {
    // Parsing .flaglens.json makes no backends: backends/create.ts does, from the parsed configuration.
    files: ['server/src/workspace/config.ts', 'server/src/workspace/configFields.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['vscode'], patterns: [{ regex: '/backends/', message: 'Make backends in backends/create.ts.' }] }],
    },
  },
);
