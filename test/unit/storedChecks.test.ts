// Stored checks: a module keeps flag checks' values in an object, outside any function
// (`gauzyToggleFeatures: { FEATURE_X: isFeatureEnabled('FEATURE_X') }`), a bag of flags the code reads where the feature
// is gated. Each property read is a check of that flag, found as an environment switch's reads are (same rules of names
// and receivers); the key is the storing check's, resolved across files when it is imported.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { buildPatternSet, type PatternSet } from '../../server/src/analysis/patterns';
import { givesNoValue } from '../../server/src/analysis/remove/plan';
import { scanFile, type FileScan } from '../../server/src/analysis/scan';
import { scanWithSwitches } from './switch-builders';
import { indexedWorkspace } from './workspace-builders';

// The team's helpers, as `.flaglens.json` or inference would give them.
const PATTERNS = buildPatternSet([{ callee: 'isFeatureEnabled' }, { callee: 'featureEnabled' }]);

const scanWorkspace = (files: Record<string, string>, patterns: PatternSet = PATTERNS): Map<string, FileScan> => scanWithSwitches(files, patterns);

/** `key <- read as written` of each check of `file` that reads a stored value. */
function storedReadsIn(files: Record<string, string>, file: string): string[] {
  const scan = scanWorkspace(files).get(file);
  assert.ok(scan);
  return scan.checks.filter((check) => check.storedFrom !== undefined).map((check) => {
    assert.match(check.evidence ?? '', /holds the value of the check/);
    return `${check.key} <- ${files[file].slice(check.callSpan.start, check.callSpan.end)}`;
  });
}

describe('stored checks: what stores one', () => {
  const rows: Array<{ name: string; text: string; stores: Record<string, string> }> = [
    {
      name: "an object's properties named for features, nested in a module's constant",
      text: `export const environment = {\n  production: false,\n  gauzyToggleFeatures: {\n    FEATURE_DASHBOARD: isFeatureEnabled('FEATURE_DASHBOARD'),\n    FEATURE_JOB: isFeatureEnabled('FEATURE_JOB'),\n  },\n};\n`,
      stores: { FEATURE_DASHBOARD: 'FEATURE_DASHBOARD', FEATURE_JOB: 'FEATURE_JOB' },
    },
    {
      name: 'the properties of an object named for flags, whatever their names',
      text: `export const flags = { newNav: isFeatureEnabled('new-nav'), search: await isFeatureEnabled('search-v2') };\n`,
      stores: { newNav: 'new-nav', search: 'search-v2' },
    },
    {
      name: "an object of flags a class's property holds",
      text: `export class Settings {\n  readonly features = { beta: isFeatureEnabled('beta') };\n}\n`,
      stores: { beta: 'beta' },
    },
    {
      name: "one check's value in a constant or a class's property: its result, not a bag (its reads are not checks again)",
      text: `export const enablePdfCaching = isFeatureEnabled('pdf-caching-mode');\nexport class Settings {\n  readonly betaFeatureOn = isFeatureEnabled('beta');\n}\n`,
      stores: {},
    },
    {
      name: 'an object not named for flags, whose properties are not either (read by name alone, they would be noise)',
      text: `export const config = { search: isFeatureEnabled('search-v2') };\n`,
      stores: {},
    },
    {
      name: 'a value made from the check, not the check itself',
      text: `export const features = { FEATURE_X_OFF: !isFeatureEnabled('FEATURE_X'), FEATURE_Y: isFeatureEnabled('FEATURE_Y') ? 'on' : 'off' };\n`,
      stores: {},
    },
    {
      name: 'a check inside a function, which runs on each call',
      text: `export function useFeatures() {\n  const features = { FEATURE_X: isFeatureEnabled('FEATURE_X') };\n  return features;\n}\nexport const make = () => ({ FEATURE_Y: isFeatureEnabled('FEATURE_Y') });\n`,
      stores: {},
    },
    {
      name: "a check whose key each caller decides",
      text: `export const features = { FEATURE_X: (name: string) => isFeatureEnabled(name) };\n`,
      stores: {},
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const scan = scanFile('/ws/src/environment.ts', row.text, PATTERNS);
      const stored = Object.fromEntries(Object.entries(scan.switches ?? {}).map(([name, found]) => {
        assert.ok(found.check, `${name} is stored from a check`);
        return [name, found.key];
      }));
      assert.deepEqual(stored, row.stores);
    });
  }
});

describe('stored checks: what reads one', () => {
  const ENVIRONMENT = `export const environment = {\n  gauzyToggleFeatures: {\n    FEATURE_DASHBOARD: isFeatureEnabled('FEATURE_DASHBOARD'),\n    FEATURE_JOB: isFeatureEnabled('FEATURE_JOB'),\n  },\n};\n`;

  it('through an alias of the object, a destructuring, or the object itself; not through an enum of the same names, nor where it is stored', () => {
    const files = {
      '/ws/config/environment.ts': ENVIRONMENT,
      '/ws/core/default-features.ts': `import { environment } from '../config/environment';\nconst features = environment.gauzyToggleFeatures;\nexport const rows = [\n  { code: FeatureEnum.FEATURE_DASHBOARD, isEnabled: features.FEATURE_DASHBOARD },\n  { code: FeatureEnum.FEATURE_JOB, isEnabled: !!environment.gauzyToggleFeatures.FEATURE_JOB },\n];\nconst { FEATURE_JOB } = environment.gauzyToggleFeatures;\n`,
    };
    assert.deepEqual(storedReadsIn(files, '/ws/core/default-features.ts'), [
      'FEATURE_DASHBOARD <- features.FEATURE_DASHBOARD',
      'FEATURE_JOB <- environment.gauzyToggleFeatures.FEATURE_JOB',
      'FEATURE_JOB <- FEATURE_JOB',
    ]);
    // The storing checks stay checks, and are not read again as stored values.
    const declaring = scanWorkspace(files).get('/ws/config/environment.ts');
    assert.deepEqual(declaring?.checks.map((check) => [check.key, check.storedFrom]), [['FEATURE_DASHBOARD', undefined], ['FEATURE_JOB', undefined]]);
  });

  it('a property not named for flags, in an object named for them: only through a receiver named for flags', () => {
    const files = {
      '/ws/src/flags.ts': `export const flags = { newNav: isFeatureEnabled('new-nav') };\n`,
      '/ws/src/app.ts': `import { flags } from './flags';\nif (flags.newNav) nav();\nconst other = menu.newNav;\n`,
    };
    assert.deepEqual(storedReadsIn(files, '/ws/src/app.ts'), ['new-nav <- flags.newNav']);
  });

  it('leaves a name two declarations store from different flags', () => {
    const files = {
      '/ws/a/flags.ts': `export const flags = { newNav: isFeatureEnabled('new-nav-a') };\n`,
      '/ws/b/flags.ts': `export const flags = { newNav: isFeatureEnabled('new-nav-b') };\n`,
      '/ws/src/app.ts': `if (flags.newNav) nav();\n`,
    };
    assert.deepEqual(storedReadsIn(files, '/ws/src/app.ts'), []);
  });
});

describe('stored checks: keys imported, and the clean-up', () => {
  const roots: string[] = [];
  after(() => {
    for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
  });

  it("resolve a stored check's imported key in the index, and leave the read to the clean-up", async () => {
    const files: Record<string, string> = {
      'contracts/feature.ts': `export enum FeatureEnum {\n  FEATURE_GOOGLE_LOGIN = 'FEATURE_GOOGLE_LOGIN',\n  FEATURE_EMAIL_LOGIN = 'FEATURE_EMAIL_LOGIN',\n}\n`,
      'common/guard.ts': `import { FeatureEnum } from '../contracts/feature';\nexport const flagFeatures = {\n  FEATURE_GOOGLE_LOGIN: featureEnabled(FeatureEnum.FEATURE_GOOGLE_LOGIN),\n  FEATURE_EMAIL_LOGIN: featureEnabled(FeatureEnum.FEATURE_EMAIL_LOGIN),\n};\n`,
      'config/setting.ts': `import { flagFeatures } from '../common/guard';\nexport const setting = () => ({\n  google: flagFeatures.FEATURE_GOOGLE_LOGIN,\n  email: flagFeatures.FEATURE_EMAIL_LOGIN,\n});\n`,
    };
    const { root, index } = await indexedWorkspace('flaglens-stored-', files, PATTERNS);
    roots.push(root);
    const references = index.references('FEATURE_GOOGLE_LOGIN').map(({ file, check }) => `${path.posix.relative(root, file)} ${check.method}`);
    assert.deepEqual(references.sort(), ['common/guard.ts featureEnabled', 'config/setting.ts flagFeatures.FEATURE_GOOGLE_LOGIN']);
    const read = index.references('FEATURE_EMAIL_LOGIN').find(({ file }) => file.endsWith('setting.ts'))?.check;
    assert.ok(read);
    assert.equal(read.storedFrom, 'guard.ts:4');
    assert.match(givesNoValue(read, read.key) ?? '', /the check at guard\.ts:4 stored; clean up that check.*left as it is/);
  });
});

describe("stored checks: a store's selector of one flag", () => {
  const selectorRows: Array<{ name: string; text: string; stores: Record<string, string> }> = [
    {
      name: 'a function of the state alone that gives one check, written as an expression or returned',
      text: `export const getIsMaintenanceEnabled = (state: RootState) => isFeatureEnabled(state, 'maintenance');\nexport const getIsBannerOn = function (state) { return featureEnabled('banner'); };\n`,
      stores: { getIsMaintenanceEnabled: 'maintenance', getIsBannerOn: 'banner' },
    },
    {
      name: 'one that falls back to a boolean when the flags cannot be asked yet',
      text: `export const getIsEmotesEnabled = (state: RootState) => {\n  if (hasLoadedInitialFlags(state)) {\n    return isFeatureEnabled(state, 'social-emotes');\n  }\n  return false;\n};\nexport const getIsPopupEnabled = (state: RootState): boolean => {\n  try {\n    return isFeatureEnabled(state, 'launch-popup');\n  } catch (e) {\n    return false;\n  }\n};\n`,
      stores: { getIsEmotesEnabled: 'social-emotes', getIsPopupEnabled: 'launch-popup' },
    },
    {
      name: 'none that takes more than the state, works out something first, or may give two flags',
      text: `export const getIsOn = (state: RootState, name: string) => isFeatureEnabled(state, 'x');\nexport const getIsNav = (store: RootState) => isFeatureEnabled(store, 'nav');\nexport const getIsCredits = (state: RootState) => {\n  const wallet = getWallet(state);\n  return isFeatureEnabled(state, 'credits');\n};\nexport const getIsEither = (state: RootState) => {\n  if (isBeta(state)) return isFeatureEnabled(state, 'beta-a');\n  return isFeatureEnabled(state, 'beta-b');\n};\n`,
      stores: {},
    },
  ];
  const SELECTOR_PATTERNS = buildPatternSet([{ callee: 'isFeatureEnabled', keyArg: 1 }, { callee: 'featureEnabled' }]);
  for (const row of selectorRows) {
    it(row.name, () => {
      const scan = scanFile('/ws/src/features/selectors.ts', row.text, SELECTOR_PATTERNS);
      assert.deepEqual(Object.fromEntries(Object.entries(scan.switches ?? {}).map(([name, found]) => [name, found.key])), row.stores);
      // Each says the function its check calls, for the evidence of its reads.
      for (const found of Object.values(scan.switches ?? {})) assert.match(found.selector ?? '', /^(?:isFeatureEnabled|featureEnabled)$/);
    });
  }

  it('reads it where the store hands it over (a selector hook, a saga, a call given the state), the key resolved across files; composed into another selector, it is no check there', async () => {
    const files: Record<string, string> = {
      'src/features/types.ts': `export enum FeatureName {\n  MAINTENANCE = 'maintenance',\n  CREDITS = 'credits',\n}\n`,
      'src/features/selectors.ts': `import { FeatureName } from './types';\nexport const getIsMaintenanceEnabled = (state: RootState) => {\n  try {\n    return isFeatureEnabled(state, FeatureName.MAINTENANCE);\n  } catch (e) {\n    return false;\n  }\n};\n`,
      'src/Routes.container.ts': `import { getIsMaintenanceEnabled } from './features/selectors';\nconst mapState = (state: RootState) => ({ inMaintenance: getIsMaintenanceEnabled(state) });\nexport function useMaintenance() { return useSelector(getIsMaintenanceEnabled); }\nexport function* watch() { const on: boolean = yield select(getIsMaintenanceEnabled); return on; }\nexport const getBanner = createSelector([getIsMaintenanceEnabled, getUser], (on, user) => on && user.admin);\n`,
    };
    const { root, index } = await indexedWorkspace('flaglens-stored-selector-', files, buildPatternSet([{ callee: 'isFeatureEnabled', keyArg: 1 }]));
    try {
      const reads = index.references('maintenance').filter(({ file }) => file.endsWith('Routes.container.ts')).map(({ check }) => check);
      assert.deepEqual(reads.map((check) => check.method), ['getIsMaintenanceEnabled(state)', 'useSelector(getIsMaintenanceEnabled)', 'select(getIsMaintenanceEnabled)']);
      for (const check of reads) assert.match(check.evidence ?? '', /^`getIsMaintenanceEnabled`, imported from \.\/features\/selectors, is a selector of the flag maintenance from isFeatureEnabled \(selectors\.ts:2\)$/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
