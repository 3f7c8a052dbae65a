// Bundles the extension client, the language server and the CLI.
// Usage: node esbuild.mjs [--watch] [--production]
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's `main` is a UMD build whose dynamic requires esbuild cannot follow.
  mainFields: ['module', 'main'],
};

// The server and the CLI use only ts-morph's `ts`: see server/src/analysis/compilerOnly.ts.
const compilerOnly = { alias: { 'ts-morph': './server/src/analysis/compilerOnly.ts' } };

// The index cache is used only by the scanner code that wrote it (server/src/workspace/scanCache.ts):
// the hash of the server's sources, computed here once rather than over the bundle at every start.
function sourceHash() {
  const hash = createHash('sha1');
  for (const entry of fs.readdirSync('server/src', { recursive: true, encoding: 'utf8' }).sort()) {
    if (entry.endsWith('.ts')) hash.update(entry).update(fs.readFileSync(`server/src/${entry}`));
  }
  return hash.digest('base64');
}
// Left out while watching: the sources change under one build context, and the bundle hashes itself.
const scannerCode = watch ? {} : { define: { FLAGLENS_SOURCE_HASH: JSON.stringify(sourceHash()) } };

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  { ...common, ...compilerOnly, ...scannerCode, entryPoints: ['server/src/lsp/main.ts'], outfile: 'server/out/server-main.js' },
  { ...common, ...compilerOnly, ...scannerCode, entryPoints: ['server/src/cli/main.ts'], outfile: 'server/out/cli-main.js' },
  // The index's reader threads load this file from next to the bundles; it has no TypeScript in it.
  { ...common, entryPoints: ['server/src/workspace/readWorker.ts'], outfile: 'server/out/readWorker.js' },
  // Zero-config inference runs in a thread of its own, loaded from next to the bundles (inferThread.ts).
  { ...common, ...compilerOnly, entryPoints: ['server/src/workspace/inferWorker.ts'], outfile: 'server/out/inferWorker.js' },
];

// server.js and cli.js run the bundles above with a V8 code cache (server/src/launch/codeCache.ts), keyed by
// the bundle's content; while watching, the bundles change under them, so they use no cache.
function loader(name, main) {
  const hash = watch ? '' : createHash('sha256').update(fs.readFileSync(`server/out/${main}`)).digest('hex').slice(0, 24);
  return {
    ...common, entryPoints: ['server/src/launch/codeCache.ts'], outfile: `server/out/${name}`, banner: { js: '#!/usr/bin/env node' },
    define: { FLAGLENS_MAIN: JSON.stringify(main), FLAGLENS_MAIN_HASH: JSON.stringify(hash) },
  };
}

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
// After the bundles, whose content names their caches.
await Promise.all([loader('server.js', 'server-main.js'), loader('cli.js', 'cli-main.js')].map((options) => esbuild.build(options)));
if (watch) console.log('esbuild: watching client, server and CLI');
