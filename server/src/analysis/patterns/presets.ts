// Every vendor's presets, apart from the pattern set and its bags, so that the skeleton's text tests (which run
// in the reader threads, where the parser is never loaded) can read the packages without loading the parser.

import type { ObjectBag } from '../bags';
import type { FlagPattern } from '../types';
import { CONFIGCAT_PATTERNS } from './configcat';
import { DEVCYCLE_PATTERNS } from './devcycle';
import { EMBER_PATTERNS } from './ember';
import { FIREBASE_PATTERNS } from './firebase';
import { FLAGGED_PATTERNS } from './flagged';
import { FLIPT_PATTERNS } from './flipt';
import { FLAGSMITH_PATTERNS } from './flagsmith';
import { GRAFANA_OBJECT_BAGS } from './grafana';
import { GROWTHBOOK_PATTERNS } from './growthbook';
import { LAUNCHDARKLY_PATTERNS } from './launchdarkly';
import { OPENFEATURE_PATTERNS } from './openfeature';
import { OPENSHIFT_CONSOLE_PATTERNS } from './openshift';
import { OPTIMIZELY_PATTERNS } from './optimizely';
import { POSTHOG_PATTERNS } from './posthog';
import { REFLAG_PATTERNS } from './reflag';
import { SPLIT_PATTERNS } from './split';
import { STATSIG_PATTERNS } from './statsig';
import { UNLEASH_PATTERNS } from './unleash';
import { VERCEL_PATTERNS } from './vercel';

/** Every vendor's preset patterns; each matches only calls whose function or receiver comes from its packages. */
export const PRESET_PATTERNS: readonly FlagPattern[] = [
  ...OPENFEATURE_PATTERNS,
  ...LAUNCHDARKLY_PATTERNS,
  ...UNLEASH_PATTERNS,
  ...GROWTHBOOK_PATTERNS,
  ...POSTHOG_PATTERNS,
  ...STATSIG_PATTERNS,
  ...DEVCYCLE_PATTERNS,
  ...CONFIGCAT_PATTERNS,
  ...FLAGSMITH_PATTERNS,
  ...SPLIT_PATTERNS,
  ...OPTIMIZELY_PATTERNS,
  ...VERCEL_PATTERNS,
  ...EMBER_PATTERNS,
  ...OPENSHIFT_CONSOLE_PATTERNS,
  ...FLAGGED_PATTERNS,
  ...FIREBASE_PATTERNS,
  ...REFLAG_PATTERNS,
  ...FLIPT_PATTERNS,
];

/** Vendors' bag objects, read where an import from their packages names them (`config.featureToggles.x`). */
export const PRESET_OBJECT_BAGS: readonly ObjectBag[] = [...GRAFANA_OBJECT_BAGS];

/** Every package a preset accepts: an import from one of these ends the search for a call's evidence. */
export const VENDOR_PACKAGES: readonly string[] = [...new Set([...PRESET_PATTERNS, ...PRESET_OBJECT_BAGS.map((bag) => bag.pattern)].flatMap((pattern) => pattern.packages ?? []))];
