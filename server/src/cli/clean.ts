// `flaglens clean KEY [DIR] [--value VALUE] [--dry-run] [--config FILE]`: removes a released or dead
// flag and its dead branches from every file under DIR, then the key constant nothing mentions any more.
// Exit codes, as for scan: 0 done (or nothing to remove), 1 done but some checks were left as they were,
// 2 nothing was changed because the flag may not be removed, the arguments or configuration are wrong, or
// a file could not be written (the others are then put back), 3 a write failed and not every file could be put back.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { findDefinition } from '../analysis/match';
import { flagHygiene, type PolicyContext } from '../analysis/policy/hygiene';
import { servedValueText } from '../analysis/release';
import { unifiedDiff } from '../analysis/remove/edits';
import { summariseRemoval, type LeftToDecide } from '../analysis/remove/summary';
import { checksFlag, type KeptValue } from '../analysis/remove/plan';
import { removeFlagFromWorkspace, type FileWithChecks, type WorkspaceRemoval } from '../analysis/remove/workspace';
import type { FlagCatalog, FlagCheck } from '../analysis/types';
import { createCallTypes } from '../workspace/callTypes';
import { absoluteRegistryLocation } from '../workspace/registryFile';
import { toPosixPath } from '../workspace/files';
import { loadFolder } from '../workspace/loadFolder';
import { folderPolicyContext } from '../workspace/policyContext';
import { writeAllOrNothing, WriteFailure } from '../workspace/safeWrite';
import { parseCommandArguments, stringOption } from './args';
import { cliBackendSetup, cliCacheFiles } from './backendSetup';

/** The usage lines of `flaglens clean`, for the CLI's help. */
export const CLEAN_HELP = `flaglens clean
  Removes the flag KEY from every file under DIR: each check becomes the value the flag serves, the
  branches that value rules out are deleted, and so are the variables and helpers that only held it,
  the imports this left unused, and the key's constant and registry entry once nothing refers to them.
  KEY is the flag key, or a check's key as written when it could not be worked out (FLAGS.NEW_CHECKOUT).
  Without --value, the flag must be released or dead in the flag definitions.

  --value VALUE             keep this value (JSON: true, false, 42, "dark"; other text is a string),
                            e.g. for a flag already deleted from the backend
  --dry-run                 print a unified diff and change nothing
  --config FILE             use FILE instead of DIR/.flaglens.json

  Exit codes: 0 removed (or nothing to remove), 1 removed but some checks were left as they were
  (listed), 2 nothing changed: the flag is not released or dead, bad arguments or configuration, or a
  file could not be written (files are written all or none), 3 a write failed and some files could not
  be put back (listed).
`;

/** A reason the clean-up does not start; the CLI prints it on one line and exits with 2. */
export class CleanSetupError extends Error {}

/** What `flaglens clean` was asked to do. */
export interface CleanOptions {
  key: string;
  directory: string;
  /** The value given with --value, already parsed. */
  value?: { value: unknown };
  dryRun: boolean;
  configFile?: string;
}

/** The outcome of a clean-up, before anything is printed. */
export interface CleanResult {
  root: string;
  kept: KeptValue;
  /** Why that value: "serves true in every environment", or "given with --value". */
  reason: string;
  removal: WorkspaceRemoval;
  /** Each file's text as it was read, before the removal. */
  originals: ReadonlyMap<string, string>;
}

/** Parses the arguments after `clean`; 'help' when they ask for it. */
export function parseCleanArguments(args: readonly string[]): CleanOptions | 'help' {
  const parsed = parseCommandArguments('clean', args, { value: 'string', config: 'string', 'dry-run': 'boolean' });
  if (parsed.values.has('help')) return 'help';
  const [key, directory = '.', ...extra] = parsed.positionals;
  if (key === undefined || key === '') throw new CleanSetupError('missing flag key: run flaglens clean KEY [DIR]');
  if (extra.length > 0) throw new CleanSetupError(`clean takes one key and one folder, not also: ${extra.join(' ')}`);
  if (!isDirectory(directory)) throw new CleanSetupError(`'${directory}' is not a folder`);
  const configFile = stringOption(parsed, 'config');
  if (configFile !== undefined && !fs.existsSync(configFile)) throw new CleanSetupError(`the configuration file '${configFile}' does not exist`);
  const rawValue = parsed.values.get('value');
  return {
    key,
    directory,
    dryRun: parsed.values.has('dry-run'),
    ...(typeof rawValue === 'string' ? { value: { value: parseValue(rawValue) } } : {}),
    ...(configFile === undefined ? {} : { configFile: fs.realpathSync(configFile) }),
  };
}

/** A folder loaded once for any number of clean-ups: its index (holding the texts it read), flags and configuration. */
export type CleanFolder = Pick<Awaited<ReturnType<typeof loadFolder>>, 'index' | 'catalog' | 'config'> & { root: string };

/** Loads DIR as `flaglens clean` sees it, with the same services, tokens and cache as `flaglens scan`. */
export async function loadCleanFolder(directory: string, configFile: string | undefined, log: (message: string) => void, environmentVariables: Readonly<Record<string, string | undefined>> = process.env): Promise<CleanFolder> {
  const root = toPosixPath(path.resolve(directory));
  const caches = cliCacheFiles(root, undefined, environmentVariables);
  const { index, catalog, config } = await loadFolder(root, {
    configFile,
    configChecked: (problems) => {
      if (problems.length === 0) return;
      const [first] = problems;
      throw new CleanSetupError(`${path.posix.relative(root, toPosixPath(first.file)) || first.file}: ${first.message.replace(/\s*\n\s*/g, ' ')}`);
    },
    backendSetup: () => cliBackendSetup(caches.definitions, environmentVariables, log),
    keepTexts: true,
    log,
  });
  return { root, index, catalog, config };
}

/** Works out the removal for a folder without writing anything. */
export async function planClean(options: CleanOptions, log: (message: string) => void, environmentVariables: Readonly<Record<string, string | undefined>> = process.env): Promise<CleanResult> {
  return planCleanIn(await loadCleanFolder(options.directory, options.configFile, log, environmentVariables), options);
}

/** Works out the removal of one flag in a loaded folder. Nothing in the folder changes, so it serves the next flag as well. */
export function planCleanIn(folder: CleanFolder, options: Pick<CleanOptions, 'key' | 'value'>): CleanResult {
  const { root, index, catalog, config } = folder;
  const checksByFile = new Map<string, FlagCheck[]>();
  for (const [file, checks] of index.allChecks()) {
    const matching = checks.filter((check) => checksFlag(check, options.key) || (!check.resolved && check.key === options.key));
    if (matching.length > 0) checksByFile.set(file, matching);
  }
  const { kept, reason } = keptValue(options, [...checksByFile.values()].flat(), catalog, folderPolicyContext({ config, index }));
  const filesWithChecks: FileWithChecks[] = [];
  const otherFiles = [];
  const originals = new Map<string, string>();
  for (const file of index.files()) {
    const text = index.textOf(file);
    if (text === undefined) continue;
    originals.set(file, text);
    const checks = checksByFile.get(file);
    if (checks !== undefined) filesWithChecks.push({ fileName: file, text, checks });
    else otherFiles.push({ fileName: file, text });
  }
  const removal = removeFlagFromWorkspace(options.key, kept, filesWithChecks, otherFiles, absoluteRegistryLocation(root, config.registry), createCallTypes(filesWithChecks));
  return { root, kept, reason, removal, originals };
}

/** Runs `flaglens clean` with the arguments after `clean`; gives the exit code. */
export async function runClean(options: CleanOptions): Promise<number> {
  const log = (message: string): void => {
    process.stderr.write(`flaglens: ${message}\n`);
  };
  const result = await planClean(options, log);
  const changed = result.removal.files.filter((file) => file.edits.length > 0);
  if (options.dryRun) {
    for (const file of changed) process.stdout.write(unifiedDiff(relative(result.root, file.fileName), result.originals.get(file.fileName) ?? '', file.text));
  } else {
    try {
      writeAllOrNothing(result.root, changed.map((file) => ({ fileName: file.fileName, text: file.text, original: result.originals.get(file.fileName) ?? '' })));
    } catch (error) {
      if (!(error instanceof WriteFailure)) throw error;
      // Exit 2 promises that nothing changed; a failure that could not put every file back says so, with 3.
      if (error.restored) throw new CleanSetupError(error.message);
      process.stderr.write(`flaglens: ${error.message}\n`);
      return 3;
    }
  }
  // With --dry-run stdout holds only the diff, so that it can be saved as a patch.
  const summary = summaryText(options, result);
  if (options.dryRun) process.stderr.write(summary);
  else process.stdout.write(summary);
  return result.removal.files.some((file) => file.problems.length > 0) ? 1 : 0;
}

/** The summary people read: files, checks removed, lines deleted, what was deleted and what is now unused. */
export function summaryText(options: CleanOptions, result: CleanResult): string {
  const summary = summariseRemoval(result.removal.files);
  const value = result.kept.kind === 'value' ? servedValueText(result.kept.value) : "the code's default";
  if (summary.changedFiles.length === 0 && summary.problems.length === 0) {
    return `Nothing to remove: no check of '${options.key}' under ${relative(process.cwd(), result.root) || '.'}.\n`;
  }
  const where = (item: LeftToDecide): string => `${relative(result.root, item.fileName)}:${item.line}`;
  const verb = options.dryRun ? 'Would remove' : 'Removed';
  const out = [`${verb} '${options.key}', keeping ${value} (${result.reason}): ${plural(summary.checksRemoved, 'check')} in ${plural(summary.changedFiles.length, 'file')}, ${plural(summary.linesDeleted, 'line')} deleted.`];
  for (const file of summary.changedFiles) {
    const deleted = file.deletedNames.length > 0 ? `; deleted ${file.deletedNames.join(', ')}` : '';
    out.push(`  ${relative(result.root, file.fileName)}: ${plural(file.checksRemoved, 'check')}, ${plural(file.linesDeleted, 'line')} deleted${deleted}`);
  }
  if (summary.nowUnused.length > 0) {
    out.push('Now unused (not deleted; delete them if nothing else needs them):', ...summary.nowUnused.map((item) => `  ${where(item)} ${item.text}`));
  }
  if (summary.nowConstant.length > 0) {
    out.push('Now constant (exported, so kept; replace its uses in other files with the value, then delete it):', ...summary.nowConstant.map((item) => `  ${where(item)} ${item.text}`));
  }
  if (summary.problems.length > 0) out.push('Left as they were:', ...summary.problems.map((item) => `  ${where(item)}: ${item.text}`));
  return `${out.join('\n')}\n`;
}

/** The value to keep: from --value, else from the flag's release state; a flag that may not be removed stops here. */
function keptValue(options: Pick<CleanOptions, 'key' | 'value'>, checks: readonly FlagCheck[], catalog: FlagCatalog, context: PolicyContext): { kept: KeptValue; reason: string } {
  if (options.value !== undefined) return { kept: { kind: 'value', value: options.value.value }, reason: 'given with --value' };
  const definition = catalog.definitions.get(options.key) ?? checks.map((check) => findDefinition(check, catalog)).find((found) => found !== undefined);
  if (definition === undefined) {
    const where = catalog.environments.length > 0 ? ` (${catalog.environments.join(', ')})` : '';
    throw new CleanSetupError(`'${options.key}' is not defined in any environment${where}; give the value to keep with --value`);
  }
  // A permanent flag (a kill switch) is refused like a rolling-out one: only --value removes it.
  const removability = flagHygiene(definition, catalog, context).removability;
  if (!removability.removable) throw new CleanSetupError(`${removability.why}, or give the value to keep with --value`);
  return { kept: removability.kept, reason: removability.verdict.summary };
}

/** `true`, `42`, `"dark"`, `{"a":1}` as JSON; anything else as the string it is. */
function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function relative(root: string, file: string): string {
  return path.posix.relative(toPosixPath(root), toPosixPath(file));
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function isDirectory(directory: string): boolean {
  try {
    return fs.statSync(directory).isDirectory();
  } catch {
    return false;
  }
}
