// The team's wrappers that take their key from a property of their argument named for flags (`isSectionHidden(item)`
// reading `item.data.featureKey`), and the options named as such (`{"option": "featureToggle"}`): objects written
// elsewhere with that path are checks (see scan/flagOptions.ts).
// Here only names and text tests, without the compiler, so that the readers' prefilter can use them.

import { escapeRegex } from '../regex';
import { calleeLastName } from './define';
import type { FlagPattern } from '../types';
import type { PatternSet } from './index';

// The last property of a key path that names a flag option: `featureKey`, `featureFlag`, `requiredFlag`, `flagName`, or
// one named for a flag vendor (`unleashVariable`, `launchDarklyKey`). A `key` or `name` is every object's, and the bare
// word is a label or a category as often (`{ feature: 'Features' }`).
const SAYS_FLAG = /flag|feature|experiment|toggle|gate|unleash|launchdarkly|growthbook|posthog|statsig|flagsmith|configcat|optimizely|devcycle|reflag|flipt/i;
const BARE_WORD = /^(?:flags?|features?|experiments?|toggles?|gates?)$/i;

interface OptionIndex {
  /** The first property of each option path → the patterns whose key path starts with it. */
  readonly byFirstName: ReadonlyMap<string, readonly FlagPattern[]>;
  /** The option's last property written as one (`featureKey:`), or undefined when there is no option. */
  readonly written: RegExp | undefined;
  /** The same, global, for the offsets a skeleton keeps. */
  readonly writtenEverywhere: RegExp | undefined;
}

const indexes = new WeakMap<PatternSet, OptionIndex>();

/** True when a property may name a flag option: it says flag or feature, and is more than the bare word. */
export function isFlagOptionName(name: string): boolean {
  return SAYS_FLAG.test(name) && !BARE_WORD.test(name);
}

// The methods by which Angular's router asks a route's guards (`canActivate(route)`), and the route's properties that list them.
export const GUARD_METHODS: ReadonlySet<string> = new Set(['canActivate', 'canActivateChild', 'canLoad', 'canMatch']);

/**
 * True for a guard's option: the route data a router guard reads its key from (a class's `canActivate(route)`, or a
 * function guard, `featureToggleGuard(route)`, reading `route.data.feature`). A route that lists guards names the flag
 * that gates it there, even by the bare word, which elsewhere is as often a label.
 */
export function isGuardOption(pattern: FlagPattern): boolean {
  const path = pattern.keyPath;
  const guard = calleeLastName(pattern.callee);
  return path !== undefined && path.length === 2 && path[0] === 'data' && (GUARD_METHODS.has(guard) || /Guard$/.test(guard)) && SAYS_FLAG.test(path[1]);
}


function optionIndex(patterns: PatternSet): OptionIndex {
  let index = indexes.get(patterns);
  if (index === undefined) {
    const byFirstName = new Map<string, FlagPattern[]>();
    const names = new Set<string>();
    for (const pattern of [...patterns.patterns, ...(patterns.options ?? [])]) {
      const path = pattern.keyPath;
      // A vendor's own option (`getFlag({ key })`) is read by its call, wherever the object is written.
      if (pattern.kind !== 'call' || pattern.packages !== undefined || path === undefined || path.length === 0 || !(isFlagOptionName(path[path.length - 1]) || isGuardOption(pattern))) continue;
      byFirstName.set(path[0], [...(byFirstName.get(path[0]) ?? []), pattern]);
      names.add(path[path.length - 1]);
    }
    const source = names.size === 0 ? undefined : `(?<![\\w$])(?:${[...names].map(escapeRegex).join('|')})\\s*:`;
    index = { byFirstName, written: source === undefined ? undefined : new RegExp(source), writtenEverywhere: source === undefined ? undefined : new RegExp(source, 'g') };
    indexes.set(patterns, index);
  }
  return index;
}

/** The option patterns by the first property of their path, for a walk; undefined when there are none. */
export function flagOptionPatterns(patterns: PatternSet): ReadonlyMap<string, readonly FlagPattern[]> | undefined {
  const { byFirstName } = optionIndex(patterns);
  return byFirstName.size === 0 ? undefined : byFirstName;
}

/** True when the text writes one of the options (`featureKey: …`): it may hold checks though it calls no wrapper. */
export function writesFlagOption(text: string, patterns: PatternSet): boolean {
  return optionIndex(patterns).written?.test(text) === true;
}

/** The offsets where the text writes an option, for the bodies a skeleton keeps. */
export function flagOptionOffsets(text: string, patterns: PatternSet): number[] {
  const regex = optionIndex(patterns).writtenEverywhere;
  if (regex === undefined) return [];
  const offsets: number[] = [];
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) offsets.push(match.index);
  return offsets;
}
