// A monorepo's other side may list the registry's flags again, as a plain object: the web app's `export const Features =
// { Branches: 'branches', Warehouses: 'warehouses' }` beside the server's `enum Features { BRANCHES = 'branches' }`. Alone
// such an object is no registry: in a module that imports no flag vendor, an object named for features lists a plan's
// features as often as flags (see registries.ts). Holding the chosen registry's keys, it lists the same flags, and the
// calls and components its members are passed to are checks as the registry's are.

import { posix } from 'node:path';
import { registryCandidates } from '../registry';
import { FLAG_NAMED_OBJECT, registryName, saysItListsFlags, type WeighedRegistry } from './registries';
import type { SourceTrees } from './sourceTrees';
import { isTestFile } from './wrappers';

// A copy shares at least this many keys with the registry, and at least half of its own: two flags listed in two
// places by chance are two words that happen to match (`enabled`, `beta`).
const MIN_SHARED_KEYS = 2;

/** The plain objects named for flags, outside the candidates weighed already, that list the chosen registry's keys. */
export function registryCopies(root: string, trees: SourceTrees, chosen: WeighedRegistry, weighed: readonly WeighedRegistry[]): Array<{ candidate: WeighedRegistry; reason: string }> {
  const chosenKeys = new Set(chosen.keyList);
  const known = new Set(weighed.map((candidate) => `${candidate.file}#${candidate.symbol}`));
  const copies: Array<{ candidate: WeighedRegistry; reason: string }> = [];
  for (const source of trees.sources) {
    const file = posix.relative(root, source.file);
    if (isTestFile(file) || !FLAG_NAMED_OBJECT.test(source.text)) continue;
    for (const candidate of registryCandidates(source.file, source.text, undefined, MIN_SHARED_KEYS)) {
      if (candidate.kind !== 'object' || known.has(`${file}#${candidate.symbol}`) || !saysItListsFlags(registryName(candidate.symbol, source.file))) continue;
      const shared = candidate.keys.filter((key) => chosenKeys.has(key)).length;
      if (shared < MIN_SHARED_KEYS || shared * 2 < candidate.keys.length) continue;
      const reason = `${shared} of its ${candidate.keys.length} keys are keys of ${chosen.symbol} (${chosen.file}): it lists the same flags`;
      copies.push({
        candidate: {
          file, symbol: candidate.symbol, kind: candidate.kind, keys: candidate.keys.length, keyList: candidate.keys, memberList: [...candidate.keyOfMember.keys()],
          keyOfMember: candidate.keyOfMember, usedKeys: shared, anchors: 0, namedForFlags: true, convincing: true, reason,
        },
        reason,
      });
    }
  }
  return copies;
}
