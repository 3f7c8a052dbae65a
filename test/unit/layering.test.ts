// The lint step enforces the layering of docs/ARCHITECTURE.md: an import that crosses a part the wrong
// way, planted in a file of that part, is an error; the same import where it is allowed is not.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const REPO = path.resolve(__dirname, '../..');

interface Row {
  file: string;
  source: string;
  allowed: boolean;
}

const ROWS: Row[] = [
  { file: 'server/src/analysis/planted.ts', source: "import { uriToPath } from '../workspace/uris';", allowed: false },
  { file: 'server/src/analysis/remove/planted.ts', source: "import type { LoadedFolder } from '../../workspace/loadFolder';", allowed: false },
  { file: 'server/src/analysis/planted.ts', source: "import * as fs from 'node:fs';", allowed: false },
  { file: 'server/src/analysis/planted.ts', source: "import type { Hover } from 'vscode-languageserver';", allowed: false },
  { file: 'server/src/analysis/planted.ts', source: "import { classifyRelease } from './release';", allowed: true },
  { file: 'server/src/cli/planted.ts', source: "import { EditorSettingsCache } from '../lsp/settings';", allowed: false },
  { file: 'server/src/cli/planted.ts', source: "import { StatusNotification } from '../protocol';", allowed: false },
  { file: 'server/src/cli/planted.ts', source: "import { loadFolder } from '../workspace/loadFolder';", allowed: true },
  { file: 'server/src/features/planted.ts', source: "import { WorkspaceFolders } from '../lsp/folders';", allowed: false },
  { file: 'server/src/features/planted.ts', source: "import { StatusNotification } from '../protocol';", allowed: true },
  { file: 'server/src/backends/planted.ts', source: "import { readTextFileSync } from '../workspace/files';", allowed: false },
  { file: 'server/src/backends/unleash/wire.ts', source: "import * as http from 'node:http';", allowed: false },
  { file: 'server/src/workspace/planted.ts', source: "import { startServer } from '../lsp/server';", allowed: false },
  { file: 'server/src/workspace/config.ts', source: "import { FlagdBackend } from '../backends/flagd/backend';", allowed: false },
  { file: 'server/src/lsp/planted.ts', source: "import { runClean } from '../cli/clean';", allowed: false },
  { file: 'server/src/lsp/planted.ts', source: "import { hoverAt } from '../features/hover';", allowed: true },
  { file: 'server/src/analysis/planted.ts', source: "import { readBoundedSync } from '../io/boundedRead';", allowed: false },
  { file: 'server/src/backends/unleash/wire.ts', source: "import { readBoundedSync } from '../../io/boundedRead';", allowed: false },
  { file: 'server/src/backends/flagd/backend.ts', source: "import { readBoundedSync } from '../../io/boundedRead';", allowed: true },
  { file: 'server/src/io/planted.ts', source: "import { toPosixPath } from '../workspace/files';", allowed: false },
  { file: 'server/src/workspace/planted.ts', source: "import { readBoundedSync } from '../io/boundedRead';", allowed: true },
];

describe('layering (ESLint no-restricted-imports per part)', () => {
  // Only the import rule, parsed without types: the type-aware rules would need the planted file in the project.
  const eslint = new ESLint({
    cwd: REPO,
    ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
    overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  });
  for (const row of ROWS) {
    it(`${row.allowed ? 'allows' : 'refuses'} ${row.source} in ${row.file}`, async () => {
      const [result] = await eslint.lintText(`${row.source}\nexport {};\n`, { filePath: path.join(REPO, row.file) });
      const refused = result.messages.filter((message) => message.ruleId === 'no-restricted-imports');
      assert.equal(refused.length === 0, row.allowed, JSON.stringify(result.messages));
    });
  }
});

describe('the reader threads', () => {
  // Each reader of the first index starts in milliseconds because it loads no parser: a value import of the patterns
  // (which build the presets with the compiler's help) would put TypeScript's 14 MB in every reader.
  it('bundle no TypeScript and no ts-morph', async () => {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [path.join(REPO, 'server/src/workspace/readWorker.ts')], bundle: true, platform: 'node', format: 'cjs', write: false, metafile: true, logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.deepEqual(inputs.filter((input) => /node_modules\/(?:typescript|ts-morph|@ts-morph)\//.test(input)), []);
    assert.ok(inputs.some((input) => input.endsWith('prefilter.ts')), 'the prefilter is in the bundle');
  });
});
