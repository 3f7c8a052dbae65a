// Flag functions of packages FlagLens has no preset for: a framework's own flag API (`import { useFeatureFlag } from
// '@openmrs/esm-framework'`), called with a key wherever a feature is gated. The package is outside the workspace, so
// nothing forwards into an SDK that discovery could follow; what it offers is its name. A function whose whole name
// says it reads one feature flag (`useFeatureFlag`, `isFeatureFlagEnabled`, `getFeatureToggle`) and nothing else, taken
// from a dependency, is the team's flag API, and its first argument the key.

import { posix } from 'node:path';
import { calleeLastName, isFromPackages } from '../patterns';
import type { ModuleHost } from '../resolve';
import type { SourceTrees } from './sourceTrees';
import type { DiscoveredWrapper } from './types';
import { isTestFile } from './wrappers';

// The whole name: an evaluating verb or none, FEATURE FLAG or FEATURE TOGGLE (one), and what it gives or none. A name
// with more in it (`FeatureFlagColumn`, `guardWithFeatureFlag`, `setFeatureFlags`) does something else with flags.
const FLAG_FUNCTION_NAME = /^(?:(?:use|is|get|has|check|evaluate|read)Feature|feature)(?:Flag|Toggle)(?:Enabled|On|Active|Value|Variant|State)?$/;

// What such a name holds, as plain searches (a capital first: far fewer places to try than a lower-case letter's).
const NAME_WORDS = ['FeatureFlag', 'FeatureToggle', 'featureFlag', 'featureToggle'];

// `import { useFeatureFlag, getConfig as config } from '@openmrs/esm-framework'`: the names and the specifier.
const NAMED_IMPORT = /\bimport\s*\{([^{}]*)\}\s*from\s*['"]([^'"]+)['"]/g;

/**
 * The functions imported from a dependency (a bare specifier no workspace file answers to) whose name says it reads one
 * feature flag, as wrappers that take the key as their first argument; a vendor's preset aside.
 */
export function packageFlagFunctions(root: string, trees: SourceTrees, resolvePackage: ModuleHost['resolvePackage']): DiscoveredWrapper[] {
  // A vendor's own function (`getFeatureFlag` from posthog-js) is its preset's, with what that says it returns.
  const isPresets = (name: string, specifier: string): boolean => trees.base.patterns.some((pattern) =>
    pattern.packages !== undefined && calleeLastName(pattern.callee) === name && isFromPackages(specifier, pattern.packages));
  const found = new Map<string, DiscoveredWrapper>();
  for (const source of trees.sources) {
    const { text } = source;
    if (!NAME_WORDS.some((words) => text.includes(words)) || !text.includes('import')) continue;
    const file = posix.relative(root, source.file);
    if (isTestFile(file)) continue;
    for (const match of text.matchAll(NAMED_IMPORT)) {
      const [, names, specifier] = match;
      if (specifier.startsWith('.') || specifier.startsWith('/')) continue;
      for (const element of names.split(',').map((name) => name.trim())) {
        // `import type { … }` is never matched; `type useFeatureFlag` inside the braces is a type too.
        if (element.startsWith('type ')) continue;
        const [imported, local = imported] = element.split(/\s+as\s+/);
        if (!FLAG_FUNCTION_NAME.test(imported) || isPresets(imported, specifier) || found.has(local)) continue;
        if (resolvePackage?.(specifier, source.file) !== undefined) continue;
        const line = text.slice(0, match.index).split('\n').length;
        found.set(local, {
          pattern: { callee: local, keyArg: 0 },
          at: { file, line },
          reason: `imported from ${specifier}, a package outside the workspace, and its name says it reads one feature flag`,
          evidence: 'named',
          level: 1,
        });
      }
    }
  }
  return [...found.values()];
}
