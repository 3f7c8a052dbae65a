// What discovery reads and finds: source texts in, wrappers, bag functions and registry candidates out,
// each with where it is, for `flaglens init` and the editor's proposal of a `.flaglens.json`.

import type { BagEntry } from '../bags';
import type { RegistryKind } from '../registry';
import type { Sdk, UserPattern } from '../types';

/** One source file: absolute POSIX path and text. */
export interface SourceText {
  readonly file: string;
  readonly text: string;
}

/** A place in the workspace, for people: `packages/web/src/flags.ts:12`. */
export interface DiscoveredAt {
  /** Relative to the discovered folder, with `/`. */
  readonly file: string;
  readonly line: number;
}

/** A function that forwards one of its parameters as a flag key. */
export interface DiscoveredWrapper {
  readonly pattern: UserPattern;
  readonly at: DiscoveredAt;
  /** The check it forwards to, as written: `unleash.isEnabled`, `useFlags`. */
  readonly forwardsTo: string;
  /** 1 when it forwards to an SDK call, 2 when to another wrapper. */
  readonly level: 1 | 2;
}

/** A function that returns a flag bag: `useAppFlags() { return useFlags() }`. */
export interface DiscoveredBag {
  /** As `.flaglens.json` writes it: `useAppFlags()`. */
  readonly spec: string;
  readonly at: DiscoveredAt;
  readonly forwardsTo: string;
  /** Taken from the bag it returns: LaunchDarkly's `useFlags()` names flags camelCased. */
  readonly camelCaseKeys?: boolean;
  /** The vendor of the bag it returns, when that is an SDK's (directly or through another bag function). */
  readonly sdk?: Exclude<Sdk, 'custom'>;
}

/** A declaration that lists flag keys, and how many of them flag checks use. */
export interface DiscoveredRegistry {
  readonly file: string;
  readonly symbol: string;
  readonly kind: RegistryKind;
  readonly keys: number;
  readonly usedKeys: number;
  /** The words of its name say it lists flags: `FeatureFlag`, `FLAGS`, `Experiments`. */
  readonly namedForFlags: boolean;
  /** Whether the evidence is enough to propose it. */
  readonly convincing: boolean;
  /** Why it is, or is not, proposed, for people. */
  readonly reason: string;
}

/** What discovery found in a folder. */
export interface Discovery {
  readonly wrappers: readonly DiscoveredWrapper[];
  readonly bags: readonly DiscoveredBag[];
  /** The candidate chosen as the registry, when one is convincing: enough of its keys are checked in code. */
  readonly registry?: DiscoveredRegistry;
  /** Every candidate weighed, convincing and best first: declarations that list a checked key, or whose name says they list flags. */
  readonly registryCandidates: readonly DiscoveredRegistry[];
}

/** The `.flaglens.json` discovery proposes (only the parts it found). */
export interface ProposedConfig {
  patterns?: Array<Omit<UserPattern, 'keyArg' | 'keyPath'> & { keyArg?: number | string }>;
  bags?: BagEntry[];
  registry?: { file: string; symbol: string };
}
