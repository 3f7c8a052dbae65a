// Tables looped over into a check: a check whose key is read from each row of a constant list of objects (a loop's
// variable, or the first parameter of an array method's callback) makes each row's key a check, at the property that holds it.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildPatternSet } from '../../server/src/analysis/patterns';
import { givesNoValue } from '../../server/src/analysis/remove/plan';
import { scanDocument, scanFile } from '../../server/src/analysis/scan';
import type { UserPattern } from '../../server/src/analysis/types';

const IS_ON: UserPattern = { callee: 'isFeatureEnabled', keyArg: 0 };
const FEATURE = `enum Feature { ONBOARDING = 'ONBOARDING', STORAGE = 'STORAGE', NFT = 'NFT' }\n`;

/** `key <- text of the check` for each check of `text`, in order. */
function checksOf(text: string, patterns: readonly UserPattern[] = [IS_ON]): string[] {
  return scanFile('/ws/src/routes.ts', text, buildPatternSet(patterns)).checks.map((check) => `${check.resolved ? check.key : `?${check.key}`} <- ${text.slice(check.callSpan.start, check.callSpan.end)}`);
}

describe('table rows: which rows are checks', () => {
  const rows: Array<{ name: string; text: string; checks: string[]; patterns?: UserPattern[] }> = [
    {
      name: "a loop's variable read at a property: each row's key, at the row's property, and the loop's own check",
      text: `${FEATURE}const featureRoutes = [
  { regex: /^\\/onboarding/, feature: Feature.ONBOARDING },
  { regex: /^\\/storage/, redirect: '/', feature: Feature.STORAGE },
  { regex: /^\\/admin/, redirect: '/' },
];
export function guard(url: string) {
  for (const featureRoute of featureRoutes) {
    if (featureRoute.regex.test(url) && !isFeatureEnabled(featureRoute.feature)) return false;
  }
  return true;
}\n`,
      checks: ['ONBOARDING <- feature: Feature.ONBOARDING', 'STORAGE <- feature: Feature.STORAGE', '?featureRoute.feature <- isFeatureEnabled(featureRoute.feature)'],
    },
    {
      name: "an array method's callback, through a filter of the table, and a property destructured from the row: a row two loops check is one check",
      text: `${FEATURE}const tabs = [{ id: 'a', flag: 'new-tabs' }, { id: 'b', flag: Feature.NFT }] as const;
export const shown = tabs.filter((tab) => tab.id !== 'x').filter((tab) => isFeatureEnabled(tab.flag));
export function any() { for (const { flag: key } of tabs) if (isFeatureEnabled(key)) return true; }\n`,
      checks: ["new-tabs <- flag: 'new-tabs'", 'NFT <- flag: Feature.NFT', '?tab.flag <- isFeatureEnabled(tab.flag)', '?key <- isFeatureEnabled(key)'],
    },
    {
      name: 'a row that lists several flags is a check of each; a list of keys looped over reads every flag at once (a snapshot, a cache) and names none',
      text: `${FEATURE}const FLAGS = ['beta-banner', Feature.NFT];
const actions = [{ name: 'export', features: [Feature.STORAGE, 'bulk-export'] }];
export const all = Object.fromEntries(FLAGS.map((flag) => [flag, isFeatureEnabled(flag)]));
export const some = actions.some((action) => isFeatureEnabled(action.features));\n`,
      checks: ['STORAGE <- Feature.STORAGE', "bulk-export <- 'bulk-export'", '?flag <- isFeatureEnabled(flag)', '?action.features <- isFeatureEnabled(action.features)'],
    },
    {
      name: "a list each row holds (a menu's groups, each with its items), looped over by property or destructured",
      text: `const menu = [
  { title: 'Admin', items: [{ url: '/audit', feature: 'audit-log' }, { url: '/users' }] },
  { title: 'Labs', items: [{ url: '/ai', feature: 'ai-assist' }] },
];
export const shown = menu.map((group) => group.items.filter((item) => !item.feature || isFeatureEnabled(item.feature)));
export function first() { for (const { items } of menu) for (const item of items) if (isFeatureEnabled(item.feature)) return item; }\n`,
      checks: ["audit-log <- feature: 'audit-log'", "ai-assist <- feature: 'ai-assist'", '?item.feature <- isFeatureEnabled(item.feature)', '?item.feature <- isFeatureEnabled(item.feature)'],
    },
    {
      name: "no row: a table not constant, a callback's other parameter, a name declared again in the loop, a property read on, a key each row computes",
      text: `let open = [{ feature: 'a' }];
const fixed = [{ feature: 'b' }, { feature: lookup('c') }];
export function f(row: { feature: string }) {
  for (const item of open) isFeatureEnabled(item.feature);
  fixed.forEach((_, index) => isFeatureEnabled(fixed[index].feature));
  fixed.map(function (entry) { const entry2 = entry; return isFeatureEnabled(row.feature); });
  for (const item of fixed) { const item = row; isFeatureEnabled(item.feature); }
  for (const { feature } of fixed) isFeatureEnabled(feature.id);
  return isFeatureEnabled(row.feature);
}\n`,
      checks: ['?item.feature <- isFeatureEnabled(item.feature)', '?fixed[index].feature <- isFeatureEnabled(fixed[index].feature)', '?row.feature <- isFeatureEnabled(row.feature)', '?item.feature <- isFeatureEnabled(item.feature)', '?feature.id <- isFeatureEnabled(feature.id)', '?row.feature <- isFeatureEnabled(row.feature)'],
    },
  ];
  for (const row of rows) {
    it(row.name, () => assert.deepEqual(checksOf(row.text, row.patterns), row.checks));
  }
});

describe('table rows: what the rows are', () => {
  const text = `const routes = [{ path: '/a', feature: 'a' }];\nexport const gate = routes.some((route) => isFeatureEnabled(route.feature));\n`;

  it("a row is no value the clean-up can replace, and says so; it names its table", () => {
    const [row] = scanFile('/ws/src/routes.ts', text, buildPatternSet([IS_ON])).checks;
    assert.equal(row.rowOf, 'routes');
    assert.equal(row.method, 'routes[].feature');
    assert.match(givesNoValue(row, 'a') ?? '', /a row of routes that isFeatureEnabled checks in turn/);
  });

  it('an open document whose table and loop are separate statements is scanned as the whole file is, after any edit', () => {
    const patterns = buildPatternSet([IS_ON]);
    const first = scanDocument('/ws/src/routes.ts', text, patterns);
    const edited = text.replace("'/a'", "'/abc'");
    const again = scanDocument('/ws/src/routes.ts', edited, patterns, first);
    assert.deepEqual(again.scan.checks, scanFile('/ws/src/routes.ts', edited, patterns).checks);
    // A table that becomes a constant only by an edit of its own statement.
    const open = text.replace('const routes', 'let routes');
    const before = scanDocument('/ws/src/routes.ts', open, patterns);
    assert.equal(before.scan.checks.filter((check) => check.rowOf !== undefined).length, 0);
    assert.deepEqual(scanDocument('/ws/src/routes.ts', text, patterns, before).scan.checks, scanFile('/ws/src/routes.ts', text, patterns).checks);
  });
});
