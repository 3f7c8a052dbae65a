// `flaglens clean KEY [DIR] [--value VALUE] [--dry-run] [--config FILE]`: removes a released or dead
// flag and its dead branches from every file under DIR, then the key constant nothing mentions any more.
// Exit codes, as for scan: 0 done (or nothing to remove), 1 done but some checks were left as they were,
// 2 nothing was changed because the flag may not be removed or the arguments or configuration are wrong.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { findDefinition } from '../analysis/match';
import { classifyRelease, servedValueText } from '../analysis/release';
import { unifiedDiff } from '../analysis/remove/edits';
import { checksFlag, type FileRemoval, type KeptValue } from '../analysis/remove/plan';
import { removeFlagFromWorkspace, type FileWithChecks, type WorkspaceRemoval } from '../analysis/remove/workspace';
import type { FlagCatalog, FlagCheck } from '../analysis/types';
import { buildCatalog } from '../backends/catalog';
import { createBackends } from '../backends/create';
import { loadConfig } from '../workspace/config';
import { buildPatternSet } from '../analysis/patterns';
import { DEFAULT_MAX_FILE_SIZE } from '../workspace/config';
import { toPosixPath } from '../workspace/files';
import { WorkspaceIndex } from '../workspace/index';

/** The usage lines of `flaglens clean`, for the CLI's help. */
export const CLEAN_HELP = `flaglens clean
  Removes the flag KEY from every file under DIR: each check becomes the value the flag serves, the
  branches that value rules out are deleted, and so are the variables and helpers that only held it,
  the imports this left unused and the key's constant when nothing mentions it any more.
  KEY is the flag key, or a check's key as written when it could not be worked out (FLAGS.NEW_CHECKOUT).
  Without --value, the flag must be released or dead in the flag definitions.

  --value VALUE             keep this value (JSON: true, false, 42, "dark"; other text is a string),
                            e.g. for a flag already deleted from the backend
  --dry-run                 print a unified diff and change nothing
  --config FILE             use FILE instead of DIR/.flaglens.json

  Exit codes: 0 removed (or nothing to remove), 1 removed but some checks were left as they were
  (listed), 2 nothing changed: the flag is not released or dead, or bad arguments or configuration.
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
}

/** Parses the arguments after `clean`. */
export function parseCleanArguments(args: readonly string[]): CleanOptions {
  const positional: string[] = [];
  const values = new Map<string, string>();
  let dryRun = false;
  for (let position = 0; position < args.length; position++) {
    const arg = args[position];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    if (arg === '--dry-run') {
      dryRun = true;
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg : arg.slice(0, equals);
    if (!['--value', '--config'].includes(name)) throw new CleanSetupError(`unknown option '${name}' (see flaglens --help)`);
    if (values.has(name)) throw new CleanSetupError(`${name} is given twice`);
    const value = equals === -1 ? args[++position] : arg.slice(equals + 1);
    if (value === undefined || (value === '' && name === '--config')) throw new CleanSetupError(`${name} needs a value (see flaglens --help)`);
    values.set(name, value);
  }
  const [key, directory = '.', ...extra] = positional;
  if (key === undefined || key === '') throw new CleanSetupError('missing flag key: run flaglens clean KEY [DIR]');
  if (extra.length > 0) throw new CleanSetupError(`clean takes one key and one folder, not also: ${extra.join(' ')}`);
  if (!isDirectory(directory)) throw new CleanSetupError(`'${directory}' is not a folder`);
  const configFile = values.get('--config');
  if (configFile !== undefined && !fs.existsSync(configFile)) throw new CleanSetupError(`the configuration file '${configFile}' does not exist`);
  const rawValue = values.get('--value');
  return {
    key,
    directory,
    dryRun,
    ...(rawValue === undefined ? {} : { value: { value: parseValue(rawValue) } }),
    ...(configFile === undefined ? {} : { configFile: fs.realpathSync(configFile) }),
  };
}

/** Works out the removal for a folder without writing anything. */
export async function planClean(options: CleanOptions, log: (message: string) => void): Promise<CleanResult> {
  const root = toPosixPath(path.resolve(options.directory));
  const { config, problems } = loadConfig(root, options.configFile);
  if (problems.length > 0) {
    const [first] = problems;
    throw new CleanSetupError(`${path.posix.relative(root, toPosixPath(first.file)) || first.file}: ${first.message.replace(/\s*\n\s*/g, ' ')}`);
  }
  const backends = createBackends(config, root);
  const index = new WorkspaceIndex(root, {
    patterns: buildPatternSet(config.patterns),
    ignore: config.ignore,
    maxFileSize: config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    log,
  });
  const [loads] = await Promise.all([Promise.all(backends.map((backend) => backend.load())), index.indexAll()]);
  for (const [position, load] of loads.entries()) if (load.message) log(`${backends[position].label}: ${load.message}`);
  const catalog = buildCatalog(loads, backends.map((backend) => backend.label), config.environments);

  const filesWithChecks: FileWithChecks[] = [];
  const checksByFile = new Map<string, FlagCheck[]>();
  for (const [file, checks] of index.allChecks()) {
    const matching = checks.filter((check) => checksFlag(check, options.key) || (!check.resolved && check.key === options.key));
    if (matching.length > 0) checksByFile.set(file, matching);
  }
  const { kept, reason } = keptValue(options, [...checksByFile.values()].flat(), catalog);
  const otherFiles = [];
  for (const file of index.files()) {
    const text = fs.readFileSync(file, 'utf8');
    const checks = checksByFile.get(file);
    if (checks !== undefined) filesWithChecks.push({ fileName: file, text, checks });
    else otherFiles.push({ fileName: file, text });
  }
  const removal = removeFlagFromWorkspace(options.key, kept, filesWithChecks, otherFiles);
  return { root, kept, reason, removal };
}

/** Runs `flaglens clean` with the arguments after `clean`; gives the exit code. */
export async function runClean(args: readonly string[]): Promise<number> {
  const options = parseCleanArguments(args);
  const log = (message: string): void => {
    process.stderr.write(`flaglens: ${message}\n`);
  };
  const result = await planClean(options, log);
  const changed = result.removal.files.filter((file) => file.edits.length > 0);
  if (options.dryRun) {
    for (const file of changed) process.stdout.write(unifiedDiff(relative(result.root, file.fileName), originalText(file), file.text));
  } else {
    for (const file of changed) writeAtomically(file.fileName, file.text);
  }
  // With --dry-run stdout holds only the diff, so that it can be saved as a patch.
  const summary = summaryText(options, result);
  if (options.dryRun) process.stderr.write(summary);
  else process.stdout.write(summary);
  return result.removal.files.some((file) => file.problems.length > 0) ? 1 : 0;
}

/** The summary people read: files, checks removed, lines deleted, what was deleted and what is now unused. */
export function summaryText(options: CleanOptions, result: CleanResult): string {
  const files = result.removal.files;
  const changed = files.filter((file) => file.edits.length > 0);
  const checks = files.reduce((sum, file) => sum + file.checksRemoved, 0);
  const lines = changed.reduce((sum, file) => sum + file.linesDeleted, 0);
  const value = result.kept.kind === 'value' ? servedValueText(result.kept.value) : "the code's default";
  const out: string[] = [];
  if (changed.length === 0 && files.every((file) => file.problems.length === 0)) {
    out.push(`Nothing to remove: no check of '${options.key}' under ${relative(process.cwd(), result.root) || '.'}.`);
    return `${out.join('\n')}\n`;
  }
  const verb = options.dryRun ? 'Would remove' : 'Removed';
  out.push(`${verb} '${options.key}', keeping ${value} (${result.reason}): ${plural(checks, 'check')} in ${plural(changed.length, 'file')}, ${plural(lines, 'line')} deleted.`);
  for (const file of changed) {
    const deleted = file.deletedNames.length > 0 ? `; deleted ${file.deletedNames.join(', ')}` : '';
    out.push(`  ${relative(result.root, file.fileName)}: ${plural(file.checksRemoved, 'check')}, ${plural(file.linesDeleted, 'line')} deleted${deleted}`);
  }
  const unused = files.flatMap((file) => file.nowUnused.map((name) => `  ${relative(result.root, file.fileName)}:${name.line} ${name.kind} '${name.name}'`));
  if (unused.length > 0) out.push('Now unused (not deleted; delete them if nothing else needs them):', ...unused);
  const constant = files.flatMap((file) => file.nowConstant.map((name) => `  ${relative(result.root, file.fileName)}:${name.line} ${name.kind} '${name.name}' is always ${servedValueText(name.value)}`));
  if (constant.length > 0) out.push('Now constant (exported, so kept; replace its uses in other files with the value, then delete it):', ...constant);
  const problems = files.flatMap((file) => file.problems.map((problem) => `  ${relative(result.root, file.fileName)}:${problem.line}: ${problem.message}`));
  if (problems.length > 0) out.push('Left as they were:', ...problems);
  return `${out.join('\n')}\n`;
}

/** The value to keep: from --value, else from the flag's release state; a flag that may not be removed stops here. */
function keptValue(options: CleanOptions, checks: readonly FlagCheck[], catalog: FlagCatalog): { kept: KeptValue; reason: string } {
  if (options.value !== undefined) return { kept: { kind: 'value', value: options.value.value }, reason: 'given with --value' };
  const definition = catalog.definitions.get(options.key) ?? checks.map((check) => findDefinition(check, catalog)).find((found) => found !== undefined);
  if (definition === undefined) {
    const where = catalog.environments.length > 0 ? ` (${catalog.environments.join(', ')})` : '';
    throw new CleanSetupError(`'${options.key}' is not defined in any environment${where}; give the value to keep with --value`);
  }
  const verdict = classifyRelease(definition, catalog.countedEnvironments);
  if (verdict.state === 'rolling-out') {
    throw new CleanSetupError(`'${definition.key}' is rolling out (${verdict.summary}); only a released or dead flag is removed, or give the value to keep with --value`);
  }
  if (verdict.servesCodeDefault) return { kept: { kind: 'code-default' }, reason: verdict.summary };
  return { kept: { kind: 'value', value: verdict.value }, reason: verdict.summary };
}

/** `true`, `42`, `"dark"`, `{"a":1}` as JSON; anything else as the string it is. */
function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

// A reader never sees half a file: write a temporary file next to it, then rename it over the original.
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.flaglens-${process.pid}.tmp`;
  const mode = fs.statSync(file).mode;
  fs.writeFileSync(temporary, text, { mode });
  try {
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

function originalText(file: FileRemoval): string {
  return fs.readFileSync(file.fileName, 'utf8');
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
