// Bundles the extension-host suite (test/e2e/suite/*.ts) and the test-electron launcher into
// test/e2e/out/. VS Code loads the suite from there; `vscode` and `mocha` stay outside the bundles.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const suite = fs.readdirSync(path.join(here, 'suite')).filter((name) => name.endsWith('.ts')).map((name) => path.join(here, 'suite', name));

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'inline', logLevel: 'warning' };
await Promise.all([
  esbuild.build({ ...common, entryPoints: suite, outdir: path.join(here, 'out', 'suite'), external: ['vscode', 'mocha'] }),
  esbuild.build({ ...common, entryPoints: [path.join(here, 'electron.ts')], outfile: path.join(here, 'out', 'electron.js'), external: ['@vscode/test-electron'] }),
]);
