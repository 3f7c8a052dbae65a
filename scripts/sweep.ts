// The clean-up sweep: on a real repository, removes every flag checked in code, once for each value it
// could serve, in memory (as `flaglens clean KEY DIR --value V --dry-run` does), and checks each
// rewritten file: it still parses, it has no new type error, and nothing changed outside the flag's
// checks and what their value flowed into (the rule is `outOfScopeChanges` in sweepChecks.ts).
// Usage: npm run sweep -- --repo PATH [--config FILE] [--limit N] [--key KEY]... [--json FILE] [--commit SHA] [--diffs DIR]
// --diffs writes each clean-up's diff to DIR/KEY=VALUE.diff, for reading by hand.
// Exit codes: 0 no wrong rewrite, 1 a wrong rewrite (or a crash of the clean-up), 2 bad arguments.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { diffLines, splitLinesKeepingBreaks, unifiedDiff, type LineChange } from '../server/src/analysis/remove/edits';
import { checksFlag } from '../server/src/analysis/remove/plan';
import type { FileRemoval } from '../server/src/analysis/remove/plan';
import type { FlagCheck } from '../server/src/analysis/types';
import { CleanSetupError, loadCleanFolder, planCleanIn, type CleanResult } from '../server/src/cli/clean';
import { scanFolder } from '../server/src/cli/scan';
import { newTypeErrors, outOfScopeChanges, parseErrors, TypeCheckSession, UNUSED_CODES, type TypeError } from './sweepChecks';

/** A rewrite the sweep proves wrong, or a clean-up that threw. */
interface Failure {
  kind: 'parse failure' | 'new type error' | 'type error of a guessed value' | 'out-of-scope change' | 'crash';
  /** A type error that names the kept value's own type (`type 'true'`): the code may never get that value. */
  namesKeptValue?: boolean;
  key: string;
  value: unknown;
  /** file:line, relative to the repository. */
  where: string;
  detail: string;
  excerpt: string;
}

/** The figures of one repository's sweep. */
interface SweepFigures {
  repo: string;
  commit: string;
  keys: number;
  cleanups: number;
  refused: number;
  filesRewritten: number;
  checksRemoved: number;
  leftAsIs: Record<string, number>;
  parseFailures: number;
  newTypeErrors: number;
  nowUnusedTypeErrors: number;
  /** New type errors that name the kept value's type: the flag may never serve that value there. */
  typeErrorsNamingValue: number;
  /** Rewritten files the type checker could not load. */
  notTypeChecked: number;
  outOfScopeChanges: number;
  crashes: number;
  seconds: number;
}

const WRONG: ReadonlySet<Failure['kind']> = new Set(['parse failure', 'new type error', 'out-of-scope change']);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      repo: { type: 'string' },
      config: { type: 'string' },
      limit: { type: 'string' },
      key: { type: 'string', multiple: true },
      json: { type: 'string' },
      // For a checkout without .git (a fetched snapshot): the commit it was taken from, for the report.
      commit: { type: 'string' },
      diffs: { type: 'string' },
    },
  });
  if (values.repo === undefined || !fs.existsSync(values.repo)) {
    process.stderr.write('usage: npm run sweep -- --repo PATH [--config FILE] [--limit N] [--key KEY]... [--json FILE] [--commit SHA] [--diffs DIR]\n');
    return 2;
  }
  const root = path.resolve(values.repo).split(path.sep).join('/');
  const configFile = values.config === undefined ? undefined : path.resolve(values.config);
  const limit = values.limit === undefined ? Infinity : Number(values.limit);
  const started = performance.now();
  // The scan and the clean-up's load log the same notes (a skipped large file): each is printed once.
  const logged = new Set<string>();
  const log = (message: string): void => {
    if (logged.has(message)) return;
    logged.add(message);
    process.stderr.write(`flaglens: ${message}\n`);
  };

  const scan = await scanFolder(root, { configFile, log });
  const checksByKey = new Map<string, FlagCheck[]>();
  for (const located of scan.checks) {
    if (!located.check.resolved || located.check.dynamic === true) continue;
    checksByKey.set(located.check.key, [...checksByKey.get(located.check.key) ?? [], located.check]);
  }
  const wanted = values.key;
  const keys = [...checksByKey.keys()]
    .filter((key) => wanted === undefined || wanted.includes(key))
    .sort((a, b) => checksByKey.get(b)!.length - checksByKey.get(a)!.length || (a < b ? -1 : 1))
    .slice(0, limit);

  const figures: SweepFigures = {
    repo: path.posix.basename(root), commit: values.commit ?? commitOf(root), keys: keys.length, cleanups: 0, refused: 0, filesRewritten: 0, checksRemoved: 0,
    leftAsIs: {}, parseFailures: 0, newTypeErrors: 0, nowUnusedTypeErrors: 0, typeErrorsNamingValue: 0, notTypeChecked: 0, outOfScopeChanges: 0, crashes: 0, seconds: 0,
  };
  const failures: Failure[] = [];
  const session = new TypeCheckSession(root);
  // Loaded once: every clean-up is planned in memory from the same texts, and none is written.
  const folder = await loadCleanFolder(root, configFile, log);
  for (const key of keys) {
    const { values: tried, guessed } = valuesToTry(checksByKey.get(key)!);
    for (const value of tried) {
      process.stderr.write(`sweep: ${key} = ${JSON.stringify(value)}\n`);
      let result: CleanResult;
      try {
        result = planCleanIn(folder, { key, value: { value } });
      } catch (error) {
        if (error instanceof CleanSetupError) {
          figures.refused++;
          continue;
        }
        figures.crashes++;
        failures.push({ kind: 'crash', key, value, where: '-', detail: error instanceof Error ? error.stack ?? error.message : String(error), excerpt: '' });
        continue;
      }
      figures.cleanups++;
      if (values.diffs !== undefined) writeDiff(values.diffs, key, value, result);
      failures.push(...checkCleanup(result, key, value, guessed, scan.checks.map((located) => ({ file: `${root}/${located.file}`, check: located.check })), session, figures));
      // A long sweep that is stopped still leaves the figures so far.
      if (values.json !== undefined) fs.writeFileSync(values.json, `${JSON.stringify({ partial: true, figures, failures }, null, 2)}\n`);
    }
  }
  figures.seconds = Math.round((performance.now() - started) / 100) / 10;
  process.stdout.write(report(figures, failures));
  if (values.json !== undefined) fs.writeFileSync(values.json, `${JSON.stringify({ figures, failures }, null, 2)}\n`);
  return failures.some((failure) => WRONG.has(failure.kind) || failure.kind === 'crash') ? 1 : 0;
}

/**
 * The values a flag could serve: both booleans for a boolean check, else the literal defaults at its
 * checks; else both booleans as a guess (`guessed`): a type error that names such a value (or, in a file,
 * a value none of that file's checks states) says more of the guess than of the clean-up, and is counted
 * apart.
 */
function valuesToTry(checks: readonly FlagCheck[]): { values: unknown[]; guessed: boolean } {
  if (checks.some((check) => check.valueType === 'boolean' || check.negate)) return { values: [true, false], guessed: false };
  const defaults = new Map<string, unknown>();
  for (const check of checks) {
    const literal = check.defaultValueText === undefined ? undefined : literalValue(check.defaultValueText);
    if (literal !== undefined) defaults.set(JSON.stringify(literal.value) ?? 'undefined', literal.value);
  }
  return defaults.size > 0 ? { values: [...defaults.values()], guessed: false } : { values: [true, false], guessed: true };
}

function literalValue(code: string): { value: unknown } | undefined {
  const trimmed = code.trim();
  if (trimmed === 'true' || trimmed === 'false' || trimmed === 'null') return { value: JSON.parse(trimmed) as unknown };
  if (/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return { value: Number(trimmed) };
  const quoted = /^(['"`])((?:(?!\1)[^\\$])*)\1$/.exec(trimmed);
  return quoted === null ? undefined : { value: quoted[2] };
}

/** The three checks of every file one clean-up rewrote, adding to the figures; the failures found. */
function checkCleanup(result: CleanResult, key: string, value: unknown, guessed: boolean, allChecks: ReadonlyArray<{ file: string; check: FlagCheck }>,
  session: TypeCheckSession, figures: SweepFigures): Failure[] {
  const failures: Failure[] = [];
  const relative = (file: string): string => path.posix.relative(result.root, file);
  for (const file of result.removal.files) {
    figures.checksRemoved += file.checksRemoved;
    for (const problem of file.problems) {
      const reason = reasonOf(problem.message);
      figures.leftAsIs[reason] = (figures.leftAsIs[reason] ?? 0) + 1;
    }
  }
  const changed = result.removal.files.filter((file) => file.edits.length > 0 && file.text !== result.originals.get(file.fileName));
  figures.filesRewritten += changed.length;
  if (changed.length === 0) return failures;
  const originalOf = (file: FileRemoval): string => result.originals.get(file.fileName) ?? fs.readFileSync(file.fileName, 'utf8');

  // (a) Every rewritten file still parses: no parser error it did not have before.
  for (const file of changed) {
    const before = new Set(parseErrors(file.fileName, originalOf(file)).map(withoutPosition));
    const added = parseErrors(file.fileName, file.text).filter((error) => !before.has(withoutPosition(error)));
    if (added.length === 0) continue;
    figures.parseFailures++;
    const line = Number(added[0].split(':')[0]);
    failures.push({ kind: 'parse failure', key, value, where: `${relative(file.fileName)}:${line}`, detail: added[0], excerpt: diffExcerpt(originalOf(file), file.text, line) });
  }

  // (b) No type error that was not there before, compared as sets of (file, code, message).
  const names = changed.map((file) => file.fileName);
  const before = session.errorsOf(names, new Map(), true);
  const after = session.errorsOf(names, new Map(changed.map((file) => [file.fileName, file.text])), false);
  for (const file of changed) {
    if (!after.has(file.fileName) || !before.has(file.fileName)) figures.notTypeChecked++;
    const added = newTypeErrors(before.get(file.fileName) ?? [], after.get(file.fileName) ?? []);
    // A value only another file's check passes as its default is a guess for this file: its own code
    // (`flags[KEY]`, typed any) may be written for other values, which its types then name.
    const here = valuesToTry(allChecks.filter((entry) => entry.file === file.fileName && checksFlag(entry.check, key)).map((entry) => entry.check));
    const guessedHere = guessed || here.guessed || !here.values.some((candidate) => Object.is(candidate, value));
    const unused = added.filter((error) => UNUSED_CODES.has(error.code));
    figures.nowUnusedTypeErrors += unused.length;
    for (const error of added.filter((candidate) => !UNUSED_CODES.has(candidate.code))) {
      figures.newTypeErrors++;
      const namesKeptValue = namesValueType(error.message, value);
      if (namesKeptValue) figures.typeErrorsNamingValue++;
      failures.push({ kind: namesKeptValue && guessedHere ? 'type error of a guessed value' : 'new type error', key, value, namesKeptValue, where: `${error.file}:${error.line}`, detail: typeErrorText(error), excerpt: diffExcerpt(originalOf(file), file.text, error.line) });
    }
  }

  // (c) Nothing changed outside the flag's checks and what their value flowed into.
  const deleted = result.removal.deletedConstants.map(lastSegment);
  for (const file of changed) {
    const checkSpans = allChecks.filter((entry) => entry.file === file.fileName && (checksFlag(entry.check, key) || (!entry.check.resolved && entry.check.key === key)))
      .map((entry) => entry.check.callSpan);
    const names = new Set([...file.deletedNames.map(lastSegment), ...file.nowConstant.map((constant) => constant.name), ...deleted]);
    const original = originalOf(file);
    for (const change of outOfScopeChanges(file.fileName, original, file.text, { checkSpans, names, key })) {
      figures.outOfScopeChanges++;
      const excerpt = diffExcerpt(original, file.text, change.newStart + 1);
      failures.push({ kind: 'out-of-scope change', key, value, where: `${relative(file.fileName)}:${change.oldStart + 1}`, detail: 'a change far from every check of the flag and every name the removal deleted', excerpt });
    }
  }
  return failures;
}

/** The clean-up's diff, as `flaglens clean --dry-run` prints it, with what it left as it was. */
function writeDiff(folder: string, key: string, value: unknown, result: CleanResult): void {
  fs.mkdirSync(folder, { recursive: true });
  const relative = (file: string): string => path.posix.relative(result.root, file);
  const parts = result.removal.files.filter((file) => file.edits.length > 0)
    .map((file) => unifiedDiff(relative(file.fileName), result.originals.get(file.fileName) ?? '', file.text));
  for (const file of result.removal.files) for (const problem of file.problems) parts.push(`# left: ${relative(file.fileName)}:${problem.line}: ${problem.message}\n`);
  fs.writeFileSync(path.join(folder, `${key.replace(/[^\w.-]/g, '_')}=${JSON.stringify(value).replace(/[^\w.-]/g, '_')}.diff`), parts.join(''));
}

/** A problem's message without the names and numbers in it, to count problems by reason. */
function reasonOf(message: string): string {
  // A quote after a letter is an apostrophe (the flag's value), not the start of a name.
  return message.replace(/(^|[^\w])'[^']*'(?!\w)/g, "$1'…'").replace(/`[^`]*`/g, '`…`').replace(/\([^)]*\)/g, '(…)').replace(/\d+(:\d+)?/g, 'N');
}

/** True when a type error's message names the kept value's literal type: `type 'true'`, `"dark"`, `boolean`. */
function namesValueType(message: string, value: unknown): boolean {
  const literal = typeof value === 'string' ? `"${value}"` : String(value);
  return message.includes(`'${literal}'`) || message.includes(`${literal} |`) || message.includes(`| ${literal}`)
    || (typeof value === 'boolean' && /'boolean'/.test(message));
}

function withoutPosition(error: string): string {
  return error.replace(/^\d+:\d+ /, '');
}

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

function typeErrorText(error: TypeError): string {
  return `TS${error.code}: ${error.message}`;
}

/** The change of the diff nearest to `line` (1-based, in the rewritten text), as -/+ lines with two lines of context. */
function diffExcerpt(original: string, rewritten: string, line: number): string {
  const oldLines = splitLinesKeepingBreaks(original).map((text) => text.replace(/\r?\n$/, ''));
  const newLines = splitLinesKeepingBreaks(rewritten).map((text) => text.replace(/\r?\n$/, ''));
  const changes = diffLines(oldLines, newLines);
  if (changes.length === 0) return '';
  const distance = (change: LineChange): number => (line - 1 < change.newStart ? change.newStart - (line - 1) : Math.max(0, line - 1 - (change.newEnd - 1)));
  const nearest = changes.reduce((best, change) => (distance(change) < distance(best) ? change : best));
  const context = 2;
  const from = Math.max(0, nearest.oldStart - context);
  const out = [`@@ -${nearest.oldStart + 1} +${nearest.newStart + 1} @@`];
  out.push(...oldLines.slice(from, nearest.oldStart).map((text) => ` ${text}`));
  out.push(...oldLines.slice(nearest.oldStart, nearest.oldEnd).slice(0, 12).map((text) => `-${text}`));
  if (nearest.oldEnd - nearest.oldStart > 12) out.push(`-… (${nearest.oldEnd - nearest.oldStart - 12} more lines)`);
  out.push(...newLines.slice(nearest.newStart, nearest.newEnd).slice(0, 12).map((text) => `+${text}`));
  if (nearest.newEnd - nearest.newStart > 12) out.push(`+… (${nearest.newEnd - nearest.newStart - 12} more lines)`);
  out.push(...oldLines.slice(nearest.oldEnd, nearest.oldEnd + context).map((text) => ` ${text}`));
  if (distance(nearest) > 0) out.push(`  (line ${line} itself is unchanged: ${(newLines[line - 1] ?? '').trim()})`);
  return out.join('\n');
}

function commitOf(root: string): string {
  try {
    const head = fs.readFileSync(path.join(root, '.git', 'HEAD'), 'utf8').trim();
    return head.startsWith('ref: ') ? fs.readFileSync(path.join(root, '.git', head.slice(5)), 'utf8').trim() : head;
  } catch {
    return '(not a git checkout)';
  }
}

function report(figures: SweepFigures, failures: readonly Failure[]): string {
  const wrong = failures.filter((failure) => WRONG.has(failure.kind));
  const out = [
    `${figures.repo} @ ${figures.commit.slice(0, 12)} (${figures.seconds} s)`,
    `  keys ${figures.keys} · clean-ups run ${figures.cleanups} (refused ${figures.refused}) · files rewritten ${figures.filesRewritten} · checks removed ${figures.checksRemoved}`,
    `  parse failures ${figures.parseFailures} · new type errors ${figures.newTypeErrors} (${figures.typeErrorsNamingValue} naming the kept value's type; plus ${figures.nowUnusedTypeErrors} "declared but never used"; ${figures.notTypeChecked} files not type-checked) · out-of-scope changes ${figures.outOfScopeChanges} · crashes ${figures.crashes}`,
    `  left as it is: ${Object.values(figures.leftAsIs).reduce((sum, count) => sum + count, 0)}`,
    ...Object.entries(figures.leftAsIs).sort((a, b) => b[1] - a[1]).map(([reason, count]) => `    ${String(count).padStart(4)}  ${reason}`),
    wrong.length === 0 ? '  no wrong rewrite found' : `  WRONG REWRITES: ${wrong.length}`,
  ];
  for (const failure of failures) {
    const note = failure.namesKeptValue === true ? ' [names the kept value\'s type]' : '';
    out.push('', `${failure.kind}${note}: ${failure.where} (clean-up of '${failure.key}' keeping ${JSON.stringify(failure.value)})`, `  ${failure.detail}`);
    if (failure.excerpt !== '') out.push(failure.excerpt.split('\n').map((line) => `    ${line}`).join('\n'));
  }
  return `${out.join('\n')}\n`;
}

main().then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  process.stderr.write(`sweep: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 2;
});
