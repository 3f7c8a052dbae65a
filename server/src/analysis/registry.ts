// A team's flag registry in code: the enum, `as const` object, union type or interface that lists the
// flags that exist. `.flaglens.json` names it; then keys checked in code but not listed, and entries no
// check uses, are findings, each with a did-you-mean and an edit that fixes it.

import { ts } from 'ts-morph';
import { camelCaseFromFlagKey } from './keys';
import { scriptKindOf } from './scriptKind';
import { scannedText } from './components';
import { declaredNames, readDeclaration, registryLabel } from './registryDeclarations';
import { closestKey } from './suggest';
import { DEFAULT_SEVERITIES, type Finding, type FindingCode, type FlagCheck, type Severity, type Span } from './types';

/** Where `.flaglens.json` says the registry is: a file relative to the workspace folder, and the name declared in it. */
export interface RegistryLocation {
  file: string;
  symbol: string;
  /** Properties that hold an enum or object registry (`Gate = Gate` in a client class): `features.Gate.X` is then a key. */
  properties?: string[];
}

/**
 * How the registry is written: `enum F { X = 'x' }`, `const F = { X: 'x' } as const`, `type F = 'x' | 'y'`, `interface F
 * { x: boolean }`, `const F = ['x', 'y'] as const` (a list, typed by its items, `(typeof F)[number]`).
 */
export type RegistryKind = 'enum' | 'object' | 'union' | 'interface' | 'list';

/** One flag the registry lists. */
export interface RegistryEntry {
  key: string;
  /** The member or property name (`NewNav`), or the key itself in a union. */
  name: string;
  /** The whole entry, as removed by the quick fix. */
  span: Span;
  /** The key as written: a string literal, or a property name for an interface. */
  keySpan: Span;
  /** The entry names a module constant that holds its key (`[DARKMODE, …]`, `[DARKMODE]: boolean`): `name` is the constant's, `keySpan` its value's. */
  constant?: true;
}

/** The registry read from its file. */
export interface FlagRegistry {
  /** Absolute path of the file. */
  file: string;
  /** The file as `.flaglens.json` names it, for messages. */
  label: string;
  symbol: string;
  kind: RegistryKind;
  entries: RegistryEntry[];
  /** Where the list's entries start and end (inside the braces, or the union), so that a new entry can be added. */
  listSpan: Span;
  /**
   * Keys a union lists through `keyof X` or `keyof typeof x` members declared in the same file: listed, but
   * edited where `X` is, so they are not entries. Absent when there are none.
   */
  referencedKeys?: string[];
}

/** A text edit in one file. */
export interface TextEdit {
  span: Span;
  newText: string;
}

/** Severity overrides, as findings.ts takes them. */
type Severities = Partial<Record<FindingCode, Severity | 'off'>>;

/**
 * The registry `symbol` declares in a file's text, or a sentence saying why it cannot be read. Never throws.
 * `label` is the file as people wrote it.
 */
export function readRegistry(file: string, label: string, text: string, symbol: string): { registry?: FlagRegistry; problem?: string } {
  const sourceFile = ts.createSourceFile(file, scannedText(file, text), ts.ScriptTarget.Latest, false, scriptKindOf(file));
  for (const statement of sourceFile.statements) {
    const read = readDeclaration(sourceFile, statement, symbol);
    if (read === undefined) continue;
    if (read.entries.length === 0 && (read.referencedKeys ?? []).length === 0) {
      return { problem: `The flag registry ${registryLabel(symbol)} in ${label} lists no flag keys: give each entry a string key, e.g. NewNav = 'new-nav'.` };
    }
    return { registry: { file, label, symbol, ...read } };
  }
  return {
    problem: `The flag registry ${registryLabel(symbol)} is not declared in ${label}: name an enum, an as const object or list, a list of the file's string constants, a union of string literals or an interface declared at the top of that file, or "default" for an object the file exports as its default.`,
  };
}

/** A declaration that could be a flag registry, as `registryCandidates` finds it. */
export interface RegistryCandidate {
  symbol: string;
  kind: RegistryKind;
  keys: string[];
  /** Member name (`NewNav`, `checkout.V2`) → key, for an enum or object. */
  keyOfMember: ReadonlyMap<string, string>;
  exported: boolean;
  /** The types a union takes keys from: `FeatureFlagConfig` for `type Feature = keyof FeatureFlagConfig`. */
  keysFrom?: string[];
  /** The module constants a list or interface names its keys by (`DARKMODE` in `[DARKMODE, NEW_NAV]`). */
  constants?: string[];
}

const CLASS_OF_FLAGS = /flag|toggle/i;

/**
 * Every top-level declaration of a file that could be a flag registry, with its keys: the candidates `flaglens init`
 * weighs. `parsed`, when given, is the tree of this very text. A declaration of fewer than `minKeys` keys (a lone
 * literal `type Kind = 'x'`) is no candidate unless the caller has other evidence.
 */
export function registryCandidates(file: string, text: string, parsed?: ts.SourceFile, minKeys = 2): RegistryCandidate[] {
  const sourceFile = parsed ?? ts.createSourceFile(file, scannedText(file, text), ts.ScriptTarget.Latest, false, scriptKindOf(file));
  const candidates: RegistryCandidate[] = [];
  for (const statement of sourceFile.statements) {
    // A class lists flags only when its name says so: most classes of properties alone are an app's records or controllers.
    if (ts.isClassDeclaration(statement) && !CLASS_OF_FLAGS.test(statement.name?.text ?? '')) continue;
    for (const symbol of declaredNames(statement)) {
      const read = readDeclaration(sourceFile, statement, symbol);
      const keys = read === undefined ? [] : listedKeys(read);
      if (read === undefined || keys.length < minKeys) continue;
      const constants = read.entries.flatMap((entry) => (entry.constant === true ? [entry.name] : []));
      const exported = ts.canHaveModifiers(statement) && (ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false);
      candidates.push({
        symbol, kind: read.kind, keys, keyOfMember: new Map(read.entries.map((entry) => [entry.name, entry.key])), exported,
        ...(read.keysFrom === undefined ? {} : { keysFrom: read.keysFrom }),
        ...(constants.length > 0 ? { constants } : {}),
      });
    }
  }
  return candidates;
}

/** `unregistered-flag` findings: resolved checks of one file whose key the registry does not list. */
export function findingsForRegistry(file: string, checks: readonly FlagCheck[], registry: FlagRegistry, severities: Severities): Finding[] {
  const severity = severityOf('unregistered-flag', severities);
  if (severity === undefined) return [];
  const keys = listedKeys(registry);
  const listed = new Set(keys);
  const camelCaseNames = new Set(keys.map(camelCaseFromFlagKey));
  const findings: Finding[] = [];
  for (const check of checks) {
    if (!check.resolved || check.listedByBag === true || listed.has(check.key)) continue;
    if (check.camelCaseName !== undefined && camelCaseNames.has(check.camelCaseName)) continue;
    const suggestion = closestKey(check.key, keys);
    const advice = suggestion === undefined
      ? ` Add it to ${registry.symbol}, or check the key for a typo.`
      : ` Did you mean '${suggestion}'?`;
    const finding: Finding = {
      code: 'unregistered-flag',
      severity,
      message: `'${check.key}' is not listed in the flag registry ${registry.symbol} (${registry.label}).${advice}`,
      file,
      span: check.keySpan,
      key: check.key,
    };
    if (suggestion !== undefined) finding.suggestion = suggestion;
    findings.push(finding);
  }
  return findings;
}

/**
 * `unused-flag` findings: registry entries no flag check uses, in the registry file. A dynamic check's possible
 * keys count as uses, unless they are every listed key: a parameter typed as the whole registry (`flag: FeatureFlag`)
 * says that any flag may be passed, not which ones are. When code checks an unlisted key close to the entry, it is offered as the entry's new key.
 */
export function unusedRegistryFindings(registry: FlagRegistry, checks: Iterable<FlagCheck>, severities: Severities): Finding[] {
  const severity = severityOf('unused-flag', severities);
  if (severity === undefined) return [];
  const used = new Set<string>();
  const usedCamelCaseNames = new Set<string>();
  const listed = new Set(listedKeys(registry));
  for (const check of checks) {
    if (check.resolved) used.add(check.key);
    if (check.camelCaseName !== undefined) usedCamelCaseNames.add(check.camelCaseName);
    if (check.possibleKeys !== undefined && !coversAll(check.possibleKeys, listed)) for (const key of check.possibleKeys) used.add(key);
  }
  const unlistedUsed = [...used].filter((key) => !listed.has(key));
  const findings: Finding[] = [];
  for (const entry of registry.entries) {
    if (used.has(entry.key) || usedCamelCaseNames.has(camelCaseFromFlagKey(entry.key))) continue;
    const suggestion = closestKey(entry.key, unlistedUsed);
    const message = suggestion === undefined
      ? `'${entry.key}' is listed in ${registry.symbol} but no flag check uses it: remove it, and the flag from its backend once no code needs it.`
      : `'${entry.key}' is listed in ${registry.symbol} but no flag check uses it. Code checks '${suggestion}', which ${registry.symbol} does not list: did you mean '${suggestion}'?`;
    const finding: Finding = { code: 'unused-flag', severity, message, file: registry.file, span: entry.keySpan, key: entry.key };
    if (suggestion !== undefined) finding.suggestion = suggestion;
    findings.push(finding);
  }
  return findings;
}

/** Every key a registry lists: its entries', then those its `keyof` members bring in. */
export function listedKeys(registry: Pick<FlagRegistry, 'entries' | 'referencedKeys'>): string[] {
  const keys = registry.entries.map((entry) => entry.key);
  for (const key of registry.referencedKeys ?? []) if (!keys.includes(key)) keys.push(key);
  return keys;
}

/** True when `keys` holds every key of `listed`. */
export function coversAll(keys: readonly string[], listed: ReadonlySet<string>): boolean {
  if (keys.length < listed.size) return false;
  const given = new Set(keys);
  for (const key of listed) if (!given.has(key)) return false;
  return true;
}

/** The edit that adds `key` as the registry's last entry, in the style of the entries around it. */
export function addEntryEdit(registry: FlagRegistry, text: string, key: string): TextEdit {
  const last = registry.entries[registry.entries.length - 1];
  const quote = last === undefined ? "'" : quoteOf(text, last.keySpan);
  const literal = `${quote}${key.replace(new RegExp(quote, 'g'), `\\${quote}`)}${quote}`;
  if (registry.kind === 'union') {
    return { span: { start: registry.listSpan.end, end: registry.listSpan.end }, newText: ` | ${literal}` };
  }
  const entryText = registry.kind === 'list' ? literal : registry.kind === 'interface'
    ? `${isIdentifier(key) ? key : literal}: ${last === undefined ? 'boolean' : interfaceMemberType(text, last)}`
    : `${memberName(key, registry.entries.map((entry) => entry.name))}${registry.kind === 'enum' ? ' = ' : ': '}${literal}`;
  const separator = registry.kind === 'interface' ? ';' : ',';
  if (last === undefined) {
    return { span: { start: registry.listSpan.start, end: registry.listSpan.start }, newText: ` ${entryText}${separator} ` };
  }
  const lineBreak = /\r?\n/.test(text.slice(registry.listSpan.start, last.span.start));
  const indent = lineBreak ? `\n${indentationAt(text, last.span.start)}` : ' ';
  // An interface member's node holds its own `;`; then the new member ends with one too.
  const ownSeparator = /[,;]$/.exec(text.slice(last.span.start, last.span.end));
  if (ownSeparator !== null) return { span: { start: last.span.end, end: last.span.end }, newText: `${indent}${entryText}${ownSeparator[0]}` };
  const after = text.slice(last.span.end).match(/^[ \t]*([,;])/);
  if (after !== null) {
    const offset = last.span.end + after[0].length;
    return { span: { start: offset, end: offset }, newText: `${indent}${entryText}${after[1]}` };
  }
  // Interface members may end without a separator at a line break; then none is needed between them.
  const joiner = registry.kind === 'interface' && lineBreak ? '' : separator;
  return { span: { start: last.span.end, end: last.span.end }, newText: `${joiner}${indent}${entryText}` };
}

/** The edit that removes one entry with its separator, and its line when the entry is alone on it. */
export function removeEntryEdit(registry: FlagRegistry, text: string, entry: RegistryEntry): TextEdit {
  if (registry.kind === 'union') {
    // By the `|` beside the entry, not the next entry's span: a `keyof X` member may stand between them.
    const before = /\s*\|\s*$/.exec(text.slice(registry.listSpan.start, entry.span.start));
    if (before !== null) return { span: { start: entry.span.start - before[0].length, end: entry.span.end }, newText: '' };
    const after = /^\s*\|\s*/.exec(text.slice(entry.span.end, registry.listSpan.end));
    return { span: { start: entry.span.start, end: entry.span.end + (after === null ? 0 : after[0].length) }, newText: '' };
  }
  let end = entry.span.end;
  const separator = text.slice(end).match(/^[ \t]*[,;]?/);
  end += separator === null ? 0 : separator[0].length;
  const lineStart = text.lastIndexOf('\n', entry.span.start - 1) + 1;
  const aloneOnLine = /^[ \t]*$/.test(text.slice(lineStart, entry.span.start)) && /^[ \t]*(\r?\n|$)/.test(text.slice(end));
  // The last entry on a shared line, with no separator after it, takes the one before it: `[a, b]` becomes `[a]`.
  const before = aloneOnLine || /[,;]/.test(separator?.[0] ?? '') ? null : /,\s*$/.exec(text.slice(registry.listSpan.start, entry.span.start));
  if (before !== null) return { span: { start: entry.span.start - before[0].length, end: entry.span.end }, newText: '' };
  if (aloneOnLine) {
    const rest = text.slice(end).match(/^[ \t]*(\r?\n)?/);
    return { span: { start: lineStart, end: end + (rest === null ? 0 : rest[0].length) }, newText: '' };
  }
  const spaces = text.slice(end).match(/^[ \t]*/);
  return { span: { start: entry.span.start, end: end + (spaces === null ? 0 : spaces[0].length) }, newText: '' };
}

/** The edit that changes an entry's key to `key`, keeping its quotes (adding some when a property name needs them). */
export function renameEntryEdit(text: string, entry: RegistryEntry, key: string): TextEdit {
  const written = text.slice(entry.keySpan.start, entry.keySpan.end);
  const quote = /^['"`]/.test(written) ? written[0] : undefined;
  if (quote !== undefined) return { span: { start: entry.keySpan.start + 1, end: entry.keySpan.end - 1 }, newText: key };
  return { span: entry.keySpan, newText: isIdentifier(key) ? key : `'${key}'` };
}

// ---------------------------------------------------------------------------------------------------------------
// Writing entries

function severityOf(code: FindingCode, severities: Severities): Severity | undefined {
  const severity = severities[code] ?? DEFAULT_SEVERITIES[code];
  return severity === 'off' ? undefined : severity;
}

function quoteOf(text: string, span: Span): string {
  const first = text[span.start];
  return first === '"' || first === '`' ? first : "'";
}

function interfaceMemberType(text: string, entry: RegistryEntry): string {
  const member = text.slice(entry.span.start, entry.span.end);
  const colon = member.indexOf(':', entry.keySpan.end - entry.span.start);
  return colon < 0 ? 'boolean' : member.slice(colon + 1).replace(/[;,]\s*$/, '').trim() || 'boolean';
}

function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** A member name for a new key in the naming style of the existing ones: NEW_NAV, NewNav or newNav. */
function memberName(key: string, existing: readonly string[]): string {
  const words = key.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  const sample = existing[existing.length - 1]?.split('.').pop() ?? '';
  let name: string;
  if (/^[A-Z0-9_]+$/.test(sample) && /[A-Z]/.test(sample)) name = words.map((word) => word.toUpperCase()).join('_');
  else if (/^[a-z]/.test(sample)) name = words.map((word, index) => (index === 0 ? word.toLowerCase() : capitalise(word))).join('');
  else name = words.map(capitalise).join('');
  if (name === '' || /^[0-9]/.test(name)) return `'${key}'`;
  return name;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}
