// The `flaglens` command line. Exit codes: 0 nothing matched --fail-on, 1 something did, 2 the scan
// could not run (bad arguments or configuration), with one line on stderr saying why.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { version } from '../../../package.json';
import { FINDING_CODES } from '../analysis/findings';
import type { Finding } from '../analysis/types';
import { parseCommandArguments, stringOption, UsageError } from './args';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { CLEAN_HELP, CleanSetupError, parseCleanArguments, runClean } from './clean';
import { formatText } from './format-text';
import { parseInitArguments, runInit } from './init';
import { parseReportArguments, REPORT_HELP, runReport } from './report';
import { scanFolder, ScanSetupError } from './scan';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];
const SEVERITIES = ['error', 'warning', 'information', 'hint'];
const DEFAULT_FAIL_ON = 'error';

const HELP = `FlagLens: feature flag checks in TypeScript and JavaScript, checked against your flag definitions.

Usage:
  flaglens scan [DIR] [--format text|json|sarif] [--fail-on KINDS] [--config FILE] [--cache FILE]
  flaglens init [DIR] [--dry-run] [--force]
  flaglens clean KEY [DIR] [--value VALUE] [--dry-run] [--config FILE]
  flaglens report [DIR] [--format markdown|json] [--since REF] [--config FILE]
  flaglens --help | --version

flaglens scan
  Finds every flag check under DIR (default: the current folder), reads the flag definitions
  (.flaglens.json's backends, or flags/*.flagd.json) and reports unknown, archived, stale,
  released and dead flags.

  --format text|json|sarif  text for people (default), json for scripts, sarif for code scanning
  --fail-on KINDS           comma-separated finding codes and/or severities that make the exit code 1,
                            e.g. unknown-flag,stale-flag or error,warning; "none" never fails.
                            A severity matches findings of exactly that severity. Default: the
                            policy's failOn in .flaglens.json, else ${DEFAULT_FAIL_ON}
                            Codes: ${FINDING_CODES.join(', ')}
                            Severities: ${SEVERITIES.join(', ')} (set per code in .flaglens.json)
  --config FILE             use FILE instead of DIR/.flaglens.json
  --cache FILE              keep flag services' last good definitions in FILE, and the index beside it
                            (default: under $XDG_CACHE_HOME/flaglens/workspaces/, never in DIR)

Tokens come from FLAGLENS_UNLEASH_TOKEN, FLAGLENS_LAUNCHDARKLY_TOKEN or the variable tokenEnv names, and
go only to the origin of the matching URL variable (FLAGLENS_UNLEASH_URL, ...) or one listed in
FLAGLENS_ALLOWED_ORIGINS, never to an address the repository's .flaglens.json alone names.

Exit codes: 0 nothing matched --fail-on, 1 something did, 2 bad arguments or configuration.

flaglens init
  Finds the team's own wrappers around flag checks (one or two levels deep), functions that return
  every flag at once, and the enum, as const object, union type or interface that lists the flags,
  prints what it found and why, and writes DIR/.flaglens.json so that scan finds those checks too.

  --dry-run                 print the proposed .flaglens.json, write nothing
  --force                   replace an existing .flaglens.json (otherwise it is kept; exit code 1)

${CLEAN_HELP}
${REPORT_HELP}
Colour is used when stdout is a terminal and NO_COLOR is not set.
`;

interface ScanArguments {
  directory: string;
  format: Format;
  /** Undefined when not given: then the policy's, else the default. */
  failOn?: { spec: string; kinds: Set<string> };
  configFile?: string;
  cacheFile?: string;
}

/** Runs the command line and gives the exit code. */
async function main(args: string[]): Promise<number> {
  try {
    const [command, ...rest] = args;
    if (command === undefined) throw new UsageError('missing command: run flaglens scan [DIR], or flaglens --help');
    if (command === '--help' || command === '-h' || command === 'help') return write(HELP, 0);
    if (command === '--version' || command === '-v') return write(`flaglens ${version}\n`, 0);
    if (command === 'init') return await init(rest);
    if (command === 'report') {
      const options = parseReportArguments(rest);
      if (options === 'help') return write(HELP, 0);
      return write(await runReport(options, (message) => process.stderr.write(`flaglens: ${message}\n`)), 0);
    }
    if (command === 'clean') {
      const options = parseCleanArguments(rest);
      return options === 'help' ? write(HELP, 0) : await runClean(options);
    }
    if (command !== 'scan') throw new UsageError(`unknown command '${command}': the commands are scan, report, init and clean (see flaglens --help)`);
    const options = parseScanArguments(rest);
    return options === 'help' ? write(HELP, 0) : await runScan(options);
  } catch (error) {
    const known = error instanceof UsageError || error instanceof ScanSetupError || error instanceof CleanSetupError;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`flaglens: ${known ? '' : 'internal error: '}${message.split('\n')[0]}\n`);
    return 2;
  }
}

async function init(args: string[]): Promise<number> {
  const options = parseInitArguments(args);
  if (options === 'help') return write(HELP, 0);
  const exitCode = await runInit(options, (text) => process.stdout.write(text), (message) => process.stderr.write(`flaglens: ${message}\n`));
  return write('', exitCode);
}

async function runScan(options: ScanArguments): Promise<number> {
  const log = (message: string): void => {
    process.stderr.write(`flaglens: ${message}\n`);
  };
  const report = await scanFolder(options.directory, { configFile: options.configFile, cacheFile: options.cacheFile, log, ageFromGit: true });
  for (const note of report.notes) log(note);
  const failOn = options.failOn ?? parseFailOn(report.failOn?.join(',') ?? DEFAULT_FAIL_ON);
  const failing = report.findings.filter(({ finding }) => matchesFailOn(finding, failOn.kinds)).length;
  let output: string;
  if (options.format === 'json') output = formatJson(report);
  else if (options.format === 'sarif') output = formatSarif(report);
  else output = formatText(report, { color: useColor(), failOn: { spec: failOn.spec, matches: failing } });
  return write(output, failing > 0 ? 1 : 0);
}

function parseScanArguments(args: string[]): ScanArguments | 'help' {
  const parsed = parseCommandArguments('scan', args, { format: 'string', 'fail-on': 'string', config: 'string', cache: 'string' });
  if (parsed.values.has('help')) return 'help';
  const { positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`scan takes one folder, not ${positionals.length}: ${positionals.join(' ')}`);
  const directory = positionals[0] ?? '.';
  if (!isDirectory(directory)) throw new UsageError(`'${directory}' is not a folder`);
  const format = stringOption(parsed, 'format') ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not '${format}'`);
  }
  const configFile = stringOption(parsed, 'config');
  if (configFile !== undefined && !fs.existsSync(configFile)) throw new UsageError(`the configuration file '${configFile}' does not exist`);
  const cacheFile = stringOption(parsed, 'cache');
  const failOnSpec = stringOption(parsed, 'fail-on');
  return {
    directory,
    format: format as Format,
    ...(failOnSpec === undefined ? {} : { failOn: parseFailOn(failOnSpec) }),
    // Relative to where the command runs, as people expect of a path they type.
    ...(configFile === undefined ? {} : { configFile: fs.realpathSync(configFile) }),
    ...(cacheFile === undefined ? {} : { cacheFile: path.resolve(cacheFile) }),
  };
}

function parseFailOn(spec: string): { spec: string; kinds: Set<string> } {
  const kinds = spec.split(',').map((kind) => kind.trim()).filter((kind) => kind !== '');
  if (kinds.length === 1 && kinds[0] === 'none') return { spec, kinds: new Set() };
  const known = [...FINDING_CODES, ...SEVERITIES];
  const unknown = kinds.filter((kind) => !known.includes(kind));
  if (unknown.length > 0 || kinds.length === 0) {
    throw new UsageError(`--fail-on takes finding codes or severities (${known.join(', ')}) or none, not '${unknown.join(',') || spec}'`);
  }
  return { spec, kinds: new Set(kinds) };
}

function matchesFailOn(finding: Finding, kinds: ReadonlySet<string>): boolean {
  return kinds.has(finding.code) || kinds.has(finding.severity);
}

function isDirectory(directory: string): boolean {
  try {
    return fs.statSync(directory).isDirectory();
  } catch {
    return false;
  }
}

function useColor(): boolean {
  return process.stdout.isTTY === true && !process.env.NO_COLOR;
}

function write(text: string, exitCode: number): number {
  process.stdout.write(text);
  return exitCode;
}

// A reader that stops early (`flaglens scan --format json | head -1`) is not an error of the scan: end
// quietly, with the exit code the scan gave if it is known.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

void main(process.argv.slice(2)).then((exitCode) => {
  // Setting the code rather than exiting lets a large output drain into a pipe first.
  process.exitCode = exitCode;
});
