// Zero-config discovery for `flaglens init`: the team's wrappers (functions that forward a parameter as
// the key of a flag check, one or two levels deep), functions that return a flag bag, and the flag
// registry in code whose keys the checks use. Each finding says where it is and why it was chosen.

import { buildPatternSet, calleeLastName } from '../patterns';
import type { BagEntry } from '../bags';
import { mayHoldChecks } from '../prefilter';
import type { ModuleHost } from '../resolve';
import { weighRegistries } from './registries';
import { SourceTrees } from './sourceTrees';
import type { DiscoveredBag, DiscoveredRegistry, DiscoveredWrapper, Discovery, ProposedConfig, SourceText } from './types';
import { wrappersIn } from './wrappers';

/**
 * Discovers wrappers, bag functions and the registry in a folder's source files. `resolvePackage` follows
 * imports by package name (see `ModuleHost`). Each file is parsed at most once, and only when a text test
 * says it may hold a check or a registry.
 */
export function discover(root: string, sources: readonly SourceText[], resolvePackage?: ModuleHost['resolvePackage']): Discovery {
  const trees = new SourceTrees(sources);
  const wrappers: DiscoveredWrapper[] = [];
  const bags: DiscoveredBag[] = [];
  // Level 1 looks for calls of the presets; level 2 for calls of the wrappers level 1 found, so only files
  // that name one of those are read again.
  for (const level of [1, 2] as const) {
    const known = new Set([...wrappers.map((wrapper) => wrapper.pattern.callee), ...bags.map((bag) => bag.spec)]);
    const newNames = [...wrappers.map((wrapper) => wrapper.pattern.callee), ...bags.map((bag) => calleeLastName(bag.spec.replace(/\(\)$/, '')))];
    if (level === 2 && newNames.length === 0) break;
    const patterns = buildPatternSet(wrappers.map((wrapper) => wrapper.pattern), bags.map(bagEntryOf));
    for (const source of sources) {
      if (level === 1 ? !mayHoldChecks(source.text, patterns) : !newNames.some((name) => source.text.includes(name))) continue;
      const found = wrappersIn(root, source, patterns, level, trees);
      wrappers.push(...found.wrappers.filter((wrapper) => !known.has(wrapper.pattern.callee) && !wrappers.some((other) => other.pattern.callee === wrapper.pattern.callee)));
      bags.push(...found.bags.filter((bag) => !known.has(bag.spec) && !bags.some((other) => other.spec === bag.spec)));
    }
  }
  const finalPatterns = buildPatternSet(wrappers.map((wrapper) => wrapper.pattern), bags.map(bagEntryOf));
  const candidates = weighRegistries(root, trees, finalPatterns, resolvePackage);
  const chosen = candidates[0]?.convincing === true ? candidates[0] : undefined;
  return { wrappers, bags, ...(chosen ? { registry: chosen } : {}), registryCandidates: candidates };
}

/** The configuration a discovery proposes: its wrappers as patterns, its bag functions, its registry. */
export function proposeConfig(discovery: Discovery): ProposedConfig {
  const config: ProposedConfig = {};
  if (discovery.wrappers.length > 0) {
    config.patterns = discovery.wrappers.map(({ pattern }) => {
      const { keyPath, keyArg, callee, ...rest } = pattern;
      const argument = keyArg ?? 0;
      return { callee, keyArg: keyPath && keyPath.length > 0 ? [argument, ...keyPath].join('.') : argument, ...rest };
    });
  }
  if (discovery.bags.length > 0) config.bags = discovery.bags.map(bagEntryOf);
  if (discovery.registry) config.registry = { file: discovery.registry.file, symbol: discovery.registry.symbol };
  return config;
}

/** A bag function as `.flaglens.json` lists it: its call, with how it names flags when it returns an SDK's bag. */
export function bagEntryOf(bag: DiscoveredBag): BagEntry {
  if (bag.camelCaseKeys !== true && bag.sdk === undefined) return bag.spec;
  return { bag: bag.spec, ...(bag.camelCaseKeys === true ? { camelCaseKeys: true } : {}), ...(bag.sdk ? { sdk: bag.sdk } : {}) };
}

/** One line per discovery, saying what was found, where, and why. */
export function describeDiscovery(discovery: Discovery): string[] {
  const lines: string[] = [];
  for (const wrapper of discovery.wrappers) {
    const argument = ordinal((wrapper.pattern.keyArg ?? 0) + 1);
    const path = wrapper.pattern.keyPath ? `'s ${wrapper.pattern.keyPath.join('.')}` : '';
    const through = wrapper.level === 2 ? ' (a wrapper itself)' : '';
    lines.push(`wrapper ${wrapper.pattern.callee} (${wrapper.at.file}:${wrapper.at.line}): passes its ${argument} argument${path} as the flag key to ${wrapper.forwardsTo}${through}`);
  }
  for (const bag of discovery.bags) {
    const camelCase = bag.camelCaseKeys === true ? ', whose property names are the flag keys camelCased' : '';
    lines.push(`bag ${bag.spec} (${bag.at.file}:${bag.at.line}): returns the flags of ${bag.forwardsTo}()${camelCase}`);
  }
  const registry = discovery.registry;
  const kind = (candidate: DiscoveredRegistry): string => (candidate.kind === 'object' ? 'as const object' : candidate.kind);
  if (registry) {
    lines.push(`registry ${registry.symbol} (${registry.file}, ${kind(registry)}): ${registry.reason}`);
  } else {
    const nearest = discovery.registryCandidates[0];
    if (nearest) lines.push(`no registry proposed: the nearest candidate, ${nearest.symbol} (${nearest.file}, ${kind(nearest)}), ${nearest.reason}`);
  }
  return lines;
}

/** `first` for 1, up to `fifth`, then `#6`. */
function ordinal(position: number): string {
  return ['first', 'second', 'third', 'fourth', 'fifth'][position - 1] ?? `#${position}`;
}
