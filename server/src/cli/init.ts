// `flaglens init [DIR] [--dry-run] [--force]`: discovers a folder's wrappers, flag bags and flag registry
// and writes the `.flaglens.json` that makes `flaglens scan` find them, saying what it found and why.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeDiscovery } from '../analysis/discover';
import { CONFIG_FILE_NAME } from '../workspace/config';
import { parseCommandArguments, UsageError } from './args';
import { configFileText, discoverFolder, foundAnything } from '../workspace/discovery';

/** Arguments of `flaglens init`. */
export interface InitArguments {
  directory: string;
  dryRun: boolean;
  force: boolean;
}

/** Reads `init`'s arguments; 'help' when they ask for it. */
export function parseInitArguments(args: readonly string[]): InitArguments | 'help' {
  const parsed = parseCommandArguments('init', args, { 'dry-run': 'boolean', force: 'boolean' });
  if (parsed.values.has('help')) return 'help';
  const { positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`init takes one folder, not ${positionals.length}: ${positionals.join(' ')}`);
  const directory = positionals[0] ?? '.';
  if (!fs.existsSync(directory) || !fs.statSync(directory).isDirectory()) throw new UsageError(`'${directory}' is not a folder`);
  return { directory, dryRun: parsed.values.has('dry-run'), force: parsed.values.has('force') };
}

/**
 * Runs discovery and prints what it found; writes `.flaglens.json` unless `--dry-run`, or unless one exists
 * and `--force` is not given. Exit code 0 when written (or a dry run), 1 when an existing file was kept.
 */
export async function runInit(options: InitArguments, out: (text: string) => void, log: (message: string) => void): Promise<number> {
  const found = await discoverFolder(options.directory, log);
  const target = path.join(found.root, CONFIG_FILE_NAME);
  const lines = describeDiscovery(found.discovery);
  out(`Read ${found.filesRead} source files in ${found.root}.\n`);
  out(lines.length > 0
    ? `Found:\n${lines.map((line) => `  ${line}`).join('\n')}\n`
    : 'Found no wrapper, flag bag or flag registry: the SDK presets already cover this code, or it has no flag checks.\n');
  const text = configFileText(found.config);
  if (options.dryRun) {
    out(`\nProposed ${CONFIG_FILE_NAME} (not written, --dry-run):\n${text}`);
    return 0;
  }
  if (!foundAnything(found.discovery)) return 0;
  const existing = lstatOrUndefined(target);
  if (existing !== undefined && !existing.isFile()) {
    // A link's target may be anywhere; a repository must not make init write outside it.
    log(`${target} is ${existing.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}; FlagLens does not write through it. Proposed instead:`);
    out(text);
    return 1;
  }
  if (existing !== undefined && !options.force) {
    out(`\n${target} exists already and was kept. Proposed instead:\n${text}Merge it by hand, or run again with --force to replace the file.\n`);
    return 1;
  }
  // Exclusive when there was no file: one that appeared meanwhile (or a link planted meanwhile) is not followed.
  fs.writeFileSync(target, text, { flag: existing === undefined ? 'wx' : 'w' });
  out(`\nWrote ${target}. Run flaglens scan ${options.directory} to see every check it finds.\n`);
  return 0;
}

function lstatOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file);
  } catch {
    return undefined;
  }
}
