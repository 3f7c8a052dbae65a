// Zero-config inference for the index of a folder without `.flaglens.json`: the team's wrappers, bag
// functions and registry anchors, discovered from the folder's texts, and the scans that change with them.
// What it found is kept in the index cache with the stamps of the files it read, so that a restart that
// finds every file as it was takes it from there instead of reading every file's text again.

import { createHash } from 'node:crypto';
import { bagEntryOf, discover, SourceTrees, type Discovery, type SourceText } from '../analysis/discover';
import type { PackageTable } from '../analysis/packages';
import type { PatternSet } from '../analysis/patterns';
import type { ModuleHost } from '../analysis/resolve';
import type { FileScan } from '../analysis/scan';
import type { ScanCache } from './scanCache';
import type { FileOutcome } from './scanFiles';

/** What inference found, the patterns files are scanned with then, and the scans those patterns change. */
export interface Inference {
  discovery: Discovery;
  patterns: PatternSet;
  /** The files whose scan with `patterns` differs from their scan with the base patterns. */
  scans: Map<string, FileScan>;
}

/**
 * Discovers the wrappers, bag functions and registry anchors in `sources`, reusing the scans made with `base`
 * (`scanOf`), and scans again, with what it found, only the files that name one of them.
 */
export function inferPatterns(
  root: string, sources: readonly SourceText[], base: PatternSet, scanOf: (file: string) => FileScan | undefined, resolvePackage: ModuleHost['resolvePackage'],
): Inference {
  const prescanned = { patterns: base, scanOf };
  const trees = new SourceTrees(sources, base, prescanned);
  const discovery = discover(root, sources, { ...(resolvePackage === undefined ? {} : { resolvePackage }), prescanned, trees });
  const patterns = patternsOf(trees, discovery);
  const scans = new Map<string, FileScan>();
  if (patterns !== base) {
    // Discovery scanned the files that name what it found with these very patterns; the others keep their scans.
    for (const source of sources) {
      if (!trees.mayHoldChecks(source, patterns)) continue;
      const scan = trees.scan(source, patterns);
      if (scan !== scanOf(source.file)) scans.set(source.file, scan);
    }
  }
  return { discovery, patterns, scans };
}

/**
 * What the index cache kept of an inference from the very inputs of this run (see `inferenceInputs`), as
 * `inferPatterns` gave it; undefined when any input changed.
 */
export function keptInference(cache: ScanCache, files: readonly string[], outcomes: readonly FileOutcome[], packages: PackageTable, base: PatternSet): Inference | undefined {
  const inputs = inferenceInputs(files, outcomes, packages);
  const record = inputs === undefined ? undefined : cache.inferred(inputs);
  if (record === undefined) return undefined;
  return { discovery: record.discovery, patterns: patternsOf(new SourceTrees([], base), record.discovery), scans: new Map(Object.entries(record.scans)) };
}

function patternsOf(trees: SourceTrees, discovery: Discovery): PatternSet {
  return trees.patternSet(discovery.wrappers.map((wrapper) => wrapper.pattern), discovery.bags.map(bagEntryOf));
}

/**
 * What inference reads, as one hash: every file read (its path and stamp; a file skipped gives no text) and
 * the workspace packages imports resolve through. Undefined when a file read has no stamp (changed shortly
 * before the run, or read without asking for one): then nothing says the next run reads the same.
 */
export function inferenceInputs(files: readonly string[], outcomes: readonly FileOutcome[], packages: PackageTable): string | undefined {
  const hash = createHash('sha1').update(JSON.stringify([[...packages.packages], [...packages.tsconfigs]]));
  for (let index = 0; index < files.length; index++) {
    const outcome = outcomes[index];
    if (outcome.kind === 'skipped') continue;
    if (outcome.stamp === undefined) return undefined;
    hash.update(files[index]).update('\0').update(outcome.stamp).update('\0');
  }
  return hash.digest('base64');
}
