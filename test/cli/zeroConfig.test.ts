// Zero configuration: `flaglens scan` on a folder without `.flaglens.json` infers the team's wrappers and the
// registry's anchors, and `flaglens init` says what it found and why. Eight fixture workspaces: an enum registry
// in a workspace package whose build output (main, types) is absent, read by the team's own provider, a
// hook typed by it and command objects; a union registry with a `keyof` member beside a two-key decoy
// union, a hook three calls above the SDK through a closure, an HTTP interceptor and a test runner's stubs;
// two apps whose LaunchDarkly providers name flags differently; and a team's own flag store with no SDK, whose
// bags and route options are typed by lists of flags beside a pricing list typed the same way, with a hook
// declared with the type of a key a server wrapper forwards; and records of flags (a JSON column, a hook's result,
// a snapshot) read by a registry member, beside a schema table and a label table keyed by it and writes of a record;
// and a team's own split tests with no SDK and no list of flags, evaluated by a server handler and read from a
// front end's record of variants, beside settings, meta tags, translations, routes and events; and a bag function, a
// hook and a fetch whose types are written where the flags are bound, not where they are read; and an Express app whose
// node-config settings map its toggle names to LaunchDarkly's keys and hold boolean switches of features.
// Runs the bundled CLI (`npm run build` makes it).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const REPO = path.resolve(__dirname, '../..');
const CLI = path.join(REPO, 'server/out/cli.js');

interface Case {
  name: string;
  fixture: string;
  /** Every check `scan` finds with a key the code writes at the call: [file, key, resolved, method]. */
  checks: Array<[string, string, boolean, string]>;
  /** Lines `init --dry-run` prints under "Found:". */
  found: string[];
  /** Callees no check may have: calls that only look like checks. */
  never: string[];
}

const cases: Case[] = [
  {
    name: 'an enum registry in a workspace package without its dist/, the team\'s own provider, no SDK',
    fixture: 'test/fixtures/zero-config-monorepo',
    checks: [
      ['packages/web/src/App.tsx', 'dark-mode', true, 'useFeatureFlag'],
      ['packages/web/src/App.tsx', 'new-nav', true, 'provider.evaluatedFeatureFlag'],
      ['packages/web/src/commands/index.ts', 'bulk-export', true, 'defineCommand'],
      ['packages/web/src/commands/index.ts', 'beta-search', true, 'defineCommand'],
    ],
    found: [
      // The command's option is typed by the enum: found from that declaration before the registry is weighed.
      'wrapper defineCommand (packages/web/src/commands/index.ts:9): its first parameter\'s flag is typed FeatureFlag, and FeatureFlag lists flags',
      'wrapper evaluatedFeatureFlag (packages/web/src/provider.ts:6): its first parameter is typed FeatureFlag, and FeatureFlag lists flags',
      'wrapper useFeatureFlag (packages/web/src/useFeatureFlag.ts:4): its first parameter is typed FeatureFlag, and FeatureFlag lists flags',
      'registry FeatureFlag (packages/shared/lib/flags.ts, enum): 4 of its 4 keys are checked in code, 6 parameters typed by it or calls passed its members, and its name says it lists flags',
    ],
    never: [],
  },
  {
    name: 'a union registry with a keyof member, a hook three calls above the SDK, decoys',
    fixture: 'test/fixtures/zero-config-app',
    checks: [
      ['frontend/src/component/Nav.tsx', 'newNav', true, 'useUiFlag'],
      ['frontend/src/component/Nav.tsx', 'darkMode', true, 'useUiFlag'],
      ['src/services/feature-service.ts', 'newNav', true, 'this.flagResolver.isExperimentEnabled'],
      ['src/services/feature-service.ts', 'accessLogs', true, 'this.flagResolver.isExperimentEnabled'],
    ],
    found: [
      'wrapper applyOverrides (frontend/src/hooks/useUiFlagOverrides.ts:4): passes its second argument as the flag key to overrides.isEnabled',
      'wrapper useUiFlag (frontend/src/hooks/useUiFlag.ts:13): passes its first argument as the flag key to evaluate, the function useUiFlagEvaluator() returns (a wrapper itself)',
      'wrapper isExperimentEnabled (src/util/flag-resolver.ts:6): gives back the entry its first argument names in this.flags, as a boolean',
      'registry IFlagKey (src/types/experimental.ts, union): 3 of its 4 keys are checked in code, 2 parameters typed by it or calls passed its members, and its name says it lists flags',
    ],
    never: ['requestSupportsSpec', 'withFlag', 'intercept'],
  },
  {
    name: "two apps, one whose LaunchDarkly provider turns camelCased keys off, one with the SDK's default; clients known by what callers pass and functions return",
    fixture: 'test/fixtures/zero-config-launchdarkly',
    checks: [
      ['apps/bank/src/Dashboard.tsx', 'wealth-management', true, 'useFlags'],
      ['apps/bank/src/server/rates.ts', 'mortgage-rates', true, 'ldClient.variation'],
      ['apps/store/src/Cart.tsx', 'cartSuggestedItems', true, 'useFlags'],
      ['apps/store/src/experiments/results.ts', 'cartSuggestedItems', true, 'client?.variation'],
    ],
    found: [
      'LaunchDarkly provider (apps/store/src/main.tsx:5): useCamelCaseFlagKeys is false, so the names useFlags() gives in its package are the flag keys as written',
      'SDK client { client } of sendCartResults (apps/store/src/experiments/results.ts:2): every call found passes one from launchdarkly-react-client-sdk',
    ],
    never: [],
  },
  {
    name: 'no SDK at the checks: bags and route options typed by lists of flags, a hook typed as a forwarded key, decoys',
    fixture: 'test/fixtures/zero-config-no-sdk',
    checks: [
      ['app/Onboarding.tsx', 'onboarding_v1', true, 'useExperiment'],
      ['app/api/exports/route.ts', 'bulkExport', true, 'withWorkspace'],
      ['app/api/exports/route.ts', 'webhooks', true, 'withPartner'],
      ['app/billing/route.ts', 'newBilling', true, 'getFeatureFlags'],
      ['app/settings/Settings.tsx', 'bulkExport', true, 'flags'],
      ['app/settings/Settings.tsx', 'webhooks', true, 'featureFlags'],
    ],
    found: [
      'wrapper getExperiment (experiments/server.ts:10): passes its first argument as the flag key to posthog.getFeatureFlag',
      'wrapper isInternal (experiments/server.ts:14): passes its first argument as the flag key to posthog.isFeatureEnabled',
      'wrapper withWorkspace (lib/auth/withWorkspace.ts:6): its second parameter\'s featureFlag is typed BetaFeatures, and BetaFeatures lists flags',
      'wrapper withPartner (lib/auth/withWorkspace.ts:18): its second parameter\'s featureFlag is typed PartnerBetaFeatures, and PartnerBetaFeatures lists flags',
      'wrapper useExperiment (experiments/client.ts:5): its first parameter is typed ExperimentName, the type of the flag key getExperiment forwards',
      'bag featureFlags (lib/api/usePartner.ts:5): declared as Record<PartnerBetaFeatures, boolean>, and PartnerBetaFeatures lists flags',
      'bag getFeatureFlags() (lib/featureFlags.ts:4): declared to return Promise<Record<BetaFeatures, boolean>>, and BetaFeatures lists flags',
      'bag flags (lib/types.ts:11): declared as { [key in BetaFeatures]: boolean }, and BetaFeatures lists flags',
      'registry BetaFeatures (lib/types.ts, union): 2 of its 2 keys are checked in code, and its name says it lists flags',
    ],
    never: ['withPlan', 'getPlanFeatures', 'describeSession', 'getStringValue'],
  },
  {
    name: 'records of flags read by a registry member, and their other reads by a key it lists; tables keyed by it and writes are not',
    fixture: 'test/fixtures/zero-config-flag-records',
    checks: [
      ['app/components/Menu.tsx', 'bulkExport', true, 'featureFlags'],
      // The hook's record passed down as a parameter of the same name.
      ['app/components/menuSections.ts', 'sso', true, 'featureFlags'],
      ['app/components/menuSections.ts', 'newBilling', true, 'featureFlags'],
      ['app/routes/billing.ts', 'newBilling', true, 'featureFlags'],
      ['app/routes/billing.ts', 'newBilling', true, 'flag'],
      ['app/routes/billing.ts', 'bulkExport', true, 'flag'],
      ['app/routes/login.ts', 'sso', true, 'flags'],
      ['app/services/audit.ts', 'auditLog', true, 'orgFlags'],
      ['app/services/audit.ts', 'bulkExport', true, 'orgFlags'],
      ['app/services/audit.ts', 'auditLog', true, 'globalFlags'],
      ['app/services/authControls.ts', 'sso', true, 'flags'],
    ],
    found: [
      'check flag (app/routes/billing.ts:10): 2 calls pass a member of FLAG as its first argument\'s key',
      'bag featureFlags (app/routes/billing.ts:7): read by a member of FLAG, so a record of its flags; a read of one it lists is a check',
      'bag orgFlags (app/services/audit.ts:4): read by a member of FLAG, so a record of its flags; a read of one it lists is a check',
      'bag globalFlags (app/services/audit.ts:7): read by a member of FLAG, so a record of its flags; a read of one it lists is a check',
      'bag flags (app/services/authControls.ts:4): read by a member of FLAG, so a record of its flags; a read of one it lists is a check',
      'registry FLAG (app/flags/registry.ts, object): 4 of its 4 keys are checked in code, 2 parameters typed by it or calls passed its members, and its name says it lists flags',
    ],
    never: ['FlagSchemas', 'FLAG_LABELS'],
  },
  {
    name: "a team's own split tests, no SDK and no list of flags: a server handler and a front end's record of variants, decoys",
    fixture: 'test/fixtures/zero-config-split-tests',
    checks: [
      ['app/Project/ProjectController.mjs', 'sharing-updates', true, 'SplitTestHandler.promises.getAssignment'],
      ['app/Project/ProjectController.mjs', 'compile-from-history', true, 'SplitTestHandler.promises.featureFlagEnabled'],
      ['app/Project/ProjectController.mjs', 'pause-subscription', true, 'SplitTestHandler.promises.featureFlagEnabledForUser'],
      ['frontend/components/toolbar.tsx', 'editor-tabs', true, 'useFeatureFlag'],
      ['frontend/components/toolbar.tsx', 'compile-timeout-cta', true, 'useSplitTest'],
      ['frontend/components/toolbar.tsx', 'editor-theme', true, 'getSplitTestVariant'],
      ['frontend/components/toolbar.tsx', 'word-count-client', true, 'isSplitTestEnabled'],
    ],
    found: [
      "wrapper featureFlagEnabled (app/SplitTests/SplitTestHandler.mjs:17): passes its third argument to getAssignment and compares the variant of its result with 'enabled'",
      "wrapper getAssignment (app/SplitTests/SplitTestHandler.mjs:18): featureFlagEnabled passes it the key as its third argument and compares the variant of its result with 'enabled'",
      "wrapper featureFlagEnabledForUser (app/SplitTests/SplitTestHandler.mjs:22): passes its second argument to getAssignmentForUser and compares the variant of its result with 'enabled'",
      "wrapper getAssignmentForUser (app/SplitTests/SplitTestHandler.mjs:23): featureFlagEnabledForUser passes it the key as its second argument and compares the variant of its result with 'enabled'",
      "wrapper useFeatureFlag (frontend/context/split-test-context.tsx:11): compares the entry its first argument names in splitTestVariants with 'enabled'",
      'wrapper useSplitTest (frontend/context/split-test-context.tsx:16): reads the entry its first argument names in splitTestVariants, as useFeatureFlag does',
      "wrapper isSplitTestEnabled (frontend/utils/splitTestUtils.ts:3): compares the entry its first argument names in getMeta('ol-splitTestVariants') with 'enabled'",
      "wrapper getSplitTestVariant (frontend/utils/splitTestUtils.ts:7): reads the entry its first argument names in getMeta('ol-splitTestVariants'), as isSplitTestEnabled does",
      'wrapper getSplitTestAssignment (app/Project/ProjectController.mjs:8): passes its first argument as the flag key to SplitTestHandler.promises.getAssignment (a wrapper itself)',
    ],
    never: ['getStatus', 'loadSetting', 'getMeta', 't', 'translate', 'sendEvent', 'route', 'get'],
  },
  {
    name: 'no declared types where the flags are read: a bag function and a hook known by what they return, an inline subset fetched, decoys',
    fixture: 'test/fixtures/zero-config-returned-bags',
    checks: [
      ['app/api/ai/route.ts', 'ai', true, 'getFeatureFlags'],
      ['app/api/ai/route.ts', 'annotations', true, 'getFeatureFlags'],
      ['components/Sidebar.tsx', 'workflows', true, 'features'],
      ['pages/settings/tokens.tsx', 'tokens', true, 'features'],
    ],
    found: [
      'bag getFeatureFlags() (lib/featureFlags/index.ts:7): returns what is declared Record<BetaFeatures, boolean>, and BetaFeatures lists flags',
      'bag features (lib/hooks/use-feature-flags.ts:4): a property of what a function returns, declared Record<BetaFeatures, boolean>, and BetaFeatures lists flags',
      'registry BetaFeatures (lib/featureFlags/index.ts, union): 4 of its 4 keys are checked in code, and its name says it lists flags',
    ],
    never: ['getPlanFeatures', 'plan', 'limits'],
  },
  {
    name: "node-config's flag sections: a name mapped to a key given to the team's toggle class, switches read from the settings, decoys",
    fixture: 'test/fixtures/zero-config-node-config',
    checks: [
      // The toggle class asks LaunchDarkly through a client no rule follows: the settings' names are the evidence, and give the keys.
      ['app/routes.js', 'claims-fast-track', true, 'toggles.checkToggle'],
      ['app/routes.js', 'claims-upload-v2', true, 'toggles.checkToggle'],
      ['app/steps/start.js', 'newFeesBanner', true, 'features'],
      ['app/steps/start.js', 'webchat', true, 'features'],
      ['app/steps/start.js', 'claims-upload-v2', true, 'featureToggles'],
    ],
    found: [
      // The class's method reads the section by the name it is given (`config.featureToggles[name]`): a wrapper of it.
      'wrapper checkToggle (app/utils/toggles.js:7): passes its first argument as the flag key to featureToggles (a wrapper itself)',
      "check toggles.checkToggle (app/routes.js:9): given 'ft_fast_track', a name the flag section of node-config's settings maps to the flag 'claims-fast-track'",
      "bag features (app/steps/start.js:8): the section features of node-config's settings, which declares webchat, newFeesBanner; a read of one it declares is a check",
      "bag featureToggles (app/steps/start.js:11): the section featureToggles of node-config's settings, which declares ft_fast_track, ft_upload_v2; a read of one it declares is a check",
    ],
    // A log line's text and a name under another section are none; the rows above hold no URL setting nor the SDK's master switch.
    never: ['debug', 'server'],
  },
];

function flaglens(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FLAGLENS_CODE_CACHE: 'off' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('zero configuration', () => {
  for (const row of cases) {
    it(`scan infers the checks: ${row.name}`, () => {
      assert.equal(fs.existsSync(path.join(REPO, row.fixture, '.flaglens.json')), false);
      const run = flaglens(['scan', row.fixture, '--format', 'json', '--fail-on', 'none']);
      assert.equal(run.status, 0, run.stderr);
      const report = JSON.parse(run.stdout) as { checks: Array<{ file: string; key: string; resolved: boolean; method: string; dynamic?: boolean }> };
      const atCalls = report.checks.filter((check) => check.dynamic !== true && row.checks.some(([, , , method]) => method === check.method));
      assert.deepEqual(atCalls.map((check) => [check.file, check.key, check.resolved, check.method]), row.checks);
      for (const callee of row.never) assert.ok(!report.checks.some((check) => check.method.split('.').pop() === callee), `${callee} is no check`);
    });

    it(`a scan with the configuration init writes finds the same checks: ${row.name}`, () => {
      const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-init-'));
      try {
        fs.cpSync(path.join(REPO, row.fixture), copy, { recursive: true });
        const init = flaglens(['init', copy]);
        assert.equal(init.status, 0, init.stderr);
        assert.ok(fs.existsSync(path.join(copy, '.flaglens.json')));
        const run = flaglens(['scan', copy, '--format', 'json', '--fail-on', 'none']);
        assert.equal(run.status, 0, run.stderr);
        const report = JSON.parse(run.stdout) as { checks: Array<{ file: string; key: string; resolved: boolean; method: string; dynamic?: boolean }> };
        const atCalls = report.checks.filter((check) => check.dynamic !== true && row.checks.some(([, , , method]) => method === check.method));
        assert.deepEqual(atCalls.map((check) => [check.file, check.key, check.resolved, check.method]), row.checks);
      } finally {
        fs.rmSync(copy, { recursive: true, force: true });
      }
    });

    it(`init says what it found and why: ${row.name}`, () => {
      const run = flaglens(['init', row.fixture, '--dry-run']);
      assert.equal(run.status, 0, run.stderr);
      const found = run.stdout.slice(run.stdout.indexOf('Found:\n') + 'Found:\n'.length, run.stdout.indexOf('\n\nProposed')).split('\n').map((line) => line.trim());
      assert.deepEqual(found, row.found);
    });
  }
});
