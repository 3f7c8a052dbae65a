// Keys a loop over an object's keys binds, which check no one flag, across imports (below); and objects of keys spread into others (`FeatureFlags = { formTimer: 'formTimer', ...UserFeatureFlags } as const`): a
// member of the spread object is a member of the whole, for the registry's keys and for a key read through it, in the
// module and across imports.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { after, describe, it } from 'node:test';
import { buildPatternSet } from '../../server/src/analysis/patterns';
import { registryCandidates } from '../../server/src/analysis/registry';
import { scanFile } from '../../server/src/analysis/scan';
import { indexedWorkspace } from './workspace-builders';

const TYPES = `export const UserFeatureFlags = {
  addressComplete: 'addressComplete',
  responsesPilot: 'responsesPilot',
} as const;

export const FeatureFlags = {
  formTimer: 'formTimer',
  ...UserFeatureFlags,
} as const;

export const Renamed = { ...UserFeatureFlags, responsesPilot: 'responses-pilot-v2' } as const;
export const Both = { ...UserFeatureFlags, ...FeatureFlags, formTimer: 'form-timer' } as const;
`;

describe('objects of keys spread into others', () => {
  const roots: string[] = [];
  after(() => {
    for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
  });

  it("list the spread object's keys as the registry's, after its own", () => {
    const candidate = registryCandidates('/ws/lib/cache/types.ts', TYPES).find((found) => found.symbol === 'FeatureFlags');
    assert.deepEqual(candidate?.keys, ['formTimer', 'addressComplete', 'responsesPilot']);
  });

  it('give a key read through the whole its member in the spread object; a later member of the same name wins', () => {
    const checks = scanFile('/ws/lib/cache/types.ts', `${TYPES}
import { useFlag } from '@unleash/proxy-client-react';
export const on = [useFlag(FeatureFlags.responsesPilot), useFlag(FeatureFlags.formTimer), useFlag(Renamed.responsesPilot), useFlag(Both.addressComplete), useFlag(Both.formTimer), useFlag(FeatureFlags.missing)];
`, buildPatternSet([])).checks;
    assert.deepEqual(checks.map((check) => [check.key, check.resolved]), [
      ['responsesPilot', true], ['formTimer', true], ['responses-pilot-v2', true], ['addressComplete', true], ['form-timer', true], ['FeatureFlags.missing', false],
    ]);
  });

  it('resolve across imports as the declaring module exports them', async () => {
    const files: Record<string, string> = {
      'lib/cache/types.ts': TYPES,
      'components/Header.tsx': `import { useFlag } from '@unleash/proxy-client-react';
import { FeatureFlags } from '../lib/cache/types';
export const Header = () => useFlag(FeatureFlags.addressComplete) && useFlag(FeatureFlags.formTimer);
`,
    };
    const { root, index } = await indexedWorkspace('flaglens-spreads-', files, buildPatternSet([]));
    roots.push(root);
    const keys = [...index.allChecks().entries()].filter(([file]) => file.endsWith('Header.tsx')).flatMap(([, checks]) => checks.map((check) => check.key));
    assert.deepEqual(keys, ['addressComplete', 'formTimer']);
    assert.equal(path.posix.relative(root, index.references('addressComplete')[0].file), 'components/Header.tsx');
  });

  it("drop a for-in loop's key from a check whose evidence is another module's, and keep the file's other checks", async () => {
    const files: Record<string, string> = {
      'src/client.ts': `import { initialize } from 'unleash-client';\nexport const unleash = initialize({ url: 'x', appName: 'y' });\n`,
      'src/audit.ts': `import { unleash } from './client';
export function audit(flags: Record<string, boolean>) {
  for (const key in flags) unleash.isEnabled(key);
  return unleash.isEnabled('new-nav');
}
`,
    };
    const { root, index } = await indexedWorkspace('flaglens-every-key-', files, buildPatternSet([]));
    roots.push(root);
    const checks = [...index.allChecks().entries()].filter(([file]) => file.endsWith('audit.ts')).flatMap(([, found]) => found);
    assert.deepEqual(checks.map((check) => [check.key, check.evidence]), [['new-nav', '`unleash` comes from unleash-client (through ./client)']]);
  });
});
