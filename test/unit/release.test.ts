// Release state as tables: each row is what every environment serves, and the verdict it must give.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyRelease, servedValueText } from '../../server/src/analysis/release';
import type { EnvironmentFlagState, ReleaseState } from '../../server/src/analysis/types';

const BOOLEAN = { on: true, off: false };
const THEMES = { dark: 'dark', light: 'light' };

/** Shorthands for one environment's state, so that a table row reads like a sentence. */
const serves = (variant: string, variants: Record<string, unknown> = BOOLEAN): Partial<EnvironmentFlagState> => ({ variants, defaultVariant: variant });
const split = (shares: Record<string, number>, variants: Record<string, unknown> = BOOLEAN): Partial<EnvironmentFlagState> => ({
  variants,
  defaultVariant: Object.keys(variants)[0],
  rollout: Object.entries(shares).map(([variant, percent]) => ({ variant, percent })),
});
const disabled = (variants: Record<string, unknown> = BOOLEAN): Partial<EnvironmentFlagState> => ({ variants, enabled: false, defaultVariant: 'off' });
const rules = (rulesSummary?: string): Partial<EnvironmentFlagState> => ({ variants: BOOLEAN, defaultVariant: 'off', hasRules: true, rulesSummary });
const noDefault = (): Partial<EnvironmentFlagState> => ({ variants: BOOLEAN, defaultVariant: undefined });
/** Disabled, serving a defined off variant (Unleash's off, LaunchDarkly's off variation) instead of the code's default. */
const offServes = (variant: string, variants: Record<string, unknown> = BOOLEAN): Partial<EnvironmentFlagState> => ({ variants, enabled: false, defaultVariant: Object.keys(variants)[0], offVariant: variant });

interface Row {
  name: string;
  environments: Record<string, Partial<EnvironmentFlagState>>;
  counted?: string[];
  state: ReleaseState;
  value?: unknown;
  servesCodeDefault?: boolean;
  /** The summary must contain every one of these. */
  says: string[];
}

const rows: Row[] = [
  { name: 'true everywhere', environments: { production: serves('on'), staging: serves('on') }, state: 'released', value: true, says: ['serves true in every environment'] },
  { name: 'a split at 100%', environments: { production: split({ on: 100, off: 0 }), staging: serves('on') }, state: 'released', value: true, says: ['serves true in every environment'] },
  { name: 'a split of variants serving the same value', environments: { production: split({ a: 50, b: 50 }, { a: 'x', b: 'x' }) }, state: 'released', value: 'x', says: ['serves "x" in every environment'] },
  { name: 'the same string everywhere', environments: { production: serves('dark', THEMES), staging: serves('dark', THEMES) }, state: 'released', value: 'dark', says: ['serves "dark" in every environment'] },
  { name: 'equal objects everywhere', environments: { production: serves('v', { v: { limit: 3, tiers: ['a'] } }), staging: serves('w', { w: { tiers: ['a'], limit: 3 } }) }, state: 'released', value: { limit: 3, tiers: ['a'] }, says: ['serves {…} in every environment'] },
  { name: 'false everywhere', environments: { production: serves('off'), staging: serves('off') }, state: 'dead', value: false, says: ['serves false in every environment'] },
  { name: 'disabled everywhere', environments: { production: disabled(), staging: disabled() }, state: 'dead', servesCodeDefault: true, says: ["off in every environment (serves the code's default)"] },
  { name: 'no default variant and no targeting', environments: { production: noDefault() }, state: 'dead', servesCodeDefault: true, says: ["serves the code's default in every environment"] },
  { name: 'boolean: off in one, false in the other', environments: { production: serves('off'), staging: disabled() }, state: 'dead', value: false, says: ['serves false in every environment', 'off in staging'] },
  { name: 'boolean: off in one, true in the other', environments: { production: serves('on'), staging: disabled() }, state: 'rolling-out', says: ['production serves on to 100%', "staging is off (serves the code's default)"] },
  { name: 'string: off in one, a value in the other', environments: { production: serves('dark', THEMES), staging: disabled(THEMES) }, state: 'rolling-out', says: ['production serves "dark"', 'staging is off'] },
  { name: 'a partial rollout', environments: { production: split({ on: 30, off: 70 }), staging: serves('on') }, state: 'rolling-out', says: ['production serves on to 30% (fractional), staging to 100%'] },
  { name: 'a split of strings', environments: { production: split({ dark: 50, light: 50 }, THEMES) }, state: 'rolling-out', says: ['production serves "dark" to 50%, "light" to 50% (fractional)'] },
  { name: 'one third, rounded', environments: { production: split({ on: 100 / 3, off: 200 / 3 }) }, state: 'rolling-out', says: ['production serves on to 33.3% (fractional)'] },
  { name: 'targeting rules', environments: { production: rules('if email ends_with @example.com'), staging: serves('on') }, state: 'rolling-out', says: ['production has targeting rules (if email ends_with @example.com)', 'staging serves on to 100%'] },
  { name: 'different strings', environments: { production: serves('dark', THEMES), staging: serves('light', THEMES) }, state: 'rolling-out', says: ['production serves "dark", staging serves "light"'] },
  { name: 'true in one, false in the other', environments: { production: serves('on'), staging: serves('off') }, state: 'rolling-out', says: ['production serves on to 100%, staging serves off'] },
  { name: 'not defined in a counted environment', environments: { production: serves('on') }, counted: ['production', 'staging'], state: 'rolling-out', says: ['production serves on to 100%', 'not defined in staging'] },
  { name: 'defined in no counted environment', environments: { staging: serves('on') }, counted: ['production'], state: 'rolling-out', says: ['not defined in production'] },
  { name: 'only counted environments matter', environments: { production: serves('on'), staging: split({ on: 10, off: 90 }) }, counted: ['production'], state: 'released', value: true, says: ['serves true in every environment'] },
  { name: 'off everywhere with an off variant', environments: { production: offServes('off'), staging: offServes('off') }, state: 'dead', value: false, says: ['off in every environment (serves false)'] },
  { name: 'off everywhere serving a string off variant', environments: { production: offServes('light', THEMES), staging: offServes('light', THEMES) }, state: 'dead', value: 'light', says: ['off in every environment (serves "light")'] },
  { name: 'off with an off variant in one, false in the other', environments: { production: serves('off'), staging: offServes('off') }, state: 'dead', value: false, says: ['serves false in every environment'] },
  { name: 'off with an off variant in one, true in the other', environments: { production: serves('on'), staging: offServes('off') }, state: 'rolling-out', says: ['production serves on to 100%', 'staging is off (serves false)'] },
  { name: 'off variants that differ', environments: { production: offServes('dark', THEMES), staging: offServes('light', THEMES) }, state: 'rolling-out', says: ['production is off (serves "dark")', 'staging is off (serves "light")'] },
  { name: 'an off variant that is not among the variants', environments: { production: offServes('missing'), staging: disabled() }, state: 'dead', servesCodeDefault: true, says: ["off in every environment (serves the code's default)"] },
  { name: 'no environments at all', environments: {}, state: 'rolling-out', says: ['not defined in any environment'] },
];

function check(row: Row): void {
  const environments = Object.entries(row.environments).map(([environment, state]): EnvironmentFlagState => ({
    environment, enabled: true, variants: BOOLEAN, rollout: [], hasRules: false, ...state,
  }));
  const verdict = classifyRelease({ key: 'flag', stale: false, archived: false, tags: [], source: 'test', environments }, row.counted);
  assert.equal(verdict.state, row.state, verdict.summary);
  assert.deepEqual(verdict.value, row.value);
  assert.equal(verdict.servesCodeDefault, row.servesCodeDefault ?? false);
  for (const text of row.says) assert.ok(verdict.summary.includes(text), `"${verdict.summary}" should say "${text}"`);
}

describe('classifyRelease', () => {
  for (const row of rows) it(row.name, () => check(row));
});

describe('servedValueText', () => {
  const cases: Array<[unknown, string]> = [
    [true, 'true'], [false, 'false'], ['dark', '"dark"'], [42, '42'], [{ a: 1 }, '{…}'], [[1], '[…]'], [null, 'null'],
    [undefined, "the code's default"], ['x'.repeat(60), `"${'x'.repeat(39)}…"`],
  ];
  for (const [value, text] of cases) it(`${JSON.stringify(value)} reads ${text}`, () => assert.equal(servedValueText(value), text));
});
