// Records of feature flags known by how they are read where they gate: an entry written out as a key and compared with a
// flag's state (`featureFlags?.["LOA"] === "ENABLED"`), the answer of the team's own flag service, typed loosely
// (`Record<string, string>`) or not at all. Nothing declares what such a record holds; its name and the comparison with a
// state say it together. The name is then a bag whose locals are it: each of its reads is a check, compared or not.

import { posix } from 'node:path';
import { saysFeatureFlags } from './flagRecords';
import type { SourceTrees } from './sourceTrees';
import type { DiscoveredBag } from './types';
import { isTestFile } from './wrappers';

// An entry read by a written key and compared with a flag's state, either way round: `flags?.['x'] === 'ENABLED'`,
// `'on' !== flags['x']`. The states are those of a team's own store (see stateComparisons.ts), of any case. The name starts
// where a word does: tried at every letter of a long word (a minified bundle's base64), it cost minutes.
const COMPARED_ENTRY = /(?<![\w$])([\w$]+)\s*(?:\?\.)?\s*\[\s*(['"])[^'"\n]+\2\s*\]\s*[!=]==?\s*(['"])(enabled|on)\3|(['"])(enabled|on)\5\s*[!=]==?\s*([\w$]+)\s*(?:\?\.)?\s*\[\s*(['"])[^'"\n]+\8\s*\]/gi;

const FEATURE_FLAGS_TEXT = /[fF]eature_?[fF]lags|FEATURE_FLAGS|[bB]eta_?[fF]lags/;

// A name compared so this many times is a record of flags, not a one-off test of some status.
const MIN_COMPARISONS = 2;

/** The records named for feature flags whose entries the sources compare with a flag's state, as bags whose locals are them. */
export function comparedRecordBags(root: string, trees: SourceTrees): DiscoveredBag[] {
  const found = new Map<string, { count: number; at: DiscoveredBag['at']; state: string }>();
  for (const source of trees.sources) {
    const { text } = source;
    // Every such read names a record of feature flags: a file that never says so is not searched.
    if (!FEATURE_FLAGS_TEXT.test(text)) continue;
    const file = posix.relative(root, source.file);
    if (isTestFile(file)) continue;
    for (const match of text.matchAll(COMPARED_ENTRY)) {
      const name = match[1] ?? match[7];
      const state = match[4] ?? match[6];
      if (name === undefined || !saysFeatureFlags(name)) continue;
      const known = found.get(name);
      if (known !== undefined) known.count++;
      else found.set(name, { count: 1, at: { file, line: text.slice(0, match.index).split('\n').length }, state });
    }
  }
  return [...found].filter(([, { count }]) => count >= MIN_COMPARISONS).map(([spec, { at, state }]) => ({ spec, at, locals: true, comparedWith: state }));
}
