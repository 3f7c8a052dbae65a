// The sources discovery reads, each parsed once, with parent links, and only when a stage needs its tree;
// and their scans: a file that names none of the callees discovery added is not scanned again.

import { ts } from 'ts-morph';
import type { BagEntry } from '../bags';
import { buildPatternSet, calleeLastName, type ClientParameter, type PatternSet, type RegistryProperty } from '../patterns';
import { writesFlagOption } from '../patterns/options';
import { mayHoldChecks } from '../prefilter';
import { escapeRegex } from '../regex';
import { resolveChecks, type ModuleHost } from '../resolve';
import { scanFile, type FileScan } from '../scan';
import { scriptKindOf } from '../scriptKind';
import { prefilterText, scannedText } from '../components';
import type { FlagCheck, UserPattern } from '../types';
import type { SourceText } from './types';

/** Scans a caller made already (the workspace index's), and the patterns it made them with. */
export interface Prescanned {
  readonly patterns: PatternSet;
  /** The scan of a file the patterns' text test accepts; undefined when there is none. */
  scanOf(file: string): FileScan | undefined;
}

/** Each source's syntax tree, parsed at most once and only when a stage needs it, and its scans. */
export class SourceTrees {
  private readonly trees = new Map<string, ts.SourceFile>();
  private readonly scans = new WeakMap<PatternSet, Map<string, FileScan>>();
  private readonly addedNames = new WeakMap<PatternSet, string[]>();
  private readonly naming = new Map<string, Set<string>>();
  private readonly patternSets = new Map<string, PatternSet>();
  // What `patternSet` made each set from, and the names each of those patterns and bags is called by.
  private readonly madeFrom = new WeakMap<PatternSet, { userPatterns: readonly UserPattern[]; bags: readonly BagEntry[]; clientParameters: readonly ClientParameter[]; registryProperties: readonly RegistryProperty[] }>();
  private readonly entryNames = new Map<string, readonly string[]>();
  private readonly entrySets = new Map<string, PatternSet>();
  private readonly baseMayHoldChecks = new Map<string, boolean>();
  private readonly prefilterTexts = new Map<string, string>();
  // Discovery follows packages the same way throughout, so resolved checks are kept by pattern set alone.
  private readonly resolved = new WeakMap<PatternSet, Map<string, readonly FlagCheck[]>>();
  readonly byFile: ReadonlyMap<string, SourceText>;

  constructor(readonly sources: readonly SourceText[], readonly base: PatternSet, private readonly prescanned?: Prescanned) {
    this.byFile = new Map(sources.map((source) => [source.file, source]));
  }

  tree(source: SourceText): ts.SourceFile {
    let tree = this.trees.get(source.file);
    if (tree === undefined) {
      // Parent links: a wrapper's name is read from the declaration around its function.
      tree = ts.createSourceFile(source.file, scannedText(source.file, source.text), ts.ScriptTarget.Latest, true, scriptKindOf(source.file));
      this.trees.set(source.file, tree);
    }
    return tree;
  }

  /** The presets with these patterns and bags: one object for the same content, so that scans made with it are reused. */
  patternSet(userPatterns: readonly UserPattern[], bags: readonly BagEntry[], clientParameters: readonly ClientParameter[] = [], registryProperties: readonly RegistryProperty[] = []): PatternSet {
    if (userPatterns.length === 0 && bags.length === 0 && clientParameters.length === 0 && registryProperties.length === 0) return this.base;
    const key = JSON.stringify([userPatterns, bags, clientParameters, registryProperties]);
    let patterns = this.patternSets.get(key);
    if (patterns === undefined) {
      const built = buildPatternSet(userPatterns, bags);
      patterns = {
        ...built, ...(clientParameters.length === 0 ? {} : { clientParameters }), ...(registryProperties.length === 0 ? {} : { registryProperties }),
      };
      this.patternSets.set(key, patterns);
      this.madeFrom.set(patterns, { userPatterns, bags, clientParameters, registryProperties });
    }
    return patterns;
  }

  /** `mayHoldChecks` for a pattern set that adds callees to the base: the base's answer is remembered, the added names tested. */
  mayHoldChecks(source: SourceText, patterns: PatternSet): boolean {
    let base = this.baseMayHoldChecks.get(source.file);
    if (base === undefined) {
      // The index parsed exactly the files the base's text test accepts.
      base = this.prescanned?.patterns === this.base ? this.prescanned.scanOf(source.file) !== undefined : mayHoldChecks(this.prefiltered(source), this.base);
      this.baseMayHoldChecks.set(source.file, base);
    }
    // The index's own text test, past the names: a pattern of a list's search (`featureFlags.find`) adds `find`, which
    // most files name, but only a file that names the list too may hold one.
    return base || (patterns !== this.base && (this.namesAdded(source, patterns) || writesFlagOption(source.text, patterns)) && mayHoldChecks(this.prefiltered(source), patterns));
  }

  /** The text the test before a parse reads (an Angular template's view, made once however many pattern sets ask). */
  private prefiltered(source: SourceText): string {
    let text = this.prefilterTexts.get(source.file);
    if (text === undefined) this.prefilterTexts.set(source.file, text = prefilterText(source.file, source.text));
    return text;
  }

  /**
   * The scan of a source with `patterns`: its scan with the base patterns when it names none of the callees `patterns`
   * adds, else with only the added patterns and bags it names, so that a file is scanned again only when a pattern set
   * adds one it names, not each time discovery adds another.
   */
  scan(source: SourceText, patterns: PatternSet): FileScan {
    const target = this.scannedWith(source, patterns);
    let byFile = this.scans.get(target);
    if (byFile === undefined) this.scans.set(target, byFile = new Map());
    let scan = byFile.get(source.file);
    if (scan === undefined) {
      // A tree parsed already is reused; otherwise the scan makes its own, lighter one, which is not kept.
      scan = (target === this.base && this.prescanned?.patterns === this.base ? this.prescanned.scanOf(source.file) : undefined)
        ?? scanFile(source.file, source.text, target, this.trees.get(source.file));
      byFile.set(source.file, scan);
    }
    return scan;
  }

  /**
   * The source's checks with `patterns`, as the scan of a folder keeps them (`resolveChecks`): keys imported from
   * other files followed, and a check whose only evidence is an import from a workspace module kept only when that
   * module leads to the SDK. A `getValue(req)` on the team's own cookie class is no check, so no wrapper either.
   */
  resolvedChecks(source: SourceText, patterns: PatternSet, resolvePackage: ModuleHost['resolvePackage']): readonly FlagCheck[] {
    const scan = this.scan(source, patterns);
    let byFile = this.resolved.get(patterns);
    if (byFile === undefined) this.resolved.set(patterns, byFile = new Map());
    let checks = byFile.get(source.file);
    if (checks === undefined) {
      const scanOf = (file: string): FileScan | undefined => {
        const other = this.byFile.get(file);
        return other === undefined ? undefined : this.scan(other, patterns);
      };
      const host: ModuleHost = { fileExists: (file) => this.byFile.has(file), ...(resolvePackage ? { resolvePackage } : {}) };
      checks = resolveChecks(scan, scanOf, host);
      byFile.set(source.file, checks);
    }
    return checks;
  }

  /**
   * The files that name `name` as a whole identifier. One `includes` pass over every text per name (a few ms for
   * 20,000 files, where a regex of several names costs tens), the boundary checked only where it is found.
   */
  filesNaming(name: string): ReadonlySet<string> {
    let files = this.naming.get(name);
    if (files === undefined) {
      files = new Set();
      const whole = new RegExp(`(?<![\\w$])${escapeRegex(name)}(?![\\w$])`);
      for (const source of this.sources) if (source.text.includes(name) && whole.test(source.text)) files.add(source.file);
      this.naming.set(name, files);
    }
    return files;
  }

  /** True when the source names one of `names`. */
  names(source: SourceText, names: readonly string[]): boolean {
    return names.some((name) => this.filesNaming(name).has(source.file));
  }

  // Patterns and bags whose names a file never mentions can neither match there nor replace a preset it calls.
  private scannedWith(source: SourceText, patterns: PatternSet): PatternSet {
    if (patterns === this.base) return this.base;
    const entries = this.madeFrom.get(patterns);
    // A registry's property, read off an object in a check of any pattern (`gb.isOn(features.Gate.X)`), names its key.
    const carried = (entries?.registryProperties ?? []).filter((registryProperty) => this.names(source, [registryProperty.property]));
    if (!this.namesAdded(source, patterns) && !writesFlagOption(source.text, patterns) && carried.length === 0) return this.base;
    if (entries === undefined) return patterns;
    // A wrapper that reads its key from an option (`{ flagKey: … }`), or an option named alone, has checks wherever the option is written.
    const hasOption = (entry: UserPattern | BagEntry): boolean => typeof entry === 'object' && (('keyPath' in entry && entry.keyPath !== undefined) || ('option' in entry && entry.option === true));
    const named = (entry: UserPattern | BagEntry, set: () => PatternSet): boolean =>
      this.names(source, this.namesOf(entry, set)) || (hasOption(entry) && writesFlagOption(source.text, this.entrySet(entry, set)));
    return this.patternSet(
      entries.userPatterns.filter((pattern) => named(pattern, () => buildPatternSet([pattern]))),
      entries.bags.filter((bag) => named(bag, () => buildPatternSet([], [bag]))),
      entries.clientParameters.filter((parameter) => parameter.file === source.file),
      carried,
    );
  }

  // The pattern set of one entry alone, made once.
  private entrySet(entry: UserPattern | BagEntry, set: () => PatternSet): PatternSet {
    const key = JSON.stringify(entry);
    let made = this.entrySets.get(key);
    if (made === undefined) this.entrySets.set(key, made = set());
    return made;
  }

  // Every name one pattern or bag (alone in `set`) adds to the base or replaces a preset of.
  private namesOf(entry: UserPattern | BagEntry, set: () => PatternSet): readonly string[] {
    const key = JSON.stringify(entry);
    let names = this.entryNames.get(key);
    if (names === undefined) {
      const made = set();
      // The presets as this thread holds them: the base may be a copy another thread sent.
      const presets = buildPatternSet([]);
      const presetPatterns = new Set(presets.patterns);
      const own = made.patterns.filter((pattern) => !presetPatterns.has(pattern)).flatMap((pattern) => [calleeLastName(pattern.callee), pattern.callee.slice(pattern.callee.lastIndexOf('.') + 1)]);
      const known = new Set(presets.calleeNames);
      names = [...new Set([...own, ...addedBagNames(made, presets), ...made.calleeNames.filter((name) => !known.has(name))])].filter((name) => name !== '');
      this.entryNames.set(key, names);
    }
    return names;
  }

  // A custom pattern replaces presets of its name, so a file that names it must be scanned again; no other must.
  private namesAdded(source: SourceText, patterns: PatternSet): boolean {
    let names = this.addedNames.get(patterns);
    if (names === undefined) {
      const known = new Set(this.base.calleeNames);
      const added = patterns.calleeNames.filter((name) => name !== '' && !known.has(name));
      const customNames = patterns.patterns.filter((pattern) => pattern.sdk === 'custom').map((pattern) => pattern.callee.slice(pattern.callee.lastIndexOf('.') + 1));
      names = [...new Set([...added, ...customNames, ...addedBagNames(patterns, this.base)])];
      this.addedNames.set(patterns, names);
    }
    // A function whose parameter holds a client has checks on it that the base patterns lacked the evidence for.
    return this.names(source, names) || (patterns.clientParameters?.some((parameter) => parameter.file === source.file) ?? false);
  }
}

/**
 * The last names of the object bags `patterns` adds to `base`: a bag matches reads no preset does, though a preset may
 * call a function of its name (`feature` is GrowthBook's), so a file that names it is scanned again.
 */
function addedBagNames(patterns: PatternSet, base: PatternSet): string[] {
  const baseBags = new Set(base.objectBags ?? []);
  return (patterns.objectBags ?? []).filter((bag) => !baseBags.has(bag)).map((bag) => bag.names[bag.names.length - 1]);
}
