// `flaglens scan`: the same configuration, backends, index and findings as the language server,
// run once over a folder, with every position turned into a 1-based line and column.

import * as path from 'node:path';
import { findingsForChecks, findingsForFlagFile, findingsForProblems, findingsForUnreadBackends, FINDING_CODES } from '../analysis/findings';
import { flagFileKeys } from '../analysis/policy/flagFileKeys';
import { flagInventory, type InventoryEntry } from '../analysis/inventory';
import { checksByFlag, policyContextOf, reportedStale } from '../analysis/policy/hygiene';
import { findingsForRegistry, unusedRegistryFindings } from '../analysis/registry';
import type { FileProblem, Finding, FlagCatalog, FlagCheck, ReleaseState, Span } from '../analysis/types';
import { loadRegistry } from '../workspace/registryFile';
import { readBoundedTextSync } from '../io/boundedRead';
import { SETTINGS_FILE_LIMIT, toPosixPath } from '../workspace/files';
import { MAX_FLAG_FILE_LENGTH } from '../backends/flagd/wire';
import { CONFIG_FILE_NAME } from '../workspace/config';
import { gitFirstSeen, NOT_A_GIT_REPOSITORY } from '../workspace/gitFirstSeen';
import { loadFolder } from '../workspace/loadFolder';
import { cliBackendSetup, cliCacheFiles } from './backendSetup';

/** A 1-based range in a file, as people and SARIF count: columns in UTF-16 code units. */
export interface Location {
  /** Path relative to the scanned folder, with `/`. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface LocatedCheck extends Location {
  check: FlagCheck;
}

export interface LocatedFinding extends Location {
  finding: Finding;
}

/** One flag the scan knows of: defined in a backend, or only used in code (`unknown`). */
export interface FlagSummary {
  key: string;
  state: ReleaseState | 'unknown';
  references: number;
  /** For people: what the flag serves, and whether it is stale or archived. */
  summary: string;
}

/** Everything one scan found, in a stable order: by file, then position. */
export interface ScanReport {
  /** The scanned folder, absolute, with `/`. */
  root: string;
  checks: LocatedCheck[];
  findings: LocatedFinding[];
  flags: FlagSummary[];
  /** Every flag with its policy verdicts and checks, as the Flags view has them. */
  inventory: InventoryEntry[];
  catalog: FlagCatalog;
  filesScanned: number;
  /** Things a person should know that are not findings: a backend that could not be read, skipped files. */
  notes: string[];
  /** What fails the run when `--fail-on` is not given, from the policy of `.flaglens.json`. */
  failOn?: readonly string[];
}

/** A problem that stops the scan before it starts: bad configuration. Exit code 2. */
export class ScanSetupError extends Error {}

export interface ScanOptions {
  /** A configuration file to use instead of `<root>/.flaglens.json`. */
  configFile?: string;
  /** Where progress notes go as they happen (stderr). */
  log: (message: string) => void;
  /** The cache file of flag services' last good definitions; default in the user's cache folder (see `cliCacheFiles`). */
  cacheFile?: string;
  /** Where `tokenEnv` variables are read; default the process's environment. */
  environmentVariables?: Readonly<Record<string, string | undefined>>;
  /** Dates flags without a creation date by the first commit that added their key (one bounded `git log`). */
  ageFromGit?: boolean;
}

/** Scans a folder: configuration, flag definitions, every source file, findings. */
export async function scanFolder(folder: string, options: ScanOptions): Promise<ScanReport> {
  const root = toPosixPath(path.resolve(folder));
  const notes: string[] = [];
  const environmentVariables = options.environmentVariables ?? process.env;
  const caches = cliCacheFiles(root, options.cacheFile, environmentVariables);
  const { index, loads, backends, catalog, config, configFile, severities } = await loadFolder(root, {
    configFile: options.configFile,
    configChecked: (problems) => {
      if (problems.length > 0) throw new ScanSetupError(describeConfigProblems(problems, root));
    },
    backendSetup: () => cliBackendSetup(caches.definitions, environmentVariables, options.log),
    // A second scan re-parses only the files that changed.
    indexCacheFile: caches.index,
    log: options.log,
    backendMessage: (message) => notes.push(message),
  });
  if (!catalog.loaded) notes.push(notLoadedNote(backends.length));

  const allChecks = index.allChecks();
  const findings: Finding[] = findingsForProblems(loads.flatMap((load) => load.problems), severities);
  const unread = backends.flatMap((backend, position) => (loads[position].ok ? [] : [{
    label: backend.label,
    message: loads[position].message ?? 'no answer',
    // Where a person would fix it: the configuration that names the backend, else its first flag file.
    file: configFile ?? backend.watchedFiles()[0] ?? path.join(root, CONFIG_FILE_NAME),
  }]));
  findings.push(...findingsForUnreadBackends(unread, severities));
  const now = Date.now();
  const firstSeen = options.ageFromGit === true ? await firstSeenOfUndated(root, allChecks, catalog, notes) : undefined;
  const context = policyContextOf(allChecks, catalog, config.policy, now, firstSeen);
  for (const [file, checks] of allChecks) findings.push(...findingsForChecks(file, checks, catalog, severities, context));
  for (const file of backends.flatMap((backend) => backend.watchedFiles()).filter((watched) => watched.endsWith('.json'))) {
    const read = readBoundedTextSync(file, MAX_FLAG_FILE_LENGTH);
    // A flag file that cannot be read is its backend's problem, reported with it.
    if ('refused' in read) continue;
    findings.push(...findingsForFlagFile(file, flagFileKeys(read.text, file), catalog, config.policy, severities));
  }
  if (config.registry !== undefined) {
    const { registry, problem } = loadRegistry(root, config.registry);
    if (problem !== undefined) notes.push(problem);
    if (registry !== undefined) {
      for (const [file, checks] of allChecks) findings.push(...findingsForRegistry(file, checks, registry, severities));
      findings.push(...unusedRegistryFindings(registry, [...allChecks.values()].flat(), severities));
    }
  }

  const inventory = flagInventory(allChecks, catalog, config.policy, now, firstSeen);
  const locator = new Locator(root, Math.max(index.maxFileSize, MAX_FLAG_FILE_LENGTH));
  const located = [...allChecks].flatMap(([file, checks]) => checks.map((check) => ({ ...locator.locate(file, check.keySpan), check })));
  const locatedFindings = findings
    .map((finding) => ({ ...locator.locate(finding.file, finding.span), finding }))
    .sort(compareFindings);
  return {
    root,
    checks: located,
    findings: locatedFindings,
    flags: summariseFlags(inventory),
    inventory,
    catalog,
    filesScanned: index.files().length,
    notes,
    ...(config.policy.failOn === undefined ? {} : { failOn: config.policy.failOn }),
  };
}

/** The first commit that added each checked key whose definition has no creation date; undefined when git cannot tell. */
async function firstSeenOfUndated(root: string, allChecks: Map<string, readonly FlagCheck[]>, catalog: FlagCatalog, notes: string[]): Promise<((key: string) => string | undefined) | undefined> {
  const undated = [...checksByFlag(allChecks, catalog).keys()].filter((key) => {
    const createdAt = catalog.definitions.get(key)?.createdAt;
    return catalog.definitions.has(key) && (createdAt === undefined || Number.isNaN(Date.parse(createdAt)));
  });
  if (undated.length === 0) return undefined;
  const { dates, problem } = await gitFirstSeen(root, undated);
  // Outside a git repository there is simply no history; the other problems are worth knowing.
  if (problem !== undefined && problem !== NOT_A_GIT_REPOSITORY) notes.push(`flag ages from git: ${problem}`);
  return (key) => dates.get(key);
}

/** Every defined flag with its release state, then every key checked in code but defined nowhere; by key. */
function summariseFlags(inventory: readonly InventoryEntry[]): FlagSummary[] {
  return inventory.map((entry) => {
    const marks = [entry.definition?.archived === true ? 'archived' : '', entry.hygiene !== undefined && entry.definition !== undefined && reportedStale(entry.hygiene, entry.definition) ? 'stale' : ''].filter(Boolean);
    return { key: entry.key, state: entry.state, references: entry.references.length, summary: [entry.summary, ...marks].join(' · ') };
  });
}

function notLoadedNote(backendCount: number): string {
  const why = backendCount === 0
    ? 'there is no flags/*.flagd.json file and .flaglens.json names no backend'
    : 'none of the configured backends could be read';
  return `no flag definitions were loaded (${why}), so unknown keys are not reported`;
}

/** One line naming the first configuration problem as file:line:col, and how many more there are. */
function describeConfigProblems(problems: readonly FileProblem[], root: string): string {
  const [first] = problems;
  const locator = new Locator(root, SETTINGS_FILE_LIMIT);
  let where = relativePath(root, first.file);
  if (locator.readable(first.file)) {
    const location = locator.locate(first.file, first.span);
    where = `${location.file}:${location.line}:${location.column}`;
  }
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return `${where}: ${first.message.replace(/\s*\n\s*/g, ' ')}${more}`;
}

/** Turns offsets into lines and columns, reading each file once. */
export class Locator {
  private readonly lineStarts = new Map<string, number[] | undefined>();

  /** `limit`: the most bytes of a file read to locate a finding in it (source files and flag files are both located). */
  constructor(private readonly root: string, private readonly limit: number) {}

  readable(file: string): boolean {
    return this.lineStartsOf(file) !== undefined;
  }

  locate(file: string, span: Span): Location {
    const starts = this.lineStartsOf(file) ?? [0];
    const start = position(starts, span.start);
    const end = position(starts, Math.max(span.end, span.start));
    return { file: relativePath(this.root, file), line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }

  private lineStartsOf(file: string): number[] | undefined {
    if (!this.lineStarts.has(file)) {
      let starts: number[] | undefined;
      const read = readBoundedTextSync(file, this.limit);
      if ('text' in read) {
        starts = [0];
        for (let offset = 0; offset < read.text.length; offset++) {
          if (read.text[offset] === '\n') starts.push(offset + 1);
        }
      }
      this.lineStarts.set(file, starts);
    }
    return this.lineStarts.get(file);
  }
}

function position(lineStarts: number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (lineStarts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low] + 1 };
}

function relativePath(root: string, file: string): string {
  return path.posix.relative(root, toPosixPath(file));
}

function compareFindings(a: LocatedFinding, b: LocatedFinding): number {
  return compareText(a.file, b.file)
    || a.line - b.line
    || a.column - b.column
    || FINDING_CODES.indexOf(a.finding.code) - FINDING_CODES.indexOf(b.finding.code);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
