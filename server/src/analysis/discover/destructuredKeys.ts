// Bags known by what their callers take out of them. A hook may build its object of flags at run time, one entry for each
// member of the registry (`Object.keys(Feature).forEach((feature) => { obj[feature] = … })`), so that nothing declares
// what it gives; its callers say it, by the names they destructure: `const { TONES, ACTIVE_DISPATCHERS } =
// useFeatureEnabled()`, where `enum Feature { TONES = 'TONES', … }`. A call whose result is destructured into the chosen
// registry's keys, two of them at least across the workspace and most of the names taken out of it, by a function whose
// name says flags, features, toggles or experiments (see `namesFlags`), is a bag of those keys. Its other names
// (`options`) are none.

import { posix } from 'node:path';
import { namesFlags } from './checkedReturns';
import type { SourceTrees } from './sourceTrees';
import type { DiscoveredAt, DiscoveredBag } from './types';
import { isTestFile } from './wrappers';

// `const { A, B: b, C = false } = useFeatureEnabled(`, `let { A } = await getFeatures(`.
const DESTRUCTURED_CALL = /\b(?:const|let|var)\s*\{([^{}]*)\}\s*=\s*(?:await\s+)?([\w$]+)\s*(?:<[^<>()]*>\s*)?\(/g;
// Fewer keys than this taken out of a function is a coincidence of names.
const MIN_KEYS = 2;

/** The functions whose results the workspace destructures into the registry's keys, as bags of those keys. */
export function destructuredKeyBags(root: string, registry: { readonly symbol: string; readonly keys: readonly string[] }, trees: SourceTrees): DiscoveredBag[] {
  const keys = new Set(registry.keys);
  const bags: DiscoveredBag[] = [];
  for (const [callee, { names, at }] of destructuringsOf(root, trees)) {
    const taken = names.filter((name) => keys.has(name));
    if (new Set(taken).size < MIN_KEYS || taken.length * 2 <= names.length) continue;
    bags.push({ spec: `${callee}()`, at, typedBy: registry.symbol, keys: registry.keys, destructuredKeys: taken.length });
  }
  return bags;
}

// The destructurings of each workspace, read once: discovery weighs several candidate registries against them.
const destructurings = new WeakMap<SourceTrees, Map<string, { names: string[]; at: DiscoveredAt }>>();

/** The names each function named for flags has taken out of its result, outside tests, and where it is first. */
function destructuringsOf(root: string, trees: SourceTrees): Map<string, { names: string[]; at: DiscoveredAt }> {
  let taken = destructurings.get(trees);
  if (taken !== undefined) return taken;
  taken = new Map();
  for (const source of trees.sources) {
    const file = posix.relative(root, source.file);
    if (isTestFile(file)) continue;
    for (const match of source.text.matchAll(DESTRUCTURED_CALL)) {
      const callee = match[2];
      if (!namesFlags(callee)) continue;
      const names = match[1].split(',').map((part) => part.split(/[:=]/)[0].trim()).filter((name) => name !== '' && !name.startsWith('...'));
      const entry = taken.get(callee);
      if (entry === undefined) taken.set(callee, { names, at: { file, line: source.text.slice(0, match.index).split('\n').length } });
      else entry.names.push(...names);
    }
  }
  destructurings.set(trees, taken);
  return taken;
}
