// Zero-config discovery: which wrappers, bag functions and registry a set of files leads to.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeDiscovery, discover, keysAsWrittenFolders, proposeConfig, SourceTrees, type ProposedConfig } from '../../server/src/analysis/discover';
import { withKeyAsWritten } from '../../server/src/analysis/bags';
import { findDefinition } from '../../server/src/analysis/match';
import { parseConfig } from '../../server/src/workspace/config';
import { scanFile, type FileScan } from '../../server/src/analysis/scan';
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
    'src/server/flagResolver.ts': `export class FlagResolver { isEnabled(expName: ${symbol}, context?: object): boolean { return this.resolve(expName, context); } }`,
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
    name: "a hook that indexes the SDK bag with its parameter: a name in camelCase given it is the flag's key camelCased, as the bag names it; one spelled otherwise is the key as written",
    files: {
      'src/flags.ts': `import { useFlags } from 'launchdarkly-react-client-sdk';\nexport function useFeatureFlag(key: string) { return useFlags()[key]; }`,
      'src/app.tsx': `import { useFlags } from 'launchdarkly-react-client-sdk';\nimport { useFeatureFlag } from './flags';\nexport const a = useFeatureFlag('freeCustomDomain') && useFeatureFlag('pgp') && useFeatureFlag('step-over') && useFlags()['showAllInvoices'];`,
    },
    expected: { patterns: [{ callee: 'useFeatureFlag', keyArg: 0, camelCaseKeys: true }] },
    says: /^wrapper useFeatureFlag \(src\/flags\.ts:2\): passes its first argument as the flag key to useFlags, which names each flag camelCased$/m,
    checks: { 'src/app.tsx': ['free-custom-domain', 'pgp', 'step-over', 'show-all-invoices'] },
  },
  {
    name: 'a function forwarding its second parameter, with the default, to an SDK call',
    files: { 'src/flags.ts': `import type { LDClient } from 'launchdarkly-node-server-sdk';\ndeclare const ldClient: LDClient;\nexport const isOn = async (user: User, flag: string, fallback = false) => ldClient.boolVariation(flag, user, fallback);` },
    expected: { patterns: [{ callee: 'isOn', keyArg: 1, defaultArg: 2, type: 'boolean' }] },
  },
  {
    // The preset asks for evidence that the receiver is the SDK's: calls on the team's class (or an interface it implements) have none.
    name: "a class method forwarding to the same-named SDK method is a wrapper: its callers hold the team's object, not the SDK's",
    files: {
      'src/flags.ts': `import { Unleash } from 'unleash-client';\nexport class Flags implements FlagClient { private unleash = new Unleash({ url, appName }); isEnabled(name: string) { return this.unleash.isEnabled(name); } isOff(name: string) { return !this.unleash.isEnabled(name); } }`,
      'src/checkout.ts': `export function total(flags: FlagClient) { return flags.isEnabled('new-checkout') ? 1 : getFlags().isOff('old-tax') ? 2 : 3; }`,
    },
    expected: { patterns: [{ callee: 'isEnabled', keyArg: 0, type: 'boolean' }, { callee: 'isOff', keyArg: 0, negate: true, type: 'boolean' }] },
    checks: { 'src/checkout.ts': ['new-checkout', 'old-tax'], 'src/flags.ts': ['name', 'name'] },
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
    expected: { patterns: [{ callee: 'checkFlag', keyArg: '0.key', type: 'boolean' }, { callee: 'cachedCheck', keyArg: '0.key' }] },
  },
  {
    name: 'a two-letter wrapper proven by the SDK call in its body, and a function returning a component that checks its captured key',
    files: {
      'src/fg.tsx': `import { StatsigClient } from '@statsig/js-client';
const instance = new StatsigClient('client-key', {});
export function fg(key: string): boolean { return instance.checkGate(key); }
export function f(key: string): boolean { return instance.checkGate(key); }
export function fgComponent(key: string, { off: Off, on: On }: Toggle) {
  return function Gated(props: object) { return fg(key) ? <On {...props} /> : <Off {...props} />; };
}
export function shadowed(key: string) { return (key: string) => fg(key); }`,
      'src/panel.tsx': `export const Input = fgComponent('tuple_defaults', { off: Old, on: New });\nexport function Panel() { return fg('ai_chat') && <Chat />; }`,
    },
    expected: { patterns: [{ callee: 'fg', keyArg: 0, type: 'boolean' }, { callee: 'fgComponent', keyArg: 0 }] },
    checks: { 'src/panel.tsx': ['tuple_defaults', 'ai_chat'] },
  },
  {
    name: "no SDK, no list of flags: functions comparing the entry their key names in a record of variants with 'enabled', and their siblings reading that record",
    files: {
      'src/utils/splitTestUtils.ts': `import getMeta from './meta';
export function isSplitTestEnabled(name: string) { return getMeta('ol-splitTestVariants')?.[name] === 'enabled'; }
export function getSplitTestVariant(name: string, fallback = 'default') { return getMeta('ol-splitTestVariants')?.[name] || fallback; }`,
      'src/context/split-test-context.tsx': `export function useFeatureFlag(name: string) { const { splitTestVariants } = useSplitTestContext(); return splitTestVariants[name] === 'enabled'; }
export function useSplitTest(name: string) { const { splitTestVariants } = useSplitTestContext(); return { variant: splitTestVariants[name] }; }
export function useLabel(name: string) { const { labels } = useSplitTestContext(); return labels[name]; }`,
      'src/pdf/caching-flags.ts': `function isFlagEnabled(flag: string): boolean { if (!encoder) return false; return getMeta('ol-splitTestVariants')?.[flag] !== 'enabled'; }
export const prefetching = isFlagEnabled('pdf-prefetching');`,
      'src/toolbar.tsx': `export function Toolbar() { const tabs = useFeatureFlag('editor-tabs'); const { variant } = useSplitTest('cta'); return isSplitTestEnabled('word-count') && tabs && getSplitTestVariant('theme') && useLabel('x') && getMeta('ol-user'); }`,
    },
    expected: {
      patterns: [
        { callee: 'isSplitTestEnabled', keyArg: 0, type: 'boolean' },
        { callee: 'getSplitTestVariant', keyArg: 0 },
        { callee: 'useFeatureFlag', keyArg: 0, type: 'boolean' },
        { callee: 'useSplitTest', keyArg: 0 },
        { callee: 'isFlagEnabled', keyArg: 0, negate: true, type: 'boolean' },
      ],
    },
    says: /^wrapper useSplitTest \(src\/context\/split-test-context\.tsx:2\): reads the entry its first argument names in splitTestVariants, as useFeatureFlag does$/,
    checks: { 'src/toolbar.tsx': ['editor-tabs', 'cta', 'word-count', 'theme'], 'src/pdf/caching-flags.ts': ['pdf-prefetching'] },
  },
  {
    name: "no SDK: a handler comparing the variant of its own assignment with 'enabled'; the key is the parameter callers write as literals",
    files: {
      'app/SplitTests/SplitTestHandler.mjs': `async function getAssignment(req, res, splitTestName, { sync = false } = {}) {
  const override = req.query[splitTestName];
  const assignment = override ? { variant: override } : await loadAssignment(splitTestName, req.session);
  res.locals.splitTestVariants[splitTestName] = assignment.variant;
  return assignment;
}
async function featureFlagEnabled(req, res, splitTestName) { const { variant } = await getAssignment(req, res, splitTestName); return variant === 'enabled'; }
async function featureFlagEnabledForUser(userId, splitTestName) { const assignment = await getAssignmentForUser(userId, splitTestName); return assignment.variant === 'enabled'; }
async function isPageOn(req, res, page) { return (await renderPage(req, res, page)) === 'on'; }
export default { promises: { getAssignment, featureFlagEnabled, featureFlagEnabledForUser, isPageOn } };`,
      'app/Project/ProjectController.mjs': `import SplitTestHandler from '../SplitTests/SplitTestHandler.mjs';
export async function show(req, res) {
  const { variant } = await SplitTestHandler.promises.getAssignment(req, res, 'sharing-updates');
  const history = await SplitTestHandler.promises.featureFlagEnabled(req, res, 'compile-from-history');
  const paused = await SplitTestHandler.promises.getAssignmentForUser(req.user.id, 'pause-subscription');
  return variant && history && paused && SplitTestHandler.promises.isPageOn(req, res, res);
}`,
    },
    expected: {
      patterns: [
        { callee: 'featureFlagEnabled', keyArg: 2, type: 'boolean' },
        { callee: 'getAssignment', keyArg: 2 },
        { callee: 'featureFlagEnabledForUser', keyArg: 1, type: 'boolean' },
        { callee: 'getAssignmentForUser', keyArg: 1 },
      ],
    },
    says: /^wrapper featureFlagEnabled \(app\/SplitTests\/SplitTestHandler\.mjs:7\): passes its third argument to getAssignment and compares the variant of its result with 'enabled'$/,
    checks: { 'app/Project/ProjectController.mjs': ['sharing-updates', 'compile-from-history', 'pause-subscription'] },
  },
  {
    name: "no SDK, no list: a router giving back the entry its key names in its record of flags as a boolean, a context's function reading a toggle list so, and what forwards into them; the router's setter is none",
    files: {
      'src/utils/flag-router.ts': `export class FlagRouter {
  private readonly flags: Record<string, boolean> = {};
  public isFeatureEnabled(key: string): boolean { return !!this.flags[key]; }
  public setFlag(key: string, value = true): void { this.flags[key] = value; }
}`,
      'src/providers/provider.tsx': `const context = { featureToggleList: {} as Record<string, boolean>, isToggleActive(flag: string) { return this.featureToggleList[flag] ?? false; } };
export const useToggles = () => useContext(Context);`,
      'src/components/feature-toggle.tsx': `export const FeatureToggle = ({ featureFlag, children }) => { const { isToggleActive } = useToggles(); return isToggleActive(featureFlag) ? children : null; };`,
      'src/services/cart.ts': `export class CartService { constructor(private readonly featureFlagRouter_: FlagRouter) {} total() { return this.featureFlagRouter_.isFeatureEnabled('sales_channels') ? 1 : 0; } }`,
      'src/pages/settings.tsx': `export const Settings = () => { const { isToggleActive } = useToggles(); return isToggleActive('tax_inclusive') ? <FeatureToggle featureFlag="analytics"><A /></FeatureToggle> : null; };`,
    },
    expected: { patterns: [
      { callee: 'isFeatureEnabled', keyArg: 0, type: 'boolean' },
      { callee: 'isToggleActive', keyArg: 0, type: 'boolean' },
      { callee: 'FeatureToggle', keyArg: '0.featureFlag' },
    ] },
    says: /^wrapper isFeatureEnabled \(src\/utils\/flag-router\.ts:3\): gives back the entry its first argument names in this\.flags, as a boolean$/,
    checks: { 'src/services/cart.ts': ['sales_channels'], 'src/pages/settings.tsx': ['tax_inclusive', 'analytics'] },
  },
  {
    name: "no SDK, no list: a function that gives back the entry its key names in a record named for features, declared to hold a boolean for any name; not one reading a record of another name or kind, or by another key",
    files: {
      'src/utils/FeatureManager.ts': `class FeatureManager {
  features: { [key: string]: boolean } = {};
  private cache: Record<string, boolean> = {};
  private featureLabels: Record<string, string> = {};
  public featureRunning(feature: string): boolean {
    return this.features[feature];
  }
  public isCached(key: string): boolean { return this.cache[key] ?? false; }
  public featureLabel(feature: string): boolean { return this.featureLabels[feature] === 'on'; }
  public firstFeature(feature: string): boolean { return this.features[Object.keys(this.features)[0]]; }
}
export const instance = new FeatureManager();
export const featureRunning = (name: string) => instance.featureRunning(name);`,
      'src/views/Staking.ts': `import { featureRunning, instance } from '../utils/FeatureManager';
export const shown = featureRunning('STAKING') && !instance.featureRunning('OSMOSIS_DOWN');
export const other = instance.isCached('x') && instance.featureLabel('y') && instance.firstFeature('z');`,
    },
    expected: { patterns: [{ callee: 'featureRunning', keyArg: 0, type: 'boolean' }] },
    says: /^wrapper featureRunning \(src\/utils\/FeatureManager\.ts:5\): gives back the entry its first argument names in this\.features, as a boolean$/m,
    checks: { 'src/views/Staking.ts': ['STAKING', 'OSMOSIS_DOWN'] },
  },
  {
    name: "no SDK: a function whose name asks whether a feature is on, reading by its parameter an entry's state, an entry's switch, a record named for features or a list of enabled features, is a wrapper; one whose name does not ask so, that gives the entry itself, or that reads a record of another name as it is (a workspace's stored settings), is none",
    files: {
      'src/background/utils.js': `export function isFeatureEnabled(featureName, config = storage.config) {
    const feature = config.features[featureName];
    if (!feature) return false;
    return feature.state === 'enabled';
}
export function featureState(featureName) { return storage.config.features[featureName].state === 'enabled'; }`,
      'src/hooks/useHasFeature.ts': `export default function useHasFeature(feature: FeatureId): boolean {
  const { data } = useAppFeatures();
  return data?.[feature]?.enabled ?? false;
}
export function featureOf(feature: FeatureId) { return useAppFeatures().data?.[feature]; }`,
      'src/models/project.ts': `export function featureEnabled(project: ProjectType, uuid: string): boolean { return !!project?.features?.[uuid]; }
export function isVisible(project: ProjectType, panel: string): boolean { return !!project?.panels?.[panel]; }
export function workspaceFeatureEnabled(stored: unknown, feature: string): boolean { const v = (stored as Record<string, unknown>)[feature]; return v === true; }`,
      'src/classes/site.js': `export default class Site {
    constructor() { this.enabledFeatures = []; this.blockedDomains = []; }
    isFeatureActive(name) { return this.enabledFeatures.includes(name); }
    isBlocked(domain) { return this.blockedDomains.includes(domain); }
}`,
      'src/app.ts': `import { isFeatureEnabled, featureState } from './background/utils';
import useHasFeature, { featureOf } from './hooks/useHasFeature';
import { featureEnabled, isVisible, workspaceFeatureEnabled } from './models/project';
export const on = isFeatureEnabled('gpc') && useHasFeature('SWAPS') && featureEnabled(project, 'polars') && site.isFeatureActive('https');
export const off = featureState('cookie') && featureOf('PAYPAL') && isVisible(project, 'logs') && site.isBlocked('x') && workspaceFeatureEnabled(row.features, 'datasets');`,
    },
    expected: {
      patterns: [
        { callee: 'isFeatureEnabled', keyArg: 0, type: 'boolean' },
        { callee: 'useHasFeature', keyArg: 0, type: 'boolean' },
        { callee: 'featureEnabled', keyArg: 1, type: 'boolean' },
        { callee: 'isFeatureActive', keyArg: 0, type: 'boolean' },
      ],
    },
    says: /^wrapper useHasFeature \(src\/hooks\/useHasFeature\.ts:1\): gives back whether the entry its first argument names in data is enabled$/m,
    checks: { 'src/app.ts': ['gpc', 'SWAPS', 'polars', 'https'] },
  },
  {
    name: "no SDK: a function whose name asks whether a feature is on, giving back whether a list of features holds its parameter (cast or not), is a wrapper, and one that forwards to it too; a list of the features offered or supported, a plan's or a commercial one, or a function whose name asks nothing, is none",
    files: {
      'src/hooks/useCurrentUserHasFeature.ts': `export type UserFeatures = CurrentUser['features'][0];
export function useCurrentUserHasFeature(feature: UserFeatures) {
  const { data: currentUser } = useGetCurrentUser();
  return currentUser?.features?.includes(feature) as boolean;
}`,
      'src/hooks/useCurrentOrganizationHasFeature.ts': `export function useCurrentOrganizationHasFeature(feature: OrgFeatures) {
  const { data } = useGetCurrentOrganizationFeatures();
  return !!data?.features?.includes(feature);
}`,
      'src/hooks/useHasFeature.ts': `import { useCurrentUserHasFeature } from './useCurrentUserHasFeature';
import { useCurrentOrganizationHasFeature } from './useCurrentOrganizationHasFeature';
export function useCurrentUserOrOrganizationHasFeature(feature: UserFeatures & OrgFeatures) {
  const currentUserHasFeature = useCurrentUserHasFeature(feature);
  const currentOrganizationHasFeature = useCurrentOrganizationHasFeature(feature);
  return currentUserHasFeature || currentOrganizationHasFeature;
}`,
      'src/devices.ts': `export function deviceHasFeature(feature: string) { return device.supportedFeatures.includes(feature); }
export function serverFeatureActive(feature: string) { return server.availableFeatures.includes(feature); }
export function accountHasFeature(feature: string) { return plan.features.includes(feature); }
export function listedFeature(feature: string) { return catalog.features.includes(feature); }
export function hasCommercialFeature(feature: string) { return commercialFeatures.includes(feature); }`,
      'src/app.ts': `import { useCurrentUserOrOrganizationHasFeature } from './hooks/useHasFeature';
import { deviceHasFeature, serverFeatureActive, accountHasFeature, listedFeature, hasCommercialFeature } from './devices';
export const on = useCurrentUserOrOrganizationHasFeature('sidebar_dms');
export const off = deviceHasFeature('nfc') && serverFeatureActive('webgl') && accountHasFeature('sso') && listedFeature('x') && hasCommercialFeature('audit-logging');`,
    },
    expected: {
      patterns: [
        { callee: 'useCurrentUserHasFeature', keyArg: 0, type: 'boolean' },
        { callee: 'useCurrentOrganizationHasFeature', keyArg: 0, type: 'boolean' },
        { callee: 'useCurrentUserOrOrganizationHasFeature', keyArg: 0 },
      ],
    },
    says: /^wrapper useCurrentUserHasFeature \(src\/hooks\/useCurrentUserHasFeature\.ts:2\): gives back whether currentUser\?\.features, a list of the flags that are on, holds its first argument$/m,
    checks: { 'src/app.ts': ['sidebar_dms'] },
  },
  {
    name: "a type whose members include a function is an API, not a list of flags: a composable declared to return one is no bag, and the names it gives are no keys",
    files: {
      'src/store/types.ts': `export type FeatureName = 'DOCUMENTS' | 'LINK_TOOL' | 'VIDEO_STREAM';`,
      'src/composables/useFeatureFlags.ts': `import { computed, reactive } from 'vue';
import { FeatureName } from '../store/types';
type UseFeatureFlags = { enabledFeatures: FeatureName[]; featureEnabled: (feature: FeatureName) => boolean };
export const useFeatureFlags = (): UseFeatureFlags => {
  const enabledFeatures = computed(() => store.state.features.list.filter((f) => f.enabled).map((f) => f.name));
  const featureEnabled = (feature: FeatureName): boolean => enabledFeatures.value.includes(feature);
  return reactive({ enabledFeatures, featureEnabled });
};`,
      'src/views/Workview.ts': `import { useFeatureFlags } from '../composables/useFeatureFlags';
const { featureEnabled, enabledFeatures } = useFeatureFlags();
export const docs = featureEnabled('DOCUMENTS');
export const count = enabledFeatures.length;`,
    },
    expected: { patterns: [{ callee: 'featureEnabled', keyArg: 0, type: 'boolean' }], registry: { file: 'src/store/types.ts', symbol: 'FeatureName' } },
    checks: { 'src/views/Workview.ts': ['DOCUMENTS'] },
  },
  {
    name: "no SDK: a function named for getting a feature flag that gives back the entry its parameter names in a record named for feature flags, of any value, is a wrapper; one named for anything else, or reading another record, is none",
    files: {
      'src/state/featureFlags.ts': `export const getDataFeatureFlag = <T extends string>(flag: T) => window?.sessionDataFeatureFlags?.[flag] ?? null;
export const getSetting = (name: string) => window.sessionDataFeatureFlags[name];
export const getPreviewFeatureFlag = (name: string) => window.previewSettings[name];`,
      'src/network/pool.ts': `import { getDataFeatureFlag, getSetting, getPreviewFeatureFlag } from '../state/featureFlags';
const local = getDataFeatureFlag('useLocalDevNet');
const color = getSetting('theme');
const preview = getPreviewFeatureFlag('compact');`,
    },
    expected: { patterns: [{ callee: 'getDataFeatureFlag', keyArg: 0 }] },
    says: /^wrapper getDataFeatureFlag \(src\/state\/featureFlags\.ts:1\): gives back the entry its first argument names in window\?\.sessionDataFeatureFlags, a record named for feature flags$/,
    checks: { 'src/network/pool.ts': ['useLocalDevNet'] },
  },
  {
    name: "no SDK, no registry found yet: a function giving back the state of the item its parameter finds in a list of flags is a wrapper; a list of users or plugins searched so, or a label given back, is none",
    files: {
      'src/providers/FeatureFlagProvider.tsx': `export function FeatureFlagsProvider({ children }) {
  const value = useMemo(() => ({
    isFeatureFlagEnabled: (envVar: FeatureFlagEnvVar) => {
      const featureFlags = data?.featureFlags ?? [];
      const featureFlag = featureFlags.find((flag) => flag.envVar === envVar);
      if (!featureFlag) return false;
      return featureFlag.enabled;
    },
  }), [data]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}`,
      'src/flags.ts': `export function isFlagOn(key: string) { return flags.find((flag) => flag.key === key)?.enabled ?? false; }
export function flagLabel(key: string) { return flags.find((flag) => flag.key === key)?.label; }`,
      'src/users.ts': `export function isUserActive(id: string) { return users.find((user) => user.id === id)?.active ?? false; }
export function isPluginEnabled(name: string) { return !!plugins.find((plugin) => plugin.name === name)?.enabled; }`,
      'src/pages/Dashboard.tsx': `export function Dashboard() {
  const { isFeatureFlagEnabled } = useFeatureFlags();
  return isFeatureFlagEnabled('ROX_SCANNER_V4') && isFlagOn('beta') && isUserActive('u1') && isPluginEnabled('p') ? <A /> : null;
}`,
    },
    expected: { patterns: [{ callee: 'isFeatureFlagEnabled', keyArg: 0, type: 'boolean' }, { callee: 'isFlagOn', keyArg: 0, type: 'boolean' }] },
    says: /^wrapper isFeatureFlagEnabled \(src\/providers\/FeatureFlagProvider\.tsx:3\): gives back the enabled of the item of featureFlags whose envVar its first argument names$/,
    checks: { 'src/pages/Dashboard.tsx': ['ROX_SCANNER_V4', 'beta'] },
  },
  {
    name: "no SDK, no registry: a function looping over a list named for flags for the item its parameter names, giving back true with the item's state tested or that state, is a wrapper; a loop over users, or one giving back another part, is none",
    files: {
      'src/functions/waffle.ts': `export function isFlagActive(runtimeData: RuntimeData | undefined, flagName: string): boolean {
  if (runtimeData?.WAFFLE_FLAGS) {
    for (const flag of runtimeData.WAFFLE_FLAGS) {
      if (flag[0] === flagName && flag[1] === true) {
        return true;
      }
    }
  }
  return false;
}`,
      'src/functions/switches.ts': `export function switchOn(name: string) { for (const [key, on] of featureSwitches) if (key === name) return on; return false; }
export function flagOwner(name: string) { for (const flag of flagList) { if (flag.name === name) return flag.owner; } return undefined; }`,
      'src/functions/users.ts': `export function isUserActive(id: string) { for (const user of users) { if (user.id === id && user.active) return true; } return false; }`,
      'src/pages/Profile.tsx': `export function Profile(props) {
  const runtimeData = useRuntimeData();
  return isFlagActive(props.runtimeData, 'tracker_removal') || isFlagActive(runtimeData.data, "free_user_onboarding") || switchOn('beta') || flagOwner('x') || isUserActive('u1') ? <A /> : null;
}`,
    },
    expected: { patterns: [{ callee: 'isFlagActive', keyArg: 1, type: 'boolean' }, { callee: 'switchOn', keyArg: 0, type: 'boolean' }] },
    says: /^wrapper isFlagActive \(src\/functions\/waffle\.ts:1\): gives back the \[1\] of the item of runtimeData\.WAFFLE_FLAGS whose \[0\] its second argument names$/,
    checks: { 'src/pages/Profile.tsx': ['tracker_removal', 'free_user_onboarding', 'beta'] },
  },
  {
    name: "a story's or a test's object named for toggles is no registry: a product declares its flags with the product",
    files: {
      'src/components/NotificationsToggle.stories.tsx': `export const NotificationsToggle = { args: 'A notification' } as const;`,
      'src/__tests__/flags.ts': `export enum TestFlags { A = 'a', B = 'b' }`,
      'src/components/NotificationsToggle.tsx': `export const NotificationsToggle = ({ args }) => <Toggle label={args} />;`,
    },
    expected: {},
  },
  {
    name: "no SDK: the app's settings hold a record of booleans named for switches (`switches: Switches` in `ConfigType`); each property read of it is a check, also through a prop of its name; a record named for permissions there, or switches held by something other than settings, are none",
    files: {
      'src/types/config.ts': `export interface Switches { [key: string]: boolean | undefined }
export interface Permissions { [key: string]: boolean }
export interface ConfigType { ajaxUrl: string; switches: Switches; permissions: Permissions }`,
      'src/types/network.ts': `export interface RackSwitches { [port: string]: boolean }
export interface Rack { ports: RackSwitches }`,
      'src/layouts/Article.tsx': `export const Article = ({ article }: { article: { config: ConfigType } }) => (
  <Layout banner={article.config.switches.remoteBanner} comments={article.config.permissions.canComment} ports={rack.ports.eth0} />
);`,
      'src/components/Lightbox.tsx': `export const Lightbox = ({ switches }: { switches: Switches }) => (switches['lightbox'] ? <Box /> : null);`,
    },
    expected: { bags: [{ bag: 'switches', locals: true }] },
    checks: { 'src/layouts/Article.tsx': ['remoteBanner'], 'src/components/Lightbox.tsx': ['lightbox'] },
  },
  {
    name: "no SDK, no check yet: a team's experiments, an object its own helper hands back (`experiments({ … })`) read by `keyof typeof`, anchor `isEnabled(name: ExperimentName)`; its setter takes a key but reads none",
    files: {
      'src/experiments.ts': `import { configstore } from './configstore';
export interface Experiment { shortDescription: string; default?: boolean }
function experiments<Keys extends string>(exp: Record<Keys, Experiment>): Record<Keys, Experiment> {
  return Object.freeze(exp);
}
export const ALL_EXPERIMENTS = experiments({
  webframeworks: { shortDescription: 'Native support for popular web frameworks' },
  pintags: { shortDescription: 'Adds pinned tags', default: true },
  apptesting: { shortDescription: 'App testing' },
});
export type ExperimentName = keyof typeof ALL_EXPERIMENTS;
export function isEnabled(name: ExperimentName): boolean { return configstore.get('previews')?.[name] ?? ALL_EXPERIMENTS[name]?.default ?? false; }
export function setEnabled(name: ExperimentName, to: boolean | null): void { configstore.set(\`previews.\${name}\`, to); }`,
      'src/deploy.ts': `import * as experiments from './experiments';
import { isEnabled } from './experiments';
export function deploy() { return experiments.isEnabled('webframeworks') || isEnabled('pintags'); }
export function preview() { experiments.setEnabled('apptesting', true); }`,
    },
    expected: { patterns: [{ callee: 'isEnabled', keyArg: 0 }], registry: { file: 'src/experiments.ts', symbol: 'ExperimentName' } },
    checks: { 'src/deploy.ts': ['webframeworks', 'pintags'] },
  },
  {
    name: "no check yet: a list named for features alone is the product's (`SERVER_FEATURES = ['firestore', 'auth']`), and the tools typed by it do not make it the registry; under a folder named for flags they would",
    files: {
      'src/mcp/types.ts': `export const SERVER_FEATURES = ['firestore', 'storage', 'auth', 'functions'] as const;
export type ServerFeature = (typeof SERVER_FEATURES)[number];`,
      'src/mcp/tool.ts': `export function tool(feature: ServerFeature, name: string) { return { feature, name }; }
export function checkFeatureActive(feature: ServerFeature): Promise<boolean> { return active(feature); }`,
      'src/mcp/tools.ts': `export const tools = [tool('firestore', 'get_documents'), tool('auth', 'get_users')];
export const on = checkFeatureActive('storage');`,
    },
    expected: {},
  },
  {
    name: "no SDK: a function giving back whether a list of the flags that are on holds its parameter is a wrapper; a type guard asking whether a name is a flag at all, a list of roles, or a negated answer is none",
    files: {
      'src/models/tenant/helpers.ts': `export function hasFeatureFlag(tenant: Pick<Tenant, 'featureFlags'>, flag: string) {
  if (tenant.featureFlags?.includes(flag)) {
    return true;
  }
  return false;
}
export const isFlagOn = (name: string): boolean => { const enabledFlags = getEnabledFlags(); return enabledFlags.has(name); };
export const isKnownFeatureFlag = (value: unknown): value is string => listFeatureFlags().includes(value as string);
export function hasRole(user: User, role: string) { return user.roles.includes(role); }
export function lacksFlag(user: User, flag: string) { return !user.flags.includes(flag); }`,
      'src/handlers/story.ts': `export function count(tenant: Tenant, user: User) {
  return hasFeatureFlag(tenant, 'COUNTS_V2') && isFlagOn('beta') && isKnownFeatureFlag('x') && hasRole(user, 'admin') && lacksFlag(user, 'y');
}`,
    },
    expected: { patterns: [{ callee: 'hasFeatureFlag', keyArg: 1, type: 'boolean' }, { callee: 'isFlagOn', keyArg: 0, type: 'boolean' }] },
    says: /^wrapper hasFeatureFlag \(src\/models\/tenant\/helpers\.ts:1\): gives back whether tenant\.featureFlags, a list of the flags that are on, holds its second argument$/,
    checks: { 'src/handlers/story.ts': ['COUNTS_V2', 'beta'] },
  },
  {
    name: "no SDK: a Vue composable giving back a computed box of whether a list of the flags that are on holds its parameter is a wrapper read at .value; Angular's computed signal is none",
    files: {
      'src/composables/user-flag.js': `import { ref, computed } from 'vue'
const _flags = ref([])
export const useFlag = (flagName) => {
  return computed(() => _flags.value?.includes(flagName) ?? false)
}`,
      'src/app/flags.service.ts': `import { computed } from '@angular/core';
const state = { flags: [] as string[] };
export const flagOn = (name: string) => computed(() => state.flags.includes(name));`,
      'src/views/home.js': `import { useFlag } from '@/composables/user-flag'
export const beta = useFlag('beta').value`,
    },
    expected: { patterns: [{ callee: 'useFlag', keyArg: 0, type: 'boolean', returns: { path: 'value' } }] },
    says: /^wrapper useFlag \(src\/composables\/user-flag\.js:3\): gives back a computed box of whether _flags\.value, a list of the flags that are on, holds its first argument$/,
    checks: { 'src/views/home.js': ['beta'] },
  },
  {
    name: "no SDK: a plugin's injected function is called by its injected name (Nuxt's `inject('isOn', fn)` as `app.$isOn`, Vue's `globalProperties.$x = fn`); a membership test may ask for the key respelled; Vue's own `inject(key, default)` names nothing",
    files: {
      'modules/core/plugins/featureFlags.js': `export const FF_AUTOMATION = 'automation';
function featureFlagIsEnabled(featureFlags, flag) {
  return featureFlags.includes(flag.trim().toLowerCase());
}
export default function ({ app }, inject) {
  const FEATURE_FLAGS = (app.$config.FEATURE_FLAGS || '').split(',');
  inject('featureFlagIsEnabled', (flag) => featureFlagIsEnabled(FEATURE_FLAGS, flag));
}`,
      'modules/core/plugins/globals.js': `export function install(app, flags) {
  app.config.globalProperties.$flagOn = (name) => featureFlagIsEnabled(flags, name);
}`,
      'modules/core/composables.js': `import { inject } from 'vue';
export function useTheme() { return inject('theme', (name) => featureFlagIsEnabled(defaults, name)); }`,
      'modules/automation/plugin.js': `export default function ({ app }) {
  if (app.$featureFlagIsEnabled('automation')) register(app);
  return this.$flagOn('beta-nav') && this.$theme('dark');
}`,
    },
    expected: { patterns: [{ callee: 'featureFlagIsEnabled', keyArg: 1, type: 'boolean' }, { callee: '$featureFlagIsEnabled', keyArg: 0, type: 'boolean' }, { callee: '$flagOn', keyArg: 0, type: 'boolean' }] },
    checks: { 'modules/automation/plugin.js': ['automation', 'beta-nav'] },
  },
  {
    name: "a prop named for a toggle alone, typed by a union named so, is the interface's switch, not a flag's option; a feature toggle's is",
    files: {
      'src/PostReviewOrQuestion.tsx': `export type Toggle = 'RATE_AND_REVIEW' | 'ASK_A_QUESTION';
export const PostReviewOrQuestion = ({ toggle, featureToggle }: { toggle?: Toggle; featureToggle?: FeatureToggleName }) => <Tabs tab={toggle} />;`,
      'src/toggles.ts': `export type FeatureToggleName = 'new-editor' | 'dark-mode';`,
      'src/Form.tsx': `export const Form = () => <PostReviewOrQuestion toggle="ASK_A_QUESTION" featureToggle="new-editor" />;`,
    },
    expected: { patterns: [{ callee: 'PostReviewOrQuestion', keyArg: '0.featureToggle' }], registry: { file: 'src/toggles.ts', symbol: 'FeatureToggleName' } },
    checks: { 'src/Form.tsx': ['new-editor'] },
  },
  {
    name: "no SDK: a hook declared to give a record of fixed boolean keys, giving back a property named for feature flags, is a bag function of those keys, and that property read itself a bag of them; one giving back another property, or declared otherwise, is none",
    files: {
      'src/hooks/useEnvFeatures.ts': `export interface EnvironmentFeatures { checkForGeo: boolean; withdrawalSafetyEnabled: boolean }
export const useEnvFeatures = (): EnvironmentFeatures => {
  const selectedNetwork = useAppSelector(getSelectedNetwork);
  return ENVIRONMENT_CONFIG_MAP[selectedNetwork].featureFlags;
};
export const useEnvLimits = (): EnvironmentFeatures => ENVIRONMENT_CONFIG_MAP[network].limits;
export const useEnvFlagsAny = (): Config => ENVIRONMENT_CONFIG_MAP[network].featureFlags;`,
      'src/views/Withdraw.tsx': `export function Withdraw() {
  const { checkForGeo, withdrawalSafetyEnabled } = useEnvFeatures();
  const { checkForGeo: limit } = useEnvLimits();
  return checkForGeo && withdrawalSafetyEnabled && limit && useEnvFlagsAny().other ? <A /> : null;
}`,
      'src/state/selectors.ts': `export const getGeoCheckEnabled = (state) => ENVIRONMENT_CONFIG_MAP[getSelectedNetwork(state)].featureFlags.checkForGeo;
export const other = (state) => state.user.featureFlags.length && ENVIRONMENT_CONFIG_MAP[network].limits.checkForGeo;`,
    },
    expected: { bags: [{ bag: 'useEnvFeatures()', keys: ['checkForGeo', 'withdrawalSafetyEnabled'] }, { bag: 'featureFlags', keys: ['checkForGeo', 'withdrawalSafetyEnabled'] }] },
    checks: { 'src/views/Withdraw.tsx': ['checkForGeo', 'withdrawalSafetyEnabled'], 'src/state/selectors.ts': ['checkForGeo'] },
  },
  {
    name: 'entries read as booleans that are no flags: a record or file whose name says nothing of flags, a function whose name asks nothing of one, and a read the function does not give back',
    files: {
      'src/permissions.ts': `export class Permissions { private granted: Record<string, boolean> = {}; isEnabled(name: string) { return !!this.granted[name]; } }`,
      'src/flags/cache.ts': `export function cacheKeyOf(key: string) { return Boolean(entries[key]); }
export function isFlagCached(key: string) { const cached = !!cache[key]; return cached ? 'yes' : 'no'; }`,
      'src/settings.ts': `export function isSettingEnabled(name: string) { return settings[name] ?? false; }`,
      'src/page.tsx': `export const Page = () => new Permissions().isEnabled('admin') && cacheKeyOf('x') && isFlagCached('y') && isSettingEnabled('dark');`,
    },
    expected: {},
  },
  {
    name: 'no SDK, no wrapper: a list of flags from the app context searched for the item whose name is a member of an enum named for flags; a list of users searched so is none',
    files: {
      'src/constants/features.ts': `export enum FeatureKeys { SSO = 'sso', CHAT_SUPPORT = 'chat_support', GATEWAY = 'gateway' }\nexport enum Role { ADMIN = 'admin' }`,
      'src/nav/SideNav.tsx': `import { FeatureKeys } from '../constants/features';
export function SideNav() {
  const { featureFlags } = useAppContext();
  const chat = featureFlags?.find((flag) => flag.name === FeatureKeys.CHAT_SUPPORT)?.active;
  const gateway = featureFlags?.find((flag) => flag.name === FeatureKeys.GATEWAY)?.active || false;
  return chat && gateway;
}`,
      'src/settings/Sso.tsx': `import { FeatureKeys, Role } from '../constants/features';
export function Sso({ users }) {
  const admin = users.find((user) => user.role === Role.ADMIN);
  return admin && featureFlags.find((flag) => flag.name === FeatureKeys.SSO)?.active;
}`,
    },
    expected: { patterns: [{ callee: 'featureFlags.find', keyArg: 0, keyCompared: 'name' }], registry: { file: 'src/constants/features.ts', symbol: 'FeatureKeys' } },
    says: /^check featureFlags\.find \(src\/nav\/SideNav\.tsx:4\): 3 searches look for the item whose name is a member of FeatureKeys$/,
    checks: { 'src/nav/SideNav.tsx': ['FeatureKeys.CHAT_SUPPORT', 'FeatureKeys.GATEWAY'], 'src/settings/Sso.tsx': ['FeatureKeys.SSO'] },
  },
  {
    name: "a list named for features whose member is passed to the browser's storage is not proposed: the storage takes other keys far more often, so that call is no check, and no key of the list is checked",
    files: {
      'src/components/GuidePopup.tsx': `export const FEATURE_KEYS = { NOTES: 'notes-guide', REPLAY: 'replay-guide' } as const;
export function GuidePopup() { const seen = localStorage.getItem(FEATURE_KEYS.NOTES); return seen ? null : <Popup />; }`,
      'src/player/localStorage.ts': `export const boolean = (key: string) => localStorage.getItem(key) === 'true';
export const number = (key: string) => Number(localStorage.getItem(key));`,
      'src/app.tsx': `const theme = localStorage.getItem('theme'); const token = localStorage.getItem('token'); const lang = localStorage.getItem('lang');
const muted = boolean('muted'); const speed = number('speed');`,
    },
    expected: {},
    says: /^no registry proposed: the nearest candidate, FEATURE_KEYS \(src\/components\/GuidePopup\.tsx, object\), is named for flags, but none of its 2 keys is checked in code/,
  },
  {
    name: "comparisons with 'enabled' that are no flags: settings, a store read whole, translations and meta tags are no checks; plan features, routes and words that hold a flag word inside them neither; only a function around them that says flags is a wrapper",
    files: {
      'src/settings.ts': `export function isSettingEnabled(name: string) { return settings[name] === 'enabled'; }
export function integrationStatus(name: string) { return fetchStatus(name) === 'on'; }
export const isEnvOn = (name: string) => process.env[name] === 'true';`,
      'src/features.ts': `export function isFeatureEnabled(name: string) { return plan.features[name] === 'enabled'; }
export function isFlagOn(name: string) { return localStorage.getItem(name) === 'on'; }
export function useNavigate(route: string) { return routes[route] === 'enabled'; }
export function invariantOf(key: string) { return t(key) === 'enabled'; }`,
      'src/page.tsx': `export function Page() { return isSettingEnabled('dark') && integrationStatus('dropbox') && isEnvOn('DEBUG') && t('welcome') && getMeta('ol-user') && localStorage.getItem('theme') && isFeatureEnabled('sso') && isFlagOn('beta-nav') && useNavigate('home') && invariantOf('menu'); }`,
    },
    expected: { patterns: [{ callee: 'isFlagOn', keyArg: 0, type: 'boolean' }] },
    checks: { 'src/page.tsx': ['beta-nav'] },
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
    name: "a team bag returning LaunchDarkly's useFlags() through a constant of its own",
    files: {
      'libs/common-hooks/src/useFeatureFlags.ts': `import { useFlags } from 'launchdarkly-react-client-sdk';
export interface FeatureFlags { isTwapEoaEnabled?: boolean; [key: string]: any }
export function useFeatureFlags(): FeatureFlags {
  const flags = useFlags<FeatureFlags>();
  return flags;
}`,
    },
    expected: { bags: [{ bag: 'useFeatureFlags()', camelCaseKeys: true, sdk: 'launchdarkly' }], registry: { file: 'libs/common-hooks/src/useFeatureFlags.ts', symbol: 'FeatureFlags' } },
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
    name: 'with no check using any key, only a registry named for flags, in a module named for them, is proposed',
    files: { 'src/flags/keys.ts': `export interface ReleaseToggles { 'a.b': boolean; 'c.d': boolean }
export enum Colors { Red = 'red', Blue = 'blue' }` },
    expected: { registry: { file: 'src/flags/keys.ts', symbol: 'ReleaseToggles' } },
  },
  {
    // plane's ViewFlags: what a view of issues allows, declared among the issue types and read through its stores.
    name: 'with no check using any key, a type named for flags in a module about something else is not enough',
    files: {
      'src/types/issues.ts': `export interface ViewFlags { enableQuickAdd: boolean; enableIssueCreation: boolean; enableInlineEditing: boolean }
export type IssueLayout = 'list' | 'kanban';`,
      'src/store/archived.ts': `export class ArchivedIssues { viewFlags: ViewFlags = { enableQuickAdd: false, enableIssueCreation: false, enableInlineEditing: true }; }`,
      'src/layouts/Kanban.tsx': `const { enableInlineEditing, enableQuickAdd } = issues?.viewFlags || {};`,
    },
    expected: {},
  },
  {
    name: 'with no check using any key, a name that may mean other things than flags is not enough: plan features read through their own bag',
    files: {
      'types/user.ts': `export type Features = { dropbox?: boolean; github?: boolean; templates?: boolean; collaborators?: number }`,
      'types/plan.ts': `import type { Features } from './user';\nexport interface Plan { name: string; features: Features }`,
      'app/limits.ts': `export const canSync = (plan: Plan) => plan.features.dropbox && plan.features.github && plan.features.templates;`,
    },
    expected: {},
    says: /^no registry proposed: the nearest candidate, Features \(types\/user\.ts, interface\), is named for flags, but none of its 4 keys is checked in code/,
  },
  {
    // insights-inventory-frontend's hook: `export default (flag) => …`, imported as useFeatureFlag everywhere.
    name: "an anonymous default export that forwards its key is a wrapper named after its module (its folder's, for an index)",
    files: {
      'src/Utilities/useFeatureFlag.js': `import { useFlag, useFlagsStatus } from '@unleash/proxy-client-react';
export default (flag) => {
  const { flagsReady } = useFlagsStatus();
  const enabled = useFlag(flag);
  return flagsReady ? enabled : undefined;
};`,
      'src/flags/is-flag-on/index.ts': `import { useFlag } from '@unleash/proxy-client-react';
export default function (name: string) { return useFlag(name); }`,
      'src/Routes.js': `import useFeatureFlag from './Utilities/useFeatureFlag';
import isFlagOn from './flags/is-flag-on';
const beta = useFeatureFlag('ui.beta');
const dark = isFlagOn('ui.dark');`,
    },
    expected: {
      patterns: [{ callee: 'useFeatureFlag', keyArg: 0 }, { callee: 'isFlagOn', keyArg: 0, type: 'boolean' }],
    },
  },
  {
    // excalidraw's one flag, read from local storage by its own getter.
    name: 'a list of one key is a registry when its name says flags and nothing else, and its typed getter a wrapper',
    files: {
      'src/utils.ts': `type FEATURE_FLAGS = { COMPLEX_BINDINGS: boolean };
export const getFeatureFlag = <F extends keyof FEATURE_FLAGS>(flag: F): FEATURE_FLAGS[F] => (flags ?? DEFAULTS)[flag];`,
      'src/binding.ts': `import { getFeatureFlag } from './utils';
if (getFeatureFlag('COMPLEX_BINDINGS')) bind();`,
    },
    expected: {
      patterns: [{ callee: 'getFeatureFlag', keyArg: 0 }],
      registry: { file: 'src/utils.ts', symbol: 'FEATURE_FLAGS' },
    },
  },
  {
    // amplify-cli's FeatureFlagType: the kinds of value its flags have, typing its service's own getValue(name, type).
    name: "a union named for flags that lists kinds of value is no registry, and types no wrapper; the class's static getter taking the flag's name is its API",
    files: {
      'src/featureFlagTypes.ts': `export type FeatureFlagType = 'boolean' | 'number';`,
      'src/featureFlags.ts': `import type { FeatureFlagType } from './featureFlagTypes';
export class FeatureFlags {
  static getBoolean(name: string): boolean { return this.getValue(name, 'boolean'); }
  private static getValue(name: string, type: FeatureFlagType) { return store[name]; }
}`,
    },
    expected: { patterns: [{ callee: 'FeatureFlags.getBoolean', keyArg: 0 }] },
  },
  {
    name: 'a list of one key named for features, a word for other things too, is none',
    files: {
      'src/plan.ts': `type PlanFeatures = { export: boolean };
export const hasFeature = <F extends keyof PlanFeatures>(feature: F): boolean => plan.features[feature];`,
      'src/app.ts': `import { hasFeature } from './plan';
if (hasFeature('export')) showExport();`,
    },
    expected: {},
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
    name: "an interface of toggles whose keys are passed as strings to the team's untyped service is its registry, and the service a check; a private method is called on `this` only; a key written '!x' is x negated; a function given names that are not keys as often, or an event's handler, is none",
    files: {
      'src/config/feature-toggles.ts': `export interface FeatureTogglesInterface { a11yDialogsHeading?: boolean; a11yRequiredAsterisks?: boolean; showPromotions?: boolean; formErrorsDescriptive?: boolean }`,
      'src/services/feature-config.service.ts': `export class FeatureConfigService {
  isEnabled(feature: string): boolean { return feature.startsWith('!') ? !this.config.features[feature.slice(1)] : !!this.config.features[feature]; }
}`,
      'src/services/feature-styles.service.ts': `export class FeatureStylesService {
  constructor(private featureConfig: FeatureConfigService, private renderer: Renderer2) {}
  registerUsage(feature: string): void { if (this.featureConfig.isEnabled(feature)) this.addClass(feature); }
  protected addClass(feature: string) { const cssClass = this.featureConfig.isEnabled(feature) ? 'cx-' + feature : undefined; if (cssClass) this.renderer.addClass(this.root, cssClass); }
}`,
      'src/cart/dialog.component.ts': `export class DialogComponent {
  constructor(private featureConfigService: FeatureConfigService, private styles: FeatureStylesService, private renderer: Renderer2) {}
  heading = this.featureConfigService.isEnabled('a11yDialogsHeading');
  asterisks = this.featureConfigService.isEnabled('a11yRequiredAsterisks');
  old = this.featureConfigService.isEnabled('!showPromotions');
  init() { this.styles.registerUsage('formErrorsDescriptive'); this.renderer.addClass(this.element, 'open'); }
  select() { this.onToggle('a11yDialogsHeading', true); this.onToggle('a11yRequiredAsterisks', false); }
}`,
      'src/products/product.ts': `export const PRODUCTS = ['feedback', 'support', 'status'];
export const a = isProductEnabled(flags, 'showPromotions');
export const b = isProductEnabled(flags, 'support');
export const c = isProductEnabled(flags, 'status');
export const d = isProductEnabled(flags, 'a11yDialogsHeading');`,
    },
    expected: {
      patterns: [{ callee: 'isEnabled', keyArg: 0 }, { callee: 'registerUsage', keyArg: 0 }, { callee: 'this.addClass', keyArg: 0 }],
      registry: { file: 'src/config/feature-toggles.ts', symbol: 'FeatureTogglesInterface' },
    },
    says: /^check isEnabled \(src\/cart\/dialog\.component\.ts:3\): 3 calls pass keys of FeatureTogglesInterface as its first argument$/,
    checks: {
      'src/cart/dialog.component.ts': ['a11yDialogsHeading', 'a11yRequiredAsterisks', 'showPromotions', 'formErrorsDescriptive'],
      'src/products/product.ts': [],
    },
  },
  {
    name: 'a list keyof a flag config types the team\'s hook and server check, beside an SDK called for other keys: its keys passed as strings are checked',
    files: {
      'src/flags/types.ts': `export interface FeatureFlagConfig { storage: boolean; billing: boolean; captcha: boolean; calendars: boolean }
export type Feature = keyof FeatureFlagConfig;`,
      'src/flags/client.tsx': `import type { Feature } from './types';
export function useFeatureFlag(name: Feature): boolean { return useContext(FlagsContext)[name] ?? false; }`,
      'src/flags/server.ts': `import type { Feature } from './types';
export function isFeatureEnabled(feature: Feature) { return config[feature]; }`,
      'src/app/billing.tsx': `import { isFeatureEnabled } from '../flags/server';\nexport const page = isFeatureEnabled('billing') ? billing() : null;`,
      'src/app/upload.tsx': `import { useFeatureFlag } from '../flags/client';\nexport function Upload() { return useFeatureFlag('storage') && useFeatureFlag('captcha'); }`,
      'src/api/keys.ts': `import { PostHog } from 'posthog-node';\nconst posthog = new PostHog(key);\nexport const tools = posthog.isFeatureEnabled('developer-tools', user);`,
    },
    expected: {
      patterns: [{ callee: 'useFeatureFlag', keyArg: 0, type: 'boolean' }, { callee: 'isFeatureEnabled', keyArg: 0 }],
      // The interface that writes the keys out, named for flags (a config of flags), before the union that refers to it.
      registry: { file: 'src/flags/types.ts', symbol: 'FeatureFlagConfig' },
    },
    says: /^registry FeatureFlagConfig \(src\/flags\/types\.ts, interface\): 3 of its 4 keys are checked in code/,
    checks: { 'src/app/billing.tsx': ['billing'], 'src/app/upload.tsx': ['storage', 'captcha'] },
  },
  {
    name: 'plan features typing a function called with their keys, beside an SDK called for flags, are no registry',
    files: {
      'src/license.ts': `export type CommercialFeature = 'sso' | 'audit-logs' | 'scim' | 'custom-roles';
export function hasCommercialFeature(feature: CommercialFeature): boolean { return plan.features.includes(feature); }`,
      'src/settings.tsx': `import { hasCommercialFeature } from './license';\nexport const sso = hasCommercialFeature('sso') && hasCommercialFeature('scim');`,
      'src/nav.tsx': `import { GrowthBook } from '@growthbook/growthbook';\nconst gb = new GrowthBook();\nexport const nav = gb.isOn('new-nav');`,
    },
    // A commercial feature is what a customer pays for: CommercialFeature is no candidate at all.
    expected: {},
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
    expected: { patterns: [{ callee: 'applyOverrides', keyArg: 1 }, { callee: 'useUiFlag', keyArg: 0 }] },
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
    name: 'a general function a member is passed to, which mostly takes other values, is no check; the registry and its real check stay, also where the import of a member is not followed',
    files: {
      'src/types.ts': `import { Type } from '@sinclair/typebox';
export const FeatureNames = { WhiteLabel: 'WhiteLabel', GlobalCompute: 'GlobalCompute' } as const;
export const WhiteLabelConfig = Type.Object({ type: Type.Literal(FeatureNames.WhiteLabel), title: Type.Literal('title') });
export const Kind = Type.Union([Type.Literal('a'), Type.Literal('b'), Type.Literal('c')]);`,
      'src/features.ts': `export async function getFeature({ workspaceId, name }: { workspaceId: string; name: string }) { return db.find(workspaceId, name); }`,
      'src/boot.ts': `import { FeatureNames } from './types';
if (await getFeature({ workspaceId, name: FeatureNames.GlobalCompute })) start();
const rows = await db.select().where(eq(feature.name, FeatureNames.GlobalCompute));
const mine = await db.select().where(eq(feature.workspaceId, workspaceId));
const theirs = await db.select().where(eq(feature.id, id));`,
      'src/periods.ts': `import { FeatureNames } from '@app/types';
const on = await getFeature({ workspaceId, name: FeatureNames.WhiteLabel });
const again = await getFeature({ workspaceId, name: FeatureNames.WhiteLabel });`,
    },
    expected: { patterns: [{ callee: 'getFeature', keyArg: '0.name' }], registry: { file: 'src/types.ts', symbol: 'FeatureNames' } },
    // One file's scan: the key, imported, is resolved by the index; `eq` and `Type.Literal` are no checks.
    checks: { 'src/boot.ts': ['FeatureNames.GlobalCompute'], 'src/types.ts': [] },
  },
  {
    name: "a bag keyed by an alias of the registry's keys: the static type of a TypeBox schema of them",
    files: {
      'src/types.ts': `import { Type, type Static } from '@sinclair/typebox';
export const FeatureNames = { WhiteLabel: 'WhiteLabel', Beta: 'Beta' } as const;
export const FeatureName = Type.KeyOf(Type.Const(FeatureNames));
export type FeatureName = Static<typeof FeatureName>;
export type FeatureMap = { [K in FeatureName]?: object | boolean };`,
      'src/features.ts': `export async function getFeature({ name }: { name: string }) { return db.find(name); }`,
      'src/boot.ts': `import { FeatureNames } from './types';\nif (await getFeature({ name: FeatureNames.Beta })) start();`,
      'src/store.ts': `export interface Store { features: FeatureMap; user: User }`,
      'src/nav.tsx': `const { features } = useStore();\nexport const nav = features.WhiteLabel ? [] : items;\nconst n = features.length;`,
    },
    expected: {
      patterns: [{ callee: 'getFeature', keyArg: '0.name' }],
      bags: [{ bag: 'features', keys: ['WhiteLabel', 'Beta'] }],
      registry: { file: 'src/types.ts', symbol: 'FeatureNames' },
    },
    checks: { 'src/nav.tsx': ['WhiteLabel'] },
  },
  {
    name: "a bag keyed by an alias of the registry's keys: zod's type of a native enum, and the values of an object",
    files: {
      'src/flags.ts': `import { z } from 'zod';
export enum Flags { NewNav = 'new-nav', Search = 'search' }
export const FlagSchema = z.nativeEnum(Flags);
export type Flag = z.infer<typeof FlagSchema>;
export const LIMITS = { Small: 'small', Large: 'large' } as const;
export type Limit = (typeof LIMITS)[keyof typeof LIMITS];`,
      'src/client.ts': `export function isOn(flag: Flags) { return state.get(flag); }`,
      'src/app.ts': `isOn(Flags.NewNav); isOn(Flags.Search);\nexport interface Session { toggles: Record<Flag, boolean>; limits: Record<Limit, number> }`,
      'src/page.ts': `export const a = session.toggles['new-nav']; export const b = session.limits.small;`,
    },
    expected: {
      patterns: [{ callee: 'isOn', keyArg: 0 }],
      bags: [{ bag: 'toggles', keys: ['new-nav', 'search'] }],
      registry: { file: 'src/flags.ts', symbol: 'Flags' },
    },
    checks: { 'src/page.ts': ['new-nav'] },
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
    name: "a wrapper handed over as an object's property is called on whatever holds the object, and a closure over that is a wrapper too; a property not named for flags is none",
    files: {
      'apps/web/src/flags.ts': `import { useFlags } from 'launchdarkly-react-client-sdk';
export function useBooleanFlag(flag: string, defaultValue = false) { return useFlags()[flag] ?? defaultValue; }`,
      'apps/web/src/SharedProvider.tsx': `import { useBooleanFlag } from './flags';
export const Provider = ({ children }) => <SharedContext.Provider value={{ booleanFlag: useBooleanFlag, read: useBooleanFlag, pathCreator }}>{children}</SharedContext.Provider>;`,
      'packages/components/src/useBooleanFlag.ts': `export const useSharedFlag = () => {
  const shared = useShared();
  const booleanFlag = (flag: string, defaultValue = false) => shared.booleanFlag(flag, defaultValue);
  return { booleanFlag };
};`,
      'packages/components/src/Nav.tsx': `const { booleanFlag } = useSharedFlag();\nexport const on = booleanFlag('step-over', false);\nexport const other = shared.read('x');`,
    },
    expected: { patterns: [{ callee: 'useBooleanFlag', keyArg: 0, camelCaseKeys: true }, { callee: 'booleanFlag', keyArg: 0, camelCaseKeys: true }] },
    says: /^wrapper booleanFlag \(apps\/web\/src\/SharedProvider\.tsx:2\): is the property an object hands useBooleanFlag over as, a wrapper$/,
    checks: { 'packages/components/src/Nav.tsx': ['step-over'] },
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
    name: 'an alias is found past comments, parentheses, line breaks, `!`, `as` and `satisfies`; a wrapper called, read from or imported there makes none',
    files: {
      'src/experiments.ts': `export interface Experiments { 'nav.new': boolean; 'billing.v2': boolean; 'search.beta': boolean }`,
      'src/useExperiment.ts': `export function fromService<K extends keyof Experiments>(key: K) { return useContext(Service).get(key); }
export function withOverrides<K extends keyof Experiments>(key: K) { return overrides[key] ?? fromService(key); }`,
      'src/aliases.ts': `import { fromService, withOverrides } from './useExperiment';
export const checkExperiment = /* the service's */ (
  fromService
)!;
export const pickExperiment = isDev
  ? withOverrides as typeof fromService
  : // in production
    fromService satisfies Function;
export const called = fromService ('nav.new');
export const bound = withOverrides.bind(null);
export const typed = fromService<'nav.new'>;`,
      'src/App.tsx': `checkExperiment('nav.new'); pickExperiment('billing.v2'); bound('search.beta');`,
    },
    expected: {
      patterns: [{ callee: 'fromService', keyArg: 0 }, { callee: 'withOverrides', keyArg: 0 }, { callee: 'checkExperiment', keyArg: 0 }, { callee: 'pickExperiment', keyArg: 0 }],
      registry: { file: 'src/experiments.ts', symbol: 'Experiments' },
    },
    says: /^wrapper checkExperiment \(src\/aliases\.ts:2\): is another name for fromService, a wrapper$/,
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
    name: "a front end's interface of flags types its bags beside a server's registry that wins, and a property both type holds the keys of both",
    files: {
      'src/server/experimental.ts': `export type IFlagKey = 'accessLogs' | 'deltaApi' | 'etagByEnv' | 'maintenance';
export type IFlags = Partial<{ [key in IFlagKey]: boolean }>;
export interface IServerOptions { flags: IFlags }`,
      'src/server/sdk.ts': `import { GrowthBook } from '@growthbook/growthbook';
const gb = new GrowthBook(); gb.isOn('deltaApi'); gb.isOn('accessLogs'); gb.isOn('etagByEnv');`,
      'src/server/app.ts': `export const down = (options: IServerOptions) => options.flags.maintenance;`,
      'src/frontend/uiConfig.ts': `export interface UiFlags { newNav?: boolean; darkMode?: boolean; billing?: boolean }
export interface IUiConfig { version: string; flags: UiFlags }`,
      'src/frontend/App.tsx': `import { GrowthBook } from '@growthbook/growthbook';
const gb = new GrowthBook(); gb.isOn('newNav'); gb.isOn('darkMode');
const { uiConfig } = useUiConfig();
export const billing = uiConfig.flags.billing;`,
    },
    expected: {
      bags: [{ bag: 'flags', keys: ['accessLogs', 'deltaApi', 'etagByEnv', 'maintenance', 'newNav', 'darkMode', 'billing'] }],
      registry: { file: 'src/server/experimental.ts', symbol: 'IFlagKey' },
    },
    checks: { 'src/frontend/App.tsx': ['newNav', 'darkMode', 'billing'], 'src/server/app.ts': ['maintenance'] },
  },
  {
    name: 'a property typed by the registry interface, in another file, is a bag of its listed keys; other objects\' properties of that name are not',
    files: {
      'src/interfaces/uiConfig.ts': `export interface UiFlags { newNav?: boolean; darkMode?: boolean; UG?: boolean }
export interface IUiConfig { version: string; flags: UiFlags }`,
      'src/interfaces/overrides.ts': `import type { UiFlags } from './uiConfig';
export class Overrides { saved?: Partial<UiFlags>; constructor(private readonly flagList: string[]) {} }
interface ProviderProps { value: UiFlags; children: ReactNode }`,
      'src/hooks/useUiFlag.ts': `export function useUiFlag<K extends keyof UiFlags>(flag: K) { return useContext(Config).flags[flag]; }`,
      'src/App.tsx': `useUiFlag('newNav');`,
      'src/Banner.tsx': `const { uiConfig } = useUiConfig();
const on = uiConfig.flags.darkMode && uiConfig?.flags?.['newNav'];
const { flags } = uiConfig; if (flags.UG) show();
const count = props.flags.length + dashboard.flags.filter(Boolean).length + stored.saved?.darkMode;
const vote = field.value[index];`,
    },
    // A provider's \`value: UiFlags\` is no bag: \`value\` names every value.
    expected: {
      patterns: [{ callee: 'useUiFlag', keyArg: 0 }],
      bags: [{ bag: 'flags', keys: ['newNav', 'darkMode', 'UG'] }, { bag: 'saved', keys: ['newNav', 'darkMode', 'UG'] }],
      registry: { file: 'src/interfaces/uiConfig.ts', symbol: 'UiFlags' },
    },
    says: /^bag flags \(src\/interfaces\/uiConfig\.ts:2\): a property typed UiFlags, which lists flags; a read of one it lists is a check$/,
    checks: { 'src/Banner.tsx': ['darkMode', 'newNav', 'UG', 'darkMode'] },
  },
  {
    name: "a stream or promise of the registry interface (a getter's, a property's) is a bag of its listed keys under the stream's name, read in the callbacks it feeds; another name or an unlisted key is not",
    files: {
      'src/core/feature-gate.ts': `export interface FeatureGates { oidcEndpoint?: boolean; disableSshKeys?: boolean; quotas?: boolean }
@Injectable({ providedIn: 'root' })
export class FeatureGateService {
  private _featureGates$: Observable<FeatureGates>;
  readonly gates$ = new BehaviorSubject<Partial<FeatureGates>>({});
  get featureGates(): Observable<FeatureGates> { return (this._featureGates$ ??= this._http.get<FeatureGates>('/featuregates')); }
}`,
      'src/cluster/component.ts': `export class ClusterComponent {
  constructor(private readonly _featureGatesService: FeatureGateService) {}
  ngOnInit(): void {
    this._featureGatesService.featureGates.pipe(take(1)).subscribe(featureGates => {
      this.sshKeys = !featureGates?.disableSshKeys;
      this.count = featureGates.length;
    });
    this._featureGatesService.gates$.subscribe(gates => (this.quotas = !!gates.quotas));
    this.other = settings.featureGates.oidcEndpoint;
  }
}`,
    },
    expected: {
      bags: [{ bag: 'featureGates', keys: ['oidcEndpoint', 'disableSshKeys', 'quotas'] }, { bag: 'gates', keys: ['oidcEndpoint', 'disableSshKeys', 'quotas'] }],
      registry: { file: 'src/core/feature-gate.ts', symbol: 'FeatureGates' },
    },
    checks: { 'src/cluster/component.ts': ['disableSshKeys', 'quotas', 'oidcEndpoint'] },
  },
  {
    name: "a service's property given a type keyed by an object registry of records (through an alias, by `as`) is a bag of its keys; a Record keyed by a union registry too; a property of another type of the same name is not",
    files: {
      'src/flags/constant.ts': `export const APP_FLAGS = {
  enable_ai: { displayName: 'Enable AI', configurable: true, defaultState: true },
  offline_mode: { displayName: 'Offline', configurable: isBeta },
  new_editor: { displayName: 'New editor', configurable: false },
} satisfies Record<string, FlagInfo>;
export type APP_FLAGS = typeof APP_FLAGS;`,
      'src/flags/entities.ts': `export class Flags extends Entity {}
export type FlagsExt = Flags & { [K in keyof APP_FLAGS]: Flag<APP_FLAGS[K]> };`,
      'src/flags/service.ts': `export class FeatureFlagService extends Service { flags = this.framework.createEntity(Flags) as FlagsExt; }`,
      'src/Editor.tsx': `export function Editor() {
  const service = useService(FeatureFlagService);
  const ai = useLiveData(service.flags.enable_ai.$);
  service.flags.offline_mode.set(false);
  return ai && service.flags.new_editor.value && layout.flags.sidebar;
}`,
    },
    expected: {
      bags: [{ bag: 'flags', keys: ['enable_ai', 'offline_mode', 'new_editor'] }],
      registry: { file: 'src/flags/constant.ts', symbol: 'APP_FLAGS' },
    },
    says: /^bag flags \(src\/flags\/service\.ts:1\): a property typed FlagsExt, which lists flags; a read of one it lists is a check$/,
    checks: { 'src/Editor.tsx': ['enable_ai', 'new_editor'] },
  },
  {
    name: 'a record read by a member of an object registry is a bag of its keys; a table written in code, a schema looked up, a handler called and a write are not',
    files: {
      'app/flags.ts': `export const FLAG = { newNav: 'newNav', darkMode: 'darkMode', billing: 'billing' } as const;
export const LABELS = { [FLAG.newNav]: 'New navigation', [FLAG.darkMode]: 'Dark mode', [FLAG.billing]: 'Billing' };`,
      'app/evaluate.ts': `import { FLAG } from './flags';
export const nav = () => flag({ key: FLAG.newNav, defaultValue: false });
export const dark = () => flag({ key: FLAG.darkMode, defaultValue: false });
export const billing = () => flag({ key: FLAG.billing, defaultValue: false });`,
      'app/overrides.ts': `import { FLAG, LABELS } from './flags';
export function navOverride(org: Org) { return (org.featureFlags as Record<string, unknown>)?.[FLAG.newNav]; }
export function label() { return LABELS[FLAG.darkMode]; }
export function validate(value: unknown) { return Schemas[FLAG.billing].safeParse(value); }
export function run() { handlers[FLAG.billing](); }
export function save(stored: Record<string, unknown>) { stored[FLAG.darkMode] = true; delete stored[FLAG.newNav]; return this[FLAG.billing]; }
export function merged(stored: Record<string, unknown>) { const effective = { ...stored, [FLAG.newNav]: true }; return effective[FLAG.billing]; }`,
      'app/Menu.tsx': `export function Menu({ featureFlags }: { featureFlags: Record<string, unknown> }) { return featureFlags.darkMode && featureFlags?.['billing'] && featureFlags.length && stored.newNav; }`,
    },
    expected: {
      patterns: [{ callee: 'flag', keyArg: '0.key' }],
      // A record merged in a function is one, where an object written at the top level is a table.
      bags: [{ bag: 'featureFlags', keys: ['newNav', 'darkMode', 'billing'] }, { bag: 'effective', keys: ['newNav', 'darkMode', 'billing'] }],
      registry: { file: 'app/flags.ts', symbol: 'FLAG' },
    },
    says: /^bag featureFlags \(app\/overrides\.ts:2\): read by a member of FLAG, so a record of its flags; a read of one it lists is a check$/,
    checks: { 'app/Menu.tsx': ['darkMode', 'billing'], 'app/overrides.ts': ['FLAG.newNav', 'FLAG.billing'] },
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
export const on = evaluate(flags.newNav) && evaluate(flags.darkMode);`,
      'src/list.ts': `const flags = items.filter(isFlag); setSearchedCount({ count: flags.length });`,
    },
    expected: { patterns: [{ callee: 'evaluate', keyArg: 0 }], registry: { file: 'src/flags.ts', symbol: 'flags' } },
  },
  {
    name: 'calls that write, toggle, validate or log a flag take its member as an evaluation does, and are no check',
    files: {
      'src/flags.ts': `export const FLAGS = { newNav: 'new-nav', darkMode: 'dark-mode', billing: 'billing-v2' } as const;`,
      'src/app.ts': `import { FLAGS } from './flags';
flag({ key: FLAGS.newNav }); flag({ key: FLAGS.darkMode });
setFlag({ key: FLAGS.billing, value: true }); validateFlagValue(FLAGS.newNav, input); toggleFlag(FLAGS.darkMode); const ready = setupFlag(FLAGS.billing);
logEnrollmentEvent(FLAGS.newNav, isOn); trackFlagExposure(FLAGS.darkMode);`,
      'src/admin.ts': `export function updateFlag(flag: (typeof FLAGS)[keyof typeof FLAGS], value: boolean) { return db.flags.update(flag, value); }
export function logFirstEnrollment(flag: (typeof FLAGS)[keyof typeof FLAGS], on: boolean) { telemetry.record(flag, on); }`,
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
    // A parameter of the bag's name reads it too (the record passed down), limited to the keys it lists.
    checks: { 'pages/settings/tokens.tsx': ['tokens'], 'pages/settings/webhooks.tsx': ['tokens'] },
  },
  {
    name: 'an option typed by a list of flags is the key when its name or the list\'s says flag; a lone literal list needs the option\'s name to',
    files: {
      'src/flags.ts': `export type FeatureFlag = 'new-nav' | 'dark-mode';
export type EntryKind = 'flag';
export type FeatureToggles = 'beta';`,
      'src/run.ts': `export function runJob(job: Job, options: { feature?: FeatureFlag }) {}
export function describeEntry(entry: Entry, options: { kind?: EntryKind; kindFlag?: FeatureToggles }) {}
export function renderPanel(view: View, options: { featureToggle?: FeatureToggles; toggle?: FeatureToggles }) {}`,
    },
    // "Toggle" alone is an interface's switch as often: only the option named for a feature toggle says it.
    expected: { patterns: [{ callee: 'runJob', keyArg: '1.feature' }, { callee: 'describeEntry', keyArg: '1.kindFlag' }, { callee: 'renderPanel', keyArg: '1.featureToggle' }], registry: { file: 'src/flags.ts', symbol: 'FeatureFlag' } },
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
    name: 'a record of booleans under a name that says feature flags is a bag passed along by that name; CLI flags, UI toggles, labels and written defaults are not',
    files: {
      'src/core/feature_flags.ts': `export type FeatureFlags = Record<string, boolean>
export const DEFAULT_FEATURE_FLAGS: FeatureFlags = { trace_nft: false, server_entry: false }`,
      'src/settings.ts': `export interface ToggleState { [panel: string]: boolean }
export interface Settings { featureLabels: Record<string, string>; flags: Record<string, boolean>; toggles?: ToggleState }`,
      'src/log.ts': `import type { FeatureFlags } from './core/feature_flags'
export const captureErrors = (child: Child, featureFlags: FeatureFlags) => { if (!featureFlags.trace_nft) return; child.on('error', log) }`,
      'src/steps.js': `export const step = { condition: ({ featureFlags }) => featureFlags?.server_entry, run: ({ flags }) => flags.verbose }`,
      'src/main.ts': `export async function run({ featureFlags = DEFAULT_FEATURE_FLAGS, flags, toggles }: Options) {
  const cached = featureFlags.use_cached && DEFAULT_FEATURE_FLAGS.trace_nft;
  return cached || flags.force || toggles.sidebar || featureFlags.length || featureFlags.hasOwnProperty('x');
}`,
    },
    expected: { bags: [{ bag: 'featureFlags', locals: true }] },
    says: /^bag featureFlags \(src\/log\.ts:2\): declared as FeatureFlags, a record of booleans under a name that says feature flags; a property read of it is a check$/,
    checks: { 'src/log.ts': ['trace_nft'], 'src/steps.js': ['server_entry'], 'src/main.ts': ['use_cached'] },
  },
  {
    name: "a function named for features that gives back an object of decisions, each asking the list it is given for one feature, is a bag of accessors: a call of a decision is a check of its feature; an object with another member, or named for nothing of features, is none",
    files: {
      'src/lib/features.ts': `export function createFeatureDecisions(features: string[]) {
  return {
    useUrlSlug() { return features.includes('UrlSlug'); },
    useResourcePlanning: () => features.includes('ResourceV2'),
  };
}
export const createFeatureHelpers = (features: string[]) => ({ useA() { return features.includes('A'); }, label: 'x' });
export function createPermissions(roles: string[]) { return { canEdit() { return roles.includes('editor'); }, canView() { return roles.includes('viewer'); } }; }`,
      'src/routes/page.ts': `import { createFeatureDecisions } from '../lib/features';
export function load(features: string[]) {
  const decisions = createFeatureDecisions(features);
  const slug = decisions.useUrlSlug();
  const plan = createFeatureDecisions(features).useResourcePlanning();
  const asked = decisions.useUrlSlug;
  return { slug, plan, asked, edit: createPermissions(['x']).canEdit() };
}`,
    },
    expected: { bags: [{ bag: 'createFeatureDecisions()', keys: ['useUrlSlug', 'useResourcePlanning'], names: { useUrlSlug: 'UrlSlug', useResourcePlanning: 'ResourceV2' }, accessors: true }] },
    says: /^bag createFeatureDecisions\(\) \(src\/lib\/features\.ts:1\): gives back an object of feature decisions, each asking the list of features it is given for one \(useUrlSlug\(\) asks for 'UrlSlug', useResourcePlanning\(\) asks for 'ResourceV2'\); a call of one is a check$/m,
    checks: { 'src/routes/page.ts': ['UrlSlug', 'ResourceV2'] },
  },
  {
    name: "a record of booleans named for a feature's enablement is one of flags, read off the context that holds it; one named for a feature's labels is not",
    files: {
      'src/contexts/ConfigContext.ts': `export interface ConfigContextValue {
  configFeatureEnablement?: Record<string, boolean>;
  featureLabels?: Record<string, boolean>;
}`,
      'src/AppLayout.tsx': `export function AppLayout() {
  const { configFeatureEnablement, featureLabels } = useConfigContext();
  return configFeatureEnablement?.projects ?? featureLabels?.projects;
}`,
    },
    expected: { bags: [{ bag: 'configFeatureEnablement', locals: true }] },
    checks: { 'src/AppLayout.tsx': ['projects'] },
  },
  {
    name: "an environment switch's key weighs no registry: the list named for flags whose members the team's calls pass is still chosen",
    files: {
      'src/a.ts': `export type RunColumnGate = 'cost' | 'duration';\nexport type PlanFeatures = 'sso' | 'audit';\nexport type ReplicaLagGate = 'low' | 'high';\nexport type TriggerFeatures = 'cron' | 'batch';`,
      'src/env.ts': `export function billing() { return process.env.FEATURE_BILLING === 'true'; }`,
      'src/flags.ts': `export const FEATURE_FLAG = { newNav: 'newNav', darkMode: 'darkMode' } as const;`,
      'src/use.ts': `export const a = flag({ key: FEATURE_FLAG.newNav });\nexport const b = flag({ key: FEATURE_FLAG.darkMode });`,
    },
    expected: { patterns: [{ callee: 'flag', keyArg: '0.key' }], registry: { file: 'src/flags.ts', symbol: 'FEATURE_FLAG' } },
  },
  {
    name: 'among lists named for flags with as many checked keys, one named for nothing but flags has its anchors looked for first',
    files: {
      'src/a.ts': `export type RunColumnGate = 'cost' | 'duration';\nexport type PlanFeatures = 'sso' | 'audit';\nexport type ReplicaLagGate = 'low' | 'high';\nexport type TriggerFeatures = 'cron' | 'batch';`,
      'src/gb.ts': `import { GrowthBook } from '@growthbook/growthbook';\nconst gb = new GrowthBook();\nexport const old = gb.isOn('legacy-export');`,
      'src/registry.ts': `export const FEATURE_FLAG = { newNav: 'newNav', darkMode: 'darkMode' } as const;`,
      'src/use.ts': `import { FEATURE_FLAG } from './registry';\nexport const a = flag({ key: FEATURE_FLAG.newNav });\nexport const b = flag({ key: FEATURE_FLAG.darkMode });`,
    },
    expected: { patterns: [{ callee: 'flag', keyArg: '0.key' }], registry: { file: 'src/registry.ts', symbol: 'FEATURE_FLAG' } },
  },
  {
    name: "a parameter typed by the items of a list of the registry's keys is a wrapper; a list of another object's keys is not",
    files: {
      'src/featureFlags/openFeature.ts': `export const goffFlags = { sharding: { valueType: 'boolean', defaultValue: false }, queryLibrary: { valueType: 'boolean', defaultValue: true } } as const;
const flagNames = getObjectKeys(goffFlags);
export type FlagName = (typeof flagNames)[number];
export function getFeatureFlag<T extends FlagName>(flagName: T) { return cache.get(flagName); }
const routeNames = Object.keys(ROUTES) as Array<keyof typeof ROUTES>;
export type RouteName = (typeof routeNames)[number];
export function navigateTo(route: RouteName) { return history.push(route); }`,
      'src/services/datasource.ts': `import { getFeatureFlag } from '../featureFlags/openFeature';\nexport const sharded = getFeatureFlag('sharding') && navigateTo('home');`,
    },
    expected: { patterns: [{ callee: 'getFeatureFlag', keyArg: 0 }], registry: { file: 'src/featureFlags/openFeature.ts', symbol: 'goffFlags' } },
    says: /^wrapper getFeatureFlag \(src\/featureFlags\/openFeature\.ts:4\): its first parameter is typed T, and goffFlags lists flags$/,
    checks: { 'src/services/datasource.ts': ['sharding'] },
  },
  {
    name: "an interface that types LaunchDarkly's bag lists its camelCased names; a property typed by an alias of it (a router's context) is a bag of them",
    files: {
      'src/featureFlags.ts': `export interface Flags { iamDelegation: boolean; newNav: boolean; darkMode: boolean }\nexport type FlagSet = Partial<Flags>;`,
      'src/Nav.tsx': `import { useFlags } from 'launchdarkly-react-client-sdk';\nexport function Nav() { const flags = useFlags(); return flags.iamDelegation && flags.newNav; }`,
      'src/routes/types.ts': `export type RouterContext = { flags: FlagSet; queryClient: QueryClient };`,
      'src/routes/iam.ts': `export const route = { beforeLoad: ({ context }) => { if (!context?.flags?.iamDelegation || context.flags.length) throw redirect(); } };`,
    },
    expected: { bags: [{ bag: 'flags', keys: ['iamDelegation', 'newNav', 'darkMode'] }], registry: { file: 'src/featureFlags.ts', symbol: 'Flags' } },
    checks: { 'src/routes/iam.ts': ['iamDelegation'] },
  },
  {
    name: 'a function whose name says it changes or records the flag it reads is no wrapper: its callers evaluate nothing',
    files: {
      'src/dev.ts': `import { Unleash } from 'unleash-client';
const unleash = new Unleash({ url, appName });
export function toggleFeature(feature: string) { if (unleash.isEnabled(feature)) disable(feature); else enable(feature); }
export function trackFlag(flag: string) { track(flag, unleash.isEnabled(flag)); }
export function isOn(flag: string) { return unleash.isEnabled(flag); }`,
    },
    expected: { patterns: [{ callee: 'isOn', keyArg: 0, type: 'boolean' }] },
  },
  {
    name: "a command line's flags are no registry, whatever their file is called",
    files: {
      'src/cli.parseFlags.ts': `export type CliFlags = { list?: boolean; transform?: string; dry?: boolean; path?: string };
export type CompilerFlags = 'strict' | 'noEmit';`,
    },
    expected: {},
  },
  {
    name: "a plan's features are no registry, though named for feature flags: a tier's entitlements are paid for, not rolled out",
    files: {
      'src/settings/tier.types.ts': `export interface TierFeatureFlags { analyticsExports: boolean; customDomains: boolean; sso: boolean }
export type PlanFeatures = 'sso' | 'auditLog';`,
      'src/settings/tier-enforce.ts': `export async function assertTierFeature(feature: keyof TierFeatureFlags, friendly: string) { const limits = await getTierLimits(); enforce(limits.features[feature], friendly); }
export function hasPlanFeature(feature: PlanFeatures) { return plan.features.includes(feature); }`,
      'src/api/export.ts': `await assertTierFeature('analyticsExports', 'Exports');\nexport const sso = hasPlanFeature('sso');`,
    },
    expected: {},
  },
  {
    name: 'a record keyed by the registry that counts (number values) is no bag, and a function that increments one is no wrapper',
    files: {
      'src/flags.ts': `export enum FeatureFlag { NewNav = 'new-nav', DarkMode = 'dark-mode' }
export interface Workspace { flags: Record<FeatureFlag, boolean>; usage: { [key in FeatureFlag]?: number } }
export function isOn(flag: FeatureFlag) { return store.flags[flag] === true; }
export function incrementFlag(flag: FeatureFlag) { store.usage[flag] = (store.usage[flag] ?? 0) + 1; }`,
      'src/nav.ts': `export const nav = isOn(FeatureFlag.NewNav) && workspace.flags.darkMode && workspace.usage.newNav > 2 && incrementFlag(FeatureFlag.DarkMode);`,
    },
    expected: {
      patterns: [{ callee: 'isOn', keyArg: 0, type: 'boolean' }],
      bags: [{ bag: 'flags', keys: ['new-nav', 'dark-mode'] }],
      registry: { file: 'src/flags.ts', symbol: 'FeatureFlag' },
    },
  },
  {
    name: 'no SDK: a function named for feature flags abbreviated (isFF) giving back the entry of a record of feature flags as a boolean',
    files: {
      'src/utils/feature-flags.js': `export const FF_DEV_1170 = "ff_front_1170_outliner_short";
const getFeatureFlags = () => window.APP_SETTINGS?.feature_flags ?? {};
export function isFF(id) {
  const featureFlags = getFeatureFlags();
  if (id in featureFlags) {
    return featureFlags[id] === true;
  }
  return window.APP_SETTINGS?.feature_flags_default_value === true;
}`,
      'src/Table.js': `import { FF_DEV_1170, isFF } from './utils/feature-flags';\nexport const outliner = isFF(FF_DEV_1170) ? 'new' : 'old';`,
    },
    // The record it reads is what `getFeatureFlags()` gives: `getFeatureFlags().x` elsewhere is a check too.
    expected: { patterns: [{ callee: 'isFF', keyArg: 0, type: 'boolean' }], bags: ['getFeatureFlags()'] },
    says: /^wrapper isFF \(src\/utils\/feature-flags\.js:3\): gives back the entry its first argument names in featureFlags, as a boolean$/,
  },
  {
    name: "a dependency's function named for reading one feature flag is its flag API, and what forwards into it a wrapper",
    files: {
      'src/visits.tsx': `import { useFeatureFlag, useConfig } from '@openmrs/esm-framework';
export function Visits() { const rde = useFeatureFlag('rde'); return rde && useConfig().x; }`,
      'src/orders.ts': `import { isFeatureToggleEnabled as toggleOn, type getFeatureFlag } from '@team/platform';
export const useModuleInstalled = (module: string) => toggleOn(module);
export const templates = useModuleInstalled('ordertemplates-module');`,
    },
    expected: { patterns: [{ callee: 'useFeatureFlag', keyArg: 0 }, { callee: 'toggleOn', keyArg: 0 }, { callee: 'useModuleInstalled', keyArg: 0 }] },
    says: /^flag function useFeatureFlag \(src\/visits\.tsx:1\): imported from @openmrs\/esm-framework, a package outside the workspace, and its name says it reads one feature flag$/,
    checks: { 'src/visits.tsx': ['rde'], 'src/orders.ts': ['module', 'ordertemplates-module'] },
  },
  {
    name: "a dependency's service whose class name says it serves feature flags: the evaluating methods called on what holds it, and what forwards into them",
    files: {
      'src/case-list.component.ts': `import { FeatureToggleService } from '@hmcts/rpx-xui-common-lib';
export class CaseListComponent {
  constructor(private readonly featureToggleService: FeatureToggleService, private readonly router: Router) {}
  ngOnInit() {
    this.featureToggleService.initialize(user);
    this.shareable$ = this.featureToggleService.getValue('shareable-jurisdictions', []);
    this.redact$ = this.featureToggleService.isEnabled('enable-redact-search');
    this.featureToggleService.setValue('local', true);
    this.setUpFeature('icp-enabled', false);
  }
  private setUpFeature(featureName: string, defaultValue: boolean): void {
    this.featureToggleService.getValue(featureName, defaultValue).subscribe((value) => this.apply(featureName, value));
  }
}`,
    },
    expected: { patterns: [{ callee: 'featureToggleService.getValue', keyArg: 0 }, { callee: 'featureToggleService.isEnabled', keyArg: 0 }, { callee: 'this.setUpFeature', keyArg: 0 }] },
    says: /^flag function featureToggleService\.getValue \(src\/case-list\.component\.ts:1\): `featureToggleService` is a FeatureToggleService from @hmcts\/rpx-xui-common-lib, a package outside the workspace whose name says it serves feature flags$/,
    checks: { 'src/case-list.component.ts': ['shareable-jurisdictions', 'enable-redact-search', 'icp-enabled', 'featureName'] },
  },
  {
    name: "the workspace's own class named for feature flags: its static methods that take the flag's name and give a value are patterns on the class",
    files: {
      'packages/core/src/feature-flags/featureFlags.ts': `export class FeatureFlags {
  private static instance: FeatureFlags;
  public static initialize = async (projectPath: string): Promise<void> => { FeatureFlags.instance = new FeatureFlags(projectPath); };
  public static getBoolean = (flagName: string): boolean => FeatureFlags.instance.getValue<boolean>(flagName, 'boolean');
  public static getNumber(flagName: string): number { return FeatureFlags.instance.getValue<number>(flagName, 'number'); }
  public static ensureFeatureFlag = async (section: string, flagName: string): Promise<void> => {};
  public static removeFeatureFlag = (flagName: string): boolean => true;
  public getEffectiveFlags(): Record<string, boolean> { return {}; }
}`,
      'packages/auth/src/update.ts': `import { FeatureFlags } from '@aws-amplify/amplify-cli-core';
export const alias = FeatureFlags.getBoolean('auth.forceAliasAttributes') ? FeatureFlags.getNumber('latestRegionSupport.pinpoint') : 0;`,
    },
    expected: { patterns: [{ callee: 'FeatureFlags.getBoolean', keyArg: 0 }, { callee: 'FeatureFlags.getNumber', keyArg: 0 }] },
    says: /^flag function FeatureFlags\.getBoolean \(packages\/core\/src\/feature-flags\/featureFlags\.ts:4\): a static method of FeatureFlags, a class whose name says it serves feature flags, that takes the flag's name \(flagName\) and gives boolean$/,
    checks: { 'packages/auth/src/update.ts': ['auth.forceAliasAttributes', 'latestRegionSupport.pinpoint'] },
  },
  {
    name: "an injected service named for feature toggles: a method with no declared type that gives true or false is a pattern on each holder, and a router guard that reads its key from the route's data by text is a wrapper; a method that gives an object is not",
    files: {
      'src/app/services/feature-toggle-service.ts': `@Injectable({ providedIn: 'root' })
export class FeatureToggleService {
  config: Record<string, boolean> | null = null;
  isFeatureEnabled(key: string) {
    if (this.config && has(this.config, key)) return get(this.config, key, false);
    return false;
  }
  getFeature(key: string) {
    if (this.config === null) return null;
    return { key, on: this.config[key] };
  }
}`,
      'src/app/guards/feature-toggle.guard.ts': `@Injectable({ providedIn: 'root' })
export class FeatureToggleGuard implements CanActivate {
  constructor(private featureToggleService: FeatureToggleService) {}
  canActivate(next: ActivatedRouteSnapshot): boolean {
    const feature = next.data['featureToggleName'];
    if (feature) return this.featureToggleService.isFeatureEnabled(feature);
    return false;
  }
}`,
      'src/app/routes.ts': `export const routes = [{ path: 'beta', data: { title: 'Beta', featureToggleName: 'testToggle' }, canActivate: [FeatureToggleGuard] }];`,
      'src/app/summary.component.ts': `export class SummaryComponent {
  constructor(private featureToggleService: FeatureToggleService) {}
  get adr() { return this.featureToggleService.isFeatureEnabled('adrToggle') && this.featureToggleService.getFeature('adrCertToggle'); }
}`,
    },
    expected: { patterns: [{ callee: 'featureToggleService.isFeatureEnabled', keyArg: 0 }, { callee: 'canActivate', keyArg: '0.data.featureToggleName' }] },
    says: /^flag function featureToggleService\.isFeatureEnabled \(src\/app\/services\/feature-toggle-service\.ts:4\): a method of featureToggleService, an instance of FeatureToggleService, a class whose name says it serves feature flags, that takes the flag's name \(key\) and gives a boolean$/,
    checks: { 'src/app/summary.component.ts': ['adrToggle'], 'src/app/routes.ts': ['testToggle'] },
  },
  {
    name: "a method of a class that serves feature flags may take the flag's name in its options and give what its name asks, undeclared; one that takes no such option, or asks nothing, is none",
    files: {
      'client/services/feature-flag-service.js': `class FeatureFlagService {
  async isFeatureFlagEnabled({ name = '', params = {} }) {
    return (await httpService.get(['/api/feature-flags/', name, toQuery(params)].join(''))).value;
  }
  async isCachedEnabled({ url }) { return (await httpService.get(url)).value; }
  async getDetails({ name }) { return (await httpService.get(name)).details; }
}
const featureFlagService = new FeatureFlagService();
export default featureFlagService;`,
      'client/containers/cross-region/actions.js': `import featureFlagService from '../../services/feature-flag-service';
export const load = async () => (await featureFlagService.isFeatureFlagEnabled({
  name: 'crossRegion',
})) && featureFlagService.isCachedEnabled({ url: 'x' }) && featureFlagService.getDetails({ name: 'y' });`,
    },
    expected: { patterns: [{ callee: 'featureFlagService.isFeatureFlagEnabled', keyArg: '0.name' }] },
    says: /^flag function featureFlagService\.isFeatureFlagEnabled \(client\/services\/feature-flag-service\.js:2\): a method of featureFlagService, an instance of FeatureFlagService, a class whose name says it serves feature flags, that takes the flag's name \(its options' name\) and gives a boolean$/,
    checks: { 'client/containers/cross-region/actions.js': ['crossRegion'] },
  },
  {
    name: "an option named for a flag vendor (`unleashVariable`) read from each item of a list into a check names the flag that gates each item written with it",
    files: {
      'plugins/unleash.client.js': `import { UnleashClient } from 'unleash-proxy-client';\nexport default ({ $config }, inject) => { inject('unleash', new UnleashClient({ url: $config.url, clientKey: 'k', appName: 'cms' })); };`,
      'constant/menuList.js': `export const menu = [{ name: 'RW', path: '/rw', unleashVariable: 'CMS__RW' }, { name: 'Home', path: '/' }];`,
      'middleware/guardRoutes.js': `import { menu } from '../constant/menuList';
export default ({ $unleash }) => {
  const isUnleashEnabled = (unleashVariable) => (unleashVariable ? $unleash.isEnabled(unleashVariable) : true);
  return menu.filter((item) => isUnleashEnabled(item.unleashVariable)).map((item) => item.path);
};`,
    },
    expected: { patterns: [{ callee: '$unleash.isEnabled', keyArg: 0, defaultArg: 2, type: 'boolean' }, { callee: 'isUnleashEnabled', keyArg: 0 }, { option: 'unleashVariable' }] },
    checks: { 'constant/menuList.js': ['CMS__RW'] },
  },
  {
    name: "a vendor's client a plugin puts on every component (Nuxt's inject, Vue's globalProperties) is called by that name: each vendor method called on it is a pattern; another value put so, or Vue's own imported inject, is none",
    files: {
      'plugins/unleash.client.js': `import { UnleashClient } from 'unleash-proxy-client';
export default ({ $config }, inject) => {
  const unleash = new UnleashClient({ url: $config.url, clientKey: 'k', appName: 'cms' });
  inject('unleash', unleash);
  inject('api', createApi());
  unleash.start();
};`,
      'src/main.ts': `import { GrowthBook } from '@growthbook/growthbook';
import { inject } from 'vue';
const gb = new GrowthBook({});
app.config.globalProperties.$growthbook = gb;
export const store = inject('store', gb);`,
      'components/Sidebar.vue': `<template><div v-if="$unleash.isEnabled('SIDEBAR')" /></template>
<script>
export default { methods: { beta() { return this.$unleash.isEnabled('BETA') && this.$growthbook.isOn('new-nav') && this.$api.isEnabled('no'); } } };
</script>`,
    },
    expected: { patterns: [{ callee: '$unleash.isEnabled', keyArg: 0, defaultArg: 2, type: 'boolean' }, { callee: '$growthbook.isOn', keyArg: 0, type: 'boolean' }] },
    says: /^flag function \$unleash\.isEnabled \(plugins\/unleash\.client\.js:4\): `\$unleash` is a client made from unleash-proxy-client that this plugin puts on every component; isEnabled is its method$/m,
    checks: { 'components/Sidebar.vue': ['SIDEBAR', 'BETA', 'new-nav'] },
  },
  {
    name: 'a record of feature flags is read under its name respelled in one case or in snake case where the workspace reads a property of it so; a respelling only assigned is none',
    files: {
      'src/lib/table.ts': `export const comments = (featureFlags: Record<string, boolean>) => featureFlags.comments;`,
      'src/hooks.server.ts': `export const handle = async ({ event }) => { event.locals.featureflags = await fetchFlags(); if (event.locals.featureflags?.focus_mode) return 1; };`,
      'src/routes/+page.server.ts': `export const load = ({ locals }) => ({ webhooks: locals.featureflags?.outgoing_webhooks ?? false, other: locals.featureflag?.x });`,
      'src/lib/snake.ts': `export const snake = (data) => { data.feature_flags = {}; return 1; };`,
    },
    expected: { bags: [{ bag: 'featureFlags', locals: true }, { bag: 'featureflags', locals: true }] },
    says: /^bag featureflags \(src\/hooks\.server\.ts:1\): the record featureFlags, declared as Record<string, boolean> under a name that says feature flags, here read under the same name respelled; a property read of it is a check$/m,
    checks: { 'src/lib/table.ts': ['comments'], 'src/hooks.server.ts': ['focus_mode'], 'src/routes/+page.server.ts': ['outgoing_webhooks'], 'src/lib/snake.ts': [] },
  },
  {
    name: "a Zustand store's hook named for feature flags is a bag of its state's boolean fields, read through a selector given the state or of the state given whole; what a selector picks is no bag, and a store named for something else is none",
    files: {
      'src/stores/useFeatureFlagStore.ts': `import { create } from 'zustand';
import { devtools } from 'zustand/middleware';
export type FeatureFlagStore = {
  chatInterfaceFeatureFlag: boolean;
  scaleFeature: boolean;
  mode: string;
  setChatInterfaceFeatureFlag: (value: boolean) => void;
};
export const useFeatureFlagStore = create<FeatureFlagStore>()(devtools((set) => ({
  chatInterfaceFeatureFlag: false, scaleFeature: false, mode: 'a',
  setChatInterfaceFeatureFlag: (chatInterfaceFeatureFlag) => set({ chatInterfaceFeatureFlag }),
})));`,
      'src/stores/useUserStore.ts': `import { create } from 'zustand';\nexport const useUserStore = create<{ isAdmin: boolean }>()(() => ({ isAdmin: false }));`,
      'src/App.tsx': `import { useFeatureFlagStore } from './stores/useFeatureFlagStore';
import { useUserStore } from './stores/useUserStore';
export function App() {
  const [chat, scale] = useFeatureFlagStore((s) => [s.chatInterfaceFeatureFlag, s.scaleFeature]);
  const { chatInterfaceFeatureFlag, setChatInterfaceFeatureFlag } = useFeatureFlagStore((s) => s);
  const { picked } = useFeatureFlagStore((s) => ({ picked: s.scaleFeature }));
  const mode = useFeatureFlagStore((s) => s.mode);
  const admin = useUserStore((s) => s.isAdmin);
  return chat && scale && chatInterfaceFeatureFlag && picked && mode && admin && setChatInterfaceFeatureFlag;
}`,
    },
    expected: { bags: [{ bag: 'useFeatureFlagStore()', keys: ['chatInterfaceFeatureFlag', 'scaleFeature'] }] },
    says: /^bag useFeatureFlagStore\(\) \(src\/stores\/useFeatureFlagStore\.ts:9\): a Zustand store's hook whose name says feature flags, its state holding one flag in each boolean field; a field read through its selector, or of the state it gives whole, is a check$/m,
    checks: { 'src/App.tsx': ['chatInterfaceFeatureFlag', 'scaleFeature', 'chatInterfaceFeatureFlag', 'scaleFeature'] },
  },
  {
    name: "a record named for feature flags whose entries are compared with a flag's state where read is a bag of its name; once is no evidence, nor is a record of another name, and its keys vouch for no list of keys",
    files: {
      'src/hooks.ts': `export const useFeatureFlagsQuery = () => useQuery({ queryKey: ['featureFlags'], queryFn: getFeatureFlags });`,
      'src/types.ts': `export const PERMIT_TYPES = { STOS: 'STOS', STOW: 'STOW', TROS: 'TROS' } as const;\nexport type PermitType = keyof typeof PERMIT_TYPES;\nexport const conditionsOf = (permitType: PermitType) => CONDITIONS[permitType];`,
      'src/pages/start.tsx': `const { data: featureFlags } = useFeatureFlagsQuery();
export const enableSTOS = featureFlags?.["STOS"] === "ENABLED";
export const enableSTOW = "ENABLED" === featureFlags?.["STOW"];
export const raw = featureFlags?.["LOA"];
export const status = orderStates?.["x"] === "ENABLED" && orderStates?.["y"] === "ON";`,
      'src/pages/other.tsx': `export const once = betaSwitches?.["a"] === "on";`,
    },
    expected: { bags: [{ bag: 'featureFlags', locals: true }] },
    says: /^bag featureFlags \(src\/pages\/start\.tsx:2\): a record under a name that says feature flags, its entries compared with 'ENABLED' where they are read; a property read of it is a check$/,
    checks: { 'src/pages/start.tsx': ['STOS', 'STOW', 'LOA'], 'src/types.ts': [] },
  },
  {
    name: "a hook given flag definitions in an object, read from the property it destructures: a wrapper by that path, called with a definition or a constant's member",
    files: {
      'src/lib/feature.ts': `export class Feature<T> {\n  readonly id: string;\n  readonly defaultValue: T;\n  constructor(id: string, defaultValue: T) {\n    this.id = id;\n    this.defaultValue = defaultValue;\n  }\n}`,
      'src/lib/flags.ts': `import { Feature } from './feature';\nexport const heroCards = new Feature('hero_cards', false);\nexport const feature = { feedVersion: new Feature('feed_version', 15) };`,
      'src/hooks/useConditionalFeature.ts': `import { useFeatureValue } from '@growthbook/growthbook-react';
import type { Feature } from '../lib/feature';
export const useConditionalFeature = <T,>({ feature, shouldEvaluate }: { feature: Feature<T>; shouldEvaluate?: boolean }) =>
  shouldEvaluate === false ? feature.defaultValue : useFeatureValue(feature.id, feature.defaultValue);`,
      'src/app.tsx': `import { useConditionalFeature } from './hooks/useConditionalFeature';
import { heroCards, feature } from './lib/flags';
export const App = () => [
  useConditionalFeature({ feature: heroCards, shouldEvaluate: true }),
  useConditionalFeature({ feature: feature.feedVersion }),
];`,
    },
    expected: { patterns: [{ callee: 'useConditionalFeature', keyArg: '0.feature.id' }] },
    // Within the file, the key is the definition's field; across files it is the key (see resolve.test.ts).
    checks: { 'src/app.tsx': ['heroCards.id', 'feature.feedVersion.id'] },
  },
  {
    name: "the workspace's function whose whole name says it reads one feature flag and whose first parameter is named for the flag, deciding by a checker registered at run time; not one whose parameter names something else, nor one given a flag's object",
    files: {
      'packages/core/src/features.ts': `const CHECKER = Symbol.for('checker');
export function registerFeatureFlagChecker(checker: Checker): void { (globalThis as any)[CHECKER] = checker; }
export async function isFeatureFlagEnabled(flagKey: string, context: Context = {}): Promise<boolean> {
  const checker = (globalThis as any)[CHECKER];
  return checker ? checker(flagKey, context) : false;
}
export const getFeatureToggle = (name: string) => toggles.get(name);
export function hasFeatureFlagValue(flag: FeatureFlag): boolean { return 'value' in flag; }`,
      'packages/billing/src/alerts.ts': `import { isFeatureFlagEnabled, getFeatureToggle, hasFeatureFlagValue } from '../../core/src/features';
export const on = async () => (await isFeatureFlagEnabled('prepaid-balance-alert', { tenantId })) && getFeatureToggle('x') && hasFeatureFlagValue(flags.x);`,
    },
    expected: { patterns: [{ callee: 'isFeatureFlagEnabled', keyArg: 0 }] },
    says: /^flag function isFeatureFlagEnabled \(packages\/core\/src\/features\.ts:3\): its whole name says it reads one feature flag, and its first parameter, `flagKey`, is named for the flag$/,
    checks: { 'packages/billing/src/alerts.ts': ['prepaid-balance-alert'] },
  },
  {
    name: "the workspace's own function of a name a vendor's preset also has (ConfigCat's useFeatureFlag), over a record the SDK fills in an effect: the function, since the preset matches only what its package gives",
    files: {
      'src/hooks/feature-flag.ts': `import posthog from 'posthog-js';
export function useFeatureFlags() {
  const posthogFlags = usePosthogFlags();
  return { isEnabled: (flag: string): boolean | undefined => posthogFlags[flag] };
}
export function useFeatureFlag(flag: string) {
  return useFeatureFlags().isEnabled(flag);
}`,
      'src/gpu-alert.tsx': `import { useFeatureFlag } from './hooks/feature-flag';
export function GpuAlert() {
  if (!useFeatureFlag('gpu')) return null;
  return <Alert />;
}`,
    },
    expected: { patterns: [{ callee: 'useFeatureFlag', keyArg: 0 }] },
    says: /^flag function useFeatureFlag \(src\/hooks\/feature-flag\.ts:6\): its whole name says it reads one feature flag, and its first parameter, `flag`, is named for the flag$/,
    checks: { 'src/gpu-alert.tsx': ['gpu'] },
  },
  {
    name: "a method named for reading one flag, given a parameter named for a flag: its last name is a pattern, and what forwards into it a wrapper; not one given another parameter, nor one named for more flags",
    files: {
      'app/composables/useFeatureFlags.ts': `export const useFeatureFlags = () => {
  const ldStore = useConnectLaunchdarklyStore()
  const isFeatureEnabled = (featureFlagName: string) => computed(() => ldStore.getStoredFlag(featureFlagName) ?? false)
  return { isFeatureEnabled }
}
export const readOther = (name: string) => cache.getEntryFlag(name)
export const readAll = (flagName: string) => store.getFlags(flagName)`,
      'app/middleware/enable.ts': `export default () => {
  const { getStoredFlag } = useConnectLaunchdarklyStore()
  if (!getStoredFlag('enable-public-users')) return navigateTo('/')
}`,
      'app/components/header.ts': `const { isFeatureEnabled } = useFeatureFlags()\nexport const showHeader = isFeatureEnabled('enable-header')\nexport const other = readOther('x') && readAll('y')`,
    },
    expected: { patterns: [{ callee: 'getStoredFlag', keyArg: 0 }, { callee: 'isFeatureEnabled', keyArg: 0 }] },
    says: /^flag function getStoredFlag \(app\/composables\/useFeatureFlags\.ts:3\): its name says it reads one flag, and it is given `featureFlagName`, a parameter named for a flag$/,
    checks: { 'app/middleware/enable.ts': ['enable-public-users'], 'app/components/header.ts': ['enable-header'] },
  },
  {
    name: "a function whose whole name tests one feature, given a key of the record it reads (`T extends keyof Globals`), is a flag function; one given a text or one of a list of a product's features is none",
    files: {
      'src/settings/globals.ts': `export interface Globals { isSwapEnabled: boolean | string[]; isBondsEnabled: boolean | string[] }
const values: Globals = { isSwapEnabled: true, isBondsEnabled: ['mainnet'] };
export const isFeatureEnabled = <T extends keyof Globals>(key: T, network?: string): boolean => { const settings = values[key]; return typeof settings === 'boolean' ? settings : network === undefined || settings.includes(network); };
export function checkFeatureActive(feature: ServerFeature): boolean { return active(feature); }
export function isFeatureOn(name: string): boolean { return plan.features[name] === 'on'; }`,
      'src/views/swap.ts': `import { isFeatureEnabled, checkFeatureActive, isFeatureOn } from '../settings/globals';
export const swap = isFeatureEnabled('isSwapEnabled') && isFeatureEnabled('isBondsEnabled', 'mainnet') && checkFeatureActive('storage') && isFeatureOn('sso');`,
    },
    expected: { patterns: [{ callee: 'isFeatureEnabled', keyArg: 0 }], registry: { file: 'src/settings/globals.ts', symbol: 'Globals' } },
    says: /^flag function isFeatureEnabled \(src\/settings\/globals\.ts:3\): its whole name says it tests whether one feature is on, and its first parameter, `key`, is a key of the record it reads$/m,
    checks: { 'src/views/swap.ts': ['isSwapEnabled', 'isBondsEnabled'] },
  },
  {
    name: 'a class of static text constants named for flags is an object of keys: the calls passed its members are checks; a class of links is none',
    files: {
      'src/app/shared/constants.ts': `export class FeatureFlags {
  public static oldDeploymentCenter = 'oldvsts';
  public static showHiddenStacks = 'showHiddenStacks';
}
export class Links {
  public static docs = 'https://example.com/docs';
  public static help = 'https://example.com/help';
}`,
      'src/app/shared/url.ts': `export class Url {
  public static getFeatureValue(featureName: string) { return Url.getParameterByName(null, \`appsvc.\${featureName}\`); }
  public static getParameterByName(url: string | null, name: string) { return new URLSearchParams(url ?? '').get(name); }
  public static open(link: string) { return window.open(link); }
}`,
      'src/app/site.component.ts': `import { FeatureFlags, Links } from './shared/constants';
import { Url } from './shared/url';
export const old = Url.getFeatureValue(FeatureFlags.oldDeploymentCenter) === 'true';
export const hidden = Url.getFeatureValue(FeatureFlags.showHiddenStacks);
export const go = () => Url.open(Links.docs) && Url.open(Links.help);`,
    },
    expected: { patterns: [{ callee: 'Url.getFeatureValue', keyArg: 0 }], registry: { file: 'src/app/shared/constants.ts', symbol: 'FeatureFlags' } },
    checks: { 'src/app/site.component.ts': ['FeatureFlags.oldDeploymentCenter', 'FeatureFlags.showHiddenStacks'] },
  },
  {
    name: "an object of flags' values (`Object.freeze({ ENABLE_X })`, booleans by their form or name) lists its property names: a decorator whose parameter is typed `keyof typeof` it is a wrapper; an object of numbers lists nothing",
    files: {
      'src/environment.ts': `export const ENABLE_NEXT_DOCKER_RELEASE = process.env.ENABLE_NEXT_DOCKER_RELEASE === 'true';`,
      'src/consts.ts': `import { ENABLE_NEXT_DOCKER_RELEASE } from './environment';
export const FeatureFlags = Object.freeze({ ENABLE_NEXT_DOCKER_RELEASE, ENABLE_AUDIT_LOG: process.env.ENABLE_AUDIT_LOG === 'true' });
export const Limits = Object.freeze({ maxRetries: 3, timeout: 1000 });`,
      'src/decorators/use-feature-flag.decorator.ts': `import { FeatureFlags, Limits } from '../consts';
export function UseFeatureFlag(flagKey: keyof typeof FeatureFlags): MethodDecorator { return OmitIf(!FeatureFlags[flagKey]); }
export function UseLimit(limit: keyof typeof Limits): MethodDecorator { return Cap(Limits[limit]); }`,
      'src/resolvers/docker.resolver.ts': `import { UseFeatureFlag, UseLimit } from '../decorators/use-feature-flag.decorator';
export class DockerResolver {
  @UseFeatureFlag('ENABLE_NEXT_DOCKER_RELEASE')
  container() { return 1; }
  @UseFeatureFlag('ENABLE_AUDIT_LOG')
  @UseLimit('maxRetries')
  audit() { return 2; }
}`,
    },
    expected: { patterns: [{ callee: 'UseFeatureFlag', keyArg: 0 }], registry: { file: 'src/consts.ts', symbol: 'FeatureFlags' } },
    checks: { 'src/resolvers/docker.resolver.ts': ['ENABLE_NEXT_DOCKER_RELEASE', 'ENABLE_AUDIT_LOG'] },
  },
  {
    name: "a list named for feature flags searched for items by keys written there (also through a key's maker, `FeatureFlagKey('X')`) is a check by any search; a list searched for one key, or named for other flags, is none",
    files: {
      'src/feature-flags.ts': `export const defaultFlags: FeatureFlag[] = [{ key: FeatureFlagKey('NOTIFICATION_CENTER') }, { key: FeatureFlagKey('SWAP_CENTER') }];`,
      'src/home.tsx': `export const useHome = (loaded: Loaded) => ({
  notifications: loaded.featureFlags.some((flag) => flag.key === FeatureFlagKey('NOTIFICATION_CENTER')),
  swap: loaded.featureFlags.find((flag) => flag.key === 'SWAP_CENTER')?.payload,
  font: loaded.featureFlags
    .filter((flag) => flag.key === FeatureFlagKey('FONT_SELECTION')),
  verbose: cli.flags.some((flag) => flag.name === 'verbose') && cli.flags.some((flag) => flag.name === 'quiet'),
  dark: settings.featureToggles.some((toggle) => toggle.id === 'dark'),
});`,
    },
    expected: { patterns: [{ callee: 'featureFlags.some', keyArg: 0, keyCompared: 'key' }, { callee: 'featureFlags.find', keyArg: 0, keyCompared: 'key' }, { callee: 'featureFlags.filter', keyArg: 0, keyCompared: 'key' }] },
    says: /^check featureFlags\.some \(src\/home\.tsx:2\): a search of a list named for feature flags for the item whose key is a key written there \(3 keys in all, by any search\)$/m,
    checks: { 'src/home.tsx': ['NOTIFICATION_CENTER', 'SWAP_CENTER', 'FONT_SELECTION'] },
  },
  {
    name: "a list of feature flags searched by a predicate that takes its item apart (`({ key }) => key === KEY`), for keys held by constants: two constants are two keys; the list of defaults searched so is one too",
    files: {
      'src/alerts.ts': `const FEATURE_FLAG_SECURITY_ALERTS = FeatureFlagKey('SECURITY_ALERTS');
const FEATURE_FLAG_LOG_LEVEL = 'LOG_LEVEL';
export const alertsOn = (featureFlags: FeatureFlag[]) => featureFlags.some(({ key }) => key === FEATURE_FLAG_SECURITY_ALERTS);
export const level = (featureFlags: FeatureFlag[]) => featureFlags.find(({ key: flagKey }) => flagKey === FEATURE_FLAG_LOG_LEVEL)?.payload;
export const pick = (featureFlags: FeatureFlag[], wanted: string) => featureFlags.find(({ key }) => key === wanted);`,
      'src/logger.ts': `import defaultFeatureFlags from './feature-flags';
const font = defaultFeatureFlags.filter((flag) => flag.key === 'FONT_SELECTION');
const logs = defaultFeatureFlags.filter((flag) => flag.key === 'LOG_LEVEL');`,
    },
    expected: { patterns: [{ callee: 'featureFlags.some', keyArg: 0, keyCompared: 'key' }, { callee: 'featureFlags.find', keyArg: 0, keyCompared: 'key' }, { callee: 'defaultFeatureFlags.filter', keyArg: 0, keyCompared: 'key' }, { callee: 'pick', keyArg: 1 }] },
    checks: { 'src/alerts.ts': ['SECURITY_ALERTS', 'LOG_LEVEL', 'wanted'], 'src/logger.ts': ['FONT_SELECTION', 'LOG_LEVEL'] },
  },
  {
    name: "a list named for features alone convinces, with no key checked yet, when a function whose own name says flags takes its keys (`getFeatureFlag(name: keyof typeof FEATURE_NAME)`); its setter and maker do not evaluate, and a function of another name typed by it is no wrapper; the keys it is given rank it above a list named for flags with one member passed",
    files: {
      'src/enums/feature.ts': `export const FEATURE_NAME = { circle_management: 'circle_management', moment_tag: 'moment_tag', fingerprint: 'fingerprint' } as const;`,
      'src/connectors/systemService.ts': `import { FEATURE_NAME } from '../enums/feature';
export class SystemService {
  public getFeatureFlag = async (name: keyof typeof FEATURE_NAME) => { const [row] = await this.knex('feature_flag').where({ name }); return row; };
  public setFeatureFlag = async (name: keyof typeof FEATURE_NAME, flag: string) => this.knex('feature_flag').where({ name }).update({ flag });
  public addFeatureFlag = async (name: keyof typeof FEATURE_NAME) => this.knex('feature_flag').insert({ name, flag: 'off' });
}`,
      'src/mutations/putCircle.ts': `export const putCircle = async (systemService) => { const feature = await systemService.getFeatureFlag('circle_management'); return feature.flag; };`,
      'src/mutations/putMoment.ts': `export const putMoment = async (systemService) => (await systemService.getFeatureFlag('moment_tag')).flag === 'on';`,
      'src/enums/oss.ts': `export const USER_FEATURE_FLAG_TYPE = { bypassSpam: 'bypassSpam', readSpam: 'readSpam' } as const;`,
      'src/mutations/putUserFlags.ts': `import { USER_FEATURE_FLAG_TYPE } from '../enums/oss';\nexport const had = (previous) => previous.some(({ type }) => type === USER_FEATURE_FLAG_TYPE.bypassSpam);`,
    },
    expected: { patterns: [{ callee: 'getFeatureFlag', keyArg: 0 }], registry: { file: 'src/enums/feature.ts', symbol: 'FEATURE_NAME' } },
    checks: { 'src/mutations/putCircle.ts': ['circle_management'], 'src/mutations/putMoment.ts': ['moment_tag'] },
  },
  {
    name: "a list named for features alone, typed only by functions whose names do not say flags (`registerFeature(feature: keyof typeof SERVER_FEATURES)`), stays no registry",
    files: {
      'src/features.ts': `export const SERVER_FEATURES = { firestore: 'firestore', auth: 'auth', storage: 'storage' } as const;
export function registerFeature(feature: keyof typeof SERVER_FEATURES, tools: Tool[]) { registry.set(feature, tools); }`,
      'src/index.ts': `registerFeature('firestore', firestoreTools);\nregisterFeature('auth', authTools);`,
    },
    expected: {},
    checks: {},
  },
  {
    name: "an app's configuration giving its feature toggles as an object of values read where it runs is a bag of their names, read under any owner (`config.featureToggles.x`, Grafana's name without Grafana); one written out of literals, or mostly (a platform's capabilities), or holding functions, or made by other calls (styles), or named for one flag, is none",
    files: {
      'server/config.ts': `const get = (name: string, fallback: unknown) => process.env[name] ?? fallback;
export default {
  apis: { url: get('API_URL', 'http://localhost') },
  featureToggles: {
    neurodiversityEnabledPrisons: get('NEURODIVERSITY_ENABLED_PRISONS', ['BLI']),
    profileAddAppointmentEnabled: toBoolean(get('PROFILE_ADD_APPOINTMENT_ENABLED', 'false')),
    editProfile: { enabledPrisons: get('EDIT_PROFILE_ENABLED_PRISONS', []) },
  },
};`,
      'server/defaults.ts': `export const defaults = { featureFlags: { newNav: true, beta: false } };\nexport const services = { featureToggles: { isOn: (name: string) => name !== '', refresh() { return 1; } } };\nexport const platform = { platformFeatureFlags: { exportAsGIST: false, hasTelemetry: false, cookiesEnabled: config.cookiesEnabled } };\nexport const redirect = { featureFlag: { name: INTEGRATION_SOURCES, value: readValue() } };\nexport const getStyles = (theme) => ({ featureToggles: { container: css({ gap: theme.spacing(1) }), row: css({ display: 'flex' }) } });`,
      'server/footer.ts': `import { platform, redirect } from './defaults';\nexport const cookies = platform.platformFeatureFlags.cookiesEnabled && redirect.featureFlag.value && styles.featureToggles.row;`,
      'server/controllers/overview.ts': `import config from '../config';
export const actions = (user) => ({
  appointment: config.featureToggles.profileAddAppointmentEnabled,
  neuro: config.featureToggles.neurodiversityEnabledPrisons.includes(user.prison),
  length: config.featureToggles.length,
});
const { editProfile } = config.featureToggles;
export const edit = editProfile.enabledPrisons;`,
    },
    expected: { bags: [{ bag: 'featureToggles', keys: ['neurodiversityEnabledPrisons', 'profileAddAppointmentEnabled', 'editProfile'] }] },
    checks: { 'server/controllers/overview.ts': ['profileAddAppointmentEnabled', 'neurodiversityEnabledPrisons', 'editProfile'] },
  },
  {
    name: "an app's configuration may call its object of values read where it runs `flags` alone, its keys listed; a `flags` object written out of literals, or in another name's words (`cliFlags`), is none",
    files: {
      'server/config.ts': `function getFlag(name: string): boolean { return process.env[name] === 'true' || false; }
export default {
  flags: {
    maintenanceMode: getFlag('IN_MAINTENANCE_MODE'),
    useLiveTiers: getFlag('USE_LIVE_TIER'),
  },
  cliFlags: { verbose: getFlag('VERBOSE'), dryRun: getFlag('DRY_RUN') },
};
export const defaults = { flags: { compact: true, sidebar: false } };`,
      'server/controllers/tiers.ts': `import config from '../config';
import { defaults } from '../config';
export const tiers = () => (config.flags.useLiveTiers ? live() : cached()) && !config.flags.maintenanceMode && config.cliFlags.verbose && defaults.flags.compact;`,
    },
    expected: { bags: [{ bag: 'flags', keys: ['maintenanceMode', 'useLiveTiers'] }] },
    checks: { 'server/controllers/tiers.ts': ['useLiveTiers', 'maintenanceMode'] },
  },
  {
    name: "an object of local values a function writes under the name `flags` (`flags: { title, description }` in a callback) is no app's configuration of flags",
    files: {
      'bin/keywords.ts': `stream.on('data', ([slug, title, description]) => { keywords.push({ value: slug, flags: { title, description } }); });
export const titleOf = (keyword: Keyword) => keyword.flags.title;`,
    },
    expected: {},
  },
  {
    name: "a zod object of booleans the module declares apart, given as a property named for feature flags (`featureFlags: FeatureFlagsSchema.optional()`), is a bag of its keys",
    files: {
      'config/validate.ts': `import { z } from 'zod';
const FeatureFlagsSchema = z.object({ holidayDecor: z.boolean(), forceAllowance: z.boolean() }).partial();
const LimitsSchema = z.object({ maxStake: z.number() });
export const ManifestSchema = z.object({ featureFlags: FeatureFlagsSchema.optional().default({}), limits: LimitsSchema });`,
      'features/stake.tsx': `export function Stake() {
  const { featureFlags, limits } = useConfig().externalConfig;
  return featureFlags.holidayDecor && !featureFlags.forceAllowance && limits.maxStake;
}`,
    },
    expected: { bags: [{ bag: 'featureFlags', keys: ['holidayDecor', 'forceAllowance'] }] },
    checks: { 'features/stake.tsx': ['holidayDecor', 'forceAllowance'] },
  },
  {
    name: "a record of booleans keyed by another type's keys through an alias, made in a module the workspace lacks (`Record<FeatureKeys, boolean>` with `FeatureKeys = keyof typeof Features` from a generated file): its store and what a loader declared to give it gives are bags of flags",
    files: {
      'src/lib/features/index.ts': `import { Features } from './features-list.generated';
import { writable } from 'svelte/store';
export type FeatureKeys = keyof typeof Features;
export type FeatureFlags = Record<FeatureKeys, boolean>;
export const featureFlags = writable<FeatureFlags>();
export async function loadFeatureFlags(fetchFn = fetch): Promise<FeatureFlags> { return (await fetchFn('/features')).json(); }`,
      'src/routes/+layout.ts': `import { loadFeatureFlags, featureFlags } from '$lib/features';
import { get } from 'svelte/store';
export const load = async ({ fetch }) => { const flags = await loadFeatureFlags(fetch); return { on: flags.MAINTENANCE || get(featureFlags).DEMO }; };`,
    },
    expected: { bags: [{ bag: 'featureFlags', locals: true, store: true }, 'loadFeatureFlags()'] },
    checks: { 'src/routes/+layout.ts': ['MAINTENANCE', 'DEMO'] },
  },
  {
    name: "an instance of the workspace's class named for feature flags, made once in its module: its methods taking the flag's name, and what forwards into them",
    files: {
      'src/services/featureFlags/FeatureFlagManager.ts': `export class FeatureFlagsManager {
  constructor(private readonly defaults: Defaults) {}
  isFeatureEnabled(name: string, cookies: Cookies, searchParams?: Params): boolean { return merged(this.defaults, cookies, searchParams, name); }
  middleware(request: Request, response: Response): Response { return response; }
}
export const featureFlagsManager = new FeatureFlagsManager(envFeatureFlags);`,
      'src/services/featureFlags/withFeatureFlag.tsx': `import { featureFlagsManager } from './FeatureFlagManager';
export const withFeatureFlag = (Wrapped, featureFlagName: string, onEnabled) => (props) =>
  featureFlagsManager.isFeatureEnabled(featureFlagName, cookies()) ? onEnabled(props) : <Wrapped {...props} />;`,
      'src/app/page.tsx': `import { withFeatureFlag } from '../services/featureFlags/withFeatureFlag';\nexport default withFeatureFlag(Page, 'awardRecommendationOff', () => redirect('/maintenance'));`,
    },
    expected: { patterns: [{ callee: 'featureFlagsManager.isFeatureEnabled', keyArg: 0 }, { callee: 'withFeatureFlag', keyArg: 1 }] },
    checks: { 'src/app/page.tsx': ['awardRecommendationOff'] },
  },
  {
    name: "a static method of a class named for feature toggles that reads one of a record of toggles it is given by name takes the name after the record; the class exported whole is called by each name its importers give it",
    files: {
      'app/utils/FeatureToggle.js': `class FeatureToggle {
  static isEnabled(featureToggles, key) {
    if (featureToggles && featureToggles[key]) return true;
    return false;
  }
  static describe(featureToggles, key) { return { key, on: featureToggles[key] }; }
}
module.exports = FeatureToggle;`,
      'app/steps/summary.js': `const featureToggle = require('app/utils/FeatureToggle');
module.exports = (session) => featureToggle.isEnabled(session.featureToggles, 'ft_will_condition') && featureToggle.describe(session.featureToggles, 'ft_x');`,
      'app/steps/equality.js': `const FeatureToggle = require('../utils/FeatureToggle');\nmodule.exports = (session) => FeatureToggle.isEnabled(session.featureToggles, 'ft_pcq_token');`,
    },
    expected: { patterns: [{ callee: 'FeatureToggle.isEnabled', keyArg: 1 }, { callee: 'featureToggle.isEnabled', keyArg: 1 }] },
    checks: { 'app/steps/summary.js': ['ft_will_condition'], 'app/steps/equality.js': ['ft_pcq_token'] },
  },
  {
    name: "an instance made by the class's static factory declared to give one is such an instance too; one made by another static method is not",
    files: {
      'src/server/featureFlag/featureFlag.service.ts': `export class FeatureFlagService {
  static create(): FeatureFlagService { return new FeatureFlagService(); }
  static describe(): string { return 'flags'; }
  async isEnabled(flagKey: FeatureFlagKey, opts: Options): Promise<boolean> { return this.store.get(flagKey) ?? false; }
}
export const featureFlagService = FeatureFlagService.create();
export const description = FeatureFlagService.describe();`,
      'src/server/automations.ts': `import { featureFlagService } from './featureFlag/featureFlag.service';
import { featureFlagService as flagService } from './featureFlag/featureFlag.service';
export const on = await featureFlagService.isEnabled('release_automations', { projectId });
export const renamed = await flagService.isEnabled('release_renamed', {});
export async function hasAccess({ user, flags = featureFlagService }: { user: User; flags?: Evaluator }) { return flags.isEnabled('release_langy', { distinctId: user.id }); }
export const other = ({ flags = permissions }) => flags.isEnabled('admin', {});
export const held = (checker = featureFlagService) => { const service = checker; return service.isEnabled('release_held', {}); };`,
    },
    expected: { patterns: [{ callee: 'featureFlagService.isEnabled', keyArg: 0 }] },
    // Calls on a local name for the instance are its calls: an import under another name, a parameter that defaults to it.
    checks: { 'src/server/automations.ts': ['release_automations', 'release_renamed', 'release_langy'] },
  },
  {
    name: "a flag hook giving back its flags over their defaults, an object of booleans named for flags, is a bag of the defaults' keys; its other properties are none, and defaults of other values or names make none",
    files: {
      'src/data/api.ts': `export const waffleFlagDefaults = { useNewEditor: true, enableOptimizer: false } as const;
export const panelDefaults = { title: 'Course' };
export const flagLabels = { useNewEditor: 'New editor' };`,
      'src/data/apiHooks.ts': `import { waffleFlagDefaults, panelDefaults, flagLabels } from './api';
export const useWaffleFlags = (courseId?: string) => {
  const { data, isPending } = useQuery({ queryKey: ['waffleFlags', courseId], queryFn: () => getWaffleFlags(courseId) });
  return { ...waffleFlagDefaults, ...data, id: courseId, isLoading: isPending };
};
export const usePanelFlags = () => ({ ...panelDefaults, ...flagLabels });`,
      'src/Editor.tsx': `import { useWaffleFlags } from './data/apiHooks';
const flags = useWaffleFlags(id);
export const a = flags.useNewEditor && !flags.isLoading;
const { enableOptimizer, id: courseId } = useWaffleFlags();
export const b = useWaffleFlags(id).useNewEditor && usePanelFlags().title;`,
    },
    expected: { bags: [{ bag: 'useWaffleFlags()', keys: ['useNewEditor', 'enableOptimizer'] }] },
    says: /^bag useWaffleFlags\(\) \(src\/data\/apiHooks\.ts:2\): gives back the flags over their defaults, waffleFlagDefaults, an object of booleans named for flags; a read of one of its keys is a check$/,
    checks: { 'src/Editor.tsx': ['useNewEditor', 'enableOptimizer', 'useNewEditor'] },
  },
  {
    name: "a flag hook giving back an object written out of booleans, flags set in code, is a bag of its keys but its own state (isLoading); one giving one flag, or anything but booleans, is none",
    files: {
      'src/hooks/useFlags.ts': `export const useFlags = () => {
  return { settingsPage: true, isLoading: false, unfinishedFeatures: false };
};
export const useLoadingFlags = () => ({ ready: true, beta: false });
export const usePanelToggles = () => ({ left: true, title: 'Panels' });`,
      'src/Header.tsx': `import { useFlags, useLoadingFlags, usePanelToggles } from './hooks/useFlags';
export function Header() {
  const flags = useFlags();
  return flags.settingsPage && !flags.isLoading && useLoadingFlags().beta && usePanelToggles().left;
}`,
    },
    expected: { bags: [{ bag: 'useFlags()', keys: ['settingsPage', 'unfinishedFeatures'] }] },
    says: /^bag useFlags\(\) \(src\/hooks\/useFlags\.ts:1\): a hook named for flags that gives back an object written out of booleans, flags set in code; a read of one of its keys is a check$/,
    checks: { 'src/Header.tsx': ['settingsPage'] },
  },
  {
    name: "a flag hook over its defaults whose module camelCases the flags it fetches names each flag by its key camelCased, as LaunchDarkly's bag does",
    files: {
      'src/data/api.ts': `export const waffleFlagDefaults = { useNewEditor: true } as const;
export async function getWaffleFlags(courseId?: string) {
  const { data } = await getAuthenticatedHttpClient().get(urlOf(courseId));
  return { id: data.course_id, ...camelCaseObject(data) };
}`,
      'src/data/apiHooks.ts': `import { waffleFlagDefaults, getWaffleFlags } from './api';
export const useWaffleFlags = (courseId?: string) => ({ ...waffleFlagDefaults, ...useQuery({ queryFn: () => getWaffleFlags(courseId) }).data });`,
      'src/Editor.tsx': `export const a = useWaffleFlags(id).useNewEditor;`,
    },
    expected: { bags: [{ bag: 'useWaffleFlags()', camelCaseKeys: true, keys: ['useNewEditor'] }] },
    checks: { 'src/Editor.tsx': ['use-new-editor'] },
  },
  {
    name: "a flag hook over defaults it spreads only in one branch, and over LaunchDarkly's bag held in a local, names each flag by its key camelCased; a local of another vendor's bag, or of a call not imported from the vendor, does not",
    files: {
      'src/hooks/use-feature-flags.ts': `import { useFlags } from 'launchdarkly-react-client-sdk';
const defaultFlags: Record<string, boolean> = { swapToolSimulateFee: true, earnPage: false };
export function useFeatureFlags() {
  const launchdarklyFlags = useFlags();
  const devMode = process.env.NODE_ENV === 'development';
  return { ...launchdarklyFlags, ...(devMode ? defaultFlags : {}), _isInitialized: true } as Record<string, boolean>;
}`,
      'src/hooks/use-local-flags.ts': `import { useFlags } from './local-store';
const localFlagDefaults = { offlineMode: true };
export function useLocalFlags() {
  const storedFlags = useFlags();
  return { ...storedFlags, ...(storedFlags.loaded && localFlagDefaults) };
}`,
      'src/Swap.tsx': `import { useFeatureFlags } from './hooks/use-feature-flags';
import { useLocalFlags } from './hooks/use-local-flags';
const featureFlags = useFeatureFlags();
export const a = featureFlags.swapToolSimulateFee && !featureFlags._isInitialized;
export const b = useLocalFlags().offlineMode;`,
    },
    expected: { bags: [
      { bag: 'useFeatureFlags()', camelCaseKeys: true, keys: ['swapToolSimulateFee', 'earnPage'] },
      { bag: 'useLocalFlags()', keys: ['offlineMode'] },
    ] },
    checks: { 'src/Swap.tsx': ['swap-tool-simulate-fee', 'offlineMode'] },
  },
  {
    name: "a property declared with the registry's key type, or a list of it, is an option: each key written as its value is a check; a property not named for flags, or named the bare word, is none",
    files: {
      'src/types/featureFlag.ts': `export type FeatureFlagEnvVar = 'ROX_SCANNER_V4' | 'ROX_CISA_KEV' | 'ROX_LEGACY';`,
      'src/hooks/useFeatureFlags.ts': `import type { FeatureFlagEnvVar } from '../types/featureFlag';
export type IsFeatureFlagEnabled = (envVar: FeatureFlagEnvVar) => boolean;
export function isFeatureFlagEnabled(envVar: FeatureFlagEnvVar): boolean { return featureFlags.find((flag) => flag.envVar === envVar)?.enabled ?? false; }`,
      'src/filters/types.ts': `import type { FeatureFlagEnvVar } from '../types/featureFlag';
export interface SearchAttribute { label: string; featureFlagDependency?: FeatureFlagEnvVar[]; sortKey: FeatureFlagEnvVar; feature?: FeatureFlagEnvVar }`,
      'src/filters/attributes.ts': `export const KnownExploit: SearchAttribute = { label: 'Known exploit', featureFlagDependency: ['ROX_SCANNER_V4', 'ROX_CISA_KEV'], feature: 'ROX_LEGACY' };`,
      'src/pages/Page.tsx': `import { isFeatureFlagEnabled } from '../hooks/useFeatureFlags';
export const legacy = isFeatureFlagEnabled('ROX_LEGACY') && isFeatureFlagEnabled('ROX_SCANNER_V4');`,
    },
    expected: {
      patterns: [{ callee: 'isFeatureFlagEnabled', keyArg: 0, type: 'boolean' }, { option: 'featureFlagDependency' }],
      registry: { file: 'src/types/featureFlag.ts', symbol: 'FeatureFlagEnvVar' },
    },
    says: /^option featureFlagDependency \(src\/filters\/types\.ts:2\): declared FeatureFlagEnvVar\[\], and FeatureFlagEnvVar lists flags/m,
    checks: { 'src/filters/attributes.ts': ['ROX_SCANNER_V4', 'ROX_CISA_KEV'] },
  },
  {
    name: "a component whose prop is declared with the registry's type and named for the toggle's id (a noun, not the verb) is a wrapper of that prop",
    files: {
      'src/components/featureToggle/toggleIDs.ts': `export enum FeatureToggles { NyModiaKnapp = 'modiapersonoversikt.ny-modia-knapp', VisPrompt = 'modiapersonoversikt.vis-prompt' }`,
      'src/components/featureToggle/useFeatureToggle.ts': `import type { FeatureToggles } from './toggleIDs';
export function useFeatureToggle(toggleId: FeatureToggles) { const toggles = useToggles(); return { isOn: toggles.data?.[toggleId] }; }`,
      'src/components/featureToggle/IfFeatureToggleOn.tsx': `import type { FeatureToggles } from './toggleIDs';
interface Props { children: ReactNode; toggleID: FeatureToggles; toggleFeature?: FeatureToggles }
function IfFeatureToggleOn(props: Props) { return <FeatureToggle {...props} mode={ON} />; }
export default IfFeatureToggleOn;`,
      'src/app/Dialog.tsx': `import { FeatureToggles } from '../components/featureToggle/toggleIDs';
export const Dialog = () => {
  const { isOn } = useFeatureToggle(FeatureToggles.NyModiaKnapp);
  return <IfFeatureToggleOn toggleID={FeatureToggles.VisPrompt}><Prompt on={isOn} /></IfFeatureToggleOn>;
};`,
    },
    expected: {
      patterns: [{ callee: 'IfFeatureToggleOn', keyArg: '0.toggleID' }, { callee: 'useFeatureToggle', keyArg: 0 }],
      registry: { file: 'src/components/featureToggle/toggleIDs.ts', symbol: 'FeatureToggles' },
    },
    checks: { 'src/app/Dialog.tsx': ['FeatureToggles.NyModiaKnapp', 'FeatureToggles.VisPrompt'] },
  },
  {
    name: "a component rendered with a member of the registry as an attribute is a wrapper of that attribute, as a call passed one is of its argument; an HTML element given one is none",
    files: {
      'src/constants/features.ts': `export enum Features { Branches = 'branches', Warehouses = 'warehouses' }`,
      'src/components/FeatureCan.jsx': `export const FeatureCan = compose(withFeatureCan(({ isFeatureCan }) => ({ isFeatureCan })))(FeatureCanJSX);`,
      'src/app/Form.jsx': `import { Features } from '../constants/features';
import { FeatureCan } from '../components/FeatureCan';
export const Form = () => {
  const { featureCan } = useFeatureCan();
  const shown = featureCan(Features.Branches);
  return <div>
    <FeatureCan feature={Features.Warehouses}><Warehouses shown={shown} /></FeatureCan>
    <select><option value={Features.Branches}>Branches</option></select>
  </div>;
};`,
    },
    expected: {
      patterns: [{ callee: 'featureCan', keyArg: 0 }, { callee: 'FeatureCan', keyArg: '0.feature' }],
      registry: { file: 'src/constants/features.ts', symbol: 'Features' },
    },
    checks: { 'src/app/Form.jsx': ['Features.Branches', 'Features.Warehouses'] },
  },
  {
    name: "a component declared React.FC<Props> whose props hold a list of the registry's keys, and a function taking such a list, take keys: each one written in the list is a check",
    files: {
      'src/feature-flags/flags.ts': `export const InternalFLAGS = { 'components-page': { default: false }, mintmaker: { default: true }, 'edit-secret-page': { default: false } };
export type FlagKey = keyof typeof InternalFLAGS;`,
      'src/feature-flags/hooks.tsx': `import type { FlagKey } from './flags';
export const useIsOnFeatureFlag = (flag: FlagKey): boolean => useFeatureFlags()[0][flag];`,
      'src/feature-flags/FeatureFlagIndicator.tsx': `import type { FlagKey } from './flags';
type FeatureFlagIndicatorProps = { flags: FlagKey[]; fullLabel?: boolean };
export const FeatureFlagIndicator: React.FC<React.PropsWithChildren<FeatureFlagIndicatorProps>> = ({ flags, fullLabel }) => {
  const [state] = useFeatureFlags();
  return flags.some((flag) => state[flag]) ? <Label full={fullLabel} /> : null;
};`,
      'src/feature-flags/utils.ts': `import type { FlagKey } from './flags';
export const allEnabled = (featureFlags: FlagKey[]) => (isOn: (flag: FlagKey) => boolean) => featureFlags.every(isOn);`,
      'src/pages/Components.tsx': `export const Page = () => (useIsOnFeatureFlag('mintmaker') && useIsOnFeatureFlag('components-page') ? <FeatureFlagIndicator flags={['components-page', 'edit-secret-page']} /> : null);
export const requirement = allEnabled(['mintmaker']);`,
      // Names that say they change the flags they are given take lists of keys too, and are none.
      'src/feature-flags/forceEnableFlagsOnce.ts': `import type { FlagKey } from './flags';
export function forceEnableFlagsOnce(flags: FlagKey[], options: { storageKey: string }): void { for (const flag of flags) override(flag, true); }
export function startWorkspace(id: string, options: { excludeFeatureFlags?: FlagKey[] }) { return start(id, options); }`,
      'src/main.tsx': `forceEnableFlagsOnce(['mintmaker'], { storageKey: 'once' });
startWorkspace('w1', { excludeFeatureFlags: ['edit-secret-page'] });`,
    },
    expected: {
      patterns: [
        { callee: 'useIsOnFeatureFlag', keyArg: 0, type: 'boolean' },
        { callee: 'FeatureFlagIndicator', keyArg: '0.flags' },
        { callee: 'allEnabled', keyArg: 0 },
      ],
      registry: { file: 'src/feature-flags/flags.ts', symbol: 'InternalFLAGS' },
    },
    checks: { 'src/pages/Components.tsx': ['mintmaker', 'components-page', 'components-page', 'edit-secret-page', 'mintmaker'], 'src/main.tsx': [] },
  },
  {
    name: "functions typed by the registry that give nothing back (store the flag, remember it), one handed the list of flags that are on, and a test's own helpers beside it are no wrappers; the registry's hook is",
    files: {
      'src/flags/FeatureFlag.ts': `export enum FeatureFlag { NewNav = 'newNav', DarkMode = 'darkMode', Billing = 'billing' }`,
      'src/flags/useFeatureFlag.ts': `import { FeatureFlag } from './FeatureFlag';
export const useFeatureFlag = (flag: FeatureFlag): boolean => useFlagsContext().flags.includes(flag);`,
      'src/flags/storage.ts': `import { FeatureFlag } from './FeatureFlag';
export const addFeatureFlagToLocalStorage = (featureFlag: FeatureFlag): void => { localStorage.setItem('flags', featureFlag); };
export function rememberFlag(flag: FeatureFlag) { if (!flag) return; sessionStorage.setItem('flag', flag); }
export async function pushFlag(flag: FeatureFlag): Promise<void> { await fetch('/flags', { body: flag }); }`,
      'src/menu.ts': `import { FeatureFlag } from './flags/FeatureFlag';
export const filterMenu = (items: Item[], enabledFlags: FeatureFlag[]) => items.filter((item) => !item.flag || enabledFlags.includes(item.flag));
export const menu = filterMenu(allItems, useFlagsContext().flags);`,
      // Markup is read as statements of its expressions, whose values it takes.
      'src/components/Panel.vue': `<template><section v-show="showPanel(FeatureFlag.DarkMode)" /></template>
<script setup>import { FeatureFlag } from '../flags/FeatureFlag';</script>`,
      'src/testing/mocks.tsx': `import { FeatureFlag } from '../flags/FeatureFlag';
export const renderWithFlag = (ui: unknown, flag: FeatureFlag) => render(ui, { flags: [flag] });`,
      'src/app.tsx': `import { FeatureFlag } from './flags/FeatureFlag';
export const App = () => useFeatureFlag(FeatureFlag.NewNav) && useFeatureFlag(FeatureFlag.DarkMode);
addFeatureFlagToLocalStorage(FeatureFlag.Billing); rememberFlag(FeatureFlag.Billing); void pushFlag(FeatureFlag.NewNav);
onFlagChange(FeatureFlag.Billing, () => refresh());`,
    },
    // A call given a function may hand the flag's value to it: its value dropped says nothing.
    expected: { patterns: [{ callee: 'useFeatureFlag', keyArg: 0, type: 'boolean' }, { callee: 'showPanel', keyArg: 0 }, { callee: 'onFlagChange', keyArg: 0 }], registry: { file: 'src/flags/FeatureFlag.ts', symbol: 'FeatureFlag' } },
    checks: { 'src/app.tsx': ['FeatureFlag.NewNav', 'FeatureFlag.DarkMode', 'FeatureFlag.Billing'] },
  },
  {
    name: "a JavaScript function named for feature flags that gives back the record a property named for them holds (merged with overrides) gives a bag; one giving another property, or what it fetches, gives none",
    files: {
      'src/helpers/featureFlags/utils.js': `import merge from 'lodash/merge';
export function getFeatureFlags() {
  const appConfig = window.APP_CONFIG || {};
  const defaults = appConfig.featureFlags || {};
  let overrides = {};
  try { overrides = JSON.parse(sessionStorage.getItem('featureFlags')) || {}; } catch (e) { overrides = {}; }
  return merge({}, defaults, overrides);
}
export function loadFeatureFlags() { return fetch('/api/flags').then((response) => response.json()); }
export const readFeatureFlags = () => ({ ...window.APP_CONFIG.settings });`,
      'src/helpers/featureFlags/index.js': `import { getFeatureFlags } from './utils';
export function newTerminologyEnabled() { return getFeatureFlags().newTerminologyEnabled === true; }`,
      'src/views/Home.js': `import { newTerminologyEnabled } from '@/helpers/featureFlags';
export const title = newTerminologyEnabled() ? 'Teams' : 'Agencies';`,
    },
    expected: { bags: ['getFeatureFlags()'] },
    says: /^bag getFeatureFlags\(\) \(src\/helpers\/featureFlags\/utils\.js:2\): gives back the record appConfig\.featureFlags holds, under a name that says feature flags/m,
    checks: { 'src/helpers/featureFlags/index.js': ['newTerminologyEnabled'] },
  },
  {
    name: "a record of checks a route's loader gives back under a name for several flags names each flag where a bag of that name is read, also one its type declares first",
    files: {
      'app/root.tsx': `import { Unleash } from 'unleash-client';
const unleash = new Unleash({ url, appName });
export async function loader() {
  const jul = unleash.isEnabled('app.jul');
  return { user: await getUser(), featureFlags: { jul, hippHurra: unleash.isEnabled('app.hipp-hurra') } };
}`,
      'app/context/flags.tsx': `export interface FeatureFlags { jul: boolean; hippHurra: boolean }
export const FlagsContext = createContext<{ featureFlags: FeatureFlags } | undefined>(undefined);`,
      'app/Header.tsx': `export function Header({ featureFlags }: { featureFlags: FeatureFlags }) { return featureFlags.jul ? <Jul /> : featureFlags.hippHurra ? <Hurra /> : null; }`,
    },
    expected: { bags: [{ bag: 'featureFlags', keys: ['jul', 'hippHurra'], names: { jul: 'app.jul', hippHurra: 'app.hipp-hurra' } }] },
    checks: { 'app/Header.tsx': ['app.jul', 'app.hipp-hurra'] },
  },
  {
    name: "an Angular directive's input setter typed by the registry is a wrapper, though a setter gives nothing back: its elements' texts are checks",
    files: {
      'src/app/flags.ts': `export enum FeatureFlag { NewNav = 'new-nav', DarkMode = 'dark-mode', Billing = 'billing' }`,
      'src/app/feature.directive.ts': `import { Directive, Input } from '@angular/core';
import { FeatureFlag } from './flags';
@Directive({ selector: '[appFeature]' })
export class FeatureDirective {
  private flag?: FeatureFlag;
  @Input() set appFeature(flag: FeatureFlag) { this.flag = flag; this.render(); }
  render() { if (this.flags.enabled.includes(this.flag)) this.view.createEmbeddedView(this.template); }
}`,
      'src/app/nav.component.ts': `import { Component } from '@angular/core';
@Component({ selector: 'app-nav', templateUrl: './nav.component.html' })
export class NavComponent {}`,
      'src/app/nav.component.html': `<a *appFeature="'new-nav'">New</a><a *appFeature="'dark-mode'">Dark</a>`,
    },
    expected: { patterns: [{ callee: 'appFeature', keyArg: 0 }], registry: { file: 'src/app/flags.ts', symbol: 'FeatureFlag' } },
  },
  {
    name: "the defaults of a command line's flags passed to its parser's options are no checks, and their list no registry",
    files: {
      'apps/cli/src/types/constants.ts': `export const DEFAULT_FLAGS = { mode: 'code', reasoningEffort: 'medium', model: 'default' } as const;`,
      'apps/cli/src/index.ts': `import { Command } from 'commander';
import { DEFAULT_FLAGS } from './types/constants';
const program = new Command();
program.option('-m, --mode <mode>', 'The mode', DEFAULT_FLAGS.mode).option('-r, --reasoning-effort <effort>', 'Effort', DEFAULT_FLAGS.reasoningEffort);
program.requiredOption('--model <model>', 'Model', DEFAULT_FLAGS.model);`,
    },
    expected: {},
  },
  {
    name: "a list of the module's string constants, named for features, is a registry: a call passed one of its constants is a check",
    files: {
      'src/konstanter.ts': `export const STIGENDE = 'stigende';
export const DARKMODE = 'portefolje.darkmode';
export const LAGREDE_FILTER = 'portefolje.lagrede_filter';
export const PORTEFOLJE_FEATURES = [DARKMODE, LAGREDE_FILTER];
export const SORTERINGER = [STIGENDE];`,
      'src/ducks/features.ts': `import { PORTEFOLJE_FEATURES } from '../konstanter';
export const query = PORTEFOLJE_FEATURES.map((feature) => \`feature=\${feature}\`).join('&');
export function sjekkFeature(state: AppState, feature: string): boolean { return state.features[feature]; }`,
      'src/ducks/filter.ts': `import { sjekkFeature } from './features';
import { DARKMODE, LAGREDE_FILTER } from '../konstanter';
export const lagre = () => (dispatch, getState) => sjekkFeature(getState(), LAGREDE_FILTER) && dispatch(x);
export const dark = (state) => sjekkFeature(state, DARKMODE);`,
      'src/meny.tsx': `import { useFeatureSelector } from './hooks/use-feature-selector';
import { DARKMODE } from './konstanter';
export const Meny = () => (useFeatureSelector()(DARKMODE) ? <Dark /> : <Light />);`,
      'src/sortering.ts': `import { STIGENDE } from './konstanter';\nexport const sortert = sorter(rader, STIGENDE);`,
    },
    // The checker a hook gives back, called at once, is a pattern of its own: `useFeatureSelector()`.
    expected: { patterns: [{ callee: 'sjekkFeature', keyArg: 1 }, { callee: 'useFeatureSelector()', keyArg: 0 }], registry: { file: 'src/konstanter.ts', symbol: 'PORTEFOLJE_FEATURES' } },
    says: /^registry PORTEFOLJE_FEATURES \(src\/konstanter\.ts, list of constants\): 2 of its 2 keys are checked in code, 3 parameters typed by it or calls passed its members/,
    checks: { 'src/ducks/filter.ts': ['LAGREDE_FILTER', 'DARKMODE'], 'src/meny.tsx': ['DARKMODE'], 'src/sortering.ts': [] },
  },
  {
    name: "a module's default export of its string constants, the module named for features, is a registry: a call passed one of them is a check",
    files: {
      'src/queries/featureGates/featureConstants.ts': `export const TABBED_CLUSTERS = 'ocmui-tabbed-clusters';
export const HTPASSWD_IMPORT = 'ocmui-htpasswd-import';
export const ENABLE_AWS_TAGS_EDITING = false;
export default { TABBED_CLUSTERS, HTPASSWD_IMPORT } as const;`,
      'src/queries/featureGates/useFetchFeatureGate.ts': `import Features from './featureConstants';
export const useFeatureGate = (feature: (typeof Features)[keyof typeof Features]) => {
  const { data } = useQuery(featureGateQueryObj(feature));
  return data?.data ? data.data.enabled : false;
};`,
      'src/common/featureCompatibility.ts': `enum SupportedFeature { SECURITY_GROUPS = 'securityGroups', AWS_SHARED_VPC = 'sharedVPC' }
export const isCompatibleFeature = (feature: SupportedFeature, cluster: Cluster): boolean => check(feature, cluster);`,
      'src/components/Clusters.tsx': `import { TABBED_CLUSTERS, HTPASSWD_IMPORT } from '../queries/featureGates/featureConstants';
import { useFeatureGate } from '../queries/featureGates/useFetchFeatureGate';
export const Clusters = () => {
  const tabbed = useFeatureGate(TABBED_CLUSTERS);
  return useFeatureGate(HTPASSWD_IMPORT) && tabbed ? <Tabs /> : <List />;
};`,
      'src/components/Groups.tsx': `export const Groups = ({ cluster }) => isCompatibleFeature(SupportedFeature.SECURITY_GROUPS, cluster) && <SecurityGroups />;`,
    },
    expected: { patterns: [{ callee: 'useFeatureGate', keyArg: 0 }], registry: { file: 'src/queries/featureGates/featureConstants.ts', symbol: 'default' } },
    says: /^registry the default export \(src\/queries\/featureGates\/featureConstants\.ts, object\): 2 of its 2 keys are checked in code, 2 parameters typed by it or calls passed its members, and its name says it lists flags/,
    checks: { 'src/components/Clusters.tsx': ['TABBED_CLUSTERS', 'HTPASSWD_IMPORT'], 'src/components/Groups.tsx': [] },
  },
  {
    name: "an object keyed by the module's string constants is a registry through keyof typeof it; a union named for the experimental config lists flags",
    files: {
      'src/features/config/constants/experimental.ts': `export const PROFILES = 'ENS Profiles';
export const CASH = 'Cash';
export const NFTS_ENABLED = 'Nfts Enabled';
export type ExperimentalConfigKey = keyof typeof config;
const config = {
  [PROFILES]: { settings: true, value: true },
  [CASH]: { settings: true, value: false },
  [NFTS_ENABLED]: { settings: true, value: IS_TEST },
} as const;
export const defaultConfig: Record<ExperimentalConfigKey, ExperimentalValue> = config;`,
      'src/features/config/hooks/experimentalHooks.ts': `import { defaultConfig, type ExperimentalConfigKey } from '../constants/experimental';
export const useExperimentalFlag = (name: ExperimentalConfigKey) => useExperimentalConfigStore((state) => state.config[name] ?? defaultConfig[name].value);`,
      'src/screens/Profile.tsx': `import { PROFILES, CASH } from '@/features/config/constants/experimental';
import { useExperimentalFlag } from '@/features/config/hooks/experimentalHooks';
export const Profile = () => {
  const profilesEnabled = useExperimentalFlag(PROFILES);
  return profilesEnabled && useExperimentalFlag(CASH) ? <Cash /> : null;
};`,
    },
    expected: { patterns: [{ callee: 'useExperimentalFlag', keyArg: 0 }], registry: { file: 'src/features/config/constants/experimental.ts', symbol: 'ExperimentalConfigKey' } },
    checks: { 'src/screens/Profile.tsx': ['PROFILES', 'CASH'] },
  },
  {
    name: "a record of booleans named for what the registry lists is a bag of its keys; a function reading it by its parameter is no wrapper",
    files: {
      'packages/types/src/experiment.ts': `export const experimentIds = ['imageGeneration', 'customTools'] as const;
export type ExperimentId = (typeof experimentIds)[number];`,
      'src/shared/experiments.ts': `import type { ExperimentId } from '@roo-code/types';
export const isEnabled = (experimentsConfig: Record<string, boolean>, id: ExperimentId) => experimentsConfig[id] ?? false;`,
      'src/core/task.ts': `import { isEnabled } from '../shared/experiments';
export const on = (state) => isEnabled(state.experiments, 'customTools');`,
      'src/core/tools.ts': `export function isToolAllowed(tool: string, experiments?: Record<string, boolean>): boolean {
  if (experiments?.imageGeneration) return true;
  return experiments?.[tool] !== false;
}
export const allowed = isToolAllowed('read_file', {}) && isToolAllowed('write_file', {});
export function present(state) {
  const { experiments: stateExperiments, mode } = state ?? {};
  return stateExperiments?.customTools && mode.x;
}`,
    },
    expected: {
      patterns: [{ callee: 'isEnabled', keyArg: 1, type: 'boolean' }],
      bags: [{ bag: 'experiments', keys: ['imageGeneration', 'customTools'] }],
      registry: { file: 'packages/types/src/experiment.ts', symbol: 'experimentIds' },
    },
    says: /^bag experiments \(src\/core\/tools\.ts:1\): declared as Record<string, boolean>, a record of booleans named for what experimentIds lists; a read of one it lists is a check$/,
    checks: { 'src/core/tools.ts': ['imageGeneration', 'tool', 'customTools'], 'src/core/task.ts': ['customTools'] },
  },
  {
    name: 'an as const list of flags is a registry, and a parameter typed by its items makes a wrapper',
    files: {
      'lib/unleash/unleashToggles.ts': `export const FLAGS = ['VisAvslag', 'StudentV2', 'KravSteg'] as const;\nexport type FlagNames = (typeof FLAGS)[number];`,
      'context/UnleashContext.tsx': `import type { FlagNames } from '../lib/unleash/unleashToggles';
export function useFeatureFlag(featureToggleName: FlagNames): boolean {
  return useContext(FeatureFlagContext)[featureToggleName];
}`,
      'components/Sykdom.tsx': `import { useFeatureFlag } from '../context/UnleashContext';\nexport const x = useFeatureFlag('StudentV2') && useFeatureFlag('KravSteg');`,
    },
    // Declared to give a boolean, it gives back the context's entry as it is: its value is the flag's.
    expected: { patterns: [{ callee: 'useFeatureFlag', keyArg: 0, type: 'boolean' }], registry: { file: 'lib/unleash/unleashToggles.ts', symbol: 'FLAGS' } },
    says: /^registry FLAGS \(lib\/unleash\/unleashToggles\.ts, as const list\)/,
    checks: { 'components/Sykdom.tsx': ['StudentV2', 'KravSteg'] },
  },
  {
    name: "a function reading a setting under a feature's path its parameter names is a wrapper; another path is none",
    files: {
      'api/configuration/index.ts': `import * as config from 'config';
export const showFeature = (feature: string): boolean => config.get<boolean>(\`feature.\${feature}\`);
export const getConfigValue = (reference: string) => config.get(\`services.\${reference}\`);`,
      'api/auth/index.ts': `import { showFeature, getConfigValue } from '../configuration';
export const secure = showFeature('secureCookieEnabled') && getConfigValue('idam');`,
    },
    expected: { patterns: [{ callee: 'showFeature', keyArg: 0, type: 'boolean' }] },
    checks: { 'api/auth/index.ts': ['secureCookieEnabled'] },
  },
  {
    name: 'a function reading the setting its parameter named for a feature names is a wrapper; one reading any setting is none',
    files: {
      'src/hooks/useSettings.ts': `import SettingsStore from '../settings/SettingsStore';
export const useSettingValue = <T>(settingName: string, roomId: string | null = null): T => SettingsStore.getValue<T>(settingName, roomId);
export const useFeatureEnabled = (featureName: string, roomId: string | null = null): boolean => {
  const [enabled, setEnabled] = useState(SettingsStore.getValue<boolean>(featureName, roomId));
  return enabled;
};`,
      'src/components/SpaceRoomView.tsx': `import { useFeatureEnabled, useSettingValue } from '../hooks/useSettings';
export const rooms = useFeatureEnabled('feature_video_rooms') && useSettingValue('urlPreviewsEnabled');`,
    },
    // No type: the hook hands back what it keeps in its state, not the read's value.
    expected: { patterns: [{ callee: 'useFeatureEnabled', keyArg: 0 }] },
    checks: { 'src/components/SpaceRoomView.tsx': ['feature_video_rooms'] },
  },
  {
    name: "a function declared to give a boolean that gives back a flags record's entry is a wrapper, through useCallback and a constant; a plan's features are not flags",
    files: {
      'src/hooks/useFeatureFlags.ts': `import { useCallback } from 'react';
export function useFeatureFlags() {
  const userContext = useUser();
  const checkFeatureFlag = useCallback((flagName: string): boolean => {
    const value = userContext.featureFlags[flagName];
    if (!isBoolean(value)) return false;
    return value;
  }, [userContext.featureFlags]);
  return { checkFeatureFlag };
}`,
      'src/billing/plans.ts': `export function hasPlanFeature(plan: Plan, feature: string): boolean {
  return plan.features[feature];
}`,
      'src/components/Banner.tsx': `import { useFeatureFlags } from '../hooks/useFeatureFlags';
import { hasPlanFeature } from '../billing/plans';
export function Banner({ plan }) {
  const { checkFeatureFlag } = useFeatureFlags();
  return checkFeatureFlag('maintenanceBannerEnabled') && hasPlanFeature(plan, 'sso');
}`,
    },
    expected: { patterns: [{ callee: 'checkFeatureFlag', keyArg: 0, type: 'boolean' }] },
    checks: { 'src/components/Banner.tsx': ['maintenanceBannerEnabled'] },
  },
  {
    name: "a property typed by a list of feature switches (each entry with its own enabled boolean) is a bag of them; a plan's or an organisation's features are not; the bag's reads count for that list as the registry against a vendor's checks of other keys",
    files: {
      'src/services/Features/FeatureApi.ts': `export interface Feature { enabled: boolean; accessible: boolean }
export interface Features { snapshots?: Feature; admintasks?: Feature; kessel?: Feature }
export const getFeatures: () => Promise<Features> = async () => (await axios.get('/api/features/')).data;`,
      'src/billing/plan.ts': `export interface PlanFeatures { sso: boolean; seats: number; enabled: boolean }
export interface Plan { name: string; planFeatures: PlanFeatures }`,
      'src/org/organization.ts': `export interface FeatureStatus { enabled: boolean; reason?: string }
export interface OrgFeatures { gitSync: { enabled: boolean }; cloudSync: { enabled: boolean } }
export interface FeatureList { gitSync: FeatureStatus; orgBasicRbac: FeatureStatus }
export interface Organization { id: string; orgFeatures: OrgFeatures; featureList: FeatureList }`,
      'src/middleware/AppContext.tsx': `import { Features } from '../services/Features/FeatureApi';
export interface AppContextInterface { rbac: object; features: Features | null }`,
      'src/Routes/index.tsx': `export default function Routes({ plan, org }) {
  const { features } = useAppContext();
  return features?.snapshots?.accessible && features?.admintasks?.enabled && features?.kessel?.enabled && plan.planFeatures.sso && org.orgFeatures.gitSync.enabled && org.featureList.orgBasicRbac.enabled;
}`,
      'src/Pages/Beacon.tsx': `import { useFlag } from '@unleash/proxy-client-react';
export const useBeacon = () => useFlag('beacon-kev') && useFlag('beacon-exploit');`,
    },
    expected: { bags: [{ bag: 'features', keys: ['snapshots', 'admintasks', 'kessel'] }], registry: { file: 'src/services/Features/FeatureApi.ts', symbol: 'Features' } },
    checks: { 'src/Routes/index.tsx': ['snapshots', 'admintasks', 'kessel'] },
  },
  {
    name: "a property named for feature flags declared with an object type of booleans, one held in a Vue ref, is a bag of those keys; one with a text among them is none",
    files: {
      'src/platform/index.ts': `import type { Ref } from 'vue';
export type PlatformDef = {
  platformFeatureFlags: { exportAsGIST: boolean; cookiesEnabled?: boolean; workspaceSwitcherLogin?: Ref<boolean> };
  uiFeatureFlags: { theme: string; compact: boolean };
};
export let platform: PlatformDef;`,
      'src/components/Footer.ts': `import { platform } from '../platform';
export const shown = [platform.platformFeatureFlags.cookiesEnabled ?? false, platform.platformFeatureFlags.workspaceSwitcherLogin?.value, platform.uiFeatureFlags.compact];`,
    },
    expected: { bags: [{ bag: 'platformFeatureFlags', keys: ['exportAsGIST', 'cookiesEnabled', 'workspaceSwitcherLogin'] }] },
    checks: { 'src/components/Footer.ts': ['cookiesEnabled', 'workspaceSwitcherLogin'] },
  },
  {
    name: 'a record of feature flags held in a signal is read through .value by the keys of its type, and does not vouch for that type as the registry',
    files: {
      'src/services/feature-flag-service.ts': `export interface BlockSuiteFlags { enable_callout: boolean; enable_block_query: boolean; enable_database_number_formatting: boolean }
export class FeatureFlagService { getFlag(key: keyof BlockSuiteFlags): boolean { return this.store.get(key) ?? false; } }`,
      'src/data-view/types.ts': `export interface DatabaseFlags { enable_number_formatting: boolean; enable_table_virtual_scroll: boolean }
export interface RenderFlags { dirty: boolean; visible: boolean }`,
      'src/data-view/data-source.ts': `import type { DatabaseFlags, RenderFlags } from './types';
export abstract class DataSourceBase {
  abstract featureFlags$: ReadonlySignal<DatabaseFlags>;
  renderFlags$: Signal<RenderFlags> = signal({ dirty: false, visible: true });
}`,
      'src/blocks/callout.ts': `export const items = [service.getFlag('enable_callout'), service.getFlag('enable_block_query')];`,
      'src/data-view/cell-renderer.ts': `export class NumberCell {
  render() {
    const formatting = this.view.featureFlags$.value.enable_number_formatting;
    return formatting && this.view.featureFlags$.value.peek && this.view.renderFlags$.value.dirty;
  }
}`,
    },
    expected: {
      bags: [{ bag: 'featureFlags$.value', keys: ['enable_number_formatting', 'enable_table_virtual_scroll'] }],
      patterns: [{ callee: 'getFlag', keyArg: 0 }],
      registry: { file: 'src/services/feature-flag-service.ts', symbol: 'BlockSuiteFlags' },
    },
    checks: { 'src/data-view/cell-renderer.ts': ['enable_number_formatting'], 'src/blocks/callout.ts': ['enable_callout', 'enable_block_query'] },
  },
  {
    name: "a store made to hold a record of feature flags (Jotai's atom, Svelte's writable) is read through its value (`get(store).x`, `jotaiStore.get(store)`, destructured); the store itself, and a store of anything else, is no bag",
    files: {
      'libs/const/src/featureFlags.ts': `export type FeatureFlagValue = boolean | number | undefined;
export type FeatureFlags = Record<string, FeatureFlagValue>;`,
      'src/state/featureFlagsState.ts': `import { atom } from 'jotai';
import type { FeatureFlags } from '../../libs/const/src/featureFlags';
export const featureFlagsAtom = atom<FeatureFlags>({});
export const featureFlagsStatusAtom = atom<'loading' | 'ready'>('loading');
export const settingsAtom = atom<Record<string, boolean>>({});`,
      'src/stores/featureFlags.ts': `import { writable } from 'svelte/store';
import type { FeatureFlags } from '../../libs/const/src/featureFlags';
export const featureFlags = writable<FeatureFlags>({});`,
      'src/state/captcha.ts': `import { atom } from 'jotai';
import { featureFlagsAtom, settingsAtom } from './featureFlagsState';
export const captchaAtom = atom((get) => !get(featureFlagsAtom).isCaptchaEnabled && get(settingsAtom).dark);
export const feeAtom = atom((get) => { const { isSafeAppFeeEnabled } = get(featureFlagsAtom); return isSafeAppFeeEnabled ? 1 : 0; });`,
      'src/sound.ts': `import { featureFlagsAtom } from './state/featureFlagsState';
import { featureFlags } from './stores/featureFlags';
import { get } from 'svelte/store';
export function play() {
  featureFlags.subscribe(() => undefined);
  const flags = jotaiStore.get(featureFlagsAtom) as FeatureFlags;
  return flags?.isAprilsFoolsEnabled && featureFlagsAtom.debugLabel && get(featureFlags).newEditor;
}`,
    },
    expected: { bags: [{ bag: 'featureFlagsAtom', locals: true, store: true }, { bag: 'featureFlags', locals: true, store: true }] },
    checks: { 'src/state/captcha.ts': ['isCaptchaEnabled', 'isSafeAppFeeEnabled'], 'src/sound.ts': ['isAprilsFoolsEnabled', 'newEditor'] },
  },
  {
    name: "no SDK: a Vuex getter that gives back a function forwarding its key is a wrapper called by the getter's path; a module named for flags asks its list of released features (not a list of every flag's name, nor one named otherwise, nor a list of treatments, a flag's values); a list's items read into a check make their option name a flag; a closure of any other function is no wrapper",
    files: {
      'config/feature-flags.js': `export const RELEASE_FEATURES = { 'v1.3.0': ['cpuPinning'], 'v1.4.0': ['cpuPinning', 'usbPassthrough'] };`,
      'utils/feature-flags.js': `import { RELEASE_FEATURES } from '../config/feature-flags';
export const featureEnabled = (featureKey, serverVersion) => {
  const releasedFeatures = RELEASE_FEATURES?.[serverVersion];
  return releasedFeatures.includes(featureKey);
};
export function isValidFeatureFlag(name) { return Object.keys(defaultFeatureFlags).includes(name); }
export function isForcedEnabled(key) { const forceOn = (process.env.FORCE ?? '').split(','); return forceOn.includes(key); }`,
      'utils/plans.js': `export const planHas = (plan, feature) => plan.releasedFeatures.includes(feature);`,
      'app/treatment-legend.component.ts': `export class TreatmentLegendComponent {\n  appliedTreatments: string[] = [];\n  inAppliedTreatments(action: string) { if (this.appliedTreatments.includes(action)) return true; return false; }\n}`,
      'store/common.js': `import { featureEnabled } from '../utils/feature-flags';
const getters = {
  getFeatureEnabled: (_state, _getters, _rootState, rootGetters) => (feature, version) => {
    const serverVersion = version || rootGetters['cluster/byId']('server-version');
    return featureEnabled(feature, serverVersion);
  },
  byName: (state) => (name) => state.items[name],
};
export default { getters };`,
      'utils/factories.js': `import { featureEnabled } from './feature-flags';
export const makeChecker = (version) => (feature) => featureEnabled(feature, version);`,
      'config/settings.js': `export const SETTINGS = { a: { kind: 'json', featureFlag: 'usbPassthrough' }, b: { kind: 'json' }, c: { feature: 'label' } };`,
      'components/SettingList.js': `export default {
  computed: {
    shown() { return this.settings.filter((s) => this.getFeatureEnabled(s.featureFlag)); },
    pinning() { return this.$store.getters['common/getFeatureEnabled']('cpuPinning'); },
  },
  methods: {
    getFeatureEnabled(id) { return id ? this.$store.getters['common/getFeatureEnabled'](id) : true; },
  },
};`,
      'models/node.js': `export class Node {
  get pinning() { return this.$rootGetters['common/getFeatureEnabled']('cpuPinning') && this.$rootGetters['common/byName']('x'); }
  get other() { return this.cache['common/getFeatureEnabled']('x'); }
}`,
    },
    expected: {
      patterns: [
        { callee: 'featureEnabled', keyArg: 0, type: 'boolean' },
        { callee: 'getFeatureEnabled', keyArg: 0, type: 'boolean' },
        { option: 'featureFlag' },
      ],
    },
    checks: { 'components/SettingList.js': ['s.featureFlag', 'cpuPinning', 'id'], 'models/node.js': ['cpuPinning'], 'config/settings.js': ['usbPassthrough'] },
  },
  {
    name: "a module importing a flag vendor's SDK that declares a function giving back its interface named for configuration: a bag function of the interface's boolean members; its other members, an interface named otherwise, or one declared where no vendor is imported, are none",
    files: {
      'src/config/remoteConfig.ts': `import remoteConfig from '@react-native-firebase/remote-config';
export interface RainbowConfig extends Record<string, string | boolean | number> {
  op_nft_network: string;
  trace_offset: number;
  nfts_enabled: boolean;
  'degen_mode': boolean;
}
export interface UserContext { anonymous: boolean }
export function getRemoteConfig(): RainbowConfig { return store.getState().config; }
export function useRemoteConfig(): RainbowConfig;
export function useRemoteConfig(...keys: string[]): RainbowConfig | Partial<RainbowConfig> { return useStore((state) => state.config); }
export const getContext = (): UserContext => ({ anonymous: true });
export async function fetchRemoteConfig(): Promise<RainbowConfig> { return remoteConfig().getAll() as never; }`,
      'src/settings.ts': `export interface AppConfig { dark: boolean }
export function getSettings(): AppConfig { return load(); }`,
      'src/Wallet.tsx': `import { getRemoteConfig, useRemoteConfig, getContext } from './config/remoteConfig';
import { getSettings } from './settings';
export function Wallet() {
  const { nfts_enabled, op_nft_network } = useRemoteConfig();
  const remote = useRemoteConfig('degen_mode');
  return nfts_enabled && remote.degen_mode && getRemoteConfig().trace_offset && getContext().anonymous && getSettings().dark ? op_nft_network : null;
}`,
    },
    expected: { bags: [{ bag: 'getRemoteConfig()', keys: ['nfts_enabled', 'degen_mode'] }, { bag: 'useRemoteConfig()', keys: ['nfts_enabled', 'degen_mode'] }] },
    says: /^bag getRemoteConfig\(\) \(src\/config\/remoteConfig\.ts:9\): gives back RainbowConfig, which its module, importing a flag vendor's SDK/m,
    checks: { 'src/Wallet.tsx': ['nfts_enabled', 'degen_mode'] },
  },
  {
    name: "a function declared to give the member of a served type its parameter names (`Served[K]`) is a wrapper of that type's boolean members, whose calls with another key are none; its calls do not vouch for a registry; one giving a member of a type not served, or not by its parameter, is none",
    files: {
      'src/config/remoteConfig.ts': `import remoteConfig from '@react-native-firebase/remote-config';
export interface RainbowConfig extends Record<string, string | boolean | number> {
  default_slippage_bips: number;
  perps_enabled: boolean;
  polymarket_enabled: boolean;
}
interface Theme { dark: boolean }
type RemoteConfigKey = keyof RainbowConfig;
export type RemoteConfigState = {
  config: RainbowConfig;
  getRemoteConfigKey: <K extends RemoteConfigKey>(key: K) => RainbowConfig[K];
  getThemeKey: <K extends keyof Theme>(key: K) => Theme[K];
  getFirst: (key: RemoteConfigKey) => RainbowConfig['perps_enabled'];
};
export const useRemoteConfigStore = createStore<RemoteConfigState>((set, get) => ({
  config: DEFAULTS,
  getRemoteConfigKey: (key) => get().config[key],
  getThemeKey: (key) => THEME[key],
  getFirst: () => get().config.perps_enabled,
}));`,
      'src/discover.ts': `import { useRemoteConfigStore } from './config/remoteConfig';
export const perps = useRemoteConfigStore.getState().getRemoteConfigKey('perps_enabled');
export const slippage = useRemoteConfigStore.getState().getRemoteConfigKey('default_slippage_bips');
export const markets = $(useRemoteConfigStore, (state) => state.getRemoteConfigKey('polymarket_enabled'));
export const dark = useRemoteConfigStore.getState().getThemeKey('dark') || useRemoteConfigStore.getState().getFirst('x');`,
      'src/types.ts': `export type FeatureFlag = 'perps_enabled' | 'polymarket_enabled' | 'cash_enabled';`,
    },
    expected: { patterns: [{ callee: 'getRemoteConfigKey', keyArg: 0, keys: ['perps_enabled', 'polymarket_enabled'] }] },
    says: /^wrapper getRemoteConfigKey \(src\/config\/remoteConfig\.ts:11\): it gives back the member of RainbowConfig its first argument names \(RainbowConfig\[K\]\), in what a flag vendor serves$/m,
    checks: { 'src/discover.ts': ['perps_enabled', 'polymarket_enabled'] },
  },
  {
    name: "a monorepo's second list of flags, declared with a composable named for feature flags that gives back a Nuxt box of a type keyed by it, makes that composable a bag of its keys (`.value` in a script, the box in a template); a type of the registry's name that another app declares is its own; React's useState gives no box",
    files: {
      'apps/admin/src/flags.ts': `export type FeatureFlag = 'audit_log' | 'bulk_edit';
export function getFeatureFlag(flag: FeatureFlag): boolean { return settings.flags[flag]; }`,
      'apps/admin/src/page.ts': `import { getFeatureFlag } from './flags';
export const shown = getFeatureFlag('audit_log') && getFeatureFlag('bulk_edit');`,
      'apps/web/src/composables/featureFlags.ts': `const validateValues = <K extends PropertyKey>(flags: Record<K, boolean>) => flags;
export const DEFAULT_FEATURE_FLAGS = validateValues({ developerMode: false, demoMode: false } as const);
export type FeatureFlag = keyof typeof DEFAULT_FEATURE_FLAGS;
export type AllFeatureFlags = { [key in FeatureFlag]: (typeof DEFAULT_FEATURE_FLAGS)[key] };
export const useFeatureFlags = () => useState<AllFeatureFlags>('featureFlags', () => ({ ...DEFAULT_FEATURE_FLAGS }));
export const useLocalFeatureFlags = () => useState<AllFeatureFlags>(DEFAULT_FEATURE_FLAGS);`,
      'apps/web/src/components/Footer.vue': `<template>
  <div v-if="flags.developerMode">dev</div>
</template>
<script setup lang="ts">
const flags = useFeatureFlags();
const demo = computed(() => flags.value.demoMode);
const whole = flags.value;
</script>
`,
    },
    expected: {
      patterns: [{ callee: 'getFeatureFlag', keyArg: 0, type: 'boolean' }],
      bags: [{ bag: 'useFeatureFlags().value', keys: ['developerMode', 'demoMode'] }],
      registry: { file: 'apps/admin/src/flags.ts', symbol: 'FeatureFlag' },
    },
    says: /^bag useFeatureFlags\(\)\.value \(apps\/web\/src\/composables\/featureFlags\.ts:5\): gives back a reactive box it makes to hold AllFeatureFlags/m,
    checks: { 'apps/web/src/components/Footer.vue': ['developerMode', 'demoMode'] },
  },
  {
    name: "a React hook giving back a context made to hold a served type is a bag function of that type's boolean flags, and the provider's state of it a bag of them: members named by the module's constants, the provider's own state (`remoteConfigReady`) aside; a context or state of a type not named for what a vendor serves, or a hook that gives more than the context, is none",
    files: {
      'app/config/feature-flags-context.tsx': `import React, { createContext, useContext, useState } from 'react';
import remoteConfigInstance from '@react-native-firebase/remote-config';
const NonCustodialEnabledKey = 'nonCustodialEnabled';
const FeedbackEmailKey = 'feedbackEmailAddress';
type FeatureFlags = { deviceAccountEnabled: boolean; remoteConfigReady: boolean };
type RemoteConfig = { [NonCustodialEnabledKey]: boolean; [FeedbackEmailKey]: string; 'btc_map': boolean };
type Theme = { dark: boolean };
export const FeatureFlagContext = createContext<FeatureFlags>({ deviceAccountEnabled: false, remoteConfigReady: false });
export const RemoteConfigContext = React.createContext<RemoteConfig>(defaults);
const ThemeContext = createContext<Theme>({ dark: false });
export const useFeatureFlags = () => useContext(FeatureFlagContext);
export function useRemoteConfig() { return useContext(RemoteConfigContext); }
export const useTheme = () => useContext(ThemeContext);
export const useReady = () => useContext(FeatureFlagContext).remoteConfigReady;
export function Provider() {
  const [remoteConfig, setRemoteConfig] = useState<RemoteConfig>(defaults);
  const [theme] = useState<Theme>({ dark: false });
  return { deviceAccountEnabled: remoteConfig.btc_map && !theme.dark, remoteConfigReady: remoteConfig.feedbackEmailAddress !== '' };
}`,
      'app/screens/Home.tsx': `import { useFeatureFlags, useRemoteConfig, useTheme } from '../config/feature-flags-context';
export function Home() {
  const { deviceAccountEnabled, remoteConfigReady } = useFeatureFlags();
  const { nonCustodialEnabled, feedbackEmailAddress, btc_map } = useRemoteConfig();
  const { dark } = useTheme();
  return deviceAccountEnabled && remoteConfigReady && nonCustodialEnabled && btc_map && dark ? feedbackEmailAddress : null;
}`,
    },
    // FeatureFlags, named for flags in a module named for them, is the registry by its name alone: nothing else checks keys.
    expected: { bags: [{ bag: 'useFeatureFlags()', keys: ['deviceAccountEnabled'] }, { bag: 'useRemoteConfig()', keys: ['nonCustodialEnabled', 'btc_map'] }, { bag: 'remoteConfig', keys: ['nonCustodialEnabled', 'btc_map'] }], registry: { file: 'app/config/feature-flags-context.tsx', symbol: 'FeatureFlags' } },
    says: /^bag useRemoteConfig\(\) \(app\/config\/feature-flags-context\.tsx:12\): gives back the context RemoteConfigContext, made to hold RemoteConfig, which its module, importing a flag vendor's SDK/m,
    checks: { 'app/screens/Home.tsx': ['deviceAccountEnabled', 'nonCustodialEnabled', 'btc_map'], 'app/config/feature-flags-context.tsx': ['btc_map'] },
  },
  {
    name: "a context another module makes to hold a served type it imports (with members of its own, `| undefined` until its provider gives one) is a bag of that type's boolean flags; a type of the same name imported from a module that imports no vendor, or an alias that does not hold the type, is none",
    files: {
      'src/remote-config/remote-config.ts': `import remoteConfig from '@react-native-firebase/remote-config';
export type RemoteConfig = { enable_ticketing: boolean; use_new_search: boolean; customer_service_url: string };
export function getConfig(): RemoteConfig { return remoteConfig().getAll() as never; }`,
      'src/remote-config/RemoteConfigContext.tsx': `import React, { createContext, useContext } from 'react';
import { getConfig, RemoteConfig } from './remote-config';
import type { Theme } from '../theme/theme';
type RemoteConfigContextState = RemoteConfig & { refresh: () => void; isLoaded: boolean };
type Other = { refresh: () => void };
const RemoteConfigContext = createContext<RemoteConfigContextState | undefined>(undefined);
const OtherContext = createContext<Other | undefined>(undefined);
const ThemeContext = createContext<Theme | undefined>(undefined);
export function useRemoteConfigContext() {
  const context = useContext(RemoteConfigContext);
  if (context === undefined) throw new Error('useRemoteConfigContext must be used within a RemoteConfigContextProvider');
  return context;
}
export const useOther = () => useContext(OtherContext);
export const useTheme = () => useContext(ThemeContext);`,
      'src/theme/theme.ts': `export type Theme = { dark: boolean };
export type RemoteConfig = { enable_dark: boolean };`,
      'src/screens/Tickets.tsx': `import { useRemoteConfigContext, useOther, useTheme } from '../remote-config/RemoteConfigContext';
export function Tickets() {
  const { enable_ticketing, customer_service_url, isLoaded } = useRemoteConfigContext();
  const { refresh } = useOther();
  const { dark } = useTheme() ?? { dark: false };
  return enable_ticketing && isLoaded && !dark ? customer_service_url : refresh;
}`,
    },
    expected: { bags: [{ bag: 'getConfig()', keys: ['enable_ticketing', 'use_new_search'] }, { bag: 'useRemoteConfigContext()', keys: ['enable_ticketing', 'use_new_search'] }] },
    says: /^bag useRemoteConfigContext\(\) \(src\/remote-config\/RemoteConfigContext\.tsx:9\): gives back the context RemoteConfigContext, made to hold RemoteConfigContextState, which holds RemoteConfig, a type that src\/remote-config\/remote-config\.ts, importing a flag vendor's SDK, declares/m,
    checks: { 'src/screens/Tickets.tsx': ['enable_ticketing'] },
  },
  {
    name: "a served type's own bag reads do not vouch for it as the registry: with most of the vendor's checks asking keys it does not list, it is not proposed",
    files: {
      'app/config/feature-flags-context.tsx': `import { createContext, useContext } from 'react';
import remoteConfig from '@react-native-firebase/remote-config';
type FeatureFlags = { deviceAccountEnabled: boolean; nonCustodialEnabled: boolean };
export const FeatureFlagContext = createContext<FeatureFlags>(defaults);
export const useFeatureFlags = () => useContext(FeatureFlagContext);
export function load() {
  return {
    deviceAccountEnabled: remoteConfig().getValue('deviceAccountEnabledRestAuth').asBoolean(),
    nonCustodialEnabled: remoteConfig().getValue('nonCustodialEnabled').asBoolean(),
    btcMap: remoteConfig().getValue('btcMapPlacesEnabled').asBoolean(),
  };
}`,
      'app/screens/Home.tsx': `import { useFeatureFlags } from '../config/feature-flags-context';
export function Home() {
  const { deviceAccountEnabled, nonCustodialEnabled } = useFeatureFlags();
  const flags = useFeatureFlags();
  return deviceAccountEnabled && nonCustodialEnabled && flags.deviceAccountEnabled && flags.nonCustodialEnabled;
}`,
    },
    expected: { bags: [{ bag: 'useFeatureFlags()', keys: ['deviceAccountEnabled', 'nonCustodialEnabled'] }] },
    says: /^\s*no registry proposed: the nearest candidate, FeatureFlags .*2 of the 3 checks with a known key would check keys it does not list/m,
    checks: { 'app/screens/Home.tsx': ['deviceAccountEnabled', 'nonCustodialEnabled', 'deviceAccountEnabled', 'nonCustodialEnabled'] },
  },
  {
    name: "a stored row's type, with the times of its own making and change, lists what the app recorded, not flags: no registry, and no bag it types, whatever its name",
    files: {
      'server/constants/feature-flags.ts': `export enum FEATURE_FLAGS { PROGRESS_REPORTS = 'progress-reports', SURVEY = 'survey' }`,
      'server/services/FeatureFlagService.ts': `import { FEATURE_FLAGS } from '../constants/feature-flags';
import { client } from './analytics';
export async function isFeatureEnabled(flag: FEATURE_FLAGS, userId: string) { return client.isFeatureEnabled(flag, userId); }
export const getProgressReportsFlag = (userId: string) => isFeatureEnabled(FEATURE_FLAGS.PROGRESS_REPORTS, userId);
export const getSurveyFlag = (userId: string) => isFeatureEnabled(FEATURE_FLAGS.SURVEY, userId);`,
      'server/models/UserProductFlags/types.ts': `export type UserProductFlags = {
  userId: string;
  gatesQualified: boolean;
  sentReadyToCoachEmail: boolean;
  fallIncentiveEnrollmentAt?: Date;
  createdAt: Date;
  updatedAt: Date;
};`,
      'server/services/IncentiveProgramService.ts': `import { UserProductFlags } from '../models/UserProductFlags/types';
export function qualifies(input: { productFlags: UserProductFlags }) {
  return input.productFlags.gatesQualified && input.productFlags.fallIncentiveEnrollmentAt && input.productFlags.sentReadyToCoachEmail;
}`,
    },
    expected: { patterns: [{ callee: 'isFeatureEnabled', keyArg: 0 }], registry: { file: 'server/constants/feature-flags.ts', symbol: 'FEATURE_FLAGS' } },
    checks: { 'server/services/FeatureFlagService.ts': ['flag', 'FEATURE_FLAGS.PROGRESS_REPORTS', 'FEATURE_FLAGS.SURVEY'], 'server/services/IncentiveProgramService.ts': [] },
  },
  {
    name: "a plain object named for flags, its keys not fixed by `as const`, is a registry like one that is: the calls passed its members are checks; a plain object named otherwise is none",
    files: {
      'src/app/services/launch-darkly.service.ts': `import { initialize } from 'launchdarkly-js-client-sdk';
export const FEATURE_FLAGS = {
  dom1SignIn: 'dom1',
  pexipV36: 'pexip-v36',
};
export const ROUTES = { home: 'home', hearing: 'hearing' };
export class LaunchDarklyService {
  private subjects: Record<string, unknown> = {};
  getFlag<T>(flagKey: string, defaultValue = false) { return (this.subjects[flagKey] ?? defaultValue) as T; }
  go(route: string) { return route; }
}`,
      'src/app/security/idp.component.ts': `import { FEATURE_FLAGS, ROUTES, LaunchDarklyService } from '../services/launch-darkly.service';
export class IdpComponent {
  constructor(private ldService: LaunchDarklyService) {}
  init() { return this.ldService.getFlag<boolean>(FEATURE_FLAGS.dom1SignIn) && this.ldService.go(ROUTES.home); }
}`,
      'src/app/services/supplier.service.ts': `import { FEATURE_FLAGS, ROUTES, LaunchDarklyService } from './launch-darkly.service';
export class SupplierService {
  constructor(private ld: LaunchDarklyService) { ld.getFlag<boolean>(FEATURE_FLAGS.pexipV36, false); ld.go(ROUTES.hearing); }
}`,
    },
    expected: { patterns: [{ callee: 'getFlag', keyArg: 0 }], registry: { file: 'src/app/services/launch-darkly.service.ts', symbol: 'FEATURE_FLAGS' } },
    says: /^registry FEATURE_FLAGS \(src\/app\/services\/launch-darkly\.service\.ts, object\): 2 of its 2 keys are checked in code/m,
  },
  {
    name: "a function named for feature flags and declared to give back a record of booleans is a bag function, whatever name its caller keeps the record under; one named otherwise, or giving back another type, is none",
    files: {
      'common/src/feature-flags.ts': `export interface FeatureFlagSet { [key: string]: boolean | string | number }
export interface UserSet { [key: string]: boolean }`,
      'ui/src/lib/hooks/UseFeatureFlags.ts': `import { createContext, useContext } from 'react';
import { FeatureFlagSet, UserSet } from '../../../../common/src/feature-flags';
export const TRUSTEE_MANAGEMENT = 'trustee-management';
export default function useFeatureFlags(): FeatureFlagSet { return load(); }
export const getFeatureFlags = async (): Promise<FeatureFlagSet> => fetchFlags();
export function useSettings(): FeatureFlagSet { return load(); }
export function useFeatureFlagNames(): UserSet { return load(); }
const TogglesContext = createContext<FeatureFlagSet>({});
export const useFeatureToggles = () => useContext(TogglesContext);`,
      'ui/src/Header.tsx': `import useFeatureFlags, { getFeatureFlags, useFeatureToggles, useSettings, TRUSTEE_MANAGEMENT } from './lib/hooks/UseFeatureFlags';
export async function Header() {
  const flags = useFeatureFlags();
  const remote = await getFeatureFlags();
  const settings = useSettings();
  return flags[TRUSTEE_MANAGEMENT] && remote['typed-phones'] && useFeatureFlags().banner && settings.dark && useFeatureToggles().beta;
}`,
    },
    expected: { bags: ['useFeatureFlags()', 'getFeatureFlags()', 'useFeatureToggles()'] },
    says: /^bag useFeatureFlags\(\) \(ui\/src\/lib\/hooks\/UseFeatureFlags\.ts:4\): declared to return FeatureFlagSet, a record of booleans, under a name that says feature flags/m,
    checks: { 'ui/src/Header.tsx': ['TRUSTEE_MANAGEMENT', 'typed-phones', 'banner', 'beta'] },
  },
  {
    name: "a hook named for feature switches giving back a context made to hold a record of booleans keyed by another type's keys is a bag function; one named for panels' switches is none",
    files: {
      'assets/contexts/FeatureSwitchesContext.tsx': `import { createContext, useContext } from 'react';
import type { FeatureSwitches, Panels } from '../helpers/window';
type FeatureFlags = Record<keyof FeatureSwitches, boolean>;
const FeatureSwitchesContext = createContext<FeatureFlags | undefined>(undefined);
const PanelsContext = createContext<Record<keyof Panels, boolean>>({});
export function useFeatureSwitches(): FeatureFlags {
  const context = useContext(FeatureSwitchesContext);
  if (!context) throw new Error('outside the provider');
  return context;
}
export const usePanelSwitches = () => useContext(PanelsContext);`,
      'assets/pages/thankYou.tsx': `import { useFeatureSwitches, usePanelSwitches } from '../contexts/FeatureSwitchesContext';
export function ThankYou() {
  const { enableThankYouOnboarding } = useFeatureSwitches();
  return enableThankYouOnboarding && usePanelSwitches().left;
}`,
    },
    expected: { bags: ['useFeatureSwitches()'] },
    checks: { 'assets/pages/thankYou.tsx': ['enableThankYouOnboarding'] },
  },
  {
    name: "with a registry chosen, a store's selector whose result is destructured by a member (`const { [FeatureFlags.X]: on } = useAppSelector(selectFeatures)`) is a bag function, and a selector hook handed it gives the bag; another selector, or one handed to another function, gives none",
    files: {
      'ui/src/constants/featureFlags.ts': `export enum FeatureFlags { cloudSso = 'cloudSso', envDependent = 'envDependent', databaseChat = 'databaseChat' }`,
      'ui/src/slices/app/features.ts': `export const appFeatureFlagsFeaturesSelector = (state: RootState) => state.app.features.featureFlags.features;
export const appUserSelector = (state: RootState) => state.app.user;`,
      'ui/src/components/Config.tsx': `import { FeatureFlags } from '../constants/featureFlags';
import { appFeatureFlagsFeaturesSelector, appUserSelector } from '../slices/app/features';
export function Config() {
  const { [FeatureFlags.cloudSso]: cloudSso, [FeatureFlags.envDependent]: envDependent } = useAppSelector(appFeatureFlagsFeaturesSelector);
  const features = useSelector(appFeatureFlagsFeaturesSelector);
  const { name } = useAppSelector(appUserSelector);
  const all = [appFeatureFlagsFeaturesSelector].map(String);
  return cloudSso?.flag && envDependent?.flag && features[FeatureFlags.databaseChat] && name && all;
}`,
    },
    expected: { bags: [{ bag: 'appFeatureFlagsFeaturesSelector()', keys: ['cloudSso', 'envDependent', 'databaseChat'] }, { bag: 'features', keys: ['cloudSso', 'envDependent', 'databaseChat'] }], registry: { file: 'ui/src/constants/featureFlags.ts', symbol: 'FeatureFlags' } },
    says: /^bag appFeatureFlagsFeaturesSelector\(\) \(ui\/src\/components\/Config\.tsx:4\): read by a member of FeatureFlags/m,
    checks: { 'ui/src/components/Config.tsx': ['FeatureFlags.cloudSso', 'FeatureFlags.envDependent', 'FeatureFlags.databaseChat'] },
  },
  {
    name: "a hook or Pinia store whose whole name says it gives the feature flags: its evaluating methods that take a flag's name, called on the names its result is kept under, are checks; a method that sets a flag or takes something else, or one of a hook named otherwise, is none",
    files: {
      'composables/useFeatureFlags.ts': `import { defineStore } from 'pinia';
export const useFeatureFlags = defineStore('featureFlags', {
  state: () => ({ flags: new Map<string, boolean>() }),
  getters: {
    isEnabled(state): (flagName: string) => boolean { return (flagName: string) => state.flags.get(flagName) || false; },
    count(state) { return state.flags.size; },
  },
  actions: { setFlag(flagName: string, on: boolean) { this.flags.set(flagName, on); } },
});`,
      'server/utils/featureToggles.ts': `export async function useFeatureToggles(user) {
  const toggles = await load(user);
  const getValue = (key: string) => toggles[key];
  const hasPlan = (plan: Plan) => user.plans.includes(plan);
  return { getValue, hasPlan };
}`,
      'pages/forum.vue': `<template><div v-if="featureFlags.isEnabled('forum')">forum</div></template>
<script setup lang="ts">
const featureFlags = useFeatureFlags();
const settings = useSettings();
featureFlags.setFlag('forum', true);
if (settings.isEnabled('darkMode')) document.body.classList.add('dark');
</script>`,
      'server/api/recent.get.ts': `export default defineEventHandler(async (event) => {
  const toggles = await useFeatureToggles(event.context.user);
  return toggles.getValue('recent-posts') ? recent() : [];
});`,
    },
    expected: { patterns: [{ callee: 'featureFlags.isEnabled', keyArg: 0 }, { callee: 'toggles.getValue', keyArg: 0 }] },
    says: /^flag function featureFlags\.isEnabled \(composables\/useFeatureFlags\.ts:2\): a method of what useFeatureFlags\(\) gives \(kept as featureFlags\), a function whose whole name says it gives the feature flags, that takes the flag's name \(flagName\)$/m,
    checks: { 'pages/forum.vue': ['forum'], 'server/api/recent.get.ts': ['recent-posts'] },
  },
  {
    name: "with a registry chosen, a function named for features whose callers take two of its keys or more, and mostly its keys, out of what it gives is a bag of them; one named otherwise, one whose callers take one key, or mostly other names, is none",
    files: {
      'packages/types/src/enums.ts': `export const Feature = { TONES: 'TONES', DMV: 'DMV', TOW: 'TOW', TAXI: 'TAXI', CALLS_911: 'CALLS_911' } as const;
export type Feature = (typeof Feature)[keyof typeof Feature];`,
      'apps/api/src/controllers/citizen.ts': `import { Feature } from '@snailycad/types';
export class CitizenController {
  @IsFeatureEnabled({ feature: Feature.DMV })
  list() { return isFeatureEnabled({ feature: Feature.TOW, features: cad.features }) && isFeatureEnabled({ feature: Feature.TAXI, features: cad.features }); }
}`,
      'apps/client/src/hooks/useFeatureEnabled.ts': `import { Feature } from '@snailycad/types';
export function useFeatureEnabled() {
  const obj = {} as Record<string, boolean>;
  Object.keys(Feature).forEach((feature) => { obj[feature] = cad?.features?.[feature] ?? true; });
  return { ...obj, options };
}`,
      'apps/client/src/pages/dispatch.tsx': `export function Dispatch() {
  const { CALLS_911, TONES, options } = useFeatureEnabled();
  const { TOW } = useFeatureEnabled();
  const { DMV } = useAuth();
  const { TAXI } = useFeatureList();
  const { TOW: tow, isLoading, error, refetch } = useFeatureStatus();
  return CALLS_911 && TONES && TOW && DMV && TAXI && tow && options;
}`,
    },
    expected: {
      patterns: [{ callee: 'IsFeatureEnabled', keyArg: '0.feature' }, { callee: 'isFeatureEnabled', keyArg: '0.feature' }],
      bags: [{ bag: 'useFeatureEnabled()', keys: ['TONES', 'DMV', 'TOW', 'TAXI', 'CALLS_911'] }],
      registry: { file: 'packages/types/src/enums.ts', symbol: 'Feature' },
    },
    says: /^bag useFeatureEnabled\(\) \(apps\/client\/src\/pages\/dispatch\.tsx:2\): its callers take 3 of Feature's keys out of what it gives/m,
    checks: { 'apps/client/src/pages/dispatch.tsx': ['CALLS_911', 'TONES', 'TOW'] },
  },
  {
    name: "a hook named for feature flags declared to give back an interface of booleans (a record of fixed keys), or a context guarded to hold one, is a bag function of those keys; a property it does not list, or the same hook giving an interface with a non-boolean member, is none",
    files: {
      'packages/react/src/feature-flags/context.ts': `import { createContext, useContext } from 'react';
export interface FeatureFlagContextValue { layoutV3: boolean; stage: boolean; privatePreviewTools?: boolean }
export interface PanelFlagState { open: boolean; width: number }
export const FeatureFlagContext = createContext<FeatureFlagContextValue | undefined>(undefined);
export function useFeatureFlag(): FeatureFlagContextValue {
  const context = useContext(FeatureFlagContext);
  if (!context) throw new Error('useFeatureFlag must be used within a FeatureFlagProvider');
  return context;
}
export function usePanelFeatureFlags(): PanelFlagState { return { open: true, width: 3 }; }`,
      'ui/src/toolbar.tsx': `import { useFeatureFlag, usePanelFeatureFlags } from '../../packages/react/src/feature-flags/context';
export function Toolbar() {
  const { layoutV3, stage, onClick } = useFeatureFlag();
  const panel = usePanelFeatureFlags();
  return layoutV3 && stage && useFeatureFlag().privatePreviewTools && panel.open && onClick;
}`,
    },
    expected: { bags: [{ bag: 'useFeatureFlag()', keys: ['layoutV3', 'stage', 'privatePreviewTools'] }] },
    says: /^bag useFeatureFlag\(\) \(packages\/react\/src\/feature-flags\/context\.ts:5\): declared to return FeatureFlagContextValue/m,
    checks: { 'ui/src/toolbar.tsx': ['layoutV3', 'stage', 'privatePreviewTools'] },
  },
  {
    name: "with a registry chosen, a hook giving back a context made to hold a record keyed by it (React 19's use, or useContext) is a bag function of its keys, read whole or indexed at the call; a context of another type, or a function whose name says it gives something else (overrides), is none",
    files: {
      'lib/features/features.ts': `export enum Feature { EMAIL_AUTH = 'EMAIL_AUTH', AGENT = 'AGENT', SUBSCRIPTION = 'SUBSCRIPTION' }
export function isFeatureEnabled(feature: Feature) { return process.env[feature] === 'true'; }
export const billing = () => isFeatureEnabled(Feature.SUBSCRIPTION) && isFeatureEnabled(Feature.AGENT);`,
      'contexts/feature-flags-context.tsx': `import { createContext, use, useContext } from 'react';
import { Feature } from '../lib/features/features';
export type FeatureFlags = Record<Feature, boolean>;
type Theme = Record<string, string>;
const FeatureFlagsContext = createContext<FeatureFlags>({} as FeatureFlags);
const ThemeContext = createContext<Theme>({});
export function useFeatureFlags() { return use(FeatureFlagsContext); }
export const useTheme = () => useContext(ThemeContext);
export function useFeatureFlagOverrides(): FeatureFlags { return readOverrides(); }`,
      'components/auth-footer.tsx': `import { useFeatureFlagOverrides, useFeatureFlags, useTheme } from '../contexts/feature-flags-context';
import { Feature } from '../lib/features/features';
export function AuthFooter() {
  const flags = useFeatureFlags();
  return useFeatureFlags()[Feature.EMAIL_AUTH] && flags[Feature.AGENT] && useTheme()[Feature.AGENT] && useFeatureFlagOverrides()[Feature.AGENT];
}`,
    },
    // `flags`, read by a member of Feature, is a record of its flags by that rule.
    expected: { patterns: [{ callee: 'isFeatureEnabled', keyArg: 0 }], bags: [{ bag: 'useFeatureFlags()', keys: ['EMAIL_AUTH', 'AGENT', 'SUBSCRIPTION'] }, { bag: 'flags', keys: ['EMAIL_AUTH', 'AGENT', 'SUBSCRIPTION'] }], registry: { file: 'lib/features/features.ts', symbol: 'Feature' } },
    says: /^bag useFeatureFlags\(\) \(contexts\/feature-flags-context\.tsx:7\): gives back the context FeatureFlagsContext, made to hold FeatureFlags, and FeatureFlags lists flags/m,
    checks: { 'components/auth-footer.tsx': ['Feature.EMAIL_AUTH', 'Feature.AGENT'] },
  },
  {
    name: "a query library's mutation passed a member of a list named for flags writes it: no wrapper (the list, named for flags, is still proposed)",
    files: {
      'src/model/WalletNameFlag.ts': `export enum WalletNameFlag { isMetaMask = 'isMetaMask', isPhantom = 'isPhantom' }`,
      'src/ui/MetamaskMode.tsx': `import { WalletNameFlag } from '../model/WalletNameFlag';
export function Mode({ setWalletNameFlags, checked }) {
  setWalletNameFlags.mutateAsync({ flag: WalletNameFlag.isMetaMask, checked });
  return setWalletNameFlags.mutate({ flag: WalletNameFlag.isPhantom, checked });
}`,
    },
    expected: { registry: { file: 'src/model/WalletNameFlag.ts', symbol: 'WalletNameFlag' } },
  },
  {
    name: "a context keyed by an object registry's member names (`keyof typeof FEATURE_FLAGS`) is a bag of its flags, each name standing for its key; a record keyed by the keys is read by the keys, also through a hook that keeps its context and throws when it is missing",
    files: {
      'src/core/config/feature-flags.ts': `export const FEATURE_FLAGS = {
  tokenUsagePage: 'token-usage-page',
  cliKeys: 'cli-keys',
  sso: 'sso',
} as const;
export type FeatureFlagKey = (typeof FEATURE_FLAGS)[keyof typeof FEATURE_FLAGS];`,
      'src/core/flags.ts': `import { FEATURE_FLAGS, type FeatureFlagKey } from './config/feature-flags';
export async function isFeatureEnabled(options: { feature: FeatureFlagKey }): Promise<boolean> { return posthog.isFeatureEnabled(options.feature, 'me'); }
export const layout = () => Promise.all([isFeatureEnabled({ feature: FEATURE_FLAGS.tokenUsagePage }), isFeatureEnabled({ feature: FEATURE_FLAGS.sso })]);`,
      'src/app/context.tsx': `import { createContext, useContext } from 'react';
import { FEATURE_FLAGS, type FeatureFlagKey } from '../core/config/feature-flags';
const FeatureFlagsContext = createContext<Partial<{ [K in keyof typeof FEATURE_FLAGS]: boolean | undefined }>>({});
export const useFeatureFlags = () => useContext(FeatureFlagsContext);
const ByKeyContext = createContext<Record<FeatureFlagKey, boolean>>({} as Record<FeatureFlagKey, boolean>);
export function useKeyedFeatureFlags() {
  const flags = useContext(ByKeyContext);
  if (flags === undefined) throw new Error('useKeyedFeatureFlags outside its provider');
  return flags;
}`,
      'src/app/sidebar.tsx': `import { useFeatureFlags, useKeyedFeatureFlags } from './context';
export function Sidebar() {
  const { sso, cliKeys } = useFeatureFlags();
  return [sso, cliKeys, useFeatureFlags().tokenUsagePage, useKeyedFeatureFlags()['cli-keys']];
}`,
    },
    expected: {
      patterns: [{ callee: 'isFeatureEnabled', keyArg: '0.feature' }],
      bags: [{ bag: 'useFeatureFlags()', keys: ['tokenUsagePage', 'cliKeys', 'sso'], names: { tokenUsagePage: 'token-usage-page', cliKeys: 'cli-keys' } }, { bag: 'useKeyedFeatureFlags()', keys: ['token-usage-page', 'cli-keys', 'sso'] }],
      registry: { file: 'src/core/config/feature-flags.ts', symbol: 'FEATURE_FLAGS' },
    },
    checks: { 'src/app/sidebar.tsx': ['sso', 'cli-keys', 'token-usage-page', 'cli-keys'] },
  },
  {
    name: "a plain object named for features in a module that imports no flag vendor (a plan's features) is no registry",
    files: {
      'modules/enterprise/features.js': `export const EnterpriseFeatures = {
  RBAC: 'RBAC',
  SSO: 'SSO',
};
export function hasFeature(feature, workspaceId) { return licensed(feature, workspaceId); }`,
      'modules/enterprise/Sidebar.js': `import { EnterpriseFeatures, hasFeature } from './features';
export const items = () => hasFeature(EnterpriseFeatures.RBAC, 1) && hasFeature(EnterpriseFeatures.SSO, 1);`,
    },
    expected: {},
  },
  {
    name: "a plain object named for flags that lists the chosen registry's keys again (a web app's copy of the server's enum) anchors its calls and components too; one that shares a single key, or lists mostly others, does not",
    files: {
      'packages/server/src/types/Features.ts': `export enum Features { WAREHOUSES = 'warehouses', BRANCHES = 'branches', BankSyncing = 'BankSyncing' }`,
      'packages/server/src/subscribers/branches.ts': `import { Features } from '../types/Features';
export async function onSave(features) { if (await features.accessible(Features.BRANCHES)) return validate(); }
export async function onMove(features) { return features.accessible(Features.WAREHOUSES); }`,
      'packages/webapp/src/constants/features.js': `export const Features = { Warehouses: 'warehouses', Branches: 'branches', Projects: 'Projects' };`,
      'packages/webapp/src/constants/planFeatures.js': `export const PlanFeatures = { Branches: 'branches', Reports: 'reports', Api: 'api' };
export const ExtraFeatures = { Branches: 'branches', Reports: 'reports', Api: 'api', Audit: 'audit', Export: 'export' };`,
      'packages/webapp/src/Form.jsx': `import { Features } from './constants/features';
import { ExtraFeatures } from './constants/planFeatures';
export const Form = () => {
  const { featureCan } = useFeatureCan();
  const extra = hasPaidFeature(ExtraFeatures.Reports);
  return featureCan(Features.Branches) && <FeatureCan feature={Features.Warehouses}><Warehouses extra={extra} /></FeatureCan>;
};`,
    },
    expected: {
      patterns: [{ callee: 'accessible', keyArg: 0 }, { callee: 'featureCan', keyArg: 0 }, { callee: 'FeatureCan', keyArg: '0.feature' }],
      registry: { file: 'packages/server/src/types/Features.ts', symbol: 'Features' },
    },
    checks: { 'packages/webapp/src/Form.jsx': ['Features.Branches', 'Features.Warehouses'] },
    says: /^registry Features \(packages\/webapp\/src\/constants\/features\.js, object\) anchors wrappers too: 2 of its 3 keys are keys of Features/m,
  },
  {
    name: "a registry proposed by its name alone (a command line's flags) makes no bag of a function giving back its type: nothing vouches that its keys are checked",
    files: {
      'cli/src/flags/flagProcessor.ts': `export interface ProcessedFlags { verbose: boolean; readonly: boolean }
export function processCommandFlags(argv: string[]): ProcessedFlags { return { verbose: argv.includes('-v'), readonly: false }; }`,
      'cli/src/commands/chat.ts': `import { processCommandFlags } from '../flags/flagProcessor';
export function chat(argv: string[]) { return processCommandFlags(argv).verbose; }`,
    },
    expected: { registry: { file: 'cli/src/flags/flagProcessor.ts', symbol: 'ProcessedFlags' } },
    checks: { 'cli/src/commands/chat.ts': [] },
  },
  {
    name: "a Pinia store whose id says feature flags is a bag of its state's fields, named by the flags the store fills them from, not of the state it keeps of itself (flagsLoaded); a store of anything else, or of state that is not all booleans, is none",
    files: {
      'auth/src/store/feature_flags.store.ts': `import { defineStore } from 'pinia';
import posthog from 'posthog-js';
export const useFeatureFlagsStore = () => defineStore('feature-flags', {
  state: () => ({ ADMIN_PAGE: false, SECURE_TOKENS: false, darkBanner: true, flagsLoaded: false }),
  onActivated() {
    posthog.onFeatureFlags((flags) => {
      this.ADMIN_PAGE = flags.includes('auth_portal_admin_page');
      this.SECURE_TOKENS = !!flags.includes('secure-bearer-tokens');
    });
  },
})();`,
      'web/src/store/feature_flags.store.ts': `import { defineStore } from 'pinia';
type FeatureFlag = UserFlag | WorkspaceFlag;
type UserFlag = keyof typeof USER_FLAG_MAPPING;
type WorkspaceFlag = keyof typeof WORKSPACE_FLAG_MAPPING;
const USER_FLAG_MAPPING = { MODULES_TAB: 'modules_tab', SIMPLE_SOCKET_UI: 'simple-socket-ui' } as const;
const WORKSPACE_FLAG_MAPPING: Record<string, string> = {};
export function useFeatureFlagsStore() {
  return addStoreHooks(defineStore('feature-flags', {
    state: () => Object.fromEntries(FLAGS.map((flag) => [flag, undefined])) as Record<FeatureFlag, boolean | undefined>,
    actions: {
      setFlags(enabled: Set<string>) {
        for (const [flag, phFlag] of Object.entries(USER_FLAG_MAPPING)) {
          this[flag] = enabled.has(phFlag);
        }
      },
    },
  }))();
}`,
      'web/src/store/panels.store.ts': `import { defineStore } from 'pinia';
export const usePanelsStore = defineStore('panels', { state: () => ({ left: true, right: false }) });
export const useFlagsMetaStore = defineStore('feature-flags-meta', { state: () => ({ loaded: false, count: 0 }) });`,
      'web/src/components/Nav.ts': `import { useFeatureFlagsStore } from '../store/feature_flags.store';
import { usePanelsStore } from '../store/panels.store';
export function show() {
  const featureFlagsStore = useFeatureFlagsStore();
  const panels = usePanelsStore();
  return featureFlagsStore.SIMPLE_SOCKET_UI && useFeatureFlagsStore().MODULES_TAB && panels.left && featureFlagsStore.$patch;
}`,
      'auth/src/pages/Admin.ts': `import { useFeatureFlagsStore } from '../store/feature_flags.store';
export const admin = () => { const ffStore = useFeatureFlagsStore(); return ffStore.flagsLoaded && (ffStore.ADMIN_PAGE || ffStore.darkBanner); };`,
    },
    expected: {
      bags: [{
        bag: 'useFeatureFlagsStore()', keys: ['ADMIN_PAGE', 'SECURE_TOKENS', 'darkBanner', 'MODULES_TAB', 'SIMPLE_SOCKET_UI'],
        names: { ADMIN_PAGE: 'auth_portal_admin_page', SECURE_TOKENS: 'secure-bearer-tokens', MODULES_TAB: 'modules_tab', SIMPLE_SOCKET_UI: 'simple-socket-ui' },
      }],
    },
    says: /^bag useFeatureFlagsStore\(\) \(auth\/src\/store\/feature_flags\.store\.ts:3\): gives the Pinia store 'feature-flags'/m,
    checks: { 'web/src/components/Nav.ts': ['simple-socket-ui', 'modules_tab'], 'auth/src/pages/Admin.ts': ['auth_portal_admin_page', 'darkBanner'] },
  },
  {
    name: "a box made to hold a record of feature flags (Vue's `ref<FeatureFlags>({})`) is read through .value; a box of anything else is none",
    files: {
      'src/composables/featureFlags.ts': `import { ref } from 'vue';
export type FeatureFlags = Record<string, boolean>;
export const featureFlags = ref<FeatureFlags>({});
export const panels = ref<Record<string, boolean>>({});`,
      'src/components/Nav.ts': `import { featureFlags, panels } from '../composables/featureFlags';
export const show = () => featureFlags.value.newNav && panels.value.left && featureFlags.value;`,
    },
    expected: { bags: [{ bag: 'featureFlags.value', locals: true }] },
    checks: { 'src/components/Nav.ts': ['newNav'] },
  },
  {
    name: "a class component that takes the key from its props (`const { treatmentName } = this.props`) into Split's component is a wrapper of that prop; its state or a class reading no prop is none",
    files: {
      'src/libs/featureFlags.js': `import React, { PureComponent } from 'react';
import { SplitTreatments } from '@splitsoftware/splitio-react';
export class FeatureTreatment extends PureComponent {
  render() {
    const { treatmentName: name, attributes, children } = this.props;
    return <SplitTreatments names={[name]} attributes={attributes}>{({ treatments }) => treatments[name].treatment === 'on' ? children : null}</SplitTreatments>;
  }
}
export class Cached extends PureComponent {
  render() {
    const { cachedName } = this.state;
    return <SplitTreatments names={[cachedName]}>{() => null}</SplitTreatments>;
  }
}
export class Gate extends React.Component {
  render = () => <SplitTreatments names={[this.props.split]}>{() => this.props.children}</SplitTreatments>;
}`,
      'src/components/claims.js': `import { FeatureTreatment } from '../libs/featureFlags';
const SHOW_CLAIMS = 'CustomerCenter_ShowClaims';
export const Claims = () => <FeatureTreatment treatmentName={SHOW_CLAIMS}><Gate split="claims_v2"><List /></Gate></FeatureTreatment>;`,
    },
    expected: { patterns: [{ callee: 'FeatureTreatment', keyArg: '0.treatmentName' }, { callee: 'Gate', keyArg: '0.split' }] },
    says: /^wrapper FeatureTreatment \(src\/libs\/featureFlags\.js:3\): passes its prop treatmentName as the flag key to SplitTreatments/,
    checks: { 'src/components/claims.js': ['CustomerCenter_ShowClaims', 'claims_v2'] },
  },
  {
    name: "a context's default typed by `as` a record keyed by the registry is a bag; the hook's getter over it is a wrapper; a local object written out under the bag's name is no bag",
    files: {
      'lib/cache/types.ts': `export const FeatureFlags = { formTimer: 'formTimer', topBanner: 'topBanner', addressComplete: 'addressComplete' } as const;
export type FeatureFlagKeys = keyof typeof FeatureFlags;
export type Flags = { [K in FeatureFlagKeys]: boolean };
export const checkOne = async (key: FeatureFlagKeys): Promise<boolean> => (await redis.get(\`flag:\${key}\`)) === '1';`,
      'lib/hooks/useFeatureFlags.tsx': `import { Flags } from '../cache/types';
const FeatureFlagsContext = createContext({ flags: {} as Flags });
export const useFeatureFlags = () => {
  const { flags } = useContext(FeatureFlagsContext);
  return { getFlag: (key: string) => flags[key as keyof typeof flags] };
};`,
      'components/ClientContexts.tsx': `import { Flags } from '../lib/cache/types';
export interface ClientContextsProps { featureFlags: Flags }`,
      'app/page.tsx': `import { checkOne } from '../lib/cache/types';
export default async function Page() { return (await checkOne('formTimer')) && (await checkOne('topBanner')); }`,
      'components/Header.tsx': `export function Header() {
  const { getFlag } = useFeatureFlags();
  const featureFlags = { addressComplete: getFlag('addressComplete') };
  return getFlag('topBanner') && featureFlags.addressComplete;
}`,
    },
    expected: {
      bags: [{ bag: 'flags', keys: ['formTimer', 'topBanner', 'addressComplete'] }, { bag: 'featureFlags', keys: ['formTimer', 'topBanner', 'addressComplete'] }],
      patterns: [{ callee: 'checkOne', keyArg: 0 }, { callee: 'getFlag', keyArg: 0 }],
      registry: { file: 'lib/cache/types.ts', symbol: 'FeatureFlags' },
    },
    checks: { 'components/Header.tsx': ['addressComplete', 'topBanner'] },
  },
  {
    name: "a schema's object of booleans under a name that says beta or feature flags is a bag of its keys; one of other values, or named otherwise, is not",
    files: {
      'shared/types/user.ts': `import { z } from 'zod';
export const UserBase = z.object({
  email: z.string().email(),
  betaFlags: z.object({ payment: z.boolean().optional(), children: z.coerce.boolean().default(false) }).optional(),
  settingsFlags: z.object({ dark: z.boolean() }),
  featureFlags: z.object({ limit: z.number(), on: z.boolean() }),
});`,
      'frontend/src/Settings.tsx': `export function Settings({ user, form }) {
  return user?.betaFlags?.children && form.admin.betaFlags.payment && user.betaFlags.length && user.settingsFlags.dark && user.featureFlags.on;
}`,
      'shared/constants/feature-flags.ts': `export const featureFlags = { goLinks: 'goLinks', turnstile: 'turnstile' } as const;`,
      'src/verification.ts': `import { featureFlags } from '../shared/constants/feature-flags';
export const on = getFeatureFlag(featureFlags.turnstile, { fallbackValue: false });`,
    },
    // The bag's reads are registered by its own list: the registry of the other flags is proposed all the same.
    expected: { bags: [{ bag: 'betaFlags', keys: ['payment', 'children'] }], patterns: [{ callee: 'getFeatureFlag', keyArg: 0 }], registry: { file: 'shared/constants/feature-flags.ts', symbol: 'featureFlags' } },
    says: /^bag betaFlags \(shared\/types\/user\.ts:4\): declared as a zod object of booleans, and its schema lists flags/,
    checks: { 'frontend/src/Settings.tsx': ['children', 'payment'] },
  },
  {
    name: "a property a hook named for toggles gives back is a bag of the registry's keys; its refresh function and a hook named otherwise are not",
    files: {
      'src/data/unleash/unleash_types.ts': `export enum ToggleNames { isVirksomhetsinputEnabled = 'isVirksomhetsinputEnabled', isUtenlandsoppholdEnabled = 'isUtenlandsoppholdEnabled' }
export type Toggles = { [key in ToggleNames]: boolean };`,
      'server/unleash.ts': `import { initialize } from 'unleash-client';
const unleash = initialize({ url: 'x', appName: 'y' });
export const getToggles = () => ({ a: unleash.isEnabled('isVirksomhetsinputEnabled'), b: unleash.isEnabled('isUtenlandsoppholdEnabled') });`,
      'src/data/unleash/unleashQueryHooks.ts': `export const useFeatureToggles = () => {
  const { data, refetch: refreshToggles } = useQuery({ queryKey: ['toggles'], queryFn: fetchToggles });
  const toggles = data ?? defaultToggles;
  return { toggles, refreshToggles, isLoading: false };
};
export const useTabs = () => ({ toggles: tabToggles });`,
      'src/sider/Side.tsx': `export function Side() {
  const { toggles, refreshToggles } = useFeatureToggles();
  return toggles.isUtenlandsoppholdEnabled && toggles.length && refreshToggles.isVirksomhetsinputEnabled;
}`,
    },
    expected: {
      // The server's function gives back its own checks by name (see checkedReturns.ts): `getToggles().a` checks the first.
      bags: [
        { bag: 'getToggles()', keys: ['a', 'b'], names: { a: 'isVirksomhetsinputEnabled', b: 'isUtenlandsoppholdEnabled' } },
        { bag: 'toggles', keys: ['isVirksomhetsinputEnabled', 'isUtenlandsoppholdEnabled'] },
      ],
      registry: { file: 'src/data/unleash/unleash_types.ts', symbol: 'ToggleNames' },
    },
    says: /^bag toggles \(src\/data\/unleash\/unleashQueryHooks\.ts:4\): a property the team's hook useFeatureToggles\(\) gives back, named for flags/,
    checks: { 'src/sider/Side.tsx': ['isUtenlandsoppholdEnabled'] },
  },
  {
    name: "the flags a data model stores on its records, declared beside it, are no registry of feature flags",
    files: {
      'server/models/User.ts': `/** Flags that are available for setting on the user. */
export enum UserFlag { InviteSent = 'inviteSent', InviteReminderSent = 'inviteReminderSent', AvatarUpdated = 'avatarUpdated' }
@Table({ tableName: 'users', modelName: 'user' })
class User extends ParanoidModel {
  public getFlag(flag: UserFlag): number { return this.flags?.[flag] ?? 0; }
  public setFlag(flag: UserFlag, value = true) { this.flags = { ...this.flags, [flag]: value ? 1 : 0 }; }
}
export default User;`,
      'server/commands/userProvisioner.ts': `export const updated = user.getFlag(UserFlag.AvatarUpdated) && user.getFlag(UserFlag.InviteSent);`,
      'server/routes/users.ts': `export const sent = user.getFlag(UserFlag.InviteReminderSent);`,
    },
    expected: {},
    checks: { 'server/commands/userProvisioner.ts': [] },
  },
  {
    name: "a name that says more than reading one flag, the workspace's own module, or a vendor's function is not a package's flag API",
    files: {
      'src/table.tsx': `import { FeatureFlagColumn, setFeatureFlag, guardWithFeatureFlag, useFeatureFlags } from '@team/ui';
import { useFeatureFlag } from './hooks/useFeatureFlag';
import { getFeatureFlag } from 'posthog-js';
export const t = [FeatureFlagColumn('x'), setFeatureFlag('x'), guardWithFeatureFlag('x'), useFeatureFlags('x'), useFeatureFlag('x'), getFeatureFlag('x')];`,
    },
    expected: {},
  },
  {
    name: "an interface named for features typing a property is no registry where the environment switches those features: their reads are checks already",
    files: {
      'lib/env.ts': `const env = {
  teamFeatures: { sso: process.env.FEATURE_TEAM_SSO !== 'false', webhook: process.env.FEATURE_TEAM_WEBHOOK !== 'false' },
};
export default env;`,
      'types/base.ts': `export interface TeamFeature { sso: boolean; webhook: boolean }`,
      'components/TeamTab.tsx': `import type { TeamFeature } from '../types/base';
interface TeamTabProps { teamFeatures: TeamFeature }
export const TeamTab = ({ teamFeatures }: TeamTabProps) => teamFeatures.sso && <Sso />;`,
    },
    expected: {},
  },
  {
    name: "a type named for features that types a property is no registry when it is a record about one feature, or a list of switches outside the app's settings (a plan's, a view's)",
    files: {
      'src/settings/types.ts': `export type CapabilityFeature = { description: string; id: string; isDefaultBundle: boolean; operators: string[]; title: string };
export interface AppSettings { capability: CapabilityFeature; url: string }`,
      'src/settings/buildRow.tsx': `import type { CapabilityFeature } from './types';
type Props = { feature: CapabilityFeature; selected: boolean };
export const Row = ({ feature }: Props) => <td title={feature.description}>{feature.title}</td>;`,
      'src/organizations/types.ts': `export interface OrgFeatures { gitSync: boolean; orgBasicRbac: boolean }
export interface Organization { id: string; features: OrgFeatures }`,
      'src/sync/Dropdown.tsx': `export const Sync = ({ organization }) => organization.features.gitSync && <GitSync />;`,
    },
    expected: {},
  },
  {
    name: 'a function named for several flags that gives back its own checks\' values by name is a bag of those names, each read as its check\'s flag, and so is one of any name giving back two; its other properties are none, nor is one check given back by a function named for nothing of flags',
    files: {
      'src/lib/consts.ts': `export const featureKeys = { SEASONAL: 'seasonal-menu', PAYMENT: 'online-payment' } as const;`,
      'src/hooks/use-feature-flags.ts': `import { useVariableValue } from '@devcycle/react-client-sdk';
import { featureKeys } from '../lib/consts';
export function useFeatureFlags() {
  const showSeasonalMenu = useVariableValue(featureKeys.SEASONAL, false);
  const enableOnlinePayment = useVariableValue(featureKeys.PAYMENT, false);
  const [isLoading] = useState(false);
  return { showSeasonalMenu, enableOnlinePayment, isLoading };
}
export function useCheckoutData() {
  const enableOnlinePayment = useVariableValue(featureKeys.PAYMENT, false);
  return { enableOnlinePayment };
}
export default function useFeatureToogle() {
  const seasonal = useVariableValue(featureKeys.SEASONAL, false);
  return { isSeasonalEnabled: seasonal, isPaymentEnabled: useVariableValue(featureKeys.PAYMENT, false), ready: true };
}`,
      'src/pages/checkout.tsx': `import useFeatureToogle, { useFeatureFlags } from '../hooks/use-feature-flags';
export function Checkout() {
  const { enableOnlinePayment, isLoading } = useFeatureFlags();
  const { enableOnlinePayment: again } = useCheckoutData();
  const { isPaymentEnabled, ready } = useFeatureToogle();
  return useFeatureFlags().showSeasonalMenu && enableOnlinePayment && !isLoading && again && isPaymentEnabled && ready;
}`,
    },
    expected: {
      bags: [
        { bag: 'useFeatureFlags()', keys: ['showSeasonalMenu', 'enableOnlinePayment'], names: { showSeasonalMenu: 'seasonal-menu', enableOnlinePayment: 'online-payment' } },
        { bag: 'useFeatureToogle()', keys: ['isSeasonalEnabled', 'isPaymentEnabled'], names: { isSeasonalEnabled: 'seasonal-menu', isPaymentEnabled: 'online-payment' } },
      ],
      registry: { file: 'src/lib/consts.ts', symbol: 'featureKeys' },
    },
    says: /^bag useFeatureFlags\(\) \(src\/hooks\/use-feature-flags\.ts:3\): gives back what its own checks give, one property each \(showSeasonalMenu holds 'seasonal-menu', enableOnlinePayment holds 'online-payment'\); a read of one is a check$/m,
    checks: { 'src/pages/checkout.tsx': ['online-payment', 'online-payment', 'seasonal-menu'] },
  },
  {
    name: 'a service named for feature flags whose every public method takes nothing and gives a boolean (or an observable of one) is read where it is held: a call of a method is a check of it; a service with a method that takes a flag, or named for nothing of flags, is none',
    files: {
      'src/core/feature-flag.ts': `import { InjectionToken } from '@angular/core';
export const FEATURE_FLAG_SERVICE = new InjectionToken<FeatureFlagService>('FeatureFlagService');
export declare abstract class FeatureFlagService {
  abstract isTraceEnabled(): Observable<boolean>;
  abstract isEvalEnabled(): Observable<boolean>;
  abstract isExportEnabled(): boolean;
}
export abstract class FeatureToggleRegistry { abstract isOn(flag: string): boolean; abstract isA(): boolean; abstract isB(): boolean; }
export abstract class SessionService { abstract isOpen(): boolean; abstract isIdle(): boolean; abstract isShared(): boolean; }`,
      'src/components/trace.component.ts': `import { inject } from '@angular/core';
import { FEATURE_FLAG_SERVICE } from '../core/feature-flag';
export class TraceComponent {
  private readonly flags = inject(FEATURE_FLAG_SERVICE);
  readonly traceObs = this.flags.isTraceEnabled();
  constructor(private readonly session: SessionService) {}
  ngOnInit() { this.flags.isEvalEnabled().subscribe(); return this.session.isOpen() && this.flags.isTraceEnabled; }
}`,
    },
    expected: {
      bags: [
        { bag: 'featureFlagService', keys: ['isTraceEnabled', 'isEvalEnabled', 'isExportEnabled'], accessors: true },
        { bag: 'flags', keys: ['isTraceEnabled', 'isEvalEnabled', 'isExportEnabled'], accessors: true },
      ],
    },
    says: /^bag flags \(src\/core\/feature-flag\.ts:3\): holds FeatureFlagService, named for feature flags, whose every method gives one flag's value and takes nothing \(isTraceEnabled, isEvalEnabled\); a call of one is a check$/m,
    checks: { 'src/components/trace.component.ts': ['isTraceEnabled', 'isEvalEnabled'] },
  },
  {
    name: "a service named for feature toggles whose methods each check a flag of the key they write is no bag of accessors: each method's check is the flag's read, and its name no flag's",
    files: {
      'src/clients/launchDarklyClient.ts': `import * as ld from '@launchdarkly/node-server-sdk';
export class LaunchDarklyClient {
  private client: ld.LDClient;
  async serviceVariation(featureKey: string, offlineDefault: boolean): Promise<boolean> { return this.client.variation(featureKey, { key: 'app' }, offlineDefault); }
}`,
      'src/utils/featureToggles.ts': `export class FeatureToggles {
  constructor(readonly launchDarklyClient: LaunchDarklyClient) {}
  async isHelpWithFeesEnabled(): Promise<boolean> { return this.launchDarklyClient.serviceVariation('help-with-fees', false); }
  async isPcqEnabled(): Promise<boolean> { return this.launchDarklyClient.serviceVariation('pcq', false); }
  async isWebChatEnabled(): Promise<boolean> { return this.launchDarklyClient.serviceVariation('web-chat', false); }
}`,
      'src/routes/fees.ts': `export async function fees(featureToggles: FeatureToggles) { return (await featureToggles.isHelpWithFeesEnabled()) ? 'hwf' : 'pay'; }`,
    },
    expected: { patterns: [{ callee: 'serviceVariation', keyArg: 0, defaultArg: 1 }] },
    checks: { 'src/utils/featureToggles.ts': ['help-with-fees', 'pcq', 'web-chat'], 'src/routes/fees.ts': [] },
  },
  {
    name: "a function whose rest parameter's items a callback checks takes a key in each argument from there on, and what forwards one into it is a wrapper; a callback over a list passed whole is none",
    files: {
      'src/utils/featureToggles.ts': `import { OpenFeature } from '@openfeature/server-sdk';
const client = OpenFeature.getClient();
export class FeatureToggles {
  static hasAnyAuthorisedFeature(authorised: string[], ...features: string[]): boolean {
    return features.some((feature) => client.getBooleanValue(feature, false) && authorised.includes(feature));
  }
  static allOf(features: string[]): boolean { return features.every((feature) => client.getBooleanValue(feature, false)); }
}`,
      'src/utils/claimFeatureToggles.ts': `import { FeatureToggles } from './featureToggles';
export class ClaimFeatureToggles {
  static isFeatureEnabledOnClaim(claim: Claim, feature: string = 'admissions'): boolean { return FeatureToggles.hasAnyAuthorisedFeature(claim.features, feature); }
}`,
      'src/routes/claim.ts': `import { FeatureToggles } from '../utils/featureToggles';
import { ClaimFeatureToggles } from '../utils/claimFeatureToggles';
export const a = ClaimFeatureToggles.isFeatureEnabledOnClaim(claim, 'directionsQuestionnaire');
export const b = FeatureToggles.hasAnyAuthorisedFeature(user.features, 'admissions', 'mediation');
export const c = FeatureToggles.allOf(selected);`,
    },
    expected: { patterns: [{ callee: 'hasAnyAuthorisedFeature', keyArg: 1, restKeys: true }, { callee: 'isFeatureEnabledOnClaim', keyArg: 1 }] },
    says: /^wrapper hasAnyAuthorisedFeature \(src\/utils\/featureToggles\.ts:4\): passes each of its arguments from the second on as a flag key to client\.getBooleanValue$/m,
    checks: { 'src/routes/claim.ts': ['directionsQuestionnaire', 'admissions', 'mediation'] },
  },
  {
    name: "a wrapper whose name another module's function shares is proposed with the file that declares it",
    files: {
      'src/utils/feature-flag/index.js': `import posthog from 'posthog-js';
class FeatureFlag { getValue = (flagName) => posthog.getFeatureFlag(flagName); }
export default new FeatureFlag();`,
      'src/utils/DataStoreUtils.js': `const DataStoreUtils = { getValue: function (pathArray) { return read(pathArray); } };
export default DataStoreUtils;`,
      'src/hooks/useFlag.ts': `import posthog from 'posthog-js';
export function useFlag(key: string) { return posthog.isFeatureEnabled(key); }`,
    },
    expected: { patterns: [{ callee: 'getValue', keyArg: 0, from: 'src/utils/feature-flag/index.js' }, { callee: 'useFlag', keyArg: 0, type: 'boolean' }] },
  },
  {
    name: "a function named for a flag that gives back, defaulted to false, the entry of a record of flags its parameter names through a constant is a wrapper; one of a record named otherwise is none",
    files: {
      'src/utils/flags.ts': `import { config } from '../config';
export function getFlag(key?: string) {
  const flags = config.get('flags');
  if (key) {
    const flag = flags[key];
    return flag ?? false;
  }
  return false;
}
export function getSetting(key: string) {
  const settings = config.get('settings');
  const setting = settings[key];
  return setting ?? false;
}`,
      'src/App.tsx': `import { getFlag, getSetting } from './utils/flags';
export const App = () => getFlag('disable_swap') && getSetting('theme');`,
    },
    expected: { patterns: [{ callee: 'getFlag', keyArg: 0, type: 'boolean' }] },
    checks: { 'src/App.tsx': ['disable_swap'] },
  },
  {
    name: "a getter of the one instance a module importing a vendor's SDK exports of its own class, declared to give what the vendor serves, is a bag of its boolean members; a getter of another type is none",
    files: {
      'src/remoteConfig.ts': `import { GrowthBook } from '@growthbook/growthbook';
export type RemoteConfigValue = { newViewLogs: boolean; engagementAdsEnabled: boolean; maxPosts: number };
export type Limits = { strict: boolean; loose: boolean };
class RemoteConfig {
  private gb?: GrowthBook;
  get vars(): Partial<RemoteConfigValue> { return this.gb?.getFeatureValue('api-config', {}) ?? {}; }
  get limits(): Limits { return { strict: true, loose: false }; }
}
export const remoteConfig = new RemoteConfig();`,
      'src/workers/newView.ts': `import { remoteConfig } from '../remoteConfig';
export const run = () => remoteConfig.vars.newViewLogs && remoteConfig.vars.maxPosts > 2 && remoteConfig.limits.strict;`,
    },
    expected: { bags: [{ bag: 'remoteConfig.vars', keys: ['newViewLogs', 'engagementAdsEnabled'] }] },
    checks: { 'src/workers/newView.ts': ['newViewLogs'] },
  },
  {
    name: "a function given a list of keys that checks each and gives back the answers by key is a bag of the keys its calls list; a loop that only logs each key's check is none",
    files: {
      'src/utils/flags.ts': `import { useFlag as useUnleashFlag } from '@unleash/proxy-client-react';
export function useFlags<T extends string>(keys?: T[]) {
  return React.useMemo(() => (keys ?? []).reduce((acc, key) => { acc[key] = useUnleashFlag(key); return acc; }, {} as Record<T, boolean>), []);
}
export function useFlagPairs(names: string[]) { return Object.fromEntries(names.map((name) => [name, useUnleashFlag(name)])); }
export function logFlags(names: string[]) { names.forEach((name) => console.log(useUnleashFlag(name))); }`,
      'src/Swap.tsx': `import { useFlags, useFlagPairs } from './utils/flags';
export function Swap() {
  const flags = useFlags(['disable_swap', 'disable_nft']);
  const { beta } = useFlagPairs(['beta']);
  const unknown = useFlags(list);
  return flags.disable_swap && flags.length && beta && unknown.other;
}`,
    },
    expected: { bags: [{ bag: 'useFlags()', keysArg: 0 }, { bag: 'useFlagPairs()', keysArg: 0 }] },
    says: /^bag useFlags\(\) \(src\/utils\/flags\.ts:2\): checks each key of the list its first argument gives with useUnleashFlag and gives back the answers by key; a read of a key a call lists is a check$/m,
    checks: { 'src/Swap.tsx': ['beta', 'disable_swap'] },
  },
  {
    name: "a Pinia setup store whose id says feature flags: each boolean ref it gives back is a field (also destructured from storeToRefs), and a computed record named for flags a bag of its properties, each the flag its call names; a setup store named otherwise is none",
    files: {
      'src/store/featureFlags/index.js': `import { defineStore } from 'pinia';
import { computed, inject, ref } from 'vue';
export const useFeatureFlagsStore = defineStore('FeatureFlags', () => {
  const growthbook = inject(gbKey);
  const agentsTeam = ref(false);
  const label = ref('x');
  const flags = computed(() => ({ agentsTeam: agentsTeam.value, newConnect: growthbook?.isOn('connect-1.5') }));
  return { flags, agentsTeam, label };
});
export const useUiStore = defineStore('ui', () => { const open = ref(false); return { open }; });`,
      'src/components/Sidebar.js': `import { useFeatureFlagsStore } from '../store/featureFlags';
export function setup() {
  const featureFlagsStore = useFeatureFlagsStore();
  const { agentsTeam: isAgentBuilder2, label } = storeToRefs(featureFlagsStore);
  return featureFlagsStore.flags.newConnect && featureFlagsStore.agentsTeam && featureFlagsStore.label && featureFlagsStore.flags.other && isAgentBuilder2.value && label;
}`,
    },
    expected: { bags: [{ bag: 'useFeatureFlagsStore()', keys: ['agentsTeam'] }, { bag: 'flags', keys: ['agentsTeam', 'newConnect'], names: { newConnect: 'connect-1.5' } }] },
    says: /^bag flags \(src\/store\/featureFlags\/index\.js:3\): a record the Pinia store 'FeatureFlags', whose id says feature flags, gives back as its flags, one flag in each property; a read of one it lists is a check$/m,
    checks: { 'src/components/Sidebar.js': ['agentsTeam', 'connect-1.5', 'agentsTeam'] },
  },
  {
    name: "a list named for flags alone (`Partial<{ … }>`) before one named for a product's features whose only keys checked are its members passed to calls nothing else knows; filled from LaunchDarkly's useFlags(), the bags it types name flags camelCased",
    files: {
      'src/shared/types/featureFlags.ts': `export type FeatureFlags = Partial<{\n  enableActivityAssign: boolean;\n  enableParagraphTextItem: boolean;\n  enableLoris: boolean;\n}>;`,
      'src/shared/hooks/useFeatureFlags.ts': `import { useFlags } from 'launchdarkly-react-client-sdk';
import { FeatureFlags } from '../types/featureFlags';
export const useFeatureFlags = () => {
  const flags = useFlags();
  const featureFlags = useMemo(() => {
    const features: FeatureFlags = {};
    KEYS.forEach((key) => (features[key] = flags[key] ?? DEFAULTS[key]));
    return features;
  }, [flags]);
  return { featureFlags };
};`,
      'src/mixpanel/mixpanel.types.ts': `export enum MixpanelFeature { MultiInformant = 'Multi-informant', SSI = 'SSI', EHR = 'EHR' }`,
      'src/mixpanel/mixpanel.utils.ts': `export const addFeatureToEvent = (data: object, feature: MixpanelFeature) => ({ ...data, feature });`,
      'src/Modal.tsx': `addFeatureToEvent(data, MixpanelFeature.MultiInformant);\naddFeatureToEvent(data, MixpanelFeature.SSI);`,
      'src/Activity.tsx': `export function Activity() {\n  const { featureFlags } = useFeatureFlags();\n  return featureFlags.enableActivityAssign && <Assign />;\n}`,
      'src/Text.tsx': `export function Text() {\n  const {\n    featureFlags: { enableParagraphTextItem },\n  } = useFeatureFlags();\n  return enableParagraphTextItem;\n}`,
      'src/chips.ts': `export const chip = ({ featureFlags }: { featureFlags: FeatureFlags }) => featureFlags.enableLoris;`,
    },
    expected: {
      bags: [{ bag: 'featureFlags', camelCaseKeys: true, keys: ['enableActivityAssign', 'enableParagraphTextItem', 'enableLoris'] }],
      registry: { file: 'src/shared/types/featureFlags.ts', symbol: 'FeatureFlags' },
    },
    says: /bag featureFlags .*FeatureFlags is filled from LaunchDarkly's useFlags\(\), so its names are the flag keys camelCased/,
    checks: { 'src/Activity.tsx': ['enable-activity-assign'], 'src/Text.tsx': ['enable-paragraph-text-item'], 'src/chips.ts': ['enable-loris'], 'src/Modal.tsx': [] },
  },
  {
    name: "the same list not filled from LaunchDarkly's bag names its flags as written",
    files: {
      'src/shared/types/featureFlags.ts': `export type FeatureFlags = Partial<{\n  enableActivityAssign: boolean;\n  enableLoris: boolean;\n}>;`,
      'src/shared/hooks/useFeatureFlags.ts': `import { FeatureFlags } from '../types/featureFlags';\nexport const useFeatureFlags = () => {\n  const featureFlags: FeatureFlags = useQuery('/flags').data;\n  return { featureFlags };\n};`,
      'src/Activity.tsx': `export function Activity() {\n  const { featureFlags } = useFeatureFlags();\n  return featureFlags.enableActivityAssign || featureFlags.enableLoris;\n}`,
    },
    expected: {
      bags: [{ bag: 'featureFlags', keys: ['enableActivityAssign', 'enableLoris'] }],
      registry: { file: 'src/shared/types/featureFlags.ts', symbol: 'FeatureFlags' },
    },
    checks: { 'src/Activity.tsx': ['enableActivityAssign', 'enableLoris'] },
  },
  {
    name: "a module importing a flag vendor's SDK that exports a constant declared as what the vendor serves (`export default config`): a bag of its boolean members under each name its importers give it",
    files: {
      'src/core/firebase/remoteConfig.ts': `import { getAll, getRemoteConfig } from 'firebase/remote-config';
export interface RainbowConfig extends Record<string, any> {
  send_enabled: boolean;
  nfts_enabled: boolean;
  default_slippage_bips: number;
}
const configData: RainbowConfig = { send_enabled: true, nfts_enabled: false, default_slippage_bips: 100 };
const config: RainbowConfig = new Proxy(configData, {});
export const init = async () => { Object.entries(getAll(getRemoteConfig(app))).forEach(([key, entry]) => { config[key] = entry.asBoolean(); }); };
export default config;`,
      'src/popup/Send.tsx': `import config from '~/core/firebase/remoteConfig';\nexport const canSend = () => config.send_enabled && config.default_slippage_bips > 0;`,
      'src/resources/nfts.ts': `import remoteConfig, { init } from '../core/firebase/remoteConfig';\nexport const enabled = remoteConfig.nfts_enabled;`,
    },
    expected: { bags: [{ bag: 'config', keys: ['send_enabled', 'nfts_enabled'] }, { bag: 'remoteConfig', keys: ['send_enabled', 'nfts_enabled'] }] },
    says: /bag remoteConfig .*the record src\/core\/firebase\/remoteConfig\.ts exports, declared as RainbowConfig/,
    checks: { 'src/popup/Send.tsx': ['send_enabled'], 'src/resources/nfts.ts': ['nfts_enabled'] },
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
  const proposed = proposeConfig(discovery, ROOT);
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
  const { config, problems } = parseConfig(JSON.stringify(proposeConfig(discover(ROOT, sources), ROOT)), `${ROOT}/.flaglens.json`);
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
  const { config, problems } = parseConfig(JSON.stringify(proposeConfig(discover(ROOT, sources), ROOT)), `${ROOT}/.flaglens.json`);
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

const clientCases: Array<{ name: string; files: Record<string, string>; expected: Array<[string, string, string]> }> = [
  {
    name: "an object parameter's untyped client that its one caller passes from useLDClient()",
    files: {
      'gen/results.ts': `export const sendResults = async ({ client, runs }: { client: any; runs: number }) => {\n  return client?.variation('cart', false);\n};`,
      'gen/Generator.tsx': `import { useLDClient } from 'launchdarkly-react-client-sdk';\nimport { sendResults } from './results';\nexport function Generator() {\n  const client = useLDClient();\n  useEffect(() => { void sendResults({ client: client, runs: 3 }); }, []);\n}`,
    },
    expected: [['gen/results.ts:1', 'sendResults', '{ client } from launchdarkly-react-client-sdk']],
  },
  {
    name: 'a parameter without a type passed, in two files, a client made here and one a workspace module exports',
    files: {
      'lib/evaluate.ts': `export function evaluate(gb, key: string) {\n  return gb.isOn(key);\n}`,
      'lib/gb.ts': `import { GrowthBook } from '@growthbook/growthbook';\nexport const growthbook = new GrowthBook({});`,
      'a.ts': `import { evaluate } from './lib/evaluate';\nimport { growthbook } from './lib/gb';\nevaluate(growthbook, 'a');`,
      'b.ts': `import { GrowthBook } from '@growthbook/growthbook';\nimport { evaluate } from './lib/evaluate';\nconst gb = new GrowthBook({});\nevaluate(gb, 'b');`,
    },
    expected: [['lib/evaluate.ts:1', 'evaluate', 'argument 1 from @growthbook/growthbook']],
  },
  {
    name: "no client: a caller passes the team's own object, a client of another SDK, only tests call it, or none does",
    files: {
      'own.ts': `export function sendOwn(tracker) { return tracker.variation('a', 0); }`,
      'other.ts': `export function sendOther(gb: any) { return gb.isOn('b'); }`,
      'tested.ts': `export function sendTested(client) { return client.variation('c', false); }`,
      'lonely.ts': `export function sendLonely(client) { return client.variation('d', false); }`,
      'callers.ts': `import { useLDClient } from 'launchdarkly-react-client-sdk';\nimport { sendOwn } from './own';\nimport { sendOther } from './other';\nimport { createTracker } from './tracker';
const client = useLDClient();\nsendOwn(client);\nsendOwn(createTracker());\nsendOther(client);`,
      'tested.test.ts': `import { useLDClient } from 'launchdarkly-react-client-sdk';\nimport { sendTested } from './tested';\nsendTested(useLDClient());`,
    },
    expected: [],
  },
  {
    name: "a parameter of the team's own type, and a same-named function imported from elsewhere, give none",
    files: {
      'typed.ts': `import type { Tracker } from './tracker';\nexport function sendTyped(client: Tracker) { return client.variation('a', false); }`,
      'send.ts': `export function send(client) { return client.variation('b', false); }`,
      'caller.ts': `import { useLDClient } from 'launchdarkly-react-client-sdk';\nimport { sendTyped } from './typed';\nimport { send } from './elsewhere';\nsendTyped(useLDClient());\nsend(useLDClient());`,
    },
    expected: [],
  },
];

describe('SDK clients known by what every caller passes', () => {
  for (const { name, files, expected } of clientCases) {
    it(name, () => {
      const sources = Object.entries(files).map(([file, text]) => ({ file: `${ROOT}/${file}`, text }));
      const clients = discover(ROOT, sources).clients ?? [];
      assert.deepEqual(clients.map((client) => [`${client.at.file}:${client.at.line}`, client.function, `${client.property === undefined ? `argument ${client.parameter + 1}` : `{ ${client.property} }`} from ${client.specifier}`]), expected);
    });
  }
});

describe('wrappers above an SDK client known by what every caller passes', () => {
  it("a function forwarding its key to a client parameter's call is a wrapper, and so is what forwards into it", () => {
    const files: Record<string, string> = {
      'src/growthbookUtils.js': `import { GrowthBook } from '@growthbook/growthbook';
export const getConfiguredGrowthbook = () => new GrowthBook();
export const getFeatureWithoutUser = (growthbook, featureName) => growthbook.feature(featureName).value;`,
      'src/getFeature.js': `import { getFeatureWithoutUser, getConfiguredGrowthbook } from './growthbookUtils';
const getFeature = (featureName) => getFeatureWithoutUser(getConfiguredGrowthbook(), featureName);
export default getFeature;`,
      'src/causes.js': `import getFeature from './getFeature';\nexport const showYahoo = getFeature('yahoo-prompt');`,
    };
    const sources = Object.entries(files).map(([file, text]) => ({ file: `${ROOT}/${file}`, text }));
    const discovery = discover(ROOT, sources);
    assert.deepEqual(discovery.wrappers.map((wrapper) => `${wrapper.pattern.callee} ${wrapper.pattern.keyArg ?? 0}`), ['getFeatureWithoutUser 1', 'getFeature 0']);
    assert.deepEqual(discovery.clients?.map((client) => `${client.function} ${client.parameter}`), ['getFeatureWithoutUser 0']);
  });
});

describe('the scans discovery makes', () => {
  it('scans a file again only for the added patterns and bags it names', () => {
    const [calls, reads] = [{ file: `${ROOT}/src/calls.ts`, text: `checkFlag('a'); readFlag('b');` }, { file: `${ROOT}/src/reads.ts`, text: `readFlag('c'); const { d } = flagBag();` }];
    const trees = new SourceTrees([calls, reads], buildPatternSet([]));
    const checking = trees.patternSet([{ callee: 'checkFlag' }], []);
    const reading = trees.patternSet([{ callee: 'readFlag' }], ['flagBag()']);
    const both = trees.patternSet([{ callee: 'checkFlag' }, { callee: 'readFlag' }], ['flagBag()']);
    const keys = (scan: FileScan): string[] => scan.checks.map((check) => check.key);
    assert.equal(trees.scan(reads, checking), trees.scan(reads, trees.base));
    assert.equal(trees.scan(reads, both), trees.scan(reads, reading));
    assert.deepEqual(keys(trees.scan(reads, both)), ['c', 'd']);
    assert.deepEqual(keys(trees.scan(calls, checking)), ['a']);
    assert.deepEqual(keys(trees.scan(calls, both)), ['a', 'b']);
  });
});
