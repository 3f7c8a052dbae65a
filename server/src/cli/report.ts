// `flaglens report`: the flag debt of a folder, from the same scan and inventory as `flaglens scan`:
// counts by state, type and stage, the oldest temporary flags, the flags ready to remove with what a
// clean-up would delete, unknown keys and naming violations. With --since REF, what the change made of
// it instead: new checks of stale flags, new flags without an owner, flags cleaned up. The markdown is a
// pull-request comment: short, one table, and nothing at all when nothing changed.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { missingMetadata } from '../analysis/findings';
import { countsText, inventoryCounts, type InventoryCounts, type InventoryEntry } from '../analysis/inventory';
import { parseCommandArguments, stringOption, UsageError } from './args';
import { loadCleanFolder, planCleanIn } from './clean';
import { scanFolder, type ScanReport } from './scan';

/** The usage lines of `flaglens report`, for the CLI's help. */
export const REPORT_HELP = `flaglens report
  The flag debt under DIR: flags by release state, type and stage, the oldest temporary flags, flags
  ready to remove (with their checks and the lines a clean-up would delete), unknown keys and naming
  violations. With --since REF (a git ref), only what changed since: new checks of stale flags, new
  flags without an owner, flags cleaned up; the markdown is empty when nothing changed.

  --format markdown|json    markdown for a pull-request comment (default), json for scripts
  --since REF               compare with the folder at this git commit, branch or tag
  --config FILE             use FILE instead of DIR/.flaglens.json
`;

/** What `flaglens report` was asked to do. */
export interface ReportOptions {
  directory: string;
  format: 'markdown' | 'json';
  since?: string;
  configFile?: string;
}

/** One flag ready to remove: its checks and the lines its clean-up deletes. */
export interface RemovableFlag {
  key: string;
  summary: string;
  references: number;
  linesDeleted: number;
}

/** The debt of a folder now. */
export interface FlagDebt {
  counts: InventoryCounts;
  /** `createdAt` is the backend's, or else the first commit that added the key (`fromGit`). */
  oldestTemporary: Array<{ key: string; type: string; createdAt: string; fromGit?: true }>;
  readyToRemove: RemovableFlag[];
  unknownKeys: Array<{ key: string; references: number }>;
  namingViolations: Array<{ key: string; where: string; message: string }>;
}

/** What changed between REF and now. */
export interface FlagDebtChange {
  since: string;
  newChecksOfStaleFlags: Array<{ key: string; file: string; added: number }>;
  newFlagsWithoutOwner: string[];
  cleanedUp: string[];
}

/** Parses the arguments after `report`; 'help' when they ask for it. */
export function parseReportArguments(args: readonly string[]): ReportOptions | 'help' {
  const parsed = parseCommandArguments('report', args, { format: 'string', since: 'string', config: 'string' });
  if (parsed.values.has('help')) return 'help';
  const [directory = '.', ...extra] = parsed.positionals;
  if (extra.length > 0) throw new UsageError(`report takes one folder, not also: ${extra.join(' ')}`);
  if (!fs.existsSync(directory) || !fs.statSync(directory).isDirectory()) throw new UsageError(`'${directory}' is not a folder`);
  const format = stringOption(parsed, 'format') ?? 'markdown';
  if (format !== 'markdown' && format !== 'json') throw new UsageError(`--format must be markdown or json, not '${format}'`);
  const since = stringOption(parsed, 'since');
  const configFile = stringOption(parsed, 'config');
  if (configFile !== undefined && !fs.existsSync(configFile)) throw new UsageError(`the configuration file '${configFile}' does not exist`);
  return { directory, format, ...(since === undefined ? {} : { since }), ...(configFile === undefined ? {} : { configFile: fs.realpathSync(configFile) }) };
}

/** Runs the report and gives its text. */
export async function runReport(options: ReportOptions, log: (message: string) => void): Promise<string> {
  const now = await scanFolder(options.directory, { configFile: options.configFile, log, ageFromGit: true });
  for (const note of now.notes) log(note);
  if (options.since === undefined) {
    const debt = await flagDebt(now, options, log);
    return options.format === 'json' ? `${JSON.stringify({ version: 1, ...debt }, null, 2)}\n` : debtMarkdown(debt);
  }
  const before = await scanAtRef(now.root, options.since, options.configFile, log);
  const change = debtChange(before, now, options.since);
  return options.format === 'json' ? `${JSON.stringify({ version: 1, ...change }, null, 2)}\n` : changeMarkdown(change);
}

/** The debt now: counts, oldest temporary flags, removable flags (each planned as a dry-run clean-up), unknown keys, naming. */
async function flagDebt(report: ScanReport, options: ReportOptions, log: (message: string) => void): Promise<FlagDebt> {
  const defined = report.inventory.filter((entry) => entry.hygiene !== undefined);
  const removable = defined.filter((candidate) => candidate.removable);
  // One load serves every dry run: the folder is read and its services asked once, not once per flag.
  const folder = removable.length === 0 ? undefined : await loadCleanFolder(report.root, options.configFile, log);
  const readyToRemove: RemovableFlag[] = folder === undefined ? [] : removable.map((entry) => {
    const plan = planCleanIn(folder, { key: entry.key });
    const linesDeleted = plan.removal.files.reduce((sum, file) => sum + file.linesDeleted, 0);
    return { key: entry.key, summary: entry.summary, references: entry.references.length, linesDeleted };
  });
  return {
    counts: inventoryCounts(report.inventory),
    oldestTemporary: defined
      .flatMap((entry) => {
        if (entry.hygiene?.type.lifetime === 'permanent') return [];
        const type = entry.hygiene?.type.type ?? '';
        if (entry.definition?.createdAt !== undefined) return [{ key: entry.key, type, createdAt: entry.definition.createdAt }];
        return entry.firstSeenInCode === undefined ? [] : [{ key: entry.key, type, createdAt: entry.firstSeenInCode, fromGit: true as const }];
      })
      .sort((left, right) => Date.parse(left.createdAt) - Date.parse(right.createdAt))
      .slice(0, 5),
    readyToRemove,
    unknownKeys: report.inventory.filter((entry) => entry.state === 'unknown').map((entry) => ({ key: entry.key, references: entry.references.length })),
    namingViolations: report.findings
      .filter(({ finding }) => finding.code === 'naming-violation')
      .map(({ finding, file, line }) => ({ key: finding.key ?? '', where: `${file}:${line}`, message: finding.message })),
  };
}

/** What the change between two scans did to the debt. */
export function debtChange(before: ScanReport, now: ScanReport, since: string): FlagDebtChange {
  const beforeByKey = new Map(before.inventory.map((entry) => [entry.key, entry]));
  const newChecksOfStaleFlags = now.inventory.filter((entry) => entry.hygiene?.staleness.stale === true).flatMap((entry) => {
    const old = filesOf(beforeByKey.get(entry.key));
    return [...filesOf(entry)].flatMap(([file, count]) => (count > (old.get(file) ?? 0)
      ? [{ key: entry.key, file: path.posix.relative(now.root, file), added: count - (old.get(file) ?? 0) }]
      : []));
  });
  const newFlagsWithoutOwner = now.inventory
    .filter((entry) => entry.definition !== undefined && beforeByKey.get(entry.key)?.definition === undefined && missingMetadata(entry.definition, ['owner']).length > 0)
    .map((entry) => entry.key);
  const nowByKey = new Map(now.inventory.map((entry) => [entry.key, entry]));
  const cleanedUp = before.inventory.filter((entry) => entry.references.length > 0 && (nowByKey.get(entry.key)?.references.length ?? 0) === 0).map((entry) => entry.key);
  return { since, newChecksOfStaleFlags, newFlagsWithoutOwner, cleanedUp };
}

// Files relative to the scanned folder, so that a scan of a copy compares with the folder itself.
function filesOf(entry: InventoryEntry | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const reference of entry?.references ?? []) counts.set(reference.file, (counts.get(reference.file) ?? 0) + 1);
  return counts;
}

/** The folder as it was at `ref`, scanned in a temporary copy that git archive writes (nothing is written in the repository). */
async function scanAtRef(root: string, ref: string, configFile: string | undefined, log: (message: string) => void): Promise<ScanReport> {
  let top: string;
  let archive: Buffer;
  try {
    top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    archive = execFileSync('git', ['archive', '--format=tar', ref], { cwd: top, maxBuffer: 1024 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer | string }).stderr?.toString().trim().split('\n')[0];
    throw new UsageError(`--since ${ref}: git could not give the folder at that ref${stderr ? ` (${stderr})` : ''}`);
  }
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-report-'));
  try {
    execFileSync('tar', ['-x', '-C', copy], { input: archive });
    const folder = path.join(copy, path.relative(top, root));
    if (!fs.existsSync(folder)) throw new UsageError(`--since ${ref}: ${path.relative(top, root) || '.'} did not exist at that ref`);
    const report = await scanFolder(folder, { configFile, log, cacheFile: path.join(copy, '.flaglens-cache', 'flag-definitions.json') });
    // References and findings are relative to the scanned folder; the copy's own path is not.
    const relink = (file: string): string => path.posix.join(root, path.posix.relative(report.root, file));
    return { ...report, inventory: report.inventory.map((entry) => ({ ...entry, references: entry.references.map((reference) => ({ ...reference, file: relink(reference.file) })) })) };
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

/** The debt as markdown: one summary line and one table. */
export function debtMarkdown(debt: FlagDebt): string {
  const { states, types } = countsText(debt.counts);
  const stages = Object.entries(debt.counts.byStage)
    .map(([environment, counts]) => `${environment}: ${Object.entries(counts).map(([stage, count]) => `${count} ${stage}`).join(', ')}`)
    .join(' · ');
  const rows = [
    ...debt.readyToRemove.map((flag) => [`\`${flag.key}\``, `ready to remove: ${flag.summary}`, `${flag.references}`, `${flag.linesDeleted} lines`]),
    ...debt.oldestTemporary
      .filter((flag) => !debt.readyToRemove.some((removable) => removable.key === flag.key))
      .map((flag) => [`\`${flag.key}\``, `${flag.type} flag ${flag.fromGit ? 'first seen in code' : 'created'} ${flag.createdAt.slice(0, 10)}${flag.fromGit ? ' (git)' : ''}`, '', '']),
    ...debt.unknownKeys.map((flag) => [`\`${flag.key}\``, 'not defined in any environment', `${flag.references}`, '']),
    ...debt.namingViolations.map((violation) => [`\`${violation.key}\``, `naming: ${violation.where}`, '', '']),
  ];
  const lines = [`**Flag debt**: ${states}`, `Types: ${types || 'none'}${stages ? ` · Stages: ${stages}` : ''}`];
  if (rows.length > 0) {
    lines.push('', '| flag | what | checks | a clean-up deletes |', '|---|---|---|---|', ...rows.map((cells) => `| ${cells.map(escapeCell).join(' | ')} |`));
  }
  return `${lines.join('\n')}\n`;
}

/** What changed, as markdown: nothing at all when nothing did. */
export function changeMarkdown(change: FlagDebtChange): string {
  const rows = [
    ...change.newChecksOfStaleFlags.map((item) => [`\`${item.key}\``, `stale flag: ${item.added} new ${item.added === 1 ? 'check' : 'checks'}`, item.file]),
    ...change.newFlagsWithoutOwner.map((key) => [`\`${key}\``, 'new flag without an owner', '']),
    ...change.cleanedUp.map((key) => [`\`${key}\``, 'cleaned up', '']),
  ];
  if (rows.length === 0) return '';
  return [`**Flag debt since \`${change.since}\`**`, '', '| flag | change | where |', '|---|---|---|', ...rows.map((cells) => `| ${cells.map(escapeCell).join(' | ')} |`)].join('\n') + '\n';
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
