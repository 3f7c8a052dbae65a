// A registry that objects carry as a property (`Gate = Gate` in a client class): its members read off such an object
// (`features.checkGate(features.Gate.SearchV2)`) are keys, inferred with no configuration and said in `.flaglens.json`.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { describeDiscovery } from '../../server/src/analysis/discover';
import { buildPatternSet } from '../../server/src/analysis/patterns';
import { parseConfig } from '../../server/src/workspace/config';
import { toPosixPath } from '../../server/src/workspace/files';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { configuredPatterns } from '../../server/src/workspace/loadFolder';

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-registry-properties-'));
after(() => fs.rmSync(temporary, { recursive: true, force: true }));

const FILES: Record<string, string> = {
  'src/feature-gates/gates.ts': `export enum Gate { SearchV2 = 'search:v2:enable', IrisFeed = 'iris:feed:enable' }`,
  'src/feature-gates/index.ts': `import { GrowthBook } from '@growthbook/growthbook';
import { Gate } from './gates';
export class FeatureGatesClient {
  private gb = new GrowthBook();
  Gate = Gate;
  checkGates(gates: Gate[]) { return new Map(gates.map((g) => [g, this.gb.isOn(g)])); }
  scope() { return { Gate: this.Gate, checkGate: (gate: Gate) => this.checkGates([gate]).get(gate) || false }; }
}`,
  // The member is read off a parameter's property, as the key of a wrapper: a key, not a value its caller passes.
  'src/api/search.ts': `export function skeleton(input: { ctx: HydrateCtx }) {
  return input.ctx.features.checkGate(input.ctx.features.Gate.SearchV2) ? 'v2' : 'v1';
}
export function view() { return skeleton({ ctx }); }`,
  'src/api/feed.ts': `export function feed(client: FeatureGatesClient) {
  const features = client.scope();
  void features.checkGate(features.Gate.IrisFeed);
  return features.checkGate(features.Gate.Retired);
}`,
  // Another object's property of the same name holds something else: only the registry's members are its keys.
  'src/labels.ts': `export const labels = { Gate: { SearchV2: 'Search' } };
export function label(features: FeatureGatesClient) { return features.checkGate(labels.Other.SearchV2); }`,
};

function workspace(name: string, extra: Record<string, string> = {}): string {
  const root = toPosixPath(path.join(temporary, name));
  for (const [file, text] of Object.entries({ ...FILES, ...extra })) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

type Found = Record<string, Array<{ key: string; resolved: boolean }>>;

function checksOf(index: WorkspaceIndex, root: string): Found {
  const found: Found = {};
  for (const [file, checks] of index.allChecks()) {
    if (checks.length > 0) found[path.posix.relative(root, file)] = checks.map(({ key, resolved }) => ({ key, resolved }));
  }
  return found;
}

const EXPECTED: Found = {
  'src/api/feed.ts': [{ key: 'iris:feed:enable', resolved: true }, { key: 'features.Gate.Retired', resolved: false }],
  'src/api/search.ts': [{ key: 'search:v2:enable', resolved: true }],
  'src/labels.ts': [{ key: 'labels.Other.SearchV2', resolved: false }],
};

describe('a registry carried as a property', () => {
  it('zero-config: finds the property, and reads its members as keys wherever the object comes from', async () => {
    // Lists whose names say features or experiments, longer than the registry: its folder, named for feature gates, puts it
    // among the few whose anchors are looked for all the same.
    const lists = Object.fromEntries([1, 2, 3, 4].map((n) => [`src/plans/plan${n}.ts`, `export type PlanFeature${n} = ${['a', 'b', 'c', 'd', 'e', 'f'].map((key) => `'${key}${n}'`).join(' | ')};`]));
    const root = workspace('inferred', lists);
    const index = new WorkspaceIndex(root, { patterns: buildPatternSet([]), ignore: [], maxFileSize: 1_000_000, log: assert.fail, infer: true });
    await index.indexAll();
    const discovery = index.inferred;
    assert.ok(discovery !== undefined);
    assert.deepEqual(discovery.registryProperties?.map(({ property, at }) => ({ property, at })), [{ property: 'Gate', at: { file: 'src/feature-gates/index.ts', line: 5 } }]);
    assert.ok(describeDiscovery(discovery).includes("registry Gate is carried as the property Gate (src/feature-gates/index.ts:5): `x.Gate.Member` is that member's key"));
    // `skeleton` reads its key off its parameter, but that read is a member: it forwards nothing, so it is no wrapper.
    assert.deepEqual(discovery.wrappers.map((wrapper) => wrapper.pattern.callee).sort(), ['checkGate', 'checkGates']);
    // Inside the client, the SDK's check and the closure's call of the wrapper take what their callers pass.
    assert.deepEqual(checksOf(index, root), { ...EXPECTED, 'src/feature-gates/index.ts': [{ key: 'g', resolved: false }, { key: 'gate', resolved: false }] });
  });

  it('configured: "properties" in the registry says which properties hold it; without it the members stay unresolved', async () => {
    const root = workspace('configured');
    const configured = async (registry: object): Promise<Found> => {
      const { config, problems } = parseConfig(JSON.stringify({ patterns: [{ callee: 'checkGate', keyArg: 0 }], registry }), `${root}/.flaglens.json`);
      assert.deepEqual(problems, []);
      const index = new WorkspaceIndex(root, { patterns: configuredPatterns(config, root), ignore: [], maxFileSize: 1_000_000, log: assert.fail });
      await index.indexAll();
      return checksOf(index, root);
    };
    assert.deepEqual(await configured({ file: 'src/feature-gates/gates.ts', symbol: 'Gate', properties: ['Gate'] }), { ...EXPECTED, 'src/feature-gates/index.ts': [{ key: 'g', resolved: false }] });
    const without = await configured({ file: 'src/feature-gates/gates.ts', symbol: 'Gate' });
    assert.deepEqual(without['src/api/search.ts'], [{ key: 'input.ctx.features.Gate.SearchV2', resolved: false }]);
  });

  it("a Vue plugin's property on every component (`Vue.prototype.$featureKeys = FeatureKeys`): `this.$featureKeys.X` in a script and `$featureKeys.X` in a template are keys", async () => {
    const root = toPosixPath(path.join(temporary, 'vue-plugin'));
    const files: Record<string, string> = {
      'src/entities/tenantSettings.types.ts': `export enum FeatureKeys { AddressAutoFill = 'AddressAutoFill', Lodging = 'Lodging', TaskManagement = 'TaskManagement' }`,
      'src/plugins/features.ts': `import Vue from 'vue';
import { FeatureKeys } from '@/entities/tenantSettings.types';
export type VuePlugin = Vue & { $hasFeature: (featureKey: FeatureKeys) => boolean };
export default {
  install: (V: typeof Vue) => {
    function hasFeature(this: Vue, featureKey: FeatureKeys) { return useTenantSettingsStore().isFeatureEnabled(featureKey); }
    V.prototype.$hasFeature = hasFeature;
    V.prototype.$featureKeys = FeatureKeys;
  },
};`,
      'src/typings/shims-vue-plugins.d.ts': `import { FeatureKeys } from '@/entities/tenantSettings.types';
declare module 'vue/types/vue' {
  interface Vue { $featureKeys: typeof FeatureKeys; }
}`,
      'src/views/Address.vue': `<template>
  <div v-if="$hasFeature($featureKeys.AddressAutoFill)">auto</div>
</template>
<script lang="ts">
export default Vue.extend({
  computed: {
    lodging(): boolean { return this.$hasFeature(this.$featureKeys.Lodging) && this.$hasFeature(this.$featureKeys.Gone); },
  },
});
</script>`,
      'src/store/tenantSettings.ts': `import { FeatureKeys } from '@/entities/tenantSettings.types';
export const useTenantSettingsStore = defineStore('tenant-settings', () => {
  const features = ref<Array<{ key: FeatureKeys; enabled: boolean }>>([]);
  function isFeatureEnabled(featureKey: FeatureKeys): boolean { return features.value.some((f) => f.key === featureKey && f.enabled); }
  return { features, isFeatureEnabled };
});`,
      'src/router/index.ts': `import { FeatureKeys } from '@/entities/tenantSettings.types';
export const guards = [useTenantSettingsStore().isFeatureEnabled(FeatureKeys.TaskManagement), useTenantSettingsStore().isFeatureEnabled(FeatureKeys.Lodging)];`,
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] } } }),
    };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    const index = new WorkspaceIndex(root, { patterns: buildPatternSet([]), ignore: [], maxFileSize: 1_000_000, log: assert.fail, infer: true });
    await index.indexAll();
    assert.deepEqual(index.inferred?.registryProperties?.map(({ property }) => property), ['$featureKeys']);
    assert.deepEqual(checksOf(index, root)['src/views/Address.vue'], [
      { key: 'AddressAutoFill', resolved: true },
      { key: 'Lodging', resolved: true },
      { key: 'this.$featureKeys.Gone', resolved: false },
    ]);
  });

  it("a context's property typed as the registry and methods of its own (`features: typeof Features & { enabled(f: Features): boolean }`), or made by spreading it: its methods are checks called through it, its members keys", async () => {
    const root = toPosixPath(path.join(temporary, 'context-type'));
    const files: Record<string, string> = {
      'src/analytics/features/types.ts': `export enum Features {
  GroupChatsDisable = 'group_chats:disable',
  TrendingValues = 'trending:values',
  VideoUploadEnable = 'video:upload:enable',
  PostGalleryEnable = 'post_gallery:enable',
}`,
      'src/analytics/index.tsx': `import { createContext, useContext, useMemo } from 'react';
import { GrowthBook } from '@growthbook/growthbook-react';
import { Features } from './features/types';
const gb = new GrowthBook({});
export type AnalyticsContextType = {
  logger: { log(message: string): void };
  features: typeof Features & {
    enabled(feature: Features): boolean
    getValue<T>(feature: Features, defaultValue: T): T
  }
};
const Context = createContext<AnalyticsContextType | undefined>(undefined);
export function Provider({ children }) {
  const value = useMemo(() => ({ logger: console, features: { enabled: gb.isOn.bind(gb), getValue: gb.getFeatureValue.bind(gb), ...Features } }), []);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}
export function getFeatureDescription(feature: Features): string {
  switch (feature) { case Features.GroupChatsDisable: return 'Group chats'; default: return ''; }
}
export const useAnalytics = () => useContext(Context) as AnalyticsContextType;
// Outside React, the client itself.
export const galleryOffset = () => (gb.isOn(Features.PostGalleryEnable) ? 8 : 0);`,
      // No file here names the enum: the key is read off the object that carries it.
      'src/chat/list.tsx': `import { useAnalytics, getFeatureDescription } from '../analytics';
export function ChatList({ items }) {
  const ax = useAnalytics();
  const title = getFeatureDescription(ax.features.GroupChatsDisable);
  const trending = ax.features.getValue(ax.features.TrendingValues, []);
  const settings = items.enabled('everything');
  return ax.features.enabled(ax.features.GroupChatsDisable) ? null : [title, trending, settings];
}`,
    };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    const index = new WorkspaceIndex(root, { patterns: buildPatternSet([]), ignore: [], maxFileSize: 1_000_000, log: assert.fail, infer: true });
    await index.indexAll();
    assert.deepEqual(index.inferred?.registryProperties?.map(({ property, at }) => ({ property, at })), [{ property: 'features', at: { file: 'src/analytics/index.tsx', line: 7 } }]);
    // A function that gives the flag's description takes a member as a check does, and is none.
    assert.deepEqual(index.inferred?.wrappers.map((wrapper) => wrapper.pattern.callee).sort(), ['features.enabled', 'features.getValue', 'isOn']);
    assert.deepEqual(checksOf(index, root)['src/chat/list.tsx'], [
      { key: 'trending:values', resolved: true },
      { key: 'group_chats:disable', resolved: true },
    ]);
  });

  it('rejects "properties" that are not a list of property names', () => {
    for (const properties of ['Gate', ['client.Gate'], [1]]) {
      const { config, problems } = parseConfig(JSON.stringify({ registry: { file: 'src/gates.ts', symbol: 'Gate', properties } }), '/w/.flaglens.json');
      assert.equal(config.registry, undefined);
      assert.match(problems.map((problem) => problem.message).join('\n'), /"registry": "properties" must list the names of properties that hold the registry/);
    }
  });
});
