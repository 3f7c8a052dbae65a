// Registries: the declarations that list flag keys (enum, `as const` object, union, interface), weighed by
// how many of their keys the workspace's checks use and whether their name says they list flags.

import { posix } from 'node:path';
import type { PatternSet } from '../patterns';
import { mayHoldChecks } from '../prefilter';
import { coversAll, registryCandidates } from '../registry';
import { resolveChecks, type ModuleHost } from '../resolve';
import { escapeRegex } from '../regex';
import { scanFile, type FileScan } from '../scan';
import type { SourceTrees } from './sourceTrees';
import type { DiscoveredRegistry } from './types';

// The last whole word of a name, not a part of one: `AggregatedFunctionMetrics` holds "gate" and
// `BenefitGrantFeatureFlagWebhook` holds "Flag", but neither is about flags.
const REGISTRY_WORDS = new Set(['flag', 'flags', 'feature', 'features', 'toggle', 'toggles', 'experiment', 'experiments', 'gate', 'gates']);
// Words after the flag word that still name a list of flags: `FlagKey`, `FeatureFlagNames`, `FLAGS_ENUM`.
const LIST_WORDS = new Set(['key', 'keys', 'name', 'names', 'id', 'ids', 'enum', 'type', 'types', 'list', 'set', 'map', 'registry', 'values']);
// A registry named for flags convinces when this share of its keys is checked; any other declaration of string keys
// (routes, metrics, CSS classes) needs most of its keys checked, and more than one, to be taken for a registry.
const NAMED_MIN_SHARE = 0.25;
const UNNAMED_MIN_SHARE = 0.5;
const UNNAMED_MIN_USED = 2;
// Cheap text tests for files that may declare a registry: a declaration that can list keys, and one named for flags.
const REGISTRY_TEXT = /\benum\b|\bas const\b|\btype\b|\binterface\b|Object\.freeze/;
const FLAG_NAMED_DECLARATION = /\b(?:enum|interface|type|const)\s+[\w$]*(?:flag|feature|toggle|experiment|gate)/i;

/**
 * The registry candidates with the number of their keys the checks use, best first. Only files that may hold a
 * check are scanned whole; others are read for their exports when a key's import leads there, and for
 * candidates only when their text holds a checked key or a declaration named for flags.
 */
export function weighRegistries(root: string, trees: SourceTrees, patterns: PatternSet, resolvePackage: ModuleHost['resolvePackage']): DiscoveredRegistry[] {
  const scans = new Map<string, FileScan>();
  const scanOf = (file: string): FileScan | undefined => {
    let scan = scans.get(file);
    const source = trees.byFile.get(file);
    if (scan === undefined && source !== undefined) {
      scan = scanFile(file, source.text, patterns, trees.tree(source));
      scans.set(file, scan);
    }
    return scan;
  };
  const host: ModuleHost = { fileExists: (file) => trees.byFile.has(file), ...(resolvePackage ? { resolvePackage } : {}) };
  const used = new Set<string>();
  const possibleKeySets: Array<readonly string[]> = [];
  for (const source of trees.sources) {
    if (!mayHoldChecks(source.text, patterns)) continue;
    const scan = scanOf(source.file);
    if (scan === undefined) continue;
    for (const check of resolveChecks(scan, scanOf, host)) {
      if (check.resolved) used.add(check.key);
      if (check.possibleKeys !== undefined) possibleKeySets.push(check.possibleKeys);
    }
  }
  const mentioned = new Set([...used, ...possibleKeySets.flat()]);
  // With no key checked anywhere, a name that says it lists flags is the only evidence there can be.
  const noKeyChecked = mentioned.size === 0;
  const usedKeyText = mentioned.size === 0 ? undefined : new RegExp([...mentioned].map(escapeRegex).join('|'));
  const candidates: Array<DiscoveredRegistry & { exported: boolean }> = [];
  for (const source of trees.sources) {
    if (!REGISTRY_TEXT.test(source.text)) continue;
    if (!(usedKeyText?.test(source.text) ?? false) && !FLAG_NAMED_DECLARATION.test(source.text)) continue;
    for (const candidate of registryCandidates(source.file, source.text, trees.tree(source))) {
      // As for unused flags: a parameter typed as the whole candidate does not say which of its keys are used.
      const listed = new Set(candidate.keys);
      const usedHere = new Set([...used, ...possibleKeySets.filter((keys) => !coversAll(keys, listed)).flat()]);
      const usedKeys = candidate.keys.filter((key) => usedHere.has(key)).length;
      const namedForFlags = saysItListsFlags(candidate.symbol);
      if (usedKeys === 0 && !namedForFlags) continue;
      candidates.push({
        file: posix.relative(root, source.file),
        symbol: candidate.symbol,
        kind: candidate.kind,
        keys: candidate.keys.length,
        usedKeys,
        namedForFlags,
        ...weighEvidence(candidate.keys.length, usedKeys, namedForFlags, noKeyChecked),
        exported: candidate.exported,
      });
    }
  }
  candidates.sort((a, b) => Number(b.convincing) - Number(a.convincing)
    || Number(b.namedForFlags) - Number(a.namedForFlags)
    || b.usedKeys - a.usedKeys
    || Number(b.exported) - Number(a.exported)
    || b.keys - a.keys
    || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return candidates.map(({ exported: _exported, ...candidate }) => candidate);
}

/** Whether a candidate's checked keys are enough to propose it, and why, in words. */
function weighEvidence(keys: number, usedKeys: number, namedForFlags: boolean, noKeyChecked: boolean): { convincing: boolean; reason: string } {
  const checked = `${usedKeys} of its ${keys} keys ${usedKeys === 1 ? 'is' : 'are'} checked in code`;
  if (namedForFlags && noKeyChecked) return { convincing: true, reason: `its name says it lists flags (${keys} keys), and no check in code names a key yet` };
  if (namedForFlags) {
    return usedKeys / keys >= NAMED_MIN_SHARE
      ? { convincing: true, reason: `${checked}, and its name says it lists flags` }
      : { convincing: false, reason: `is named for flags, but ${usedKeys === 0 ? `none of its ${keys} keys is checked in code` : `only ${checked}`}; at least a quarter would have to be` };
  }
  return usedKeys >= UNNAMED_MIN_USED && usedKeys / keys >= UNNAMED_MIN_SHARE
    ? { convincing: true, reason: checked }
    : { convincing: false, reason: `is not named for flags (Flag, Feature, Toggle, Experiment) and only ${checked}; more than one and at least half would have to be` };
}

/** True when the name is about flags: `FeatureFlag`, `FLAGS`, `experiments`, `LDFlags`, `FlagKey`, not `FeatureTier`. */
function saysItListsFlags(symbol: string): boolean {
  const words = nameWords(symbol);
  while (words.length > 1 && (LIST_WORDS.has(words[words.length - 1]) || /^v\d+$/.test(words[words.length - 1]))) words.pop();
  return REGISTRY_WORDS.has(words[words.length - 1] ?? '');
}

/** `LDFeatureFlags_v2` → `['ld', 'feature', 'flags', 'v2']`. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}
