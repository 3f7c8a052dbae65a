// What the bundles load for `import { ts } from 'ts-morph'` (esbuild.mjs aliases ts-morph to this file):
// the TypeScript compiler that ts-morph ships and re-exports as `ts`, the very same file, without
// ts-morph's wrappers and the library .d.ts texts it keeps for in-memory projects. FlagLens uses
// neither; they were 4 MB of the 15 MB bundles and about 70 ms of every start of the CLI and the server.
// The code type-checks and runs unbundled (tests, tsx) against ts-morph itself.

import type { ts as TypeScript } from 'ts-morph';

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const ts = require('@ts-morph/common/dist/typescript.js') as typeof TypeScript;
