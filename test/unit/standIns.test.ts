// A flag API chosen once between the SDK's function and a stand-in (`!process.env.IS_ON_PREMISE ? useUnleashFlag :
// onPremFlag`): its calls are checks with the SDK's evidence, which say so, and the clean-up leaves them.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { buildPatternSet } from '../../server/src/analysis/patterns';
import { givesNoValue } from '../../server/src/analysis/remove/plan';
import { indexedWorkspace } from './workspace-builders';

const FILES: Record<string, string> = {
  'src/env.ts': `import { useFlag as useUnleashFlag } from '@unleash/proxy-client-react';
const onPremFlag = (flag: string): boolean => flag === 'image-builder.users.enabled';
export const useFlag = !process.env.IS_ON_PREMISE ? useUnleashFlag : onPremFlag;
`,
  'src/page.tsx': `import { useFlag } from './env';\nexport const usersOn = () => useFlag('image-builder.users.enabled');\n`,
  'src/local.tsx': `import { useFlag as real } from '@unleash/proxy-client-react';
const useFlag = process.env.DEV ? (name: string) => name !== '' : real;
export const betaOn = () => useFlag('beta');
`,
  // Chosen inside a hook, under a name of its own, between the SDK's renamed function and a stand-in.
  'src/hook.tsx': `import { useFlag as useFlagOriginal } from '@unleash/nextjs/client';
const useDummyFlag = () => true;
export const useTeamFlag = (flag: string) => {
  const useHook = process.env.ENABLE_ALL ? useDummyFlag : useFlagOriginal;
  return useHook(flag);
};
export const deltaOn = () => { const useOther = process.env.X ? useDummyFlag : useDummyFlag; return useOther('delta'); };
`,
  'src/other.tsx': `const a = (name: string) => name; const b = (name: string) => name;\nconst useFlag = process.env.DEV ? a : b;\nexport const gammaOn = () => useFlag('gamma');\n`,
};

describe('a flag API chosen once between the SDK and a stand-in', () => {
  const roots: string[] = [];
  after(() => {
    for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
  });

  it("its calls are the SDK's checks, in its module and through an import, marked as stand-ins the clean-up leaves", async () => {
    const { root, index } = await indexedWorkspace('flaglens-stand-in-', FILES, buildPatternSet([]));
    roots.push(root);
    for (const [key, file, evidence] of [
      ['image-builder.users.enabled', 'src/page.tsx', /^`useFlag` is a function of @unleash\/proxy-client-react only where the program runs with it, and a stand-in elsewhere \(through \.\/env\)$/],
      ['beta', 'src/local.tsx', /^`useFlag` is a function of @unleash\/proxy-client-react only where the program runs with it, and a stand-in elsewhere$/],
    ] as const) {
      const references = index.references(key);
      assert.deepEqual(references.map((reference) => path.posix.relative(root, reference.file)), [file]);
      const [{ check }] = references;
      assert.equal(check.sdk, 'unleash');
      assert.match(check.evidence ?? '', evidence);
      assert.equal(check.standIn, true);
      assert.match(givesNoValue(check, key) ?? '', /a stand-in elsewhere .* left as it is$/);
    }
    // A choice between two of the workspace's own functions is no SDK's.
    assert.deepEqual(index.references('gamma'), []);
    assert.deepEqual(index.references('delta'), []);
    // The hook's call under the local name is the SDK's check, of the key its parameter takes.
    const inHook = index.checksIn(`${root}/src/hook.tsx`);
    assert.deepEqual(inHook.map((check) => [check.method, check.dynamic, check.standIn]), [['useHook', true, true]]);
    assert.match(inHook[0].evidence ?? '', /^`useHook` is a function of @unleash\/nextjs\/client only where the program runs with it, and a stand-in elsewhere$/);
  });
});
