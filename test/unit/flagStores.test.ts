// Flag stores: a module of flags exports each flag as a store a function makes under a key (`export const fModeEnabled =
// persisted(true, 'f-mode')`), and the code reads the store's value where the feature is gated (`$fModeEnabled` in a
// Svelte component, `get(fModeEnabled)`, `useAtomValue(newNavAtom)`). Scanned as the index does: once with the
// presets (declarations), then, with the stores known, every file that mentions one (reads).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeFlagMarkdown } from '../../server/src/analysis/describe';
import { buildPatternSet } from '../../server/src/analysis/patterns';
import { mayHardCodeFlags, mayHoldChecks } from '../../server/src/analysis/prefilter';
import { givesNoValue } from '../../server/src/analysis/remove/plan';
import { scanFile, type FileScan } from '../../server/src/analysis/scan';
import { scanWithSwitches } from './switch-builders';
import { catalog, policyContext } from './catalog-builders';

const scanWorkspace = (files: Record<string, string>): Map<string, FileScan> => scanWithSwitches(files);

/** `key <- the check's text` of each check of `file`. */
function readsIn(files: Record<string, string>, file: string): string[] {
  const scan = scanWorkspace(files).get(file);
  assert.ok(scan, file);
  return scan.checks.map((check) => `${check.key} <- ${files[file].slice(check.callSpan.start, check.callSpan.end)}`);
}

const UI_FLAGS = `import { persisted, persistWithExpiration } from '@app/shared/persisted';

export const autoSelectBranchNameFeature = persisted(false, 'autoSelectBranchLaneContentsFeature');
export const rewrapCommitMessage = persistWithExpiration(true, 'rewrap-commit-msg', 1440 * 30);
export type StagingBehavior = 'all' | 'selection' | 'none';
export const stagingBehaviorFeature = persisted<StagingBehavior>('all', 'feature-staging-behavior');
export const fModeEnabled = persisted(true, 'f-mode');
`;

describe('flag stores: what a module of flags makes', () => {
  const rows: Array<{ name: string; file?: string; text: string; stores: Record<string, string> }> = [
    { name: "each export made by one function given literals, keyed by the text it is given", text: UI_FLAGS, stores: { autoSelectBranchNameFeature: 'autoSelectBranchLaneContentsFeature', rewrapCommitMessage: 'rewrap-commit-msg', stagingBehaviorFeature: 'feature-staging-behavior', fModeEnabled: 'f-mode' } },
    { name: "Jotai's atomWithStorage, key first", text: `export const newNavAtom = atomWithStorage('new-nav', false);\nexport const betaAtom = atomWithStorage('beta', true);`, stores: { newNavAtom: 'new-nav', betaAtom: 'beta' } },
    { name: 'two texts and no call of the same function with one: which is the key is not known', text: `export const theme = persisted('dark', 'theme-choice');`, stores: {} },
    { name: "a function whose calls give their one text at different places", text: `export const a = make('a', false);\nexport const b = make(true, 'b');`, stores: {} },
    { name: 'a text that is no key', text: `export const banner = persisted(false, 'Try the new editor!');`, stores: {} },
    { name: 'a call given more than literals', text: `export const a = persisted(defaults.a, 'a');\nexport const b = persisted(() => false, 'b');`, stores: {} },
    { name: 'a constant not exported, or a let', text: `const a = persisted(false, 'a');\nexport let b = persisted(false, 'b');`, stores: {} },
    { name: 'a module not named for flags', file: '/ws/src/lib/config/settings.ts', text: `export const fModeEnabled = persisted(true, 'f-mode');`, stores: {} },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const file = row.file ?? '/ws/src/lib/config/uiFeatureFlags.ts';
      const declared = Object.fromEntries(Object.entries(scanFile(file, row.text, buildPatternSet([])).switches ?? {}).map(([name, declaration]) => [name, declaration.key]));
      assert.deepEqual(declared, row.stores);
    });
  }

  it("a constant holding a check's value is that check, not a store", () => {
    const text = `import { useFlag } from '@unleash/proxy-client-react';\nexport const useNewNav = () => useFlag('new-nav');\nexport const newNav = useFlag('new-nav');`;
    assert.deepEqual(Object.values(scanFile('/ws/src/featureFlags.ts', text, buildPatternSet([])).switches ?? {}).map((declared) => declared.store), []);
  });

  it('the prefilter lets such a module through', () => {
    assert.ok(mayHardCodeFlags('/ws/src/lib/config/uiFeatureFlags.ts', `export const fModeEnabled = persisted<boolean>(true, 'f-mode');`));
    assert.ok(mayHardCodeFlags('/ws/src/featureFlags.ts', `export const newNavAtom = atomWithStorage('new-nav', false);`));
    assert.ok(!mayHardCodeFlags('/ws/src/featureFlags.ts', `export const logger = createLogger(options);`));
  });
});

describe('flag stores: where their values are read', () => {
  const files: Record<string, string> = {
    '/ws/src/lib/config/uiFeatureFlags.ts': UI_FLAGS,
    '/ws/src/components/CommitDetails.svelte': `<script lang="ts">
  import { fModeEnabled, rewrapCommitMessage, stagingBehaviorFeature } from '$lib/config/uiFeatureFlags';
  const fontFactor = $derived($rewrapCommitMessage ? 1 : 0.5);
  function check(fModeEnabled: boolean) {
    return fModeEnabled;
  }
  switch ($stagingBehaviorFeature) {}
</script>

<Toggle checked={$fModeEnabled} onclick={() => ($fModeEnabled = !$fModeEnabled)} />
<Menu onclick={() => rewrapCommitMessage.set(false)} store={fModeEnabled} />
`,
    '/ws/src/lib/analytics.ts': `import { get } from 'svelte/store';
import { autoSelectBranchNameFeature, stagingBehaviorFeature } from './config/uiFeatureFlags';
export const metrics = () => ({ staging: get(stagingBehaviorFeature), autoSelect: get(autoSelectBranchNameFeature), other: lodashGet(stagingBehaviorFeature, 'x') });
stagingBehaviorFeature.subscribe(() => {});
`,
  };

  it("a Svelte component's $store reads, in script and markup; the store written, passed or shadowed is no read", () => {
    assert.deepEqual(readsIn(files, '/ws/src/components/CommitDetails.svelte'), [
      'rewrap-commit-msg <- $rewrapCommitMessage',
      'feature-staging-behavior <- $stagingBehaviorFeature',
      'f-mode <- $fModeEnabled',
      'f-mode <- $fModeEnabled',
    ]);
  });

  it("get(store) in a module reads the value; the store passed to anything else does not", () => {
    assert.deepEqual(readsIn(files, '/ws/src/lib/analytics.ts'), [
      'feature-staging-behavior <- get(stagingBehaviorFeature)',
      'autoSelectBranchLaneContentsFeature <- get(autoSelectBranchNameFeature)',
    ]);
  });

  it('a read says why it counts, is never an unknown key, and the clean-up leaves it', () => {
    const checks = scanWorkspace(files).get('/ws/src/components/CommitDetails.svelte')?.checks ?? [];
    const read = checks[0];
    assert.equal(read.evidence, "`$rewrapCommitMessage`, imported from $lib/config/uiFeatureFlags, reads a flag store that persistWithExpiration() keeps under 'rewrap-commit-msg' (uiFeatureFlags.ts:4), in a module of flags");
    assert.equal(read.valueType, 'boolean');
    assert.equal(checks[1].valueType, 'unknown');
    assert.equal(read.environmentSwitch, true);
    assert.equal(read.heldInStore, 'persistWithExpiration');
    assert.match(givesNoValue(read, 'rewrap-commit-msg') ?? '', /a flag store that persistWithExpiration keeps under 'rewrap-commit-msg'.*left as it is$/);
    assert.match(describeFlagMarkdown(read, catalog([], { loaded: false }), { references: 1, files: 1 }, policyContext(Date.now(), [read])), /\*\*rewrap-commit-msg\*\* — flag store/);
  });

  it("a module's own `$name` outside a Svelte component is an identifier like any other", () => {
    const moduleFiles = { ...files, '/ws/src/lib/x.ts': `import { fModeEnabled } from './config/uiFeatureFlags';\nconst $fModeEnabled = 1;\nexport const y = $fModeEnabled;\n` };
    assert.deepEqual(readsIn(moduleFiles, '/ws/src/lib/x.ts'), []);
  });
});

describe('stores set from a switch where the app starts', () => {
  const files: Record<string, string> = {
    '/ws/src/lib/stores/remoteConfigStore.ts': `import { writable } from 'svelte/store';
export const is_feature_premium_enabled = writable(false);
export const is_feature_merch_enabled = writable(false);
export const current_theme = writable('dark');`,
    '/ws/src/routes/+layout.svelte': `<script lang="ts">
  import { onMount } from 'svelte';
  import { env } from '$env/dynamic/public';
  import { is_feature_premium_enabled, is_feature_merch_enabled, current_theme } from '$lib/stores/remoteConfigStore';
  onMount(() => {
    $current_theme = localStorage.getItem('theme') || 'dark';
    $is_feature_premium_enabled = env.PUBLIC_FEATURE_PREMIUM === 'true';
    is_feature_merch_enabled.set(env.PUBLIC_FEATURE_MERCH === 'true');
  });
</script>
{#if $is_feature_premium_enabled}<Premium />{/if}
`,
    '/ws/src/lib/components/Drawer.svelte': `<script lang="ts">
  import { get } from 'svelte/store';
  import { is_feature_premium_enabled, is_feature_merch_enabled, current_theme } from '$lib/stores/remoteConfigStore';
  const merch = get(is_feature_merch_enabled);
</script>
{#if $is_feature_premium_enabled && $current_theme === 'dark'}<Sponsor />{/if}
<button disabled={!$is_feature_premium_enabled} onclick={() => is_feature_premium_enabled.set(false)}>Go</button>
`,
  };

  it("a Svelte store set from a switch variable (Svelte's `$store = …` or `store.set(…)`) is read where its value is; the setting is no read", () => {
    assert.deepEqual(readsIn(files, '/ws/src/routes/+layout.svelte'), ['PUBLIC_FEATURE_PREMIUM <- $is_feature_premium_enabled']);
    assert.deepEqual(readsIn(files, '/ws/src/lib/components/Drawer.svelte'), [
      'PUBLIC_FEATURE_MERCH <- get(is_feature_merch_enabled)',
      'PUBLIC_FEATURE_PREMIUM <- $is_feature_premium_enabled',
      'PUBLIC_FEATURE_PREMIUM <- $is_feature_premium_enabled',
    ]);
  });

  it('a read says it is an environment switch set into the store, and is no flag store of a module of flags', () => {
    const read = scanWorkspace(files).get('/ws/src/lib/components/Drawer.svelte')?.checks[1];
    assert.equal(read?.evidence, "`$is_feature_premium_enabled`, imported from $lib/stores/remoteConfigStore, reads a store set from the environment variable PUBLIC_FEATURE_PREMIUM (+layout.svelte:7)");
    assert.equal(read?.environmentSwitch, true);
    assert.equal(read?.heldInStore, undefined);
  });
});

describe('stores that hold a bag of flags', () => {
  // As zero-config proposes them for `featureFlags = writable<FeatureFlags>({})` and `featureFlagsAtom = atom<FeatureFlags>({})`.
  const patterns = buildPatternSet([], [{ bag: 'featureFlags', locals: true, store: true }, { bag: 'featureFlagsAtom', locals: true, store: true }]);
  const keysIn = (file: string, text: string): string[] => scanFile(file, text, patterns).checks.map((check) => `${check.key} <- ${text.slice(check.callSpan.start, check.callSpan.end)}`);

  it("a Svelte component's $store, in script and markup, is the bag; the store itself is not", () => {
    const text = `<script lang="ts">
  import { featureFlags } from '$lib/stores/featureFlags';
  const wide = $featureFlags.wideLayout;
  featureFlags.subscribe((value) => value);
  featureFlags.set({});
</script>

{#if $featureFlags?.['new-editor']}<Editor />{/if}
`;
    assert.deepEqual(keysIn('/ws/src/App.svelte', text), ['wideLayout <- $featureFlags.wideLayout', "new-editor <- $featureFlags?.['new-editor']"]);
  });

  it("a hook's or a store container's read of the store's value is the bag; a store of the same name read elsewhere than a Svelte component, by its own name, is not", () => {
    const text = `import { useAtomValue, getDefaultStore } from 'jotai';
import { featureFlagsAtom } from './state';
export function Banner() {
  const flags = useAtomValue(featureFlagsAtom);
  return flags.showBanner && getDefaultStore().get(featureFlagsAtom).bannerV2 && featureFlagsAtom.debugLabel && $featureFlags.x;
}`;
    assert.deepEqual(keysIn('/ws/src/Banner.tsx', text), ['showBanner <- flags.showBanner', 'bannerV2 <- getDefaultStore().get(featureFlagsAtom).bannerV2']);
  });

  it('a one-flag store is read by a store container too', () => {
    const files = {
      '/ws/src/featureFlags.ts': `export const newNavAtom = atomWithStorage('new-nav', false);`,
      '/ws/src/nav.ts': `import { newNavAtom } from './featureFlags';\nexport const on = () => jotaiStore.get(newNavAtom);\nexport const other = () => cache.get(newNavAtom, 1);\n`,
    };
    assert.deepEqual(readsIn(files, '/ws/src/nav.ts'), ['new-nav <- jotaiStore.get(newNavAtom)']);
  });
});

describe('stores a module gives out by name from an object of flag stores', () => {
  const STORES = `import { derived, type Readable } from 'svelte/store';
const featureFlagsStore = initFeatureFlagsStore();
export const { ENABLE_NEW_TABLES, DISABLE_CKTOKENS: disableCkTokens, ...others } = featureFlagsStore;
`;
  const rows: Array<{ name: string; file: string; text: string; stores: Record<string, string> }> = [
    { name: "each name an object named for flag stores gives, keyed by its property's name", file: '/ws/src/lib/stores/config.ts', text: STORES, stores: { ENABLE_NEW_TABLES: 'ENABLE_NEW_TABLES', disableCkTokens: 'DISABLE_CKTOKENS' } },
    { name: 'an object named for flags, not for their stores: its values may be anything', file: '/ws/src/lib/stores/feature-flags.store.ts', text: `export const { ENABLE_X } = featureFlags;`, stores: {} },
    { name: 'an object not named for flags', file: '/ws/src/lib/stores/feature-flags.store.ts', text: `export const { ENABLE_X } = settingsStore;`, stores: {} },
    { name: 'a destructure not exported', file: '/ws/src/lib/stores/config.ts', text: `const { ENABLE_X } = featureFlagsStore;`, stores: {} },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const declared = Object.fromEntries(Object.entries(scanFile(row.file, row.text, buildPatternSet([])).switches ?? {}).map(([name, declaration]) => [name, declaration.key]));
      assert.deepEqual(declared, row.stores);
      // The readers' text test lets every declaring file through, though it calls no flag function.
      if (Object.keys(row.stores).length > 0) assert.ok(mayHoldChecks(row.text, buildPatternSet([])));
    });
  }

  it("their values are read as any flag store's, `$name` and `get(name)`; the store handed on is no read; a read says where the store comes from", () => {
    const files: Record<string, string> = {
      '/ws/src/lib/stores/feature-flags.store.ts': STORES,
      '/ws/src/lib/Table.svelte': `<script lang="ts">
  import { ENABLE_NEW_TABLES } from '$lib/stores/feature-flags.store';
  const wide = $derived($ENABLE_NEW_TABLES && compact);
</script>
{#if $ENABLE_NEW_TABLES}<NewTable />{/if}
`,
      '/ws/src/lib/services/tokens.ts': `import { get, derived } from 'svelte/store';
import { disableCkTokens } from '$lib/stores/feature-flags.store';
export const load = () => (get(disableCkTokens) ? [] : fetchAll());
export const visible = derived(disableCkTokens, (off) => !off);
`,
    };
    assert.deepEqual(readsIn(files, '/ws/src/lib/Table.svelte'), ['ENABLE_NEW_TABLES <- $ENABLE_NEW_TABLES', 'ENABLE_NEW_TABLES <- $ENABLE_NEW_TABLES']);
    assert.deepEqual(readsIn(files, '/ws/src/lib/services/tokens.ts'), ['DISABLE_CKTOKENS <- get(disableCkTokens)']);
    const read = scanWorkspace(files).get('/ws/src/lib/services/tokens.ts')?.checks[0];
    assert.equal(read?.evidence, '`disableCkTokens`, imported from $lib/stores/feature-flags.store, reads the store of the flag DISABLE_CKTOKENS that featureFlagsStore gives out (feature-flags.store.ts:3)');
    assert.match(givesNoValue(read!, 'DISABLE_CKTOKENS') ?? '', /left as it is$/);
  });
});
