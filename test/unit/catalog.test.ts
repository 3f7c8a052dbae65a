// Merging backends' loads into one catalog: who wins a key, which environments exist and count.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FlagDefinition } from '../../server/src/analysis/types';
import { buildCatalog } from '../../server/src/backends/catalog';
import type { BackendLoad } from '../../server/src/backends/types';

function flag(key: string, source: string, environments: string[]): FlagDefinition {
  return {
    key, source, stale: false, archived: false, tags: [],
    environments: environments.map((environment) => ({ environment, enabled: true, variants: { on: true }, defaultVariant: 'on', rollout: [], hasRules: false })),
  };
}

function load(definitions: FlagDefinition[], environments: string[], syncedAt?: number): BackendLoad {
  return { definitions, environments, problems: [], ok: true, syncedAt };
}

const files = load([flag('a', 'files', ['production', 'staging']), flag('b', 'files', ['production'])], ['production', 'staging'], 2000);
const service = load([flag('a', 'service', ['development']), flag('c', 'service', ['development'])], ['development', 'production'], 1000);
const empty = load([], ['qa']);

describe('buildCatalog', () => {
  it('lets the first backend win a key and keeps the others\' keys', () => {
    const catalog = buildCatalog([files, service], ['files', 'service']);
    assert.deepEqual([...catalog.definitions.values()].map((definition) => `${definition.key}:${definition.source}`), ['a:files', 'b:files', 'c:service']);
  });

  const cases: Array<{ name: string; loads: BackendLoad[]; counted?: string[]; environments: string[]; expectedCounted?: string[]; loaded: boolean; syncedAt?: number; sources: string[] }> = [
    { name: 'two backends', loads: [files, service], environments: ['production', 'staging', 'development'], expectedCounted: ['production', 'staging', 'development'], loaded: true, syncedAt: 1000, sources: ['files', 'service'] },
    { name: 'configured counted environments', loads: [files], counted: ['staging', 'production'], environments: ['production', 'staging'], expectedCounted: ['staging', 'production'], loaded: true, syncedAt: 2000, sources: ['files'] },
    { name: 'a counted environment no backend knows is dropped', loads: [files], counted: ['production', 'prod'], environments: ['production', 'staging'], expectedCounted: ['production'], loaded: true, syncedAt: 2000, sources: ['files'] },
    { name: 'counted environments none knows are all kept', loads: [files], counted: ['prod'], environments: ['production', 'staging'], expectedCounted: ['prod'], loaded: true, syncedAt: 2000, sources: ['files'] },
    { name: 'a backend without definitions', loads: [empty], environments: ['qa'], expectedCounted: ['qa'], loaded: false, sources: [] },
    { name: 'no backend', loads: [], environments: [], loaded: false, sources: [] },
  ];
  for (const { name, loads, counted, environments, expectedCounted, loaded, syncedAt, sources } of cases) {
    it(name, () => {
      const catalog = buildCatalog(loads, loads.map((_load, index) => ['files', 'service', 'empty'][index]), counted);
      assert.deepEqual(
        { environments: catalog.environments, counted: catalog.countedEnvironments, loaded: catalog.loaded, syncedAt: catalog.syncedAt, sources: catalog.sources },
        { environments, counted: expectedCounted, loaded, syncedAt, sources },
      );
    });
  }
});
