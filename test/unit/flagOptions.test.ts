// Flag options: a team's wrapper that takes its key from its argument's property (`isSectionHidden(item)` reading
// `item.data.featureKey`) makes each object written with that path a check, wherever it is written (a table of menu
// items, routes, plugins), at the property that holds the key.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildPatternSet } from '../../server/src/analysis/patterns';
import { mayHoldChecks } from '../../server/src/analysis/prefilter';
import { givesNoValue } from '../../server/src/analysis/remove/plan';
import { scanFile } from '../../server/src/analysis/scan';
import { skeletonOf } from '../../server/src/analysis/skeleton';
import type { UserPattern } from '../../server/src/analysis/types';

const MENU: UserPattern = { callee: 'isSectionHidden', keyArg: 0, keyPath: ['data', 'featureKey'] };
const PLUGIN: UserPattern = { callee: 'isExtensionVisible', keyArg: 0, keyPath: ['featureKey'] };
const FEATURE_ENUM = `enum FeatureEnum { FEATURE_INVOICE = 'FEATURE_INVOICE', FEATURE_JOB = 'FEATURE_JOB' }\n`;

/** `key <- text of the check` for each check of `text`. */
function checksOf(text: string, patterns: readonly UserPattern[]): string[] {
  return scanFile('/ws/src/menu.ts', text, buildPatternSet(patterns)).checks.map((check) => `${check.resolved ? check.key : `?${check.key}`} <- ${text.slice(check.callSpan.start, check.callSpan.end)}`);
}

describe('flag options: which objects are checks', () => {
  const rows: Array<{ name: string; patterns: UserPattern[]; text: string; checks: string[] }> = [
    {
      name: 'menu items in a class property, each with the whole path',
      patterns: [MENU],
      text: `${FEATURE_ENUM}export class Menu {\n  items = [\n    { title: 'Invoices', data: { featureKey: FeatureEnum.FEATURE_INVOICE } },\n    { title: 'Jobs', children: [{ title: 'Browse', data: { permissionKeys: ['x'], featureKey: 'FEATURE_JOB' } }] },\n  ];\n}\n`,
      checks: ['FEATURE_INVOICE <- featureKey: FeatureEnum.FEATURE_INVOICE', 'FEATURE_JOB <- featureKey: \'FEATURE_JOB\''],
    },
    {
      name: 'an object returned by a method, and one pushed',
      patterns: [PLUGIN],
      text: `${FEATURE_ENUM}export function plugin() {\n  return { id: 'jobs', featureKey: FeatureEnum.FEATURE_JOB };\n}\nregistry.push({ location: 'x', featureKey: FeatureEnum.FEATURE_INVOICE });\n`,
      checks: ['FEATURE_JOB <- featureKey: FeatureEnum.FEATURE_JOB', 'FEATURE_INVOICE <- featureKey: FeatureEnum.FEATURE_INVOICE'],
    },
    {
      name: "the wrapper's own call is one check, not two",
      patterns: [PLUGIN],
      text: `${FEATURE_ENUM}if (isExtensionVisible({ featureKey: FeatureEnum.FEATURE_JOB })) show();\n`,
      checks: ['FEATURE_JOB <- isExtensionVisible({ featureKey: FeatureEnum.FEATURE_JOB })'],
    },
    {
      name: 'a nested object that also holds a shorter path names its option once',
      patterns: [MENU, { callee: 'hasFeature', keyArg: 0, keyPath: ['featureKey'] }],
      text: `${FEATURE_ENUM}const items = [{ data: { featureKey: FeatureEnum.FEATURE_JOB } }];\n`,
      checks: ['FEATURE_JOB <- featureKey: FeatureEnum.FEATURE_JOB'],
    },
    {
      name: 'an object without the whole path',
      patterns: [MENU],
      text: `${FEATURE_ENUM}const items = [{ featureKey: FeatureEnum.FEATURE_JOB }, { data: { title: 'x' } }];\n`,
      checks: [],
    },
    {
      name: 'a value each caller decides, or none written',
      patterns: [PLUGIN],
      text: `export function make(featureKey: string, key: string) {\n  return [{ featureKey }, { featureKey: key }, { featureKey: '' }, { featureKey: lookup(key) }];\n}\n`,
      checks: [],
    },
    {
      name: 'an object handed to a function that records or changes a flag',
      patterns: [{ callee: 'GuardedRelease', keyArg: 0, keyPath: ['flagKey'] }],
      text: `recordErrorToLD(error, 'spam', { component: 'x', flagKey: 'enhancedNotificationCenter' });\nupdateFlag({ flagKey: 'a', on: true });\nconst release = { flagKey: 'new-checkout', steps: 3 };\n`,
      checks: ["new-checkout <- flagKey: 'new-checkout'"],
    },
    {
      name: 'a bare word is a label as often: not an option',
      patterns: [{ callee: 'useFeatureLabel', keyArg: 0, keyPath: ['feature'] }],
      text: `const sections = [{ feature: 'Features', title: 'x' }];\n`,
      checks: [],
    },
    {
      name: "a router guard's route data (`canActivate(route)` reading `route.data.feature`): a route that lists guards names its flag there, even by the bare word; another object's `data` does not",
      patterns: [{ callee: 'canActivate', keyArg: 0, keyPath: ['data', 'feature'] }],
      text: `const routes: Routes = [
  { path: 'sep', component: SepComponent, canActivate: [BCeidAuthGuard, FeatureGuard], data: { feature: 'Sep' } },
  { path: 'maps', loadChildren: () => import('./maps'), canMatch: [FeatureGuard], data: { feature: FEATURES.Maps } },
  { path: 'help', component: HelpComponent, data: { feature: 'Help' } },
];
const FEATURES = { Maps: 'Maps' } as const;
const card = { title: 'x', data: { feature: 'Features' } };
`,
      checks: ["Sep <- feature: 'Sep'", 'Maps <- feature: FEATURES.Maps'],
    },
    {
      name: "a function guard's route data (`featureToggleGuard(route)` reading `route.data.feature`), on a route that lists it",
      patterns: [{ callee: 'featureToggleGuard', keyArg: 0, keyPath: ['data', 'feature'] }],
      text: `const routes: Routes = [{ path: 'compare', canActivate: [featureToggleGuard], data: { feature: 'compare' } }];\nconst tile = { data: { feature: 'Comparison' } };\n`,
      checks: ["compare <- feature: 'compare'"],
    },
    {
      name: "a path whose property does not say flag or feature is every object's",
      patterns: [{ callee: 'getFlag', keyArg: 0, keyPath: ['key'] }],
      text: `const items = [{ key: 'a', label: 'A' }];\nif (getFlag({ key: 'new-nav' })) nav();\n`,
      checks: ['new-nav <- getFlag({ key: \'new-nav\' })'],
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      assert.deepEqual(checksOf(row.text, row.patterns), row.checks);
    });
  }
});

describe('flag options: text tests and the clean-up', () => {
  it("let a file through the readers' test and keep its bodies in the skeleton, though it calls no wrapper", () => {
    const patterns = buildPatternSet([MENU]);
    const text = `export class Menu {\n  build() {\n    const unrelated = compute();\n    return [{ data: { featureKey: FeatureEnum.FEATURE_JOB } }];\n  }\n  other() {\n    return compute();\n  }\n}\n`;
    assert.ok(mayHoldChecks(text, patterns));
    assert.equal(mayHoldChecks(text.replaceAll('featureKey', 'permissionKey'), patterns), false);
    const skeleton = skeletonOf('/ws/src/menu.ts', text, patterns);
    assert.ok(skeleton === undefined || skeleton.includes('featureKey: FeatureEnum.FEATURE_JOB'), skeleton);
    const [check] = scanFile('/ws/src/menu.ts', text, patterns).checks;
    assert.equal(check?.key, 'FeatureEnum.FEATURE_JOB');
    assert.match(check.evidence ?? '', /the option data\.featureKey names the flag isSectionHidden checks/);
    assert.match(givesNoValue(check, 'FEATURE_JOB') ?? '', /an option that isSectionHidden reads as its key.*left as it is/);
  });
});

describe("an OpenShift console extension's flags", () => {
  const SDK = `import type { EncodedExtension } from '@openshift-console/dynamic-plugin-sdk-webpack';\nimport { FLAG_NAV } from './flags/consts';\nconst LOCAL = 'KUBEVIRT_LOCAL';\n`;
  const LISTS = `export const extensions: EncodedExtension[] = [
  { type: 'console.navigation/href', properties: { href: '/vms' }, flags: { required: ['KUBEVIRT_DYNAMIC', FLAG_NAV, LOCAL] } },
  { type: 'console.perspective', properties: { id: 'acm' }, flags: { disallowed: ['KUBEVIRT_DYNAMIC_ACM'], required: flagsOf(x) } },
  { type: 'console.page/route', options: { flags: { required: true } } },
];\n`;

  it('each key an extension requires, or must not have, is a check of its flag, in a module that imports the console SDK', () => {
    const text = SDK + LISTS;
    const patterns = buildPatternSet([]);
    assert.ok(mayHoldChecks(text, patterns));
    // The lists are objects, not calls: the module is parsed whole.
    assert.equal(skeletonOf('/ws/src/extensions.ts', text, patterns), undefined);
    const checks = scanFile('/ws/src/extensions.ts', text, patterns).checks;
    assert.deepEqual(checks.map((check) => `${check.resolved ? check.key : `?${check.key}`} ${check.sdk} ${check.negate ? 'negated' : ''}`), [
      'KUBEVIRT_DYNAMIC openshift ', '?FLAG_NAV openshift ', 'KUBEVIRT_LOCAL openshift ', 'KUBEVIRT_DYNAMIC_ACM openshift negated',
    ]);
    assert.equal(checks[0].evidence, "the console loads this extension only when it has the flag (flags.required of an extension, in a module that imports the console's SDK)");
    // The console evaluates it: no value of the plugin's code to put in its place.
    assert.match(givesNoValue(checks[0], 'KUBEVIRT_DYNAMIC') ?? '', /the console loads the extension only when it has the flag/);
  });

  it('the same lists in a module that does not import the console SDK are any object', () => {
    const patterns = buildPatternSet([]);
    assert.deepEqual(scanFile('/ws/src/form.ts', `import { FLAG_NAV } from './flags/consts';\n${LISTS}`, patterns).checks, []);
  });
});
