// Local overrides: a storage read of a key the file checks with the backend is the flag's local override, a check of
// that flag which the clean-up leaves (it gives the override, not the flag's value).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildPatternSet } from '../../server/src/analysis/patterns';
import { givesNoValue } from '../../server/src/analysis/remove/plan';
import { scanFile } from '../../server/src/analysis/scan';

const PATTERNS = buildPatternSet([{ callee: 'useFeatureFlag' }]);

/** `key <- the read as written` of each local override the file's scan reports. */
function overridesIn(text: string): string[] {
  const scan = scanFile('/ws/src/useFlag.ts', text, PATTERNS);
  return scan.checks.filter((check) => check.method.endsWith('Storage.getItem')).map((check) => `${check.key} <- ${text.slice(check.callSpan.start, check.callSpan.end)}`);
}

describe('local overrides of flags', () => {
  const rows: Array<{ name: string; text: string; overrides: string[] }> = [
    {
      name: 'a localStorage read of the key the hook checks',
      text: `export const useSystemsView = () => {\n  const remote = useFeatureFlag('ui.systems-view');\n  const local = localStorage.getItem('ui.systems-view') === 'true';\n  return remote || local;\n};\n`,
      overrides: ["ui.systems-view <- localStorage.getItem('ui.systems-view')"],
    },
    {
      name: "through window's sessionStorage, and by a constant holding the key",
      text: `const FLAG = 'new-nav';\nexport function useNewNav() {\n  return useFeatureFlag(FLAG) || window.sessionStorage.getItem(FLAG) === 'true';\n}\n`,
      overrides: ['new-nav <- window.sessionStorage.getItem(FLAG)'],
    },
    {
      name: 'a storage key no check of the file names: some other setting',
      text: `export function useNav() {\n  const theme = localStorage.getItem('theme');\n  return useFeatureFlag('new-nav') && theme === 'dark';\n}\n`,
      overrides: [],
    },
    {
      name: 'a write of the override, and a read from some other store',
      text: `export function useNav() {\n  localStorage.setItem('new-nav', 'true');\n  const cached = cache.getItem('new-nav');\n  return useFeatureFlag('new-nav') || cached;\n}\n`,
      overrides: [],
    },
    {
      name: 'a key each caller decides is no flag this file knows',
      text: `export function useLocalFlag(name: string) {\n  return useFeatureFlag(name) || localStorage.getItem(name) === 'true';\n}\n`,
      overrides: [],
    },
  ];
  for (const row of rows) {
    it(row.name, () => assert.deepEqual(overridesIn(row.text), row.overrides));
  }

  it('names its evidence, and the clean-up leaves it', () => {
    const text = `export const useBeta = () => useFeatureFlag('beta') || localStorage.getItem('beta') === 'true';\n`;
    const override = scanFile('/ws/src/useBeta.ts', text, PATTERNS).checks.find((check) => check.method === 'localStorage.getItem');
    assert.ok(override);
    assert.equal(override.resolved, true);
    assert.equal(override.keyIsLiteral, true);
    assert.match(override.evidence ?? '', /reads 'beta', the key this file checks on line 1: the flag's local override/);
    assert.match(givesNoValue(override, 'beta') ?? '', /local override kept in the browser's localStorage, not the flag's value; left as it is/);
  });
});
