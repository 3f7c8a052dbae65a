// Environment switches: a named boolean set from one environment variable that says FEATURE or FLAG
// (`export const isDevFeaturesEnabled = yes(getEnv('DEV_FEATURES_ENABLED'))`, or a class's property), read wherever the
// feature is gated. Scanned as the index does: once with the presets (declarations), then, with the switches known,
// every file that mentions one (reads).

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { describeFlagMarkdown } from '../../server/src/analysis/describe';
import { findingsForChecks } from '../../server/src/analysis/findings';
import { buildPatternSet } from '../../server/src/analysis/patterns';
import { isFlagsModule, mayHardCodeFlags, mayHoldChecks } from '../../server/src/analysis/prefilter';
import { givesNoValue } from '../../server/src/analysis/remove/plan';
import { scanFile, type FileScan } from '../../server/src/analysis/scan';
import { scanWithSwitches } from './switch-builders';
import { indexedWorkspace } from './workspace-builders';
import { catalog, definition, policyContext } from './catalog-builders';

const scanWorkspace = (files: Record<string, string>): Map<string, FileScan> => scanWithSwitches(files);

/** `key <- read as written` of each check of `file`. */
function readsIn(files: Record<string, string>, file: string): string[] {
  const scan = scanWorkspace(files).get(file);
  assert.ok(scan);
  return scan.checks.map((check) => {
    assert.equal(check.environmentSwitch, true);
    assert.ok(check.evidence?.includes('environment switch'), check.evidence);
    return `${check.key} <- ${files[file].slice(check.callSpan.start, check.callSpan.end)}`;
  });
}

describe('flags set in code, in a module of flags', () => {
  it('a module is one by the last word of its file name', () => {
    const names = ['/ws/src/temp-flags.ts', '/ws/src/featureFlags.js', '/ws/src/flags.ts', '/ws/src/FeatureToggles.tsx', '/ws/src/feature_flags.mjs', '/ws/src/lib/feature-flag.ts', '/ws/src/flags.d.ts', '/ws/src/flags/index.ts', '/ws/src/flagsHelper.ts', '/ws/src/constants.ts', '/ws/src/cli/flag.ts'];
    assert.deepEqual(names.filter(isFlagsModule), ['/ws/src/temp-flags.ts', '/ws/src/featureFlags.js', '/ws/src/flags.ts', '/ws/src/FeatureToggles.tsx', '/ws/src/feature_flags.mjs', '/ws/src/lib/feature-flag.ts']);
  });

  it("its exported constants written as true or false are flags, read where they are imported; other modules' and other values are not", () => {
    const files: Record<string, string> = {
      '/ws/src/insights/temp-flags.ts': `// TODO: remove once the docs are updated.\nexport const SHOW_EXAMPLES_LINK = false;\nexport const SHOW_DOCS: boolean = true;\nexport const PAGE_SIZE = 10;\nconst LOCAL = true;\nexport const fromEnv = LOCAL;\n`,
      '/ws/src/constants.ts': `export const ENABLE_ISSUE_DEPENDENCIES = false;\n`,
      '/ws/src/insights/EmptyState.tsx': `import { SHOW_EXAMPLES_LINK, SHOW_DOCS, PAGE_SIZE } from './temp-flags';\nimport { ENABLE_ISSUE_DEPENDENCIES } from '../constants';\nexport const subheader = SHOW_EXAMPLES_LINK ? 'Examples' : SHOW_DOCS && ENABLE_ISSUE_DEPENDENCIES ? PAGE_SIZE : 0;\n`,
    };
    const checks = scanWorkspace(files).get('/ws/src/insights/EmptyState.tsx')?.checks ?? [];
    assert.deepEqual(checks.map((check) => `${check.key} ${check.setInCode === true ? 'in code' : ''}`), ['SHOW_EXAMPLES_LINK in code', 'SHOW_DOCS in code']);
    assert.equal(checks[0].evidence, "`SHOW_EXAMPLES_LINK`, imported from ./temp-flags, is a flag set in code to false (temp-flags.ts:2), in a module of flags");
    assert.match(givesNoValue(checks[0], 'SHOW_EXAMPLES_LINK') ?? '', /a flag set in code in a module of flags, not a backend's flag; change it there; left as it is$/);
    assert.match(describeFlagMarkdown(checks[0], catalog([], { loaded: false }), { references: 1, files: 1 }, policyContext(Date.now(), [checks[0]])), /\*\*SHOW_EXAMPLES_LINK\*\* — set in code/);
  });

  it("its exported functions of no arguments that give a boolean by the module's own means, or ask its own boolean function with literals, are flags, called where they are imported; one taking an argument, giving something else, or over a flag read elsewhere is not", () => {
    const files: Record<string, string> = {
      '/ws/app/src/lib/feature-flag.ts': `function enableBetaFeatures(): boolean {
  return process.env.PREVIEW === '1';
}
export function enableWSLDetection(): boolean {
  return enableBetaFeatures();
}
export const enableCustomIntegration = () => true;
export const enableResizingToolbarButtons = enableBetaFeatures;
export function enableFor(user: string): boolean { return user === 'me'; }
export function betaChannel(): string { return 'beta'; }
export const helper = () => compute();
export function useSolversFeatureFlag(): boolean { return useFeatureFlags().isSolversEnabled; }
export function loadFeatureFlag(flagName: string, defaultValue = false): boolean { return !!JSON.parse(localStorage.getItem(\`FEATURE_\${flagName}\`) ?? String(defaultValue)); }
export const USE_PLANNING_AGENT = () => loadFeatureFlag('USE_PLANNING_AGENT');
export const usePlan = () => loadFeatureFlag(plan());
`,
      '/ws/app/src/ui/app.tsx': `import { enableWSLDetection, enableCustomIntegration, enableResizingToolbarButtons, enableFor, betaChannel, helper, useSolversFeatureFlag, USE_PLANNING_AGENT, usePlan } from '../lib/feature-flag';
export const shells = enableWSLDetection() ? ['wsl'] : [];
export const items = [enableCustomIntegration() && 'custom', { resizable: enableResizingToolbarButtons() }, enableFor('x'), betaChannel(), helper(), useSolversFeatureFlag(), USE_PLANNING_AGENT(), usePlan()];
`,
    };
    const checks = scanWorkspace(files).get('/ws/app/src/ui/app.tsx')?.checks ?? [];
    assert.deepEqual(checks.map((check) => `${check.key} ${check.setInCode === true ? 'in code' : ''}`), ['enableWSLDetection in code', 'enableCustomIntegration in code', 'enableResizingToolbarButtons in code', 'USE_PLANNING_AGENT in code']);
    assert.equal(checks[0].evidence, '`enableWSLDetection`, imported from ../lib/feature-flag, is a flag function (feature-flag.ts:4), in a module of flags: a function of no arguments that gives a boolean');
    assert.match(givesNoValue(checks[0], 'enableWSLDetection') ?? '', /a flag set in code in a module of flags, not a backend's flag; change it there; left as it is$/);
  });

  it("a flag function that asks for one environment switch by its name reads that switch, which the environment sets; one naming two, or none, is a flag by its own name", () => {
    const files: Record<string, string> = {
      '/ws/src/utils/feature.flag.ts': `import { FEATURE_FLAG_SAIL_ADDRESS, FEATURE_FLAG_WITHDRAWN, FEATURE_FLAG_A, FEATURE_FLAG_B } from './properties';
export const isDateFeatureFlagEnabled = (key: string, date: string, now: Date): boolean => now >= new Date(date);
export const isActiveFeature = (flag: string | undefined): boolean => flag !== undefined && flag !== 'false';
export const isSailAddressEnabled = (): boolean => isDateFeatureFlagEnabled('FEATURE_FLAG_SAIL_ADDRESS', FEATURE_FLAG_SAIL_ADDRESS, new Date());
export const isServiceWithdrawn = (): boolean => { return isActiveFeature(FEATURE_FLAG_WITHDRAWN); };
export const isEither = (): boolean => isActiveFeature(FEATURE_FLAG_A) || isActiveFeature(FEATURE_FLAG_B);
export const isLocalPreview = (): boolean => location.hostname === 'localhost';
`,
      '/ws/src/app.ts': `import { isSailAddressEnabled, isServiceWithdrawn, isEither, isLocalPreview } from './utils/feature.flag';
export const flags = [isSailAddressEnabled(), isServiceWithdrawn(), isEither(), isLocalPreview()];
`,
    };
    const checks = scanWorkspace(files).get('/ws/src/app.ts')?.checks ?? [];
    assert.deepEqual(checks.map((check) => `${check.key}${check.setInCode === true ? ' in code' : ''}`), ['FEATURE_FLAG_SAIL_ADDRESS', 'FEATURE_FLAG_WITHDRAWN', 'isEither in code', 'isLocalPreview in code']);
    assert.match(checks[0].evidence ?? '', /is an environment switch, set from the environment variable FEATURE_FLAG_SAIL_ADDRESS/);
  });

  it("its exported object's members written as booleans, or giving one of its flag functions' value, are flags read on the object; a flag function declared to ask for one switch by name reads that switch", () => {
    const files: Record<string, string> = {
      '/ws/packages/shared/src/feature-flags.ts': `function getEnv(key: string): string | undefined {
  return process.env[key];
}
function parseBooleanEnv(value: string | undefined): boolean | undefined {
  return value === undefined ? undefined : value === '1';
}
export function isDeveloperFeedbackEnabled(): boolean {
  const override = parseBooleanEnv(getEnv('FEATURE_DEVELOPER_FEEDBACK'));
  return override ?? false;
}
export const FEATURE_FLAGS = {
  fastMode: false,
  get developerFeedback(): boolean {
    return isDeveloperFeedbackEnabled();
  },
  get label(): string {
    return 'x';
  },
  retries: 3,
} as const;
`,
      '/ws/packages/shared/src/app.ts': `import { FEATURE_FLAGS, isDeveloperFeedbackEnabled } from './feature-flags';
export const on = [FEATURE_FLAGS.fastMode, FEATURE_FLAGS.developerFeedback, FEATURE_FLAGS.label, FEATURE_FLAGS.retries, isDeveloperFeedbackEnabled(), other.fastMode];
// Another object named for flags, the program's own (a bag passed around, a copy of the defaults), is not the module's object.
export function bundle(featureFlags: Record<string, boolean>) { const { fastMode } = featureFlags; return featureFlags.fastMode && fastMode; }
`,
    };
    const scans = scanWorkspace(files);
    const checks = scans.get('/ws/packages/shared/src/app.ts')?.checks ?? [];
    assert.deepEqual(checks.map((check) => `${check.key}${check.setInCode === true ? ' in code' : ''}`), ['fastMode in code', 'developerFeedback in code', 'FEATURE_DEVELOPER_FEEDBACK']);
    assert.equal(checks[0].evidence, '`fastMode` is a flag of FEATURE_FLAGS set in code to false (feature-flags.ts:12)');
    // The getter's body makes the member; it reads no flag of its own.
    assert.deepEqual(scans.get('/ws/packages/shared/src/feature-flags.ts')?.checks.map((check) => check.key), []);
  });

  it("outside a module of flags, an exported object named for flags of three booleans or more, most written as true or false, is one of flags; one with another kind of member, too few, or mostly names is not", () => {
    const files: Record<string, string> = {
      '/ws/src/kernel/features.ts': `import { isDev } from './env';
export const features = {
  useTestnet: false,
  notifications: isDev,
  portfolioNews: false,
  walletListFeedback: true,
};
export const debugWalletInfo = { NAME: features.useTestnet ? 'Auto Testnet' : 'Auto Nightly' };
`,
      '/ws/src/kernel/planFeatures.ts': `export const planFeatures = { sso: true, seats: 10, audit: false };
export const FEATURE_DEFAULTS = { a: isDev, b: isProd, c: false };
export const featureFlagsTwo = { x: true, y: false };
`,
      '/ws/src/app.ts': `import { features } from './kernel/features';
import { planFeatures, FEATURE_DEFAULTS, featureFlagsTwo } from './kernel/planFeatures';
export const on = [features.notifications, features.portfolioNews ? 1 : 0, planFeatures.sso, FEATURE_DEFAULTS.a, featureFlagsTwo.x, config.features.staking, settings.walletListFeedback];
`,
    };
    const scans = scanWorkspace(files);
    const checks = scans.get('/ws/src/app.ts')?.checks ?? [];
    assert.deepEqual(checks.map((check) => `${check.key}${check.setInCode === true ? ' in code' : ''}`), ['notifications in code', 'portfolioNews in code']);
    assert.equal(checks[0].evidence, '`notifications` is a flag of features set in code (features.ts:4)');
    assert.deepEqual(scans.get('/ws/src/kernel/features.ts')?.checks.map((check) => check.key), ['useTestnet']);
  });

  it("a module of flags that exports nothing but its object of booleans is one of flags, whatever its size; a module of a command line's flags, whose members are no booleans, is not", () => {
    const files: Record<string, string> = {
      '/ws/app/constants/flags.ts': `// Flags for a progressive rollout.
export const flags = {
  enableHaptics: true,
  enableNotes: false,
} as const;

export type Flags = typeof flags;
`,
      '/ws/cli/src/flags.ts': `export const flags = { help: Flags.help({ char: 'h' }), verbose: Flags.boolean({ default: false }) };
`,
      '/ws/app/components/Button.tsx': `import { flags } from '../constants/flags';
import { flags as cliFlags } from '../../cli/src/flags';
export const on = [flags.enableHaptics ? 1 : 0, !flags.enableNotes, cliFlags.verbose, flags.missing];
`,
    };
    const scans = scanWorkspace(files);
    assert.deepEqual(scans.get('/ws/app/components/Button.tsx')?.checks.map((check) => `${check.key}${check.setInCode === true ? ' in code' : ''}`), ['enableHaptics in code', 'enableNotes in code']);
    assert.deepEqual(scans.get('/ws/app/constants/flags.ts')?.checks.map((check) => check.key), []);
  });

  it("the getters of the one instance it exports of its own class, giving a boolean by the class's own means, are flags read on that instance; a setting, a helper over a check, a private getter, or another module's class are not", () => {
    const files: Record<string, string> = {
      '/ws/src/lib/testFlags.ts': `class TestFlags {
  public queryParams: { [key: string]: string } = {};
  private isValueExplicitlyFalse = (value: string) => ['false', '0'].includes(value.toLowerCase());
  private booleanFlag = (value?: string, defaultTrue?: boolean) => {
    if (!value) return defaultTrue ?? false;
    return !this.isValueExplicitlyFalse(value);
  };
  get enableTurnkey() {
    return this.booleanFlag(this.queryParams.enable_turnkey);
  }
  get showNewDepositFlow() {
    return !!this.queryParams.deposit_rewrite;
  }
  get simpleUi() {
    return this.queryParams.simpleui ? this.booleanFlag(this.queryParams.simpleui) : undefined;
  }
  get referralCode() {
    return this.queryParams.ref;
  }
  get isMobile(): boolean {
    return detectMobile() === true;
  }
  get newCheckout() {
    return this.client.isEnabled('new-checkout') === true;
  }
  private get hidden() {
    return !!this.queryParams.hidden;
  }
}
export const testFlags = new TestFlags();
`,
      '/ws/src/lib/settings.ts': `class Settings {\n  get beta() {\n    return !!this.queryParams.beta;\n  }\n}\nexport const settings = new Settings();\n`,
      '/ws/src/App.tsx': `import { testFlags } from './lib/testFlags';
import { settings } from './lib/settings';
export const shown = [testFlags.enableTurnkey, testFlags.showNewDepositFlow || false, testFlags.simpleUi ?? true, testFlags.referralCode, testFlags.isMobile, testFlags.newCheckout, testFlags.hidden, settings.beta, other.enableTurnkey];
`,
    };
    const checks = scanWorkspace(files).get('/ws/src/App.tsx')?.checks ?? [];
    assert.deepEqual(checks.map((check) => `${check.key} ${check.setInCode === true ? 'in code' : ''}`), ['enableTurnkey in code', 'showNewDepositFlow in code', 'simpleUi in code']);
    assert.equal(checks[0].evidence, '`enableTurnkey` is a flag getter of testFlags (testFlags.ts:8), in a module of flags: a getter that gives a boolean');
    assert.match(givesNoValue(checks[0], 'enableTurnkey') ?? '', /a flag set in code in a module of flags, not a backend's flag; change it there; left as it is$/);
  });

  it("its exported constants made a boolean of one key of the browser's storage are switches of that key; a text read from it, or two keys, are not", () => {
    const files: Record<string, string> = {
      '/ws/libs/common-const/src/featureFlags.ts': `export const IS_SOLANA_ENABLED = typeof localStorage !== 'undefined' && !!localStorage.getItem('IS_SOLANA_ENABLED');
export const NEW_UI = window.sessionStorage.getItem('new-ui') === 'true';
export const THEME = localStorage.getItem('theme');
export const BOTH = !!localStorage.getItem('a') && !!localStorage.getItem('b');
export const LATER = () => !!localStorage.getItem('later');
`,
      '/ws/libs/wallet/src/networks.ts': `import { IS_SOLANA_ENABLED, NEW_UI, THEME, BOTH, LATER } from '@cowprotocol/common-const/featureFlags';
import { IS_SOLANA_ENABLED as solana } from '../../common-const/src/featureFlags';
export const networks = [...(IS_SOLANA_ENABLED ? [solana] : []), NEW_UI && THEME, BOTH, LATER()];
`,
    };
    const checks = scanWorkspace(files).get('/ws/libs/wallet/src/networks.ts')?.checks ?? [];
    assert.deepEqual(checks.map((check) => check.key), ['IS_SOLANA_ENABLED', 'IS_SOLANA_ENABLED', 'new-ui']);
    assert.equal(checks[1].evidence, "`solana`, imported from ../../common-const/src/featureFlags, is a switch read from the browser's localStorage under 'IS_SOLANA_ENABLED' (featureFlags.ts:1), in a module of flags");
    assert.deepEqual(checks.map((check) => check.setInStorage), ['localStorage', 'localStorage', 'sessionStorage']);
    assert.match(givesNoValue(checks[0], 'IS_SOLANA_ENABLED') ?? '', /a switch kept in the browser's localStorage under 'IS_SOLANA_ENABLED'.*left as it is$/);
    assert.match(describeFlagMarkdown(checks[0], catalog([], { loaded: false }), { references: 1, files: 1 }, policyContext(Date.now(), [checks[0]])), /\*\*IS_SOLANA_ENABLED\*\* — browser storage switch/);
  });
});

describe('environment switches: what declares one', () => {
  const rows: Array<{ name: string; text: string; declares: Record<string, { key: string; member: boolean; text?: true }> }> = [
    { name: 'a converted variable', text: `export const isDevFeaturesEnabled = !isProduction || yes(getEnv('DEV_FEATURES_ENABLED'));`, declares: { isDevFeaturesEnabled: { key: 'DEV_FEATURES_ENABLED', member: false } } },
    { name: 'import.meta.env through a helper', text: `export const isDevFeaturesEnabled = yes(normalize(import.meta.env.DEV_FEATURES_ENABLED)) || yes(localStorage.getItem('x'));`, declares: { isDevFeaturesEnabled: { key: 'DEV_FEATURES_ENABLED', member: false } } },
    { name: 'a comparison of process.env', text: `export const newCheckout = process.env.NEXT_PUBLIC_FEATURE_NEW_CHECKOUT === 'true';`, declares: { newCheckout: { key: 'NEXT_PUBLIC_FEATURE_NEW_CHECKOUT', member: false } } },
    { name: 'an element access', text: `const showBeta = process.env['FEATURE_BETA'] !== undefined;`, declares: { showBeta: { key: 'FEATURE_BETA', member: false } } },
    { name: 'a variable named ENABLED', text: `export const FLAG_SEARCH = Boolean(process.env.FLAG_SEARCH_ENABLED);`, declares: { FLAG_SEARCH: { key: 'FLAG_SEARCH_ENABLED', member: false } } },
    { name: "Deno's env.get", text: `export const isBeta = Deno.env.get('FEATURE_BETA') === '1';`, declares: { isBeta: { key: 'FEATURE_BETA', member: false } } },
    { name: "a class's property named for features", text: `export class Values {\n  public readonly isDevFeaturesEnabled = !this.isProduction || yes(getEnv('DEV_FEATURES_ENABLED'));\n}`, declares: { isDevFeaturesEnabled: { key: 'DEV_FEATURES_ENABLED', member: true } } },
    { name: 'the properties of an object named for features, whatever their names', text: `export const generateConfig = (env: Env) => ({\n  FEATURE: {\n    ENABLE_SSO: env.FEATURE_ENABLE_SSO == 'true',\n    CHECK_CONSENT: env.FEATURE_CHECK_CONSENT != 'false',\n    APPLOCK_TIMEOUT: env.FEATURE_APPLOCK_TIMEOUT ? Number(env.FEATURE_APPLOCK_TIMEOUT) : null,\n    DATADOG_ENVIRONMENT: env.FEATURE_DATADOG_ENVIRONMENT,\n  },\n  SEARCH: { ENABLED: env.FEATURE_SEARCH == 'true' },\n});`, declares: { ENABLE_SSO: { key: 'FEATURE_ENABLE_SSO', member: true }, CHECK_CONSENT: { key: 'FEATURE_CHECK_CONSENT', member: true } } },
    {
      name: "the properties of a module's object of any name, when most of them, two or more, are switches",
      text: `const config = {\n  COOKIE_BANNER: process.env.NEXT_PUBLIC_FEATURE_COOKIE_BANNER === 'true',\n  INSURELY: process.env.NEXT_PUBLIC_FEATURE_INSURELY === 'true',\n  apiUrl: process.env.API_URL,\n} as const;`,
      declares: { COOKIE_BANNER: { key: 'NEXT_PUBLIC_FEATURE_COOKIE_BANNER', member: true }, INSURELY: { key: 'NEXT_PUBLIC_FEATURE_INSURELY', member: true } },
    },
    { name: "a module's object of any name with one switch among other settings", text: `export const settings = {\n  newNav: process.env.FEATURE_NEW_NAV === 'true',\n  apiUrl: process.env.API_URL,\n  port: 80,\n};`, declares: {} },
    { name: "a class's property not named for features (found by name everywhere)", text: `export class Values {\n  readonly isBeta = yes(getEnv('FEATURE_BETA'));\n}`, declares: {} },
    { name: 'a text, not a boolean', text: `export const featureServiceUrl = process.env.FEATURE_SERVICE_URL;`, declares: {} },
    { name: 'a URL made truthy elsewhere', text: `export const goFeatureFlagUrl = process.env.GO_FEATURE_FLAG_URL ?? 'http://localhost';`, declares: {} },
    { name: 'FLAG inside a word', text: `export const isProxied = !!process.env.FLAGSMITH_PROXY_API_URL;`, declares: {} },
    { name: 'a variable without FEATURE or FLAG', text: `export const isMultipleDomains = yes(getEnv('MULTIPLE_CUSTOM_DOMAINS_ENABLED'));`, declares: {} },
    { name: 'two variables', text: `export const isOn = yes(getEnv('FEATURE_A')) && yes(getEnv('FEATURE_B'));`, declares: {} },
    { name: 'a function that reads one', text: `const buildConfig = (mode) => ({ on: mode === 'dev', define: { x: process.env.DEV_FEATURES_ENABLED } });`, declares: {} },
    { name: 'an object chosen by the variable', text: `export const featureFlagProvider = process.env.DISABLE_FEATURE_FLAGS ? noopProvider : new Provider();`, declares: {} },
    {
      name: 'a variable that names no feature: every flag at once, or the list of them',
      text: `export const areFlagsOn = process.env.FEATURE_FLAGS_ENABLED === 'true';\nexport const allOn = process.env.FEATURE_FLAGS_ENABLE_ALL === 'true';\nexport const html = { templateParameters: { REACT_APP_ENABLED_FEATURES: process.env.REACT_APP_ENABLED_FEATURES } };`,
      declares: {},
    },
    {
      name: "an edition's features switched at once, read through a text's method, name no feature; FF first, so read, does",
      text: `export const EE_ENABLED = process.env.NEXT_PUBLIC_ENABLE_PAID_EE_FEATURES?.toLowerCase() === 'true';\nexport const PAID = process.env.ENABLE_PAID_ENTERPRISE_EDITION_FEATURES?.toLowerCase() === 'true';\nexport const isSsoOn = process.env.FF_ENTERPRISE_SSO?.trim().toLowerCase() === 'true';`,
      declares: { isSsoOn: { key: 'FF_ENTERPRISE_SSO', member: false } },
    },
    { name: "a text defaulted to 'false' is a switch held as text", text: `export const isFeatureOn = process.env.FEATURE_X_ENABLED || 'false';`, declares: { isFeatureOn: { key: 'FEATURE_X_ENABLED', member: false, text: true } } },
    {
      name: "a text read by a helper with a fallback of 'true' or 'false', or of a variable named as one feature's flag",
      text: `export const FEATURE_FLAG_ENABLE_TRUSTS_WEB = getEnvironmentValue('FEATURE_FLAG_ENABLE_TRUSTS_WEB_07112022', 'false');\nexport const FEATURE_FLAG_NEW_NAV = process.env.FEATURE_FLAG_NEW_NAV;\nexport const FEATURE_BETA = process.env.FEATURE_BETA ?? 'true';`,
      declares: {
        FEATURE_FLAG_ENABLE_TRUSTS_WEB: { key: 'FEATURE_FLAG_ENABLE_TRUSTS_WEB_07112022', member: false, text: true },
        FEATURE_FLAG_NEW_NAV: { key: 'FEATURE_FLAG_NEW_NAV', member: false, text: true },
        FEATURE_BETA: { key: 'FEATURE_BETA', member: false, text: true },
      },
    },
    {
      name: "a text of another fallback, or of a variable that names neither one flag nor a switch with a boolean's fallback, is no switch",
      text: `export const FEATURE_FLAG_THEME = getEnvironmentValue('FEATURE_FLAG_THEME', 'dark');\nexport const FEATURE_BETA = process.env.FEATURE_BETA;\nexport const FEATURE_FLAG_SDK_KEY = process.env.FEATURE_FLAG_SDK_KEY;\nexport const LOG_LEVEL = getEnvironmentValue('LOG_LEVEL', 'false');`,
      declares: {},
    },
    { name: 'a choice between booleans', text: `export const isBetaFeature = isProd ? yes(process.env.FEATURE_BETA) : true;`, declares: { isBetaFeature: { key: 'FEATURE_BETA', member: false } } },
    { name: 'a let, which may change', text: `export let isDevFeaturesEnabled = yes(getEnv('DEV_FEATURES_ENABLED'));`, declares: {} },
    { name: 'a local constant', text: `export function f() {\n  const isOn = yes(getEnv('FEATURE_X'));\n  return isOn;\n}`, declares: {} },
    { name: "a settings service's getter", text: `export const subscriptions = configService.get<string>('ENABLE_FEATURE_SUBSCRIPTION') === 'true';`, declares: { subscriptions: { key: 'ENABLE_FEATURE_SUBSCRIPTION', member: false } } },
    { name: "another object's getter", text: `export const isBetaEnabled = cache.get('FEATURE_BETA_ENABLED');`, declares: {} },
    {
      // Measured on the censuses: such names are as often an operation's settings (ENABLE_DEBUG_LOGS, DISABLE_TELEMETRY) as a feature's.
      name: 'a variable that enables or disables with no FEATURE or FLAG, outside a module of flags',
      text: `export const promql = env.ENABLE_PROMQL === 'true';\nexport const staking = process.env.NEXT_PUBLIC_ENABLE_STAKING === 'true';\nexport const signup = !yes(getEnv('DISABLE_SIGNUP'));`,
      declares: {},
    },
    {
      name: "a server's variable and the twin the browser reads are one switch, named as the server's",
      text: `export const isBeta = typeof window === 'undefined' ? yes(env.FEATURE_BETA) : yes(getEnv('NEXT_PUBLIC_FEATURE_BETA'));
export const isBoth = yes(env.FEATURE_A) && yes(env.NEXT_PUBLIC_FEATURE_B);`,
      declares: { isBeta: { key: 'FEATURE_BETA', member: false } },
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const file = '/ws/src/env.ts';
      // The readers' text test lets every declaring file through, though it calls no flag function.
      if (Object.keys(row.declares).length > 0) assert.ok(mayHoldChecks(row.text, buildPatternSet([])));
      const declared = Object.fromEntries(Object.entries(scanFile(file, row.text, buildPatternSet([])).switches ?? {}).map(([name, found]) => [name, { key: found.key, member: found.member, ...(found.text === true ? { text: true } : {}) }]));
      assert.deepEqual(declared, row.declares);
    });
  }
});

describe("environment switches: a module's object that holds them by its members", () => {
  it('reads each member through that object, and its value is where the switch is set, not read', () => {
    const files: Record<string, string> = {
      '/ws/src/utils/features.ts': `const config = {\n  COOKIE_BANNER: process.env.NEXT_PUBLIC_FEATURE_COOKIE_BANNER === 'true',\n  INSURELY: process.env.NEXT_PUBLIC_FEATURE_INSURELY === 'true',\n} as const;\nexport const banner = config.COOKIE_BANNER;\n`,
      '/ws/src/settings.ts': `export const settings = {\n  newNav: process.env.FEATURE_NEW_NAV === 'true',\n  darkMode: process.env.FEATURE_DARK_MODE === 'true',\n};\n`,
      '/ws/src/app.ts': `import { settings } from './settings';\nexport const nav = settings.newNav && render();\nexport const other = options.newNav;\nexport const kept = fetch('x', { keepalive: process.env.FEATURE_KEEPALIVE === 'true' });\n`,
    };
    assert.deepEqual(readsIn(files, '/ws/src/utils/features.ts'), ['NEXT_PUBLIC_FEATURE_COOKIE_BANNER <- config.COOKIE_BANNER']);
    assert.deepEqual(readsIn(files, '/ws/src/settings.ts'), []);
    assert.deepEqual(readsIn(files, '/ws/src/app.ts'), ['FEATURE_NEW_NAV <- settings.newNav', 'FEATURE_KEEPALIVE <- process.env.FEATURE_KEEPALIVE']);
  });

  it('an object named for features keeps its own rule: its members are read through any receiver named so', () => {
    const files: Record<string, string> = {
      '/ws/src/environment.ts': `export const toggleFeatures = {\n  FEATURE_DASHBOARD: process.env.FEATURE_DASHBOARD === 'true',\n  FEATURE_INVOICE: process.env.FEATURE_INVOICE === 'true',\n};\n`,
      '/ws/src/defaults.ts': `import { toggleFeatures } from './environment';\nconst features = toggleFeatures;\nexport const dashboard = { isEnabled: features.FEATURE_DASHBOARD };\n`,
    };
    assert.deepEqual(readsIn(files, '/ws/src/defaults.ts'), ['FEATURE_DASHBOARD <- features.FEATURE_DASHBOARD']);
  });
});

describe('environment switches: what reads one', () => {
  const ENV = `export const isDevFeaturesEnabled = yes(getEnv('DEV_FEATURES_ENABLED')) || yes(localStorage.getItem(storageKeys.isDevFeaturesEnabled));\n`;
  const VALUES = `export class GlobalValues {\n  public readonly isDevFeaturesEnabled = yes(getEnv('DEV_FEATURES_ENABLED'));\n  get both() { return this.isDevFeaturesEnabled; }\n}\n`;
  const rows: Array<{ name: string; app: string; reads: string[] }> = [
    {
      name: 'an imported constant, in conditions, JSX, ternaries and shorthand properties',
      app: `import { isDevFeaturesEnabled } from './consts/env';\nexport const a = isDevFeaturesEnabled && <Beta />;\nexport const b = guard({ isDevFeaturesEnabled });\nexport const c = isDevFeaturesEnabled ? 1 : 2;\n`,
      reads: ['DEV_FEATURES_ENABLED <- isDevFeaturesEnabled', 'DEV_FEATURES_ENABLED <- isDevFeaturesEnabled', 'DEV_FEATURES_ENABLED <- isDevFeaturesEnabled'],
    },
    {
      name: "a hook's dependency list is no read; the hook's body is",
      app: `import { isDevFeaturesEnabled } from './consts/env';\nexport function useBeta() {\n  useEffect(() => { if (isDevFeaturesEnabled) load(); }, [isDevFeaturesEnabled]);\n}\n`,
      reads: ['DEV_FEATURES_ENABLED <- isDevFeaturesEnabled'],
    },
    {
      name: 'an imported constant under another name',
      app: `import { isDevFeaturesEnabled as dev } from './consts/env';\nif (dev) run();\n`,
      reads: ['DEV_FEATURES_ENABLED <- dev'],
    },
    {
      name: 'a parameter that shadows the import is its own',
      app: `import { isDevFeaturesEnabled } from './consts/env';\nexport function f(isDevFeaturesEnabled: boolean) {\n  return isDevFeaturesEnabled;\n}\nexport const g = isDevFeaturesEnabled;\n`,
      reads: ['DEV_FEATURES_ENABLED <- isDevFeaturesEnabled'],
    },
    {
      name: 'a name not imported is not the switch',
      app: `export function f(isDevFeaturesEnabled: boolean) {\n  return isDevFeaturesEnabled;\n}\n`,
      reads: [],
    },
    {
      name: "a class's property on any object, destructured, but not written",
      app: `import { EnvSet } from './env-set';\nif (EnvSet.values.isDevFeaturesEnabled) run();\nconst { isCloud, isDevFeaturesEnabled } = EnvSet.values;\n(EnvSet.values as Values).isDevFeaturesEnabled = true;\nexport function f({ isDevFeaturesEnabled: on }: Options) { return on; }\n`,
      reads: ['DEV_FEATURES_ENABLED <- EnvSet.values.isDevFeaturesEnabled', 'DEV_FEATURES_ENABLED <- isDevFeaturesEnabled'],
    },
    {
      name: 'types and re-exports name it without reading it',
      app: `import { isDevFeaturesEnabled } from './consts/env';\nexport { isDevFeaturesEnabled };\ntype T = { isDevFeaturesEnabled: boolean };\nexport type U = typeof isDevFeaturesEnabled;\n`,
      reads: [],
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const files = { '/ws/src/consts/env.ts': ENV, '/ws/src/GlobalValues.ts': VALUES, '/ws/src/app.tsx': row.app };
      assert.deepEqual(readsIn(files, '/ws/src/app.tsx'), row.reads);
    });
  }

  it("an object of switches: read through any receiver, destructured at any depth; a constant table of other keys that share a name, and the object set again, read none", () => {
    const files = {
      '/ws/server/config.ts': `export const generateConfig = (env: Env) => ({ FEATURE: { ENABLE_SSO: env.FEATURE_ENABLE_SSO == 'true', ENABLE_ENTROPY: env.FEATURE_ENABLE_ENTROPY == 'true', FORCE_ENTROPY: env.FEATURE_FORCE_ENTROPY == 'true' } });\n`,
      '/ws/src/Config.ts': `const config = { ...env, FEATURE: { ...env.FEATURE, ENABLE_ENTROPY: env.FEATURE.ENABLE_ENTROPY && (isWindows() || env.FEATURE.FORCE_ENTROPY) } };\n`,
      '/ws/src/app.tsx': `if (Config.getConfig().FEATURE.ENABLE_SSO) sso();\nconst features = Config.getConfig().FEATURE;\nconst a = features.ENABLE_SSO;\nconst { ENABLE_SSO: isSSOEnabled } = Config.getConfig().FEATURE;\nconst { FEATURE: { FORCE_ENTROPY } } = Config.getConfig();\nconst b = PROPERTIES_TYPE.CALL.ENABLE_SSO;\n`,
    };
    assert.deepEqual(readsIn(files, '/ws/src/app.tsx'), [
      'FEATURE_ENABLE_SSO <- Config.getConfig().FEATURE.ENABLE_SSO',
      'FEATURE_ENABLE_SSO <- features.ENABLE_SSO',
      'FEATURE_ENABLE_SSO <- ENABLE_SSO: isSSOEnabled',
      'FEATURE_FORCE_ENTROPY <- FORCE_ENTROPY',
    ]);
    assert.deepEqual(readsIn(files, '/ws/src/Config.ts'), []);
  });

  it("an app's configuration of FF_ switches, in groups: read by a settings getter at the switch's path, destructured, or raw where a test makes it a boolean; a path of another object, another setting and a duration read none", () => {
    const files = {
      '/ws/src/config/configuration.ts': `export default () => ({
  redis: { host: process.env.REDIS_HOST },
  features: {
    ethSign: process.env.FF_ETH_SIGN?.toLowerCase() === 'true',
    email: process.env.FF_EMAIL?.toLowerCase() === 'true',
    hashVerification: { api: process.env.FF_HASH_VERIFICATION_API?.toLowerCase() === 'true' },
    checkFrequency: process.env.FEATURE_FLAG_CHECK_FREQUENCY_SECONDS,
  },
});\n`,
      '/ws/src/verifier.ts': `export class Verifier {
  constructor(private readonly configurationService: IConfigurationService) {
    this.isEthSignEnabled = this.configurationService.getOrThrow(
      'features.ethSign',
    );
    this.isApiVerified = this.configurationService.getOrThrow('features.hashVerification.api');
    this.host = this.configurationService.getOrThrow('redis.host');
    this.other = this.configurationService.getOrThrow('limits.ethSign');
  }
}
export const mailer = (config: Env) => config.FF_EMAIL?.toLowerCase() === 'true';
export const every = validatedEnvironment.FEATURE_FLAG_CHECK_FREQUENCY_SECONDS;
export const { email: isEmailEnabled } = configuration().features;\n`,
    };
    assert.deepEqual(scanWorkspace(files).get('/ws/src/config/configuration.ts')?.checks, []);
    assert.deepEqual(readsIn(files, '/ws/src/verifier.ts'), [
      "FF_ETH_SIGN <- this.configurationService.getOrThrow(\n      'features.ethSign',\n    )",
      "FF_HASH_VERIFICATION_API <- this.configurationService.getOrThrow('features.hashVerification.api')",
      'FF_EMAIL <- config.FF_EMAIL?.toLowerCase()',
      'FF_EMAIL <- email: isEmailEnabled',
    ]);
  });

  it("an object of switches whose properties are not named for features: read only through a receiver named for features; other objects' properties of those names are not", () => {
    const files = {
      '/ws/lib/env.ts': `const env = {\n  jackson: { sso: { path: process.env.SSO_PATH } },\n  teamFeatures: {\n    sso: process.env.FEATURE_TEAM_SSO !== 'false',\n    apiKey: process.env.FEATURE_TEAM_API_KEY !== 'false',\n    webhook: process.env.FEATURE_TEAM_WEBHOOK !== 'false',\n  },\n};\nexport default env;\n`,
      '/ws/pages/team.tsx': `if (!env.teamFeatures.sso) notFound();\nconst path = env.jackson.sso.path;\nconst key = await prisma.apiKey.create(data);\nconst { webhook } = useWebhook(id);\nconst { apiKey } = env.teamFeatures;\nexport const Tabs = ({ teamFeatures }) => teamFeatures.webhook && <Webhooks />;\n`,
    };
    assert.deepEqual(readsIn(files, '/ws/pages/team.tsx'), [
      'FEATURE_TEAM_SSO <- env.teamFeatures.sso',
      'FEATURE_TEAM_API_KEY <- apiKey',
      'FEATURE_TEAM_WEBHOOK <- teamFeatures.webhook',
    ]);
  });

  it('a member of an enum or a class that shares the switch\'s name is not the switch; the object that declares it is', () => {
    const files = {
      '/ws/config/environment.ts': `export const environment = {\n  FEATURE_OPEN_STATS: process.env.FEATURE_OPEN_STATS === 'true',\n};\n`,
      '/ws/core/stats.controller.ts': `@FeatureFlag(FeatureEnum.FEATURE_OPEN_STATS)\nexport class StatsController {}\nif (environment.FEATURE_OPEN_STATS) openStats();\nconst on = env.FEATURE_OPEN_STATS;\n`,
    };
    assert.deepEqual(readsIn(files, '/ws/core/stats.controller.ts'), [
      'FEATURE_OPEN_STATS <- environment.FEATURE_OPEN_STATS',
      'FEATURE_OPEN_STATS <- env.FEATURE_OPEN_STATS',
    ]);
  });

  it("reads in the declaring file, but not in the switch's own setting", () => {
    const files = { '/ws/src/consts/env.ts': `${ENV}export const both = isDevFeaturesEnabled && isCloud;\n`, '/ws/src/GlobalValues.ts': VALUES };
    assert.deepEqual(readsIn(files, '/ws/src/consts/env.ts'), ['DEV_FEATURES_ENABLED <- isDevFeaturesEnabled']);
    assert.deepEqual(readsIn(files, '/ws/src/GlobalValues.ts'), ['DEV_FEATURES_ENABLED <- this.isDevFeaturesEnabled']);
  });

  it('leaves a name two declarations set from different variables', () => {
    const files = {
      '/ws/a/env.ts': `export const isBetaFeatureOn = yes(getEnv('FEATURE_BETA_A'));\n`,
      '/ws/b/env.ts': `export const isBetaFeatureOn = yes(getEnv('FEATURE_BETA_B'));\n`,
      '/ws/src/app.ts': `import { isBetaFeatureOn } from '../a/env';\nexport const x = isBetaFeatureOn;\n`,
    };
    assert.deepEqual(readsIn(files, '/ws/src/app.ts'), []);
  });
});

describe('environment switches held as text: read where a test makes them a boolean', () => {
  const CONFIG = `export const FEATURE_FLAG_NEW_NAV = getEnvironmentValue('FEATURE_FLAG_NEW_NAV_01022024', 'false');\n`;
  it("a call named as a feature's test given it alone, or a comparison, is the check; the text handed on, logged or tested for being set is none", () => {
    const files = {
      '/ws/src/config/index.ts': CONFIG,
      '/ws/src/routes/index.ts': `import * as config from '../config';
import { FEATURE_FLAG_NEW_NAV } from '../config';
import { isActiveFeature } from '../utils/feature.flag';
if (isActiveFeature(FEATURE_FLAG_NEW_NAV)) next();
router.get('/nav', isFeatureEnabled(config.FEATURE_FLAG_NEW_NAV), handler);
export const on = FEATURE_FLAG_NEW_NAV === 'true';
export const viewData = { FEATURE_FLAG_NEW_NAV: config.FEATURE_FLAG_NEW_NAV };
logger.info(FEATURE_FLAG_NEW_NAV);
export const set = FEATURE_FLAG_NEW_NAV ? 1 : 0;
export const two = isActiveFeature(FEATURE_FLAG_NEW_NAV, true);
`,
    };
    assert.deepEqual(readsIn(files, '/ws/src/routes/index.ts'), [
      'FEATURE_FLAG_NEW_NAV_01022024 <- isActiveFeature(FEATURE_FLAG_NEW_NAV)',
      'FEATURE_FLAG_NEW_NAV_01022024 <- isFeatureEnabled(config.FEATURE_FLAG_NEW_NAV)',
      "FEATURE_FLAG_NEW_NAV_01022024 <- FEATURE_FLAG_NEW_NAV === 'true'",
    ]);
    const [first, second] = scanWorkspace(files).get('/ws/src/routes/index.ts')?.checks ?? [];
    assert.equal(first.evidence, '`FEATURE_FLAG_NEW_NAV`, imported from ../config, is an environment switch held as text, set from the environment variable FEATURE_FLAG_NEW_NAV_01022024 (index.ts:1), and made a boolean here');
    assert.match(second.evidence ?? '', /^`config\.FEATURE_FLAG_NEW_NAV`, imported from \.\.\/config, is an environment switch held as text/);
  });

  it("the switch's text kept only when it is on (`env.X === 'on' ? 'on' : null`) is held as text; a choice of two texts, or one not named as a switch, is not", () => {
    const files = {
      '/ws/src/env/config.ts': `export const FEATURE_SOLANA = process.env.FEATURE_SOLANA === 'on' ? 'on' : null;
export const FEATURE_LOYALTY_FLOW = process.env.FEATURE_LOYALTY_FLOW === 'on' ? 'on' : undefined;
export const FEATURE_THEME = process.env.FEATURE_THEME === 'on' ? 'dark' : 'light';
export const STRICT_MODE = process.env.STRICT_MODE === 'on' ? 'on' : null;
`,
      '/ws/src/app.ts': `import { FEATURE_SOLANA, FEATURE_LOYALTY_FLOW, FEATURE_THEME, STRICT_MODE } from './env/config';
export const networks = FEATURE_SOLANA !== 'on' ? ['evm'] : ['evm', 'solana'];
export const loyalty = FEATURE_LOYALTY_FLOW === 'on' && FEATURE_THEME === 'dark' && STRICT_MODE === 'on';
`,
    };
    assert.deepEqual(readsIn(files, '/ws/src/app.ts'), [
      "FEATURE_SOLANA <- FEATURE_SOLANA !== 'on'",
      "FEATURE_LOYALTY_FLOW <- FEATURE_LOYALTY_FLOW === 'on'",
    ]);
  });
});

describe('environment reads that fall back to a value of another kind', () => {
  it("are no switch, whatever the variable's name: a date, a list's text, a number; a boolean's text or nothing keeps one", () => {
    const files = {
      '/ws/src/utils/properties.ts': `const getEnvironmentVariable = (key: string, fallback?: string): string => process.env[key] || fallback || '';
export const FEATURE_FLAG_SAIL_ADDRESS = getEnvironmentVariable('FEATURE_FLAG_SAIL_ADDRESS', '2025-01-09');
export const FEATURE_FLAG_PERMITTED_TYPES = getEnvironmentVariable('FEATURE_FLAG_PERMITTED_TYPES', 'limited-partnership');
export const FEATURE_FLAG_LIMIT = process.env.FEATURE_FLAG_LIMIT ?? 10;
export const reform = new Date(process.env.FEATURE_FLAG_REFORM_DATE || '2026-01-01');
export const FEATURE_FLAG_NEW_NAV = getEnvironmentVariable('FEATURE_FLAG_NEW_NAV_01022024', 'false');
`,
    };
    assert.deepEqual(readsIn(files, '/ws/src/utils/properties.ts'), []);
  });
});

describe("a store's selector of one flag", () => {
  it('is a check of that flag wherever its name is read, and the clean-up leaves it; a selector of something else, or reading more, is none', () => {
    const files: Record<string, string> = {
      '/ws/src/feature-flags/selectors.ts': `import { createSelector } from 'reselect';
const getFeatureFlags = (state) => state.featureFlags.flags;
export const getFeatureFlagData = createSelector([getFeatureFlags, getQueryFlags], (flags, query) => ({ ...flags, ...query }));
export const getEnableRedesign = createSelector(getFeatureFlagData, (flags) => flags.OT_PD_ENABLE_REDESIGN ?? false);
export const getEnableComment: Selector<boolean> = createSelector([getFeatureFlagData], (flags) => { return !!flags['OT_PD_ENABLE_COMMENT']; });
export const getLabware = createSelector(getLabwareState, (labware) => labware.all);
export const getBoth = createSelector(getFeatureFlagData, (flags) => flags.A && flags.B);`,
      '/ws/src/app.tsx': `import { useSelector } from 'react-redux';
import { getEnableRedesign, getEnableComment, getLabware, getBoth } from './feature-flags/selectors';
export const App = () => [useSelector(getEnableRedesign), useSelector(getEnableComment) && 'comment', useSelector(getLabware), useSelector(getBoth)];`,
    };
    const checks = scanWorkspace(files).get('/ws/src/app.tsx')?.checks ?? [];
    assert.deepEqual(checks.map((check) => check.key), ['OT_PD_ENABLE_REDESIGN', 'OT_PD_ENABLE_COMMENT']);
    assert.equal(checks[0].method, 'useSelector(getEnableRedesign)', 'the call the selector is handed to gives the value');
    assert.equal(checks[0].environmentSwitch, undefined, "a selector's flag is a backend's");
    assert.equal(checks[0].evidence, '`getEnableRedesign`, imported from ./feature-flags/selectors, is a selector of the flag OT_PD_ENABLE_REDESIGN from getFeatureFlagData (selectors.ts:4)');
    assert.match(givesNoValue(checks[0], 'OT_PD_ENABLE_REDESIGN') ?? '', /hands getEnableRedesign, a selector of 'OT_PD_ENABLE_REDESIGN', to the store/);
  });

  it("is read through the module's namespace given on under its file's name; not through another import's member of that name", () => {
    const files: Record<string, string> = {
      '/ws/src/feature-flags/selectors.ts': `import { createSelector } from 'reselect';
export const getFeatureFlagData = createSelector([getFeatureFlags], (flags) => flags);
export const getEnableRedesign = createSelector(getFeatureFlagData, (flags) => flags.OT_PD_ENABLE_REDESIGN ?? false);`,
      '/ws/src/feature-flags/index.ts': `import * as selectors from './selectors';\nexport { selectors };\n`,
      '/ws/src/app.tsx': `import { useSelector } from 'react-redux';
import { selectors as featureFlagSelectors } from './feature-flags';
import { labware } from './labware';
export const App = () => [useSelector(featureFlagSelectors.getEnableRedesign), useSelector(labware.getEnableRedesign)];`,
    };
    const checks = scanWorkspace(files).get('/ws/src/app.tsx')?.checks ?? [];
    assert.deepEqual(checks.map((check) => `${check.key} <- ${check.method}`), ['OT_PD_ENABLE_REDESIGN <- useSelector(featureFlagSelectors.getEnableRedesign)']);
  });
});

describe('environment switches: in a module of flags', () => {
  it("takes an exported constant made a boolean of one variable of any name: parsed, compared with a boolean's text or given to the module's boolean function; not a test of whether it is set, nor a value's variable", () => {
    const text = `import { env, getEnv, isTruthy } from './env';
export const isProd = env.NODE_ENV === 'production';
export const isBillingEnabled = typeof window === 'undefined' ? isTruthy(env.BILLING_ENABLED) : isTruthy(getEnv('NEXT_PUBLIC_BILLING_ENABLED'));
export const isChatEnabled = !isTruthy(getEnv('NEXT_PUBLIC_CHAT_DISABLED'));
export const isStrict = env.SANDBOX_MODE === 'strict';
export const isSignupOpen = env.SIGNUP_OPEN !== 'false';
export const appUrl = env.APP_URL;
export const isNamedOnly = env.TRIGGER_ENABLED;
const isLocal = isTruthy(env.LOCAL_ONLY);
function enterpriseFeatureEnabled(feature: string, value: unknown, clientKey: string): boolean { return resolve(feature, value, clientKey); }
export const isSsoEnabled = enterpriseFeatureEnabled('sso', env.SSO_ENABLED, 'NEXT_PUBLIC_SSO_ENABLED');
export const isLabelled = describeFeature(env.LABEL_MODE);
export const isAppConfigured = Boolean(env.APPCONFIG_APPLICATION);
export const isWorkersEnabled = Boolean(env.WORKERS_ENABLED);
export const isOllamaConfigured = isTruthy(env.OLLAMA_URL);
`;
    assert.ok(mayHardCodeFlags('/ws/src/config/env-flags.ts', text));
    const switches = scanFile('/ws/src/config/env-flags.ts', text, buildPatternSet([])).switches ?? {};
    assert.deepEqual(Object.fromEntries(Object.entries(switches).map(([name, found]) => [name, found.key])), {
      isBillingEnabled: 'BILLING_ENABLED', isChatEnabled: 'NEXT_PUBLIC_CHAT_DISABLED', isSignupOpen: 'SIGNUP_OPEN', isSsoEnabled: 'SSO_ENABLED', isWorkersEnabled: 'WORKERS_ENABLED',
    });
    // The same text in a module not named for flags declares none of them.
    assert.deepEqual(scanFile('/ws/src/config/env.ts', text, buildPatternSet([])).switches ?? {}, {});
  });
});

describe('environment switches: read where they gate', () => {
  // `evidence`: what the first check says it reads.
  const rows: Array<{ name: string; code: string; reads: string[]; evidence?: string }> = [
    {
      name: "a settings service's getter in conditions, negated, in a choice and a local: the getter is the read",
      code: `export class Cron {
  run() {
    if (this.configurationService.get('ENABLE_FEATURE_STATISTICS')) gather();
    if (!configService.get<boolean>('ENABLE_FEATURE_CRON')) return;
    const dataSource = this.config.get('ENABLE_FEATURE_SUBSCRIPTION') && isPremium ? premium : free;
    const { host } = this.configurationService.get('REDIS_HOST');
  }
}`,
      evidence: "the environment variable ENABLE_FEATURE_STATISTICS is an environment switch, read here as a boolean",
      reads: [
        "ENABLE_FEATURE_STATISTICS <- this.configurationService.get('ENABLE_FEATURE_STATISTICS')",
        "ENABLE_FEATURE_CRON <- configService.get<boolean>('ENABLE_FEATURE_CRON')",
        "ENABLE_FEATURE_SUBSCRIPTION <- this.config.get('ENABLE_FEATURE_SUBSCRIPTION')",
      ],
    },
    {
      name: 'a variable named as a switch (past a public prefix), compared or converted in a function',
      code: `export function modules() {
  return [...(process.env.FEATURE_STATISTICS === 'true' ? [Statistics] : []), env.FEATURE_OIDC === true, yes(getEnv('FF_BETA'))];
}
export const billing = () => env('NEXT_PUBLIC_FEATURE_BILLING_ENABLED') === 'true';`,
      reads: ['FEATURE_STATISTICS <- process.env.FEATURE_STATISTICS', 'FEATURE_OIDC <- env.FEATURE_OIDC', "FF_BETA <- getEnv('FF_BETA')", "NEXT_PUBLIC_FEATURE_BILLING_ENABLED <- env('NEXT_PUBLIC_FEATURE_BILLING_ENABLED')"],
    },
    {
      name: "a variable named as a switch given alone to a function named as a feature's test is a check of all the call; given along with more, or to another function, it is none",
      code: `export const isPrivacyOn = isFeatureEnabled(
  process.env.FEATURE_PRIVACY_SETTINGS,
);
export const banxa = () => isFeatureEnabled(process.env.FEATURE_BANXA) && ok;
export const other = () => [isFeatureEnabled(process.env.FEATURE_A, fallback), format(process.env.FEATURE_B)];`,
      reads: ['FEATURE_PRIVACY_SETTINGS <- isFeatureEnabled(\n  process.env.FEATURE_PRIVACY_SETTINGS,\n)', 'FEATURE_BANXA <- isFeatureEnabled(process.env.FEATURE_BANXA)'],
    },
    {
      name: "a switch of an experimental feature: EXPERIMENTAL first, or after ENABLE, read from a settings store's reader or the environment; all experiments at once, experimental further in the name, a value's setting, a function that changes the setting, or an experiment system's setting, is none",
      code: `export function panels() {
  const sandbox = useSetting('EXPERIMENTAL_SCRIPTING_SANDBOX');
  const mocks = useSetting('ENABLE_EXPERIMENTAL_MOCK_SERVERS');
  const next = process.env.NEXT_PUBLIC_EXPERIMENTAL_EDITOR === 'true';
  const all = process.env.ENABLE_EXPERIMENTAL_FEATURES === 'true' || useSetting('SHOW_EXPERIMENTAL_BADGE');
  const api = useSetting('EXPERIMENTAL_API_URL');
  toggleSetting('EXPERIMENTAL_SCRIPTING_SANDBOX');
  const overrides = process.env.REACT_APP_EXPERIMENT_OVERWRITES;
  const override = ENV.EXPERIMENT_CONFIG_OVERRIDE;
  return [sandbox, mocks, next, all, api];
}`,
      reads: ["EXPERIMENTAL_SCRIPTING_SANDBOX <- useSetting('EXPERIMENTAL_SCRIPTING_SANDBOX')", "ENABLE_EXPERIMENTAL_MOCK_SERVERS <- useSetting('ENABLE_EXPERIMENTAL_MOCK_SERVERS')", 'NEXT_PUBLIC_EXPERIMENTAL_EDITOR <- process.env.NEXT_PUBLIC_EXPERIMENTAL_EDITOR'],
    },
    {
      name: 'a truth test asks whether a variable is set; a setting about features or the flag system is not named as a switch',
      code: `export function setup() {
  if (process.env.FEATURE_APPLOCK_TIMEOUT) timeout = Number(process.env.FEATURE_APPLOCK_TIMEOUT);
  const pick = process.env.FLAG_NEW_UI ? next : legacy;
  const provider = !!process.env.GO_FEATURE_FLAG_URL;
  if (process.env.CLIENT_FEATURE_CACHING_ENABLED || process.env.DISABLE_FEATURE_FLAGS || env.QUERY_FEATURE_ENABLED === '1') cache();
}`,
      reads: [],
    },
    {
      name: 'handed on, written, a text, a value named for the flag system (its SDK key), another object\'s getter or a variable without FEATURE or FLAG: no read',
      code: `export function config(mode) {
  const define = { x: process.env.DEV_FEATURES_ENABLED, y: [process.env.FEATURE_Y_ENABLED] };
  log(process.env.FEATURE_Z_ENABLED, process.env.FEATURE_W_ENABLED || 'false');
  process.env.FEATURE_V_ENABLED = 'true';
  const url = process.env.FEATURE_SERVICE_URL ?? settings.get('FEATURE_FLAGS_URL');
  this.featureFlagKey = process.env.FEATURE_FLAG_SDK_KEY;
  return cache.get('FEATURE_BETA_ENABLED') || process.env.SIGNUP_ENABLED === 'true';
}`,
      reads: [],
    },
    {
      name: "a switch from an app's configuration; not where the configuration is given it under its own name, nor a variable with no FEATURE or FLAG",
      code: `export function routes(app) {
  if (getConfig().FEATURE_CERTIFICATE_PAGE === 'true') app.add(certificates);
  mergeConfig({ FF_TEAMS: process.env.FF_TEAMS === 'true', FF_X: process.env.REACT_APP_FF_X === 'true' });
  return process.env.ENABLE_DEBUG_LOGS === 'true' || process.env.DISABLE_TELEMETRY;
}`,
      reads: ["FEATURE_CERTIFICATE_PAGE <- getConfig().FEATURE_CERTIFICATE_PAGE"],
    },
    {
      name: "an app's configuration read by a setting's name: a boolean reader, or a name that says it is one feature flag, wherever it goes",
      code: `export const enhanced = withObservables([], ({ database }) => ({
  appsEnabled: observeConfigBooleanValue(database, 'FeatureFlagAppsEnabled'),
  emoji: observeConfigBooleanValue(database, 'EnableCustomEmoji'),
}));
export async function classify(database, config) {
  const marking = await getConfigValue(database, 'FeatureFlagClassificationMarkings');
  const threads = processIsCRTEnabled(preferences, config?.FeatureFlagCollapsedThreads);
  const url = config.FeatureFlagsUrl ?? getConfigValue(database, 'CollapsedThreads');
}`,
      reads: [
        "FeatureFlagAppsEnabled <- observeConfigBooleanValue(database, 'FeatureFlagAppsEnabled')",
        "FeatureFlagClassificationMarkings <- getConfigValue(database, 'FeatureFlagClassificationMarkings')",
        'FeatureFlagCollapsedThreads <- config?.FeatureFlagCollapsedThreads',
      ],
      evidence: 'the setting FeatureFlagAppsEnabled is an environment switch, read here as a boolean',
    },
    {
      name: "a reader named for feature flags reads the configuration too, for a setting that says it is one feature flag",
      code: `export const observeBookmarksEnabled = (database) => combineLatest([
  observeFeatureFlagWithVersion(database, 'FeatureFlagChannelBookmarks', REMOVED_VERSION, true),
  getFeatureFlag(database, 'ChannelBookmarks'),
  isFeatureFlagKnown('FeatureFlagsUrl'),
]);`,
      reads: ["FeatureFlagChannelBookmarks <- observeFeatureFlagWithVersion(database, 'FeatureFlagChannelBookmarks', REMOVED_VERSION, true)"],
    },
    {
      name: "a settings store's setting named for a feature, wherever it is read; not one whose value is of another kind, another setting, another object's getter, nor an environment variable only tested",
      code: `export class RoomView {
  private readonly pinning = SettingsStore.getValue<boolean>("feature_pinning");
  render() {
    if (this.room && SettingsStore.getValue("feature_video_rooms")) show(getVisibleRooms(SettingsStore.getValue("feature_dynamic_room_predecessors")));
    this.ref = SettingsStore.watchSetting("feature_group_calls", null, this.onChange);
    const proxy = SettingsStore.getValue("feature_sliding_sync_proxy_url") || SettingsStore.getValue("theme") || cache.getValue("feature_beta");
    if (configService.get('FEATURE_TIMEOUT')) wait();
  }
}`,
      reads: [
        'feature_pinning <- SettingsStore.getValue<boolean>("feature_pinning")',
        'feature_video_rooms <- SettingsStore.getValue("feature_video_rooms")',
        'feature_dynamic_room_predecessors <- SettingsStore.getValue("feature_dynamic_room_predecessors")',
        'feature_group_calls <- SettingsStore.watchSetting("feature_group_calls", null, this.onChange)',
      ],
    },
    {
      name: "node-config's setting under a head that names features' switches, read as a boolean, is that switch; one of another value, or asked for as text, is a setting of the feature; the head read whole is every switch's record",
      code: `import config from 'config';
export function validate(value) {
  const settlement = config.get<boolean>('featureToggles.settlementAgreementEnabled') || false;
  const timeline = asBooleanValue(config.get('features.timelineEnabled'));
  const url = config.get<boolean>('featureToggles.launchDarklyUrl');
  const label = config.get<string>('features.newNav');
  const everySwitch = toBoolean(config.get('featureToggles'));
  return settlement && timeline && url && label && everySwitch && config.get('ccd.caseType');
}`,
      reads: [
        "settlementAgreementEnabled <- config.get<boolean>('featureToggles.settlementAgreementEnabled')",
        "timelineEnabled <- config.get('features.timelineEnabled')",
      ],
    },
    {
      name: "node-config's feature as a group, its switch a step below (`features.allowNI.enabled`), is the feature's switch by its group's name (a file that writes no switch's word in capitals too); a sub-switch keeps its path; a size in the group is none",
      code: `const config = require('config');
const allowNI = config.get('features.allowNI.enabled');
module.exports = {
  save: config.get('features.allowSaveAndReturn.enabled') === 'true',
  webForm: config.get('features.allowContactUs.webForm.enabled') === 'true',
  maxSize: config.get('features.evidenceUpload.maxFileSize'),
  allowNI,
};`,
      reads: [
        "allowNI <- config.get('features.allowNI.enabled')",
        "allowSaveAndReturn <- config.get('features.allowSaveAndReturn.enabled')",
        "allowContactUs.webForm <- config.get('features.allowContactUs.webForm.enabled')",
      ],
    },
    {
      name: 'a variable that configures the flag system is no switch: its provider, its endpoint, its environment',
      code: `export function initializeFeatureFlags(env) {
  return { provider: env.FEATURE_FLAG_PROVIDER || process.env.FEATURE_FLAG_PROVIDER, host: env.FEATURE_FLAG_ENDPOINT, stage: env.FEATURE_FLAG_ENVIRONMENT, on: env.FEATURE_FLAG_NEW_NAV === 'true' };
}`,
      reads: ["FEATURE_FLAG_NEW_NAV <- env.FEATURE_FLAG_NEW_NAV"],
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      assert.ok(mayHoldChecks(row.code, buildPatternSet([])));
      assert.deepEqual(readsIn({ '/ws/src/cron.ts': row.code }, '/ws/src/cron.ts'), row.reads);
      if (row.evidence !== undefined) assert.equal(scanWorkspace({ '/ws/src/cron.ts': row.code }).get('/ws/src/cron.ts')?.checks[0]?.evidence, row.evidence);
    });
  }

  it("a team's wrapper that reads such a setting is one check, the wrapper's", () => {
    const code = `export const isOn = (database) => getFeatureFlagValue(database, 'FeatureFlagChannelBookmarks') === 'true';\n`;
    const checks = scanFile('/ws/src/cron.ts', code, buildPatternSet([{ callee: 'getFeatureFlagValue', keyArg: 1 }])).checks;
    assert.deepEqual(checks.map((check) => `${check.key} ${check.environmentSwitch === true ? 'switch' : check.sdk}`), ['FeatureFlagChannelBookmarks custom']);
  });
});

describe('environment switches: diagnostics and the clean-up', () => {
  const roots: string[] = [];
  after(() => {
    for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
  });

  it("a store's setting read by a getter a preset also names is one reference, once the store is known as the app's own", async () => {
    const files: Record<string, string> = {
      'src/settings/SettingsStore.ts': `export default class SettingsStore {\n  static getValue(name: string): unknown {\n    return store[name];\n  }\n}\n`,
      'src/room.ts': `import SettingsStore from './settings/SettingsStore';\nexport const pinned = SettingsStore.getValue('feature_pinning') ? 1 : 0;\n`,
    };
    const { root, index } = await indexedWorkspace('flaglens-store-', files, buildPatternSet([]));
    roots.push(root);
    assert.deepEqual(index.references('feature_pinning').map(({ file, check }) => `${path.posix.relative(root, file)} ${check.environmentSwitch === true ? 'switch' : check.sdk}`), ['src/room.ts switch']);
  });

  it('are references of their variable in the index, neither unknown to a backend nor removed', async () => {
    const files: Record<string, string> = {
      'src/consts/env.ts': `export const isDevFeaturesEnabled = process.env.NODE_ENV !== 'production' || yes(process.env.DEV_FEATURES_ENABLED);\n`,
      'src/page.tsx': `import { isDevFeaturesEnabled } from './consts/env';\nexport const Page = () => (isDevFeaturesEnabled ? <New /> : <Old />);\n`,
      'src/other.ts': `export const unrelated = 1;\n`,
    };
    const { root, index } = await indexedWorkspace('flaglens-switches-', files, buildPatternSet([]));
    roots.push(root);
    const references = index.references('DEV_FEATURES_ENABLED');
    assert.deepEqual(references.map(({ file }) => path.posix.relative(root, file)), ['src/page.tsx']);
    const [{ check }] = references;
    // A backend that defines other flags: the switch is not one of its unknown keys, nor held to its naming rule.
    assert.deepEqual(findingsForChecks(`${root}/src/page.tsx`, [check], catalog([definition('new-checkout')]), {}, policyContext(Date.now(), [check])), []);
    assert.match(givesNoValue(check, check.key) ?? '', /environment switch.*left as it is/);
    // As a document changes in the editor, its reads are found as they are written.
    index.setFileText(`${root}/src/other.ts`, `import { isDevFeaturesEnabled as beta } from './consts/env';\nexport const unrelated = beta ? 2 : 1;\n`);
    assert.deepEqual(index.references('DEV_FEATURES_ENABLED').map(({ file }) => path.posix.relative(root, file)).sort(), ['src/other.ts', 'src/page.tsx']);
    // The hover says what it is and where it is set, with or without flag files.
    for (const flags of [catalog([definition('new-checkout')]), catalog([], { loaded: false })]) {
      const hover = describeFlagMarkdown(check, flags, { references: 1, files: 1 }, policyContext(Date.now(), [check]));
      assert.match(hover, /^\*\*DEV_FEATURES_ENABLED\*\* — environment switch/);
      assert.match(hover, /set from the environment variable DEV_FEATURES_ENABLED \(env\.ts:1\)/);
      assert.doesNotMatch(hover, /not defined/);
    }
  });
});
