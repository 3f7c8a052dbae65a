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
  ...layering(),
);

/**
 * The parts of server/src and what each may import (docs/ARCHITECTURE.md): arrows point down, never
 * back up. Each part's files get one no-restricted-imports rule listing the parts it may not reach.
 */
function layering() {
  const allowed = {
    launch: ['workspace', 'io'],
    lsp: ['features', 'workspace', 'backends', 'analysis', 'protocol', 'io'],
    features: ['workspace', 'backends', 'analysis', 'protocol', 'io'],
    cli: ['workspace', 'backends', 'analysis', 'io'],
    workspace: ['backends', 'analysis', 'io'],
    backends: ['analysis', 'io'],
    analysis: [],
    protocol: [],
    // The one bounded file reader, below every part that reads files; the pure core does not.
    io: [],
  };
  // The editor's API is the client's alone; the LSP libraries belong to the server's edge.
  const lspLibraries = { group: ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-protocol'], message: 'LSP stays at the edge: lsp/, features/ and protocol.ts.' };
  const io = { group: ['node:fs', 'node:fs/*', 'fs', 'node:http', 'node:https', 'http', 'https', 'node:net', 'node:child_process'], message: 'The analysis core does no IO: that is workspace/ and backends/.' };
  const parts = Object.keys(allowed);
  const patternsOf = (part) => {
    const forbidden = parts.filter((other) => other !== part && !allowed[part].includes(other));
    const patterns = forbidden.length === 0 ? [] : [{
      regex: `^(\\.\\./)+(${forbidden.join('|')})(/|$)`,
      message: `${part}/ may import only ${allowed[part].join(', ') || 'itself'} (docs/ARCHITECTURE.md).`,
    }];
    if (!['lsp', 'features', 'protocol'].includes(part)) patterns.push(lspLibraries);
    if (part === 'analysis') patterns.push(io);
    return patterns;
  };
  const rule = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { paths: ['vscode'], patterns }] } });
  return [
    ...parts.map((part) => rule(part === 'protocol' ? ['server/src/protocol.ts'] : [`server/src/${part}/**/*.ts`], patternsOf(part))),
    // Narrower rules within a part come after it, with the part's own patterns (a later rule replaces an earlier one).
    // A vendor's wire format is pure: no file or network IO, not even the HTTP client or the backend beside it.
    rule(['server/src/backends/jsonShape.ts', 'server/src/backends/*/wire.ts', 'server/src/backends/*/targeting.ts'], [
      ...patternsOf('backends'),
      { group: io.group, message: 'A wire format does no IO: read in backend.ts.' },
      { regex: '^\\.\\./(serviceBackend|serviceSync|cache|create|http)$|^\\./backend$|(^|/)io/', message: 'A wire format does no IO: read in backend.ts.' },
    ]),
    // Parsing .flaglens.json makes no backends: workspace/createBackends.ts does, from the parsed configuration.
    rule(['server/src/workspace/config.ts', 'server/src/workspace/configFields.ts'], [
      ...patternsOf('workspace'),
      { regex: '(^|/)backends/', message: 'Make backends in workspace/createBackends.ts.' },
    ]),
  ];
}
