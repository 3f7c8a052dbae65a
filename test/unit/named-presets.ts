// The presets as if `.flaglens.json` named each one: matched by name alone (the first preset of a name wins), so a
// snippet needs no SDK import. For tests about something other than evidence: the clean-up, key shapes, resolution.

import { buildPatternSet, type PatternSet } from '../../server/src/analysis/patterns';
import type { BagEntry } from '../../server/src/analysis/bags';
import type { UserPattern } from '../../server/src/analysis/types';

/** `buildPatternSet(userPatterns, bags)` with every preset's evidence rule dropped. */
export function namedPresets(userPatterns: readonly UserPattern[] = [], bags: readonly BagEntry[] = []): PatternSet {
  const set = buildPatternSet(userPatterns, bags);
  return { ...set, patterns: set.patterns.map(({ packages: _packages, ...pattern }) => pattern) };
}
