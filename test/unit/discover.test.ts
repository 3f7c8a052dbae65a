// Zero-config discovery: which wrappers, bag functions and registry a set of files leads to.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeDiscovery, discover, keysAsWrittenFolders, proposeConfig, type ProposedConfig } from '../../server/src/analysis/discover';
import { withKeyAsWritten } from '../../server/src/analysis/bags';
import { findDefinition } from '../../server/src/analysis/match';
import { parseConfig } from '../../server/src/workspace/config';
import { scanFile } from '../../server/src/analysis/scan';
import type { FlagCatalog, FlagDefinition } from '../../server/src/analysis/types';
import { buildPatternSet } from '../../server/src/analysis/patterns';

const ROOT = '/work/app';

interface Case {
  name: string;
  files: Record<string, string>;
  expected: ProposedConfig;
  /** A line of the printed summary: why a registry was, or was not, proposed. */
  says?: RegExp;
  /** Keys a scan with the proposed config finds in each of these files: the proposed patterns match the calls they are for, and no other. */
  checks?: Record<string, string[]>;
}

// A front end and a server, each with its own registry (`UiFlags`, and the server's `symbol` listing `keys`), and SDK
// checks that give both keys checked with evidence of their own; `extra` adds files (a plan-feature list).
function twoParts(symbol: string, keys: readonly string[], extra: Record<string, string> = {}): Record<string, string> {
  return {
    'src/frontend/uiConfig.ts': `export type UiFlags = { newNav?: boolean; darkMode?: boolean; billing?: boolean; search?: boolean };`,
    'src/frontend/useUiFlag.ts': `export function useUiFlag<K extends keyof UiFlags>(flag: K) { return useContext(Config).flags[flag]; }`,
    'src/frontend/App.tsx': `import { GrowthBook } from '@growthbook/growthbook';
const gb = new GrowthBook(); gb.isOn('newNav'); gb.isOn('darkMode'); gb.isOn('billing');
useUiFlag('newNav'); useUiFlag('search');`,
    'src/server/sdk.ts': `import { GrowthBook } from '@growthbook/growthbook';
const gb = new GrowthBook(); gb.isOn('deltaApi'); gb.isOn('accessLogs');`,
    'src/server/experimental.ts': `export type ${symbol} = ${keys.map((key) => `'${key}'`).join(' | ')};`,
    'src/server/flagResolver.ts': `export class FlagResolver { isEnabled(expName: ${symbol}, context?: object): boolean { return this.experiments[expName] ?? false; } }`,
    'src/server/service.ts': `export class Service { constructor(private flagResolver: FlagResolver) {} run() { return this.flagResolver.isEnabled('etagByEnv'); } }`,
    ...extra,
  };
}

const SERVER_KEYS = ['accessLogs', 'deltaApi', 'etagByEnv', 'maintenance', 'auditLog'];

// The team's own flag store with no SDK (an edge config read by its own functions): lists of flags as unions, a bag
// function and bag properties declared as records keyed by them, route wrappers whose option is typed by them, and a
// pricing list used in the same shapes under names that say nothing of flags.
const DECLARED_TYPES: Record<string, string> = {
  'lib/types.ts': `export type BetaFeatures = 'siteVisits' | 'noProration';
export type PartnerBetaFeatures = 'postbacks';
export type PlanFeature = 'sso' | 'audit-logs';
export interface Workspace { id: string; plan: PlanFeature; flags?: { [key in BetaFeatures]: boolean } }`,
  'lib/edgeConfig.ts': `import { get } from '@vercel/edge-config';
export const getFeatureFlags = async ({ id }: { id: string }): Promise<Record<BetaFeatures, boolean>> => {
  const features: Record<BetaFeatures, boolean> = { siteVisits: false, noProration: false };
  const lists = await get('betaFeatures');
  for (const [flag, ids] of Object.entries(lists)) if (ids.includes(id)) features[flag] = true;
  return features;
};
export function getPlanFeatures(plan: string): Record<PlanFeature, boolean> { return { sso: plan === 'pro', 'audit-logs': false }; }`,
  'lib/auth/workspace.ts': `export const withWorkspace = (handler: Handler, { requiredPlan = [], featureFlag }: { requiredPlan?: string[]; featureFlag?: BetaFeatures } = {}) =>
  async (req: Request) => {
    const flags = await getFeatureFlags({ id: req.url });
    if (featureFlag && !flags[featureFlag]) return new Response('Not found', { status: 404 });
    return handler(req);
  };`,
  'lib/auth/partner.ts': `interface PartnerOptions { requiredPermission?: string; featureFlag?: PartnerBetaFeatures }
export const withPartnerProfile = (handler: Handler, { featureFlag }: PartnerOptions = {}) => handler;
export const withPlan = (handler: Handler, options: { requiredFeature?: PlanFeature }) => handler;`,
  'lib/swr/usePartnerProfile.ts': `interface PartnerProfile { name: string; featureFlags?: Record<PartnerBetaFeatures, boolean> }`,
  'app/api/sitemaps/route.ts': `export const POST = withWorkspace(async () => Response.json({}), {
  requiredPlan: ['pro'],
  featureFlag: 'siteVisits',
});
export const GET = withPartnerProfile(async () => Response.json({}), { featureFlag: 'postbacks' });
export const PUT = withPlan(async () => Response.json({}), { requiredFeature: 'sso' });
export const PATCH = withWorkspace(async () => Response.json({}));`,
  'app/api/upgrade/route.ts': `export async function POST() { const flags = await getFeatureFlags({ id: 'w' }); return flags.noProration ? prorate() : charge(); }`,
  'app/settings/page.tsx': `export function Settings() {
  const { flags, plan } = useWorkspace();
  const { partner } = usePartnerProfile();
  const features = getPlanFeatures(plan);
  return flags?.siteVisits && partner?.featureFlags?.postbacks && features.sso && flags?.length;
}`,
};

const cases: Case[] = [
  {
    name: 'a hook that indexes the SDK bag with its parameter',
    files: { 'src/flags.ts': `import { useFlags } from 'launchdarkly-react-client-sdk';\nexport function useFeatureFlag(key: string) { return useFlags()[key]; }` },
    expected: { patterns: [{ callee: 'useFeatureFlag', keyArg: 0 }] },
  },
  {
    name: 'a function forwarding its second parameter, with the default, to an SDK call',
    files: { 'src/flags.ts': `import type { LDClient } from 'launchdarkly-node-server-sdk';\ndeclare const ldClient: LDClient;\nexport const isOn = async (user: User, flag: string, fallback = false) => ldClient.boolVariation(flag, user, fallback);` },
    expected: { patterns: [{ callee: 'isOn', keyArg: 1, defaultArg: 2, type: 'boolean' }] },
  },
  {
    name: 'a class method forwarding to the same-named SDK method is covered by the preset already',
    files: { 'src/flags.ts': `import { Unleash } from 'unleash-client';\nexport class Flags { private unleash = new Unleash({ url, appName }); isEnabled(name: string) { return this.unleash.isEnabled(name); } isOff(name: string) { return !this.unleash.isEnabled(name); } }` },
    expected: { patterns: [{ callee: 'isOff', keyArg: 0, negate: true, type: 'boolean' }] },
  },
  {
    name: 'two levels of wrapping, a key inside an options object',
    files: {
      'src/a.ts': `import posthog from 'posthog-js';\nexport function checkFlag(options: { key: string }) { return posthog.isFeatureEnabled(options.key); }`,
      'src/b.ts': `export function gate({ key }: { key: string }) { return checkFlag({ key }); }`,
    },
    expected: { patterns: [{ callee: 'checkFlag', keyArg: '0.key', type: 'boolean' }, { callee: 'gate', keyArg: '0.key', type: 'boolean' }] },
  },
  {
    name: 'a function passing its options object whole to a wrapper that reads the key inside it',
    files: {
      'src/a.ts': `import posthog from 'posthog-js';\nexport function checkFlag(options: { key: string }) { return posthog.isFeatureEnabled(options.key); }`,
      'src/b.ts': `export function cachedCheck(opts: { key: string; ttl?: number }) { return memo.get(opts.key) ?? checkFlag(opts); }\nexport function byOrg(orgId: string) { return checkFlag(orgId); }`,
    },
    expected: { patterns: [{ callee: 'checkFlag', keyArg: '0.key', type: 'boolean' }, { callee: 'cachedCheck', keyArg: '0.key', type: 'boolean' }] },
  },
  {
    name: 'a method taking the key from its options object in a const of its body; a let may change, so is not followed',
    files: {
      'src/flags.ts': `import { Unleash } from 'unleash-client';
const unleash = new Unleash({ url, appName });
export class FlagService {
  async getGlobal(flag: { key: string; fallback: boolean }) { const { key, fallback } = flag; return unleash.isEnabled(key, {}, fallback); }
  async forOrg(options: { org: { flag: string } }) { const name = options.org.flag; return unleash.isEnabled(name); }
  async later(options: { key: string }) { let { key } = options; key = key.toLowerCase(); return unleash.isEnabled(key); }
}`,
    },
    expected: { patterns: [{ callee: 'getGlobal', keyArg: '0.key', type: 'boolean' }, { callee: 'forOrg', keyArg: '0.org.flag', type: 'boolean' }] },
  },
  {
    name: 'a function returning the SDK bag, and a generic name that is not proposed',
    files: { 'src/flags.ts': `import { useFlags } from 'launchdarkly-react-client-sdk';\nexport const useAppFlags = () => useFlags();
export function get(key: string) { return useFlags()[key]; }` },
    expected: { bags: [{ bag: 'useAppFlags()', camelCaseKeys: true, sdk: 'launchdarkly' }] },
  },
  {
    name: 'a team bag returning LaunchDarkly\'s useFlags() with a type argument, and a bag returning that one',
    files: {
      'src/useLaunchDarkly.tsx': `import { useFlags } from 'launchdarkly-react-client-sdk';\nexport function useLaunchDarkly() { return useFlags<typeof flagDefaults>(); }`,
      'src/useBilling.ts': `export const useBillingFlags = () => useLaunchDarkly();`,
    },
    expected: { bags: [{ bag: 'useLaunchDarkly()', camelCaseKeys: true, sdk: 'launchdarkly' }, { bag: 'useBillingFlags()', camelCaseKeys: true, sdk: 'launchdarkly' }] },
  },
  {
    name: 'the registry whose keys the checks use wins over other candidates',
    files: {
      'src/keys.ts': `export const ROUTES = { HOME: '/', ABOUT: '/about', SEARCH: '/search' } as const;
export type FlagKey = 'new-nav' | 'dark-mode';`,
      'src/app.ts': `import { GrowthBook } from '@growthbook/growthbook';
const gb = new GrowthBook({});
gb.isOn('new-nav');`,
    },
    expected: { registry: { file: 'src/keys.ts', symbol: 'FlagKey' } },
    says: /^registry FlagKey \(src\/keys\.ts, union\): 1 of its 2 keys is checked in code, and its name says it lists flags$/,
  },
  {
    name: 'a metrics interface whose name holds "gate" inside a word is no registry',
    files: { 'src/usageMetrics.ts': `export interface AggregatedFunctionMetrics { invocations: number; errors: number; cacheHits: number }` },
    expected: {},
  },
  {
    name: 'a union of routes with one key that a check happens to use is no registry',
    files: {
      'src/routes.ts': `export type Route = 'home' | 'search' | 'settings' | 'billing';`,
      'src/app.ts': `import { GrowthBook } from '@growthbook/growthbook';
const gb = new GrowthBook({});
gb.isOn('search');`,
    },
    expected: {},
    says: /^no registry proposed: the nearest candidate, Route \(src\/routes\.ts, union\), is not named for flags .* only 1 of its 4 keys is checked in code/,
  },
  {
    name: 'an object of CSS classes with one checked key is no registry',
    files: {
      'src/styles.ts': `export const CLASSES = { hidden: 'is-hidden', active: 'is-active', dark: 'dark-mode' } as const;`,
      'src/app.ts': `import { GrowthBook } from '@growthbook/growthbook';
const gb = new GrowthBook({});
gb.isOn('dark-mode');`,
    },
    expected: {},
  },
  {
    name: 'a flag-named registry wins over a metrics interface that lists the same checked keys',
    files: {
      'src/metrics.ts': `export interface UsageMetrics { 'new-nav': number; 'dark-mode': number }`,
      'src/flags.ts': `export enum FeatureFlag { NewNav = 'new-nav', DarkMode = 'dark-mode', Beta = 'beta' }`,
      'src/app.ts': `import { GrowthBook } from '@growthbook/growthbook';
const gb = new GrowthBook({});
gb.isOn('new-nav'); gb.isOn('dark-mode');`,
    },
    expected: { registry: { file: 'src/flags.ts', symbol: 'FeatureFlag' } },
  },
  {
    name: 'an enum named for flags few of whose keys are checked (toggles of the UI) is not proposed',
    files: {
      'src/panels.ts': `export enum Toggles { Menu = 'menu', Sidebar = 'sidebar', Search = 'search', Footer = 'footer', Header = 'header' }`,
      'src/app.ts': `import { GrowthBook } from '@growthbook/growthbook';
const gb = new GrowthBook({});
gb.isOn('search');`,
    },
    expected: {},
    says: /Toggles .*is named for flags, but only 1 of its 5 keys is checked in code/,
  },
  {
    name: 'a name that holds flag words but is about something else is no registry, even with no checks',
    files: { 'src/models.ts': `export interface BenefitGrantFeatureFlagWebhook { 'benefit-id': string; 'customer-id': string }
export enum FeatureTier { Free = 'free', Pro = 'pro' }` },
    expected: {},
  },
  {
    name: 'a flag-named union none of whose keys is checked, while checks name other keys, is not proposed',
    files: {
      'src/keys.ts': `export type FlagKeys = 'old-nav' | 'old-search';`,
      'src/app.ts': `import { GrowthBook } from '@growthbook/growthbook';
const gb = new GrowthBook({});
gb.isOn('new-nav');`,
    },
    expected: {},
    says: /^no registry proposed: the nearest candidate, FlagKeys \(src\/keys\.ts, union\), is named for flags, but none of its 2 keys is checked in code/,
  },
  {
    name: 'with no check using any key, only a registry named for flags is proposed',
    files: { 'src/keys.ts': `export interface Experiments { 'a.b': boolean; 'c.d': boolean }
export enum Colors { Red = 'red', Blue = 'blue' }` },
    expected: { registry: { file: 'src/keys.ts', symbol: 'Experiments' } },
  },
  {
    name: 'an enum registry and the team\'s own provider, no SDK: calls passed its members are checks, typed parameters wrappers',
    files: {
      'src/flags.ts': `export enum FeatureFlag { NewNav = 'new-nav', DarkMode = 'dark-mode', Billing = 'billing-v2' }`,
      'src/provider.ts': `import { FeatureFlag } from './flags';
export class FlagProvider { evaluatedFeatureFlag(flag: FeatureFlag): boolean { return this.values[flag] === true; } }`,
      'src/useFeatureFlag.ts': `import { FeatureFlag } from './flags';
export function useFeatureFlag(flag: FeatureFlag) { return useContext(Flags).evaluatedFeatureFlag(flag); }`,
      'src/app.ts': `import { FeatureFlag } from './flags';
if (provider.evaluatedFeatureFlag(FeatureFlag.NewNav)) render();
const dark = useFeatureFlag(FeatureFlag.DarkMode);
commands.register({ id: 'billing', flag: FeatureFlag.Billing });
const all = Object.values(FeatureFlag).includes(FeatureFlag.NewNav);`,
    },
    expected: {
      patterns: [{ callee: 'evaluatedFeatureFlag', keyArg: 0 }, { callee: 'useFeatureFlag', keyArg: 0 }, { callee: 'register', keyArg: '0.flag' }],
      registry: { file: 'src/flags.ts', symbol: 'FeatureFlag' },
    },
    says: /^wrapper evaluatedFeatureFlag \(src\/provider\.ts:2\): its first parameter is typed FeatureFlag, and FeatureFlag lists flags$/,
  },
  {
    name: 'a static method passed a member is a check on its class only: other classes\' methods of that name are not',
    files: {
      'src/flags.ts': `export enum FeatureFlag { NewNav = 'new-nav', DarkMode = 'dark-mode', Billing = 'billing-v2' }`,
      'src/nav.ts': `import { FeatureFlag } from './flags';
const nav = await this.getFlag.execute(GetFlagCommand.create({ key: FeatureFlag.NewNav, userId }));
const dark = await this.getFlag.execute(GetFlagCommand.create({ key: FeatureFlag.DarkMode, userId }));`,
      'src/main.ts': `const app = await NestFactory.create(AppModule, { cors: true });
const topic = CreateTopicCommand.create({ key: body.key, name: body.name });
const user = await this.userRepository.create({ key: 'u1' });`,
    },
    expected: {
      patterns: [{ callee: 'GetFlagCommand.create', keyArg: '0.key' }],
      registry: { file: 'src/flags.ts', symbol: 'FeatureFlag' },
    },
    says: /^check GetFlagCommand\.create \(src\/nav\.ts:2\): 2 calls pass a member of FeatureFlag as its first argument's key$/,
    checks: { 'src/nav.ts': ['FeatureFlag.NewNav', 'FeatureFlag.DarkMode'], 'src/main.ts': [] },
  },
  {
    name: 'a union registry with a keyof member wins over a two-key union named for a feature; its typed method is a wrapper',
    files: {
      'src/types/experimental.ts': `export interface IFlagKeyOverrides { extraFlag: boolean }
export type IFlagKey = 'accessLogs' | 'deltaApi' | 'newNav' | 'darkMode' | keyof IFlagKeyOverrides;
export interface IFlagResolver { isEnabled: (expName: IFlagKey, context?: object) => boolean }`,
      'src/services/clientSpec.ts': `export type ClientSpecFeature = 'segments' | 'deltaApi';
export function requestSupportsSpec(request: Request, feature: ClientSpecFeature): boolean { return true; }`,
      'src/app.ts': `flagResolver.isEnabled('accessLogs'); flagResolver.isEnabled('newNav'); flagResolver.isEnabled('extraFlag');
requestSupportsSpec(request, 'deltaApi');`,
    },
    expected: { patterns: [{ callee: 'isEnabled', keyArg: 0 }], registry: { file: 'src/types/experimental.ts', symbol: 'IFlagKey' } },
    says: /^registry IFlagKey \(src\/types\/experimental\.ts, union\): 3 of its 5 keys are checked in code, 1 parameter typed by it or call passed a member, and its name says it lists flags$/,
  },
  {
    name: 'a hook three calls above the SDK: it calls the closure another hook returns, which calls an override helper',
    files: {
      'src/hooks/overrides.ts': `import type { UnleashClient } from 'unleash-proxy-client';
export const applyOverrides = (serverValue: unknown, flag: string, overrides?: UnleashClient) => overrides ? overrides.isEnabled(flag) : serverValue;`,
      'src/hooks/useUiFlag.ts': `import { applyOverrides } from './overrides';
export const useUiFlagEvaluator = () => {
  const { uiConfig } = useUiConfig();
  return <K extends Flag>(flag: K) => applyOverrides(uiConfig.flags[flag], flag, overrides);
};
export const useUiFlag = <K extends Flag>(flag: K) => {
  const evaluate = useUiFlagEvaluator();
  return evaluate(flag);
};`,
      'src/App.tsx': `const on = useUiFlag('newNav');`,
    },
    expected: { patterns: [{ callee: 'applyOverrides', keyArg: 1, type: 'boolean' }, { callee: 'useUiFlag', keyArg: 0 }] },
    says: /^wrapper useUiFlag \(src\/hooks\/useUiFlag\.ts:6\): passes its first argument as the flag key to evaluate, the function useUiFlagEvaluator\(\) returns \(a wrapper itself\)$/,
  },
  {
    name: 'a registry named for flags under which most checks would be unregistered-flag findings is not proposed',
    files: {
      'src/clientSpec.ts': `export type ClientSpecFeature = 'segments' | 'delta-api';`,
      'src/app.ts': `import { GrowthBook } from '@growthbook/growthbook';
const gb = new GrowthBook();
gb.isOn('delta-api'); gb.isOn('new-nav'); gb.isOn('dark-mode'); gb.isOn('beta-search');`,
    },
    expected: {},
    says: /^no registry proposed: the nearest candidate, ClientSpecFeature \(src\/clientSpec\.ts, union\), 1 of its 2 keys is checked in code, and its name says it lists flags; but 3 of the 4 checks with a known key would check keys it does not list$/,
  },
  {
    name: 'a parameter typed keyof the registry is a wrapper, with nothing forwarded',
    files: {
      'src/interfaces/uiConfig.ts': `export type UiFlags = { newNav?: boolean; darkMode?: boolean; billing?: boolean };`,
      'src/hooks/useUiFlag.ts': `export function useUiFlag<K extends keyof UiFlags>(flag: K) { return useContext(Config).flags[flag]; }`,
      'src/App.tsx': `useUiFlag('newNav'); useUiFlag('darkMode');`,
    },
    expected: { patterns: [{ callee: 'useUiFlag', keyArg: 0 }], registry: { file: 'src/interfaces/uiConfig.ts', symbol: 'UiFlags' } },
  },
  {
    name: 'a const choosing once between two wrappers that take the key alike is a wrapper; a choice with a plain function is not',
    files: {
      'src/experiments.ts': `export interface Experiments { 'nav.new': boolean; 'billing.v2': boolean; 'search.beta': boolean }`,
      'src/useExperiment.ts': `function fromService<K extends keyof Experiments>(key: K) { return useContext(Service).get(key); }
function withOverrides<K extends keyof Experiments>(key: K) { return overrides[key] ?? fromService(key); }
function logged(key: string) { console.log(key); }
export const useExperiment = isDev ? withOverrides : fromService;
export const readExperiment = (fromService);
export const maybeExperiment = isDev ? logged : fromService;`,
      'src/App.tsx': `useExperiment('nav.new'); useExperiment('billing.v2'); readExperiment('search.beta');`,
    },
    expected: {
      patterns: [{ callee: 'fromService', keyArg: 0 }, { callee: 'withOverrides', keyArg: 0 }, { callee: 'useExperiment', keyArg: 0 }, { callee: 'readExperiment', keyArg: 0 }],
      registry: { file: 'src/experiments.ts', symbol: 'Experiments' },
    },
    says: /^wrapper useExperiment \(src\/useExperiment\.ts:4\): is withOverrides or fromService, each a wrapper taking the key alike$/,
  },
  {
    name: 'a front end\'s and a server\'s registries both anchor their typed wrappers; a plan-feature union with one key checked does not',
    files: twoParts('IFlagKey', SERVER_KEYS.slice(0, 4), {
      'src/billing/plans.ts': `export type CommercialFeature = 'sso' | 'scim' | 'audit-logs' | 'teams' | 'saml' | 'billing' | 'webhooks' | 'roles';
export function hasCommercialFeature(feature: CommercialFeature): boolean { return plan.features.includes(feature); }
export function requireFeature(org: Org, feature: CommercialFeature) { if (!hasCommercialFeature(feature)) throw new Error(feature); }
requireFeature(org, 'sso'); hasCommercialFeature('scim');`,
      // One plan feature's name is also a flag's, as happens: with its typed functions, the union convinces on its own.
      'src/billing/rollout.ts': `import { GrowthBook } from '@growthbook/growthbook';
new GrowthBook().isOn('webhooks');`,
    }),
    expected: { patterns: [{ callee: 'useUiFlag', keyArg: 0 }, { callee: 'isEnabled', keyArg: 0 }], registry: { file: 'src/frontend/uiConfig.ts', symbol: 'UiFlags' } },
    says: /^registry IFlagKey \(src\/server\/experimental\.ts, union\) anchors wrappers too: 2 of its 4 keys are checked by calls with evidence of their own, and its name says it lists flags$/,
    checks: { 'src/server/service.ts': ['etagByEnv'], 'src/billing/plans.ts': [] },
  },
  {
    name: 'a second registry whose name says "feature", a word used for plans too, needs half its keys checked, not a quarter',
    files: twoParts('ServerFeature', SERVER_KEYS),
    expected: { patterns: [{ callee: 'useUiFlag', keyArg: 0 }], registry: { file: 'src/frontend/uiConfig.ts', symbol: 'UiFlags' } },
    checks: { 'src/server/service.ts': [] },
  },
  {
    name: 'the same second registry named for toggles anchors with two of its five keys checked',
    files: twoParts('ServerToggle', SERVER_KEYS),
    expected: { patterns: [{ callee: 'useUiFlag', keyArg: 0 }, { callee: 'isEnabled', keyArg: 0 }], registry: { file: 'src/frontend/uiConfig.ts', symbol: 'UiFlags' } },
    checks: { 'src/server/service.ts': ['etagByEnv'] },
  },
  {
    name: 'a second registry with one key checked by calls of their own does not anchor, even named for flags',
    files: twoParts('ServerFlag', ['auditLog', 'deltaApi', 'etagByEnv']),
    expected: { patterns: [{ callee: 'useUiFlag', keyArg: 0 }], registry: { file: 'src/frontend/uiConfig.ts', symbol: 'UiFlags' } },
  },
  {
    name: 'a second registry declared in a test does not anchor',
    files: { ...twoParts('ServerFlag', SERVER_KEYS), 'src/server/experimental.ts': '', 'src/server/flags.test.ts': `export type ServerFlag = 'accessLogs' | 'deltaApi' | 'etagByEnv';` },
    expected: { patterns: [{ callee: 'useUiFlag', keyArg: 0 }], registry: { file: 'src/frontend/uiConfig.ts', symbol: 'UiFlags' } },
  },
  {
    name: 'a property typed by the registry interface, in another file, is a bag of its listed keys; other objects\' properties of that name are not',
    files: {
      'src/interfaces/uiConfig.ts': `export interface UiFlags { newNav?: boolean; darkMode?: boolean; UG?: boolean }
export interface IUiConfig { version: string; flags: UiFlags }`,
      'src/interfaces/overrides.ts': `import type { UiFlags } from './uiConfig';
export class Overrides { saved?: Partial<UiFlags>; constructor(private readonly flagList: string[]) {} }`,
      'src/hooks/useUiFlag.ts': `export function useUiFlag<K extends keyof UiFlags>(flag: K) { return useContext(Config).flags[flag]; }`,
      'src/App.tsx': `useUiFlag('newNav');`,
      'src/Banner.tsx': `const { uiConfig } = useUiConfig();
const on = uiConfig.flags.darkMode && uiConfig?.flags?.['newNav'];
const { flags } = uiConfig; if (flags.UG) show();
const count = props.flags.length + dashboard.flags.filter(Boolean).length + stored.saved?.darkMode;`,
    },
    expected: {
      patterns: [{ callee: 'useUiFlag', keyArg: 0 }],
      bags: [{ bag: 'flags', keys: ['newNav', 'darkMode', 'UG'] }, { bag: 'saved', keys: ['newNav', 'darkMode', 'UG'] }],
      registry: { file: 'src/interfaces/uiConfig.ts', symbol: 'UiFlags' },
    },
    says: /^bag flags \(src\/interfaces\/uiConfig\.ts:2\): a property typed UiFlags, which lists flags; a read of one it lists is a check$/,
    checks: { 'src/Banner.tsx': ['darkMode', 'newNav', 'UG', 'darkMode'] },
  },
  {
    name: 'a parameter typed by an interface registry itself holds every flag, not a key: no wrapper',
    files: {
      'src/interfaces/uiConfig.ts': `export interface UiFlags { newNav?: boolean; darkMode?: boolean; billing?: boolean }`,
      'src/hooks/useUiFlag.ts': `export function useUiFlag<K extends keyof UiFlags>(flag: K) { return useContext(Config).flags[flag]; }
export const useUiFlagOverrides = (flagsFromConfig: UiFlags) => useMemo(() => ({ ...flagsFromConfig }), [flagsFromConfig]);`,
      'src/App.tsx': `useUiFlag('newNav'); useUiFlag('darkMode'); useUiFlagOverrides(uiConfig.flags);`,
    },
    expected: { patterns: [{ callee: 'useUiFlag', keyArg: 0 }], registry: { file: 'src/interfaces/uiConfig.ts', symbol: 'UiFlags' } },
  },
  {
    name: 'a property the registry object does not list, passed to a call, is no member: no check',
    files: {
      'src/flags.ts': `export const flags = { newNav: 'new-nav', darkMode: 'dark-mode', billing: 'billing-v2' } as const;`,
      'src/app.ts': `import { flags } from './flags';
evaluate(flags.newNav); evaluate(flags.darkMode);`,
      'src/list.ts': `const flags = items.filter(isFlag); setSearchedCount({ count: flags.length });`,
    },
    expected: { patterns: [{ callee: 'evaluate', keyArg: 0 }], registry: { file: 'src/flags.ts', symbol: 'flags' } },
  },
  {
    name: 'calls that write, toggle or validate a flag take its member as an evaluation does, and are no check',
    files: {
      'src/flags.ts': `export const FLAGS = { newNav: 'new-nav', darkMode: 'dark-mode', billing: 'billing-v2' } as const;`,
      'src/app.ts': `import { FLAGS } from './flags';
flag({ key: FLAGS.newNav }); flag({ key: FLAGS.darkMode });
setFlag({ key: FLAGS.billing, value: true }); validateFlagValue(FLAGS.newNav, input); toggleFlag(FLAGS.darkMode); setupFlag(FLAGS.billing);`,
      'src/admin.ts': `export function updateFlag(flag: (typeof FLAGS)[keyof typeof FLAGS], value: boolean) { return db.flags.update(flag, value); }`,
    },
    expected: { patterns: [{ callee: 'flag', keyArg: '0.key' }, { callee: 'setupFlag', keyArg: 0 }], registry: { file: 'src/flags.ts', symbol: 'FLAGS' } },
  },
  {
    name: 'test runners, mocks and HTTP interceptors are no evidence of a wrapper',
    files: {
      'cypress/e2e/flags.cy.ts': `export function stubFlag(name: string) { cy.intercept('GET', '/api/flags', { [name]: true }); return client.getBooleanValue(name, false); }`,
      'src/__mocks__/flags.ts': `export const mockFlag = (key: string) => ldClient.variation(key, false);`,
      'src/http/interceptor.ts': `export class FlagsInterceptor { intercept(request: Request, next: Handler) { return unleash.isEnabled(request.url) ? next.handle(request) : next.handle(request); } }`,
      'src/flags.test.ts': `function feature(key: string) { return gb.isOn(key); }`,
    },
    expected: {},
  },
  {
    name: "a parameter forwarded to an SDK method's name on the team's own class imported from the workspace is no wrapper",
    files: {
      'src/cookie.ts': `class Cookie { constructor(private name: string) {} getValue(req: Request, fallback = '') { return req.headers.get(this.name) ?? fallback; } }\nexport const SessionCookie = new Cookie('sid');`,
      'src/auth.ts': `import { SessionCookie } from './cookie';\nexport function sessionOf(req: Request) { return SessionCookie.getValue(req, ''); }`,
    },
    expected: {},
  },
  {
    name: 'the same forwarding to a client a workspace module makes from the SDK is a wrapper',
    files: {
      'src/flagsmith.ts': `import flagsmith from 'flagsmith';\nexport const client = flagsmith;`,
      'src/flags.ts': `import { client } from './flagsmith';\nexport function flagValue(name: string) { return client.getValue(name); }`,
    },
    expected: { patterns: [{ callee: 'flagValue', keyArg: 0 }] },
  },
  {
    name: 'no SDK: a bag function, bag properties and route options typed by lists of flags; a pricing list typed the same way is not',
    files: DECLARED_TYPES,
    expected: {
      patterns: [{ callee: 'withWorkspace', keyArg: '1.featureFlag' }, { callee: 'withPartnerProfile', keyArg: '1.featureFlag' }],
      bags: [
        { bag: 'flags', keys: ['siteVisits', 'noProration'] },
        // Found by its own name, the call needs no list of keys: all it returns is flags.
        'getFeatureFlags()',
        { bag: 'featureFlags', keys: ['postbacks'] },
      ],
      registry: { file: 'lib/types.ts', symbol: 'BetaFeatures' },
    },
    says: /^bag getFeatureFlags\(\) \(lib\/edgeConfig\.ts:2\): declared to return Promise<Record<BetaFeatures, boolean>>, and BetaFeatures lists flags$/,
  },
  {
    name: 'no declared return type: a bag function returning a local record of flags, a hook returning one fetched as a property; a pricing record returned alike is not',
    files: {
      'lib/featureFlags.ts': `export type BetaFeatures = 'tokens' | 'workflows' | 'ai';
export type PlanFeature = 'sso' | 'audit';
export const getFeatureFlags = async ({ teamId }: { teamId?: string }) => {
  const teamFeatures: Record<BetaFeatures, boolean> = { tokens: false, workflows: false, ai: false };
  if (!teamId) return Object.fromEntries(Object.keys(teamFeatures).map((key) => [key, false]));
  const enabled = await get('betaFeatures');
  for (const [flag, ids] of Object.entries(enabled)) if (ids.includes(teamId)) teamFeatures[flag as BetaFeatures] = true;
  return teamFeatures;
};
export async function getPlanFeatures(plan: string) { const features: Record<PlanFeature, boolean> = { sso: plan === 'pro', audit: false }; return { features }; }`,
      'lib/hooks/useFeatureFlags.ts': `export function useFeatureFlags() {
  const { data: features, isLoading } = useSWR<Record<BetaFeatures, boolean>>(\`/api/feature-flags?teamId=\${teamId}\`, fetcher);
  return { features, isLoading };
}`,
      'app/api/ai/route.ts': `export async function POST(req: Request) {
  const features = await getFeatureFlags({ teamId: req.url });
  if (!features.ai) return new Response('Not found', { status: 404 });
  const { workflows } = await getFeatureFlags({ teamId: req.url });
  const { features: plan } = await getPlanFeatures('pro');
  return plan.sso && workflows;
}`,
      'components/sidebar.tsx': `export function Sidebar() { const { features } = useFeatureFlags(); return features?.workflows && features?.length; }`,
    },
    expected: {
      bags: ['getFeatureFlags()', { bag: 'features', keys: ['tokens', 'workflows', 'ai'] }],
      registry: { file: 'lib/featureFlags.ts', symbol: 'BetaFeatures' },
    },
    says: /^bag getFeatureFlags\(\) \(lib\/featureFlags\.ts:3\): returns what is declared Record<BetaFeatures, boolean>, and BetaFeatures lists flags$/,
    checks: { 'app/api/ai/route.ts': ['ai', 'workflows'], 'components/sidebar.tsx': ['workflows'] },
  },
  {
    name: 'the flags fetched with an inline type of booleans, each a listed flag: a bag of those keys when its name or the endpoint says flags',
    files: {
      'lib/featureFlags.ts': `export type BetaFeatures = 'tokens' | 'webhooks';
export const getFeatureFlags = async (teamId: string): Promise<Record<BetaFeatures, boolean>> => ({ tokens: false, webhooks: false });`,
      'pages/settings/tokens.tsx': `export default function Tokens() {
  const { data: features } = useSWR<{ tokens: boolean }>(\`/api/feature-flags?teamId=\${teamId}\`, fetcher);
  const { data: usage } = useSWR<{ tokens: boolean }>('/api/usage', fetcher);
  const { data: stats } = useSWR<{ views: boolean }>('/api/feature-flags', fetcher);
  return features && !features.tokens && usage.tokens && stats.views;
}`,
      'pages/settings/webhooks.tsx': `export default function Webhooks({ features }: Props) { return features.tokens; }`,
    },
    expected: { bags: ['getFeatureFlags()', { bag: 'features', keys: ['tokens'] }], registry: { file: 'lib/featureFlags.ts', symbol: 'BetaFeatures' } },
    says: /^bag features \(pages\/settings\/tokens\.tsx:2\): declared as \{ tokens: boolean \}, and BetaFeatures lists flags$/,
    // A parameter of the bag's name is not declared as the subset: only the bag's own declaration says what it holds.
    checks: { 'pages/settings/tokens.tsx': ['tokens'], 'pages/settings/webhooks.tsx': [] },
  },
  {
    name: 'an option typed by a list of flags is the key when its name or the list\'s says flag; a lone literal list needs the option\'s name to',
    files: {
      'src/flags.ts': `export type FeatureFlag = 'new-nav' | 'dark-mode';
export type EntryKind = 'flag';
export type FeatureToggles = 'beta';`,
      'src/run.ts': `export function runJob(job: Job, options: { feature?: FeatureFlag }) {}
export function describeEntry(entry: Entry, options: { kind?: EntryKind; kindFlag?: FeatureToggles }) {}
export function renderPanel(view: View, options: { toggle?: FeatureToggles }) {}`,
    },
    expected: { patterns: [{ callee: 'runJob', keyArg: '1.feature' }, { callee: 'describeEntry', keyArg: '1.kindFlag' }, { callee: 'renderPanel', keyArg: '1.toggle' }], registry: { file: 'src/flags.ts', symbol: 'FeatureFlag' } },
  },
  {
    name: 'a hook declared with the type of the key a server wrapper forwards to the SDK; a parameter typed by an interface is not a key',
    files: {
      'src/experiments/index.ts': `export const experiments = { onboarding_v1: { description: 'Onboarding' }, checkout_v2: { description: 'Checkout' } } as const;
export type ExperimentName = keyof typeof experiments;`,
      'src/experiments/server.ts': `import { PostHog } from 'posthog-node';
const posthog = new PostHog('phc_key');
export async function getExperiment<T extends ExperimentName>(name: T, distinctId: string) { return posthog.getFeatureFlag(name, distinctId); }`,
      'src/experiments/client.ts': `export function useExperiment<T extends ExperimentName>(name: T, options?: Options) { return useContext(ExperimentContext)[name]; }`,
      'src/hooks/onboarding.ts': `export const useOnboarding = () => useExperiment('onboarding_v1', { trackExposure: false });`,
      'src/auth.ts': `import posthog from 'posthog-js';
interface Request { url: string }
export function flagFor(request: Request) { return posthog.isFeatureEnabled(request); }
export function handle(request: Request) { return request.url; }`,
    },
    expected: {
      patterns: [{ callee: 'getExperiment', keyArg: 0 }, { callee: 'flagFor', keyArg: 0, type: 'boolean' }, { callee: 'useExperiment', keyArg: 0 }],
      registry: { file: 'src/experiments/index.ts', symbol: 'ExperimentName' },
    },
    says: /^wrapper useExperiment \(src\/experiments\/client\.ts:1\): its first parameter is typed ExperimentName, the type of the flag key getExperiment forwards$/,
  },
  {
    name: 'nothing to propose in code that calls the SDK directly',
    files: { 'src/app.ts': `import { OpenFeature } from '@openfeature/server-sdk';\nconst client = OpenFeature.getClient();\nclient.getBooleanValue('x', false); export enum Colors { Red = 'red', Blue = 'blue' }` },
    expected: {},
  },
];

function check({ files, expected, says, checks }: Case): void {
  const sources = Object.entries(files).map(([file, text]) => ({ file: `${ROOT}/${file}`, text }));
  const discovery = discover(ROOT, sources);
  const proposed = proposeConfig(discovery);
  assert.deepEqual(proposed, expected);
  if (says !== undefined) {
    const lines = describeDiscovery(discovery);
    assert.ok(lines.some((line) => says.test(line)), `${lines.join('\n')}\nshould have a line matching ${String(says)}`);
  }
  if (checks !== undefined) {
    const { config } = parseConfig(JSON.stringify(proposed), `${ROOT}/.flaglens.json`);
    const patterns = buildPatternSet(config.patterns, config.bags);
    for (const [file, keys] of Object.entries(checks)) {
      assert.deepEqual(scanFile(`${ROOT}/${file}`, files[file], patterns).checks.map((found) => found.key), keys, file);
    }
  }
}

describe('discover', () => {
  for (const row of cases) it(row.name, () => check(row));
});

describe('scanning with the proposed config', () => {
  const files: Record<string, string> = {
    'src/hooks/useLaunchDarkly.tsx': `import { useFlags } from 'launchdarkly-react-client-sdk';
export function useLaunchDarkly() { return useFlags<typeof flagDefaults>(); }`,
    'src/TeamUsage.tsx': `export function TeamUsage() { const { showAiGatewayUsage } = useLaunchDarkly(); return useLaunchDarkly().newNav && showAiGatewayUsage; }`,
  };
  const sources = Object.entries(files).map(([file, text]) => ({ file: `${ROOT}/${file}`, text }));
  // Through the text of .flaglens.json, as `flaglens init` writes it and `flaglens scan` reads it.
  const { config, problems } = parseConfig(JSON.stringify(proposeConfig(discover(ROOT, sources))), `${ROOT}/.flaglens.json`);
  const patterns = buildPatternSet(config.patterns, config.bags);
  const scan = scanFile(`${ROOT}/src/TeamUsage.tsx`, files['src/TeamUsage.tsx'], patterns);

  it('reads a wrapper bag\'s properties as LaunchDarkly\'s camelCased keys, as for useFlags()', () => {
    assert.deepEqual(problems, []);
    const found = scan.checks.map(({ key, camelCaseName, sdk, method }) => ({ key, camelCaseName, sdk, method }));
    assert.deepEqual(found, [
      { key: 'show-ai-gateway-usage', camelCaseName: 'showAiGatewayUsage', sdk: 'launchdarkly', method: 'useLaunchDarkly' },
      { key: 'new-nav', camelCaseName: 'newNav', sdk: 'launchdarkly', method: 'useLaunchDarkly' },
    ]);
  });

  it('matches definitions whose keys camelCase to the name, as for useFlags()', () => {
    const key = 'show_ai_gateway_usage';
    const definition: FlagDefinition = { key, stale: false, archived: false, tags: [], source: 'test', environments: [] };
    const catalog: FlagCatalog = { definitions: new Map([[key, definition]]), environments: [], loaded: true, sources: ['test'] };
    const [check] = scan.checks;
    assert.equal(findDefinition(check, catalog)?.key, 'show_ai_gateway_usage');
  });
});

/** LaunchDarkly's React provider, configured as these sources say: each provider's line and whether it camelCases keys. */
const providerCases: Array<{ name: string; files: Record<string, string>; expected: Array<[string, boolean]> }> = [
  {
    name: 'withLDProvider and asyncWithLDProvider with reactOptions, and one without',
    files: {
      'a/main.tsx': `import { withLDProvider } from 'launchdarkly-react-client-sdk';\nexport default withLDProvider({ clientSideID: 'x', reactOptions: { useCamelCaseFlagKeys: false } })(App);`,
      'b/main.tsx': `import { asyncWithLDProvider as start } from 'launchdarkly-react-client-sdk';\nconst Provider = await start({\n  clientSideID: 'x',\n  reactOptions: { useCamelCaseFlagKeys: true },\n});`,
      'c/main.tsx': `import { asyncWithLDProvider } from 'launchdarkly-react-client-sdk';\nconst Provider = await asyncWithLDProvider({ clientSideID: 'x', options: {} });`,
    },
    expected: [['a/main.tsx:2', false], ['b/main.tsx:2', true], ['c/main.tsx:2', true]],
  },
  {
    name: 'the LDProvider component, its reactOptions an attribute',
    files: {
      'a/root.tsx': `import { LDProvider } from 'launchdarkly-react-client-sdk';\nexport const Root = () => (\n  <LDProvider clientSideID="x" reactOptions={{ useCamelCaseFlagKeys: false }}><App /></LDProvider>\n);`,
      'b/root.tsx': `import { LDProvider } from 'launchdarkly-react-client-sdk';\nexport const Root = () => <LDProvider clientSideID="x" />;`,
    },
    expected: [['a/root.tsx:3', false], ['b/root.tsx:2', true]],
  },
  {
    name: 'not read: a provider of another package, a configuration in a variable or spread, an option that is not a literal',
    files: {
      'a/main.tsx': `import { withLDProvider } from './ours';\nexport default withLDProvider({ reactOptions: { useCamelCaseFlagKeys: false } })(App);`,
      'b/main.tsx': `import { withLDProvider } from 'launchdarkly-react-client-sdk';\nexport default withLDProvider(config)(App);\nwithLDProvider({ ...config })(App);`,
      'c/main.tsx': `import { withLDProvider } from 'launchdarkly-react-client-sdk';\nexport default withLDProvider({ reactOptions: { useCamelCaseFlagKeys: camelCase } })(App);`,
      'd/root.tsx': `import { LDProvider } from 'launchdarkly-react-client-sdk';\nexport const Root = () => <LDProvider {...props} />;`,
    },
    expected: [],
  },
];

describe('LaunchDarkly providers and how they name flags', () => {
  for (const { name, files, expected } of providerCases) {
    it(name, () => {
      const sources = Object.entries(files).map(([file, text]) => ({ file: `${ROOT}/${file}`, text }));
      const providers = discover(ROOT, sources).providers ?? [];
      assert.deepEqual(providers.map((provider) => [`${provider.at.file}:${provider.at.line}`, provider.camelCaseKeys]), expected);
    });
  }

  it("keys are as written in a package whose every provider says so; a package whose providers disagree keeps the SDK's camelCase", () => {
    const at = (file: string) => ({ file, line: 1 });
    const providers = [
      { at: at('apps/store/src/main.tsx'), camelCaseKeys: false },
      { at: at('apps/bank/src/main.tsx'), camelCaseKeys: true },
      { at: at('apps/both/src/one.tsx'), camelCaseKeys: false },
      { at: at('apps/both/src/two.tsx'), camelCaseKeys: true },
      { at: at('scripts/demo.tsx'), camelCaseKeys: false },
    ];
    const packageOf = (file: string) => (file.startsWith(`${ROOT}/apps/`) ? file.split('/').slice(0, 5).join('/') : ROOT);
    assert.deepEqual(keysAsWrittenFolders(ROOT, providers, packageOf), [ROOT, `${ROOT}/apps/store`]);
  });

  it('says so in what init prints', () => {
    const sources = [{ file: `${ROOT}/src/main.tsx`, text: providerCases[0].files['a/main.tsx'] }];
    assert.deepEqual(describeDiscovery(discover(ROOT, sources)), [
      'LaunchDarkly provider (src/main.tsx:2): useCamelCaseFlagKeys is false, so the names useFlags() gives in its package are the flag keys as written',
    ]);
  });
});

describe('a bag check with the key as written', () => {
  it("takes a LaunchDarkly bag's property name as the key, and leaves other checks", () => {
    const patterns = buildPatternSet([]);
    const text = `import { useFlags } from 'launchdarkly-react-client-sdk';\nimport { useFlag } from '@unleash/proxy-client-react';\nconst { cartSuggestedItems } = useFlags();\nuseFlag('newNav');`;
    const checks = scanFile(`${ROOT}/src/cart.tsx`, text, patterns).checks.map(withKeyAsWritten);
    assert.deepEqual(checks.map(({ key, camelCaseName }) => ({ key, camelCaseName })), [
      { key: 'cartSuggestedItems', camelCaseName: undefined },
      { key: 'newNav', camelCaseName: undefined },
    ]);
  });
});

describe('scanning with the config proposed from declared types', () => {
  const sources = Object.entries(DECLARED_TYPES).map(([file, text]) => ({ file: `${ROOT}/${file}`, text }));
  const { config, problems } = parseConfig(JSON.stringify(proposeConfig(discover(ROOT, sources))), `${ROOT}/.flaglens.json`);
  const patterns = buildPatternSet(config.patterns, config.bags);
  const checksIn = (file: string): Array<[string, string, number]> => {
    const text = DECLARED_TYPES[file];
    return scanFile(`${ROOT}/${file}`, text, patterns).checks.map((check) => [check.key, check.method, text.slice(0, check.keySpan.start).split('\n').length]);
  };

  it('reads the route options, the awaited bag and the bag properties, and nothing of the pricing list', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(checksIn('app/api/sitemaps/route.ts'), [['siteVisits', 'withWorkspace', 3], ['postbacks', 'withPartnerProfile', 5]]);
    assert.deepEqual(checksIn('app/api/upgrade/route.ts'), [['noProration', 'getFeatureFlags', 1]]);
    assert.deepEqual(checksIn('app/settings/page.tsx'), [['siteVisits', 'flags', 5], ['postbacks', 'featureFlags', 5]]);
  });
});
