// Bags known by what their callers take out of them. A hook may build its object of flags at run time, one entry for each
// member of the registry (`Object.keys(Feature).forEach((feature) => { obj[feature] = … })`), so that nothing declares
// what it gives; its callers say it, by the names they destructure: `const { TONES, ACTIVE_DISPATCHERS } =
// useFeatureEnabled()`, where `enum Feature { TONES = 'TONES', … }`. A call whose result is destructured into the chosen
// registry's keys, two of them at least across the workspace and most of the names taken out of it, by a function whose
// name says flags or features, is a bag of those keys. Its other names (`options`) are none.

import { posix } from 'node:path';
import { nameWords } from './registries';
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
  const taken = new Map<string, { keys: Set<string>; keyNames: number; otherNames: number; at: DiscoveredAt }>();
  for (const source of trees.sources) {
    const file = posix.relative(root, source.file);
    if (isTestFile(file)) continue;
    for (const match of source.text.matchAll(DESTRUCTURED_CALL)) {
      const callee = match[2];
      if (!namesFlagsOrFeatures(callee)) continue;
      const names = match[1].split(',').map((part) => part.split(/[:=]/)[0].trim()).filter((name) => name !== '' && !name.startsWith('...'));
      let entry = taken.get(callee);
      if (entry === undefined) {
        entry = { keys: new Set(), keyNames: 0, otherNames: 0, at: { file, line: source.text.slice(0, match.index).split('\n').length } };
        taken.set(callee, entry);
      }
      for (const name of names) {
        if (keys.has(name)) {
          entry.keys.add(name);
          entry.keyNames++;
        } else {
          entry.otherNames++;
        }
      }
    }
  }
  const bags: DiscoveredBag[] = [];
  for (const [callee, entry] of taken) {
    if (entry.keys.size < MIN_KEYS || entry.keyNames <= entry.otherNames) continue;
    bags.push({ spec: `${callee}()`, at: entry.at, typedBy: registry.symbol, keys: registry.keys, destructuredKeys: entry.keyNames });
  }
  return bags;
}

/** `useFeatureEnabled`, `getFlags`, `useToggles`: a word of the name says flag, feature or toggle, in any number. */
function namesFlagsOrFeatures(name: string): boolean {
  return nameWords(name).some((word) => /^(?:flag|feature|toggle)s?$/.test(word));
}
