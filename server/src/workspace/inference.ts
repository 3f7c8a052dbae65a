// Zero-config inference for the index of a folder without `.flaglens.json`: the team's wrappers, bag
// functions and registry anchors, discovered from the folder's texts, and the scans that change with them.
// It runs in its own thread (inferThread.ts) or, failing that, in the index's. What it found is kept in the
// index cache with the stamps of the files it read, so that a restart that finds every file as it was takes
// it from there instead of reading every file's text again.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { clientParametersOf, discover, inferredBag, inferredPattern, registryPropertyPattern, SourceTrees, type Discovery, type SourceText } from '../analysis/discover';
import type { PackageTable } from '../analysis/packages';
import type { PatternSet } from '../analysis/patterns';
import type { FileScan } from '../analysis/scan';
import { withPackageResolution } from './packages';
import type { ScanCache } from './scanCache';
import type { FileOutcome } from './scanFiles';

/** What inference found, the patterns files are scanned with then, and the scans those patterns change. */
export interface Inference {
  discovery: Discovery;
  patterns: PatternSet;
  /** The files whose scan with `patterns` differs from their scan with the base patterns. */
  scans: Map<string, FileScan>;
}

/** What inference starts from besides the texts: plain data, so that another thread can receive it. */
export interface InferRequest {
  root: string;
  /** The patterns the index scanned with (the presets). */
  base: PatternSet;
  /** The index's scans with `base` of the files its text test let through. */
  scans: Array<[string, FileScan]>;
  /** Every file the index read. */
  indexed: string[];
  packages: PackageTable;
}

/** What inference found, as plain data: the discovery, and the files whose scans its patterns changed. */
export interface InferredData {
  discovery: Discovery;
  scans: Array<[string, FileScan]>;
}

/**
 * Discovers the wrappers, bag functions and registry anchors in `sources`, reusing the index's scans, and
 * scans again, with what it found, only the files that name one of them. Imports resolve as the index
 * resolves them: to a file it read, or to any file on disk, and through the workspace packages.
 */
export function inferFrom(sources: readonly SourceText[], request: InferRequest): InferredData {
  const { root, base } = request;
  const prescannedScans = new Map(request.scans);
  const indexed = new Set(request.indexed);
  const scanOf = (file: string): FileScan | undefined => prescannedScans.get(file);
  const { resolvePackage } = withPackageResolution({ fileExists: (file) => indexed.has(file) || fs.existsSync(file) }, () => request.packages);
  const prescanned = { patterns: base, scanOf };
  const trees = new SourceTrees(sources, base, prescanned);
  const discovery = discover(root, sources, { ...(resolvePackage === undefined ? {} : { resolvePackage }), prescanned, trees, configFlags: request.packages });
  const patterns = patternsOf(trees, discovery);
  const scans: Array<[string, FileScan]> = [];
  if (patterns !== base) {
    // Discovery scanned the files that name what it found with these very patterns; the others keep their scans.
    for (const source of sources) {
      if (!trees.mayHoldChecks(source, patterns)) continue;
      const scan = trees.scan(source, patterns);
      if (scan !== scanOf(source.file)) scans.push([source.file, scan]);
    }
  }
  return { discovery, scans };
}

/** The inference of `data` over the base patterns: the patterns `inferFrom` scanned with, made again here. */
export function inferenceOf(base: PatternSet, data: InferredData | { discovery: Discovery; scans: Record<string, FileScan> }): Inference {
  return {
    discovery: data.discovery,
    patterns: patternsOf(new SourceTrees([], base), data.discovery),
    scans: new Map(Array.isArray(data.scans) ? data.scans : Object.entries(data.scans)),
  };
}

/**
 * What the index cache kept of an inference from the very inputs of this run (see `inferenceInputs`);
 * undefined when any input changed.
 */
export function keptInference(cache: ScanCache, files: readonly string[], outcomes: readonly FileOutcome[], packages: PackageTable, base: PatternSet): Inference | undefined {
  const inputs = inferenceInputs(files, outcomes, packages);
  const record = inputs === undefined ? undefined : cache.inferred(inputs);
  return record === undefined ? undefined : inferenceOf(base, record);
}

function patternsOf(trees: SourceTrees, discovery: Discovery): PatternSet {
  return trees.patternSet(discovery.wrappers.map(inferredPattern), discovery.bags.map(inferredBag), clientParametersOf(discovery.clients ?? []), (discovery.registryProperties ?? []).map(registryPropertyPattern));
}

/**
 * What inference reads, as one hash: every file read (its path and stamp; a file skipped gives no text) and
 * the workspace packages imports resolve through. Undefined when a file read has no stamp (changed shortly
 * before the run, or read without asking for one): then nothing says the next run reads the same.
 */
export function inferenceInputs(files: readonly string[], outcomes: readonly FileOutcome[], packages: PackageTable): string | undefined {
  // The settings discovery reads besides the sources: node-config's flags and Prisma's enums are read into the table.
  const settings = [packages.configKeyNames, packages.configSections, packages.prismaEnums].map((table) => [...table ?? []].map(([name, value]) => [name, typeof value === 'string' ? value : [...value]]));
  const hash = createHash('sha1').update(JSON.stringify([[...packages.packages], [...packages.tsconfigs], settings]));
  for (let index = 0; index < files.length; index++) {
    const outcome = outcomes[index];
    if (outcome.kind === 'skipped') continue;
    if (outcome.stamp === undefined) return undefined;
    hash.update(files[index]).update('\0').update(outcome.stamp).update('\0');
  }
  return hash.digest('base64');
}
