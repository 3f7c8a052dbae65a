// A list of feature flags searched, where the code asks, for the item of one flag by its key written there:
// `featureFlags.some((flag) => flag.key === 'NOTIFICATION_CENTER')`, `FEATURE_FLAGS.find((f) => f.name === FeatureFlagKey('X'))`.
// An app that loads the flags that are on as a list of items (a default list compiled in, replaced by a vendor's at run
// time) asks this way, with no function of its own between. The search on a list of that name is a check, its key what
// the predicate compares the item's property with, once the workspace searches a list of that name by that property for
// two keys or more, by any search: a list searched for one key may be of something else that shares the name.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { predicateComparisons } from '../scan/predicates';
import { brandedKey, unwrap } from '../scan/values';
import { receiverName } from './anchors';
import type { SourceTrees } from './sourceTrees';
import type { DiscoveredWrapper } from './types';
import { isTestFile } from './wrappers';

// The searches that ask for one item: whether it is there, the item itself, or the items that match.
const SEARCHES = new Set(['some', 'find', 'filter', 'findIndex']);
// A list's last name that says it holds feature flags: `featureFlags`, `FEATURE_FLAGS`, `featureToggles`.
const FLAG_LIST_NAME = /^(?:enabled_?|active_?|loaded_?|default_?)?feature_?(?:flags|toggles)$/i;
// A cheap test of a text before it is parsed.
const SEARCH_TEXT = /feature_?(?:flags|toggles)\s*\??\.\s*(?:some|find|filter|findIndex)\s*\(/i;
// A constant's name: upper case words (`FEATURE_X`).
const CONSTANT_NAME = /^[A-Z][A-Z0-9_]*$/;
// Keys a list must be searched for before its searches are checks.
const MIN_KEYS = 2;

/** The searches of lists named for feature flags by a written key, one pattern per list name, search and property compared. */
export function keyedListSearches(root: string, trees: SourceTrees): DiscoveredWrapper[] {
  const found = new Map<string, { wrapper: DiscoveredWrapper; list: string; sites: number }>();
  // The keys each list is searched for by a property, whatever the search.
  const keysByList = new Map<string, Set<string>>();
  for (const source of trees.sources) {
    if (!SEARCH_TEXT.test(source.text)) continue;
    const file = posix.relative(root, source.file);
    if (isTestFile(file)) continue;
    const sourceFile = trees.tree(source);
    const visit = (node: ts.Node): void => {
      const search = ts.isCallExpression(node) ? keyedSearch(node) : undefined;
      if (search !== undefined) {
        const callee = `${search.list}.${search.method}`;
        const list = `${search.list} ${search.property}`;
        keysByList.set(list, (keysByList.get(list) ?? new Set()).add(search.key));
        const known = found.get(`${callee} ${search.property}`);
        if (known === undefined) {
          const at = { file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1 };
          const reason = `of a list named for feature flags for the item whose ${search.property} is a key written there`;
          found.set(`${callee} ${search.property}`, { wrapper: { pattern: { callee, keyArg: 0, keyCompared: search.property }, at, reason, evidence: 'keys', level: 0 }, list, sites: 1 });
        } else {
          known.sites++;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return [...found.values()].flatMap((one) => {
    const keys = keysByList.get(one.list)?.size ?? 0;
    return keys < MIN_KEYS ? [] : [{ ...one.wrapper, reason: `${one.sites === 1 ? 'a search' : `${one.sites} searches`} ${one.wrapper.reason} (${keys} keys in all, by any search)` }];
  });
}

/** The list, search, property compared and key of `featureFlags.some((flag) => flag.key === 'X')`; undefined for any other call. */
function keyedSearch(call: ts.CallExpression): { list: string; method: string; property: string; key: string } | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !SEARCHES.has(callee.name.text) || call.arguments.length !== 1) return undefined;
  const list = receiverName(unwrap(callee.expression));
  if (list === undefined || !FLAG_LIST_NAME.test(list)) return undefined;
  // The first comparison of a property, as the scan reads the key (see `keyInPredicate`).
  const [first] = predicateComparisons(call.arguments[0]);
  if (first === undefined) return undefined;
  const compared = unwrap(first.key);
  const key = ts.isStringLiteralLike(compared) ? compared.text : brandedKey(compared)?.text ?? constantKey(compared);
  return key === undefined ? undefined : { list, method: callee.name.text, property: first.property, key };
}

/**
 * A key held by a module's constant, known here by its name (`FEATURE_FLAG_WALLET_SECURITY_ALERTS`): two constants are two
 * keys, as two texts are, and the scan reads each one's value. A name in lower case may be any variable; a member of an
 * enum or object (`FeatureKeys.Sso`) is a registry's, which anchors the search with its own evidence (see anchors.ts).
 */
function constantKey(compared: ts.Expression): string | undefined {
  return ts.isIdentifier(compared) && CONSTANT_NAME.test(compared.text) ? compared.text : undefined;
}
