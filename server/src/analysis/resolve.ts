import { posix } from 'node:path';
import type { KeyTypeMember } from './keyTypes';
import { completeFlagFunctionCalls } from './flagFunctionCalls';
import { AUTO_IMPORTS } from './packages';
import { isFromPackages, VENDOR_PACKAGES } from './patterns';
import { prismaEnumKey } from './prisma';
import { evidenceText, withKey } from './scan/completeChecks';
import { isConstruction } from './scan/values';
import type { ExportedValue, FileScan, ModuleReference } from './scan';
import type { FlagCheck } from './types';

/** The one question module resolution asks of the file system; injected so this code does no IO. */
export interface ModuleHost {
  fileExists(path: string): boolean;
  /** The workspace file a bare specifier names (a workspace package, a tsconfig `paths` alias); undefined for dependencies. */
  resolvePackage?(specifier: string, fromFile: string): string | undefined;
  /** The files whose exports the module's framework imports into it by itself (Nuxt's auto-imports); undefined for none. */
  autoImports?(fromFile: string): readonly string[] | undefined;
  /** The enums of the workspace's Prisma schemas, for keys imported from the client Prisma generates (see prisma.ts). */
  prismaEnums?(): ReadonlyMap<string, ReadonlySet<string>> | undefined;
  /** The backends' keys the workspace's node-config settings give the names its code uses (see nodeConfig.ts). */
  configKeyNames?(): ReadonlyMap<string, string> | undefined;
}

const SCRIPT_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

// TypeScript code imports `./flags.js` for `./flags.ts`: the name of the file the compiler will emit.
const TYPESCRIPT_SOURCES_OF: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

// A search asks each module for each name once. A barrel of barrels reaches every module under it (one real
// shared package's index reaches 158 before its enum), so its breadth is bounded apart from its depth: more
// modules than a real tree has, and more re-export hops in one chain than real code has (an export that grows its
// own path through a cycle would go deeper forever).
const MAX_VISITS = 20_000;
const MAX_DEPTH = 64;

/**
 * The workspace file a relative import names: `./x` → `./x.ts` (and the other script extensions), `./x/index.*`,
 * `./x.js` → `./x.ts`. Bare specifiers go to `host.resolvePackage`: flag keys are read from workspace files only.
 */
export function resolveModulePath(fromFile: string, specifier: string, host: ModuleHost): string | undefined {
  const isRelative = specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/');
  if (!isRelative) return host.resolvePackage?.(specifier, fromFile);
  const base = posix.resolve(posix.dirname(fromFile), specifier);
  const candidates: string[] = [];
  if (!specifier.endsWith('/')) {
    const extension = posix.extname(base);
    const stem = base.slice(0, base.length - extension.length);
    candidates.push(...(TYPESCRIPT_SOURCES_OF[extension] ?? []).map((source) => stem + source));
    if (SCRIPT_EXTENSIONS.includes(extension)) candidates.push(base);
    candidates.push(...SCRIPT_EXTENSIONS.map((scriptExtension) => base + scriptExtension));
  }
  candidates.push(...SCRIPT_EXTENSIONS.map((scriptExtension) => posix.join(base, 'index' + scriptExtension)));
  return candidates.find((candidate) => host.fileExists(candidate));
}

/**
 * A file's flag checks with imported keys completed: follows imports, namespace imports, default exports,
 * re-exports and `export *` barrels through the other files' scans. A key that cannot be followed (a package,
 * a file not scanned, a value that is not a constant) stays unresolved with the key argument's source text.
 * A dynamic check whose parameter type is imported (`flag: FeatureFlag`) gets the keys that type allows.
 */
export function resolveChecks(scan: FileScan, getScan: (fileName: string) => FileScan | undefined, host: ModuleHost): FlagCheck[] {
  const checks = [...scan.checks];
  // Checks of one imported name walk the same barrels: each is followed once per file.
  const followed = new Map<string, ExportedValue | undefined>();
  for (const { checkIndex, reference } of scan.importedKeys) {
    const asked = `${reference.specifier}\0${reference.names.join('\0')}`;
    if (!followed.has(asked)) followed.set(asked, followReference(scan.fileName, reference, newResolution(getScan, host)));
    const value = followed.get(asked);
    const { keysOfBag, ...check } = checks[checkIndex];
    // A bag that lists its keys holds a flag only at a key it lists; the check of any other is dropped below.
    if (typeof value === 'string' && (keysOfBag === undefined || keysOfBag.includes(value))) checks[checkIndex] = withKey(check, value);
  }
  for (const { checkIndex, members } of scan.importedKeyTypes ?? []) {
    const possibleKeys = keysOfMembers(scan.fileName, members, newResolution(getScan, host));
    if (possibleKeys !== undefined && possibleKeys.length > 0) checks[checkIndex] = { ...checks[checkIndex], possibleKeys };
  }
  const withEvidence = scan.evidenceImports === undefined ? checks : withImportedEvidence(scan, checks, newResolution(getScan, host));
  const completed = scan.flagFunctionCalls === undefined ? withEvidence : withFlagFunctionCalls(scan, checks, withEvidence, newResolution(getScan, host));
  const named = host.configKeyNames?.();
  const listed = completed.filter((check) => check.keysOfBag === undefined);
  return named === undefined ? listed : listed.map((check) => withConfiguredKey(check, named));
}

/**
 * A check of a name the workspace's settings map to a backend's key (`ft_pcq` → `probate-pcq`) is a check of that key. A
 * read of a setting itself (`config.get('featureToggles.x')`, an environment switch) reads the setting, not the flag.
 */
function withConfiguredKey(check: FlagCheck, named: ReadonlyMap<string, string>): FlagCheck {
  const key = check.resolved && check.environmentSwitch !== true ? named.get(check.key) : undefined;
  if (key === undefined) return check;
  const renamed = `the workspace's settings give the name '${check.key}' this key`;
  return { ...check, key, evidence: check.evidence === undefined ? renamed : `${check.evidence}; ${renamed}` };
}

/** `kept` (the checks left of `checks`) with the calls of imported flag functions completed, or dropped where the import leads to none. */
function withFlagFunctionCalls(scan: FileScan, checks: readonly FlagCheck[], kept: readonly FlagCheck[], resolution: Resolution): FlagCheck[] {
  const completed: Array<FlagCheck | undefined> = [...checks];
  // A helper's check kept only by another module's evidence holds if that evidence does; each declaring file is asked once.
  const keptIn = new Map<FileScan, FlagCheck[]>();
  completeFlagFunctionCalls(scan, completed, {
    keptCheck: (declaring, checkIndex) => {
      const check = declaring.checks[checkIndex];
      if (!(declaring.evidenceImports ?? []).some((entry) => entry.checkIndex === checkIndex)) return check;
      let kept = keptIn.get(declaring);
      if (kept === undefined) {
        kept = withImportedEvidence(declaring, [...declaring.checks], newResolution(resolution.getScan, resolution.host));
        keptIn.set(declaring, kept);
      }
      return kept.find((candidate) => candidate.callSpan.start === check.callSpan.start);
    },
    getScan: resolution.getScan,
    resolveModule: (fromFile, specifier) => resolveModulePath(fromFile, specifier, resolution.host),
    keyOf: (fromFile, reference) => {
      resolution.visited.clear();
      const value = followReference(fromFile, reference, resolution);
      return typeof value === 'string' ? value : undefined;
    },
  });
  const replaced = new Map<FlagCheck, FlagCheck | undefined>();
  checks.forEach((check, index) => {
    if (completed[index] !== check) replaced.set(check, completed[index]);
  });
  return kept.flatMap((check) => {
    if (!replaced.has(check)) return [check];
    const now = replaced.get(check);
    return now === undefined ? [] : [now];
  });
}

/**
 * The checks whose evidence is in another module kept only when it holds: the import leads, through the workspace's
 * re-exports and exported clients, to one of the check's packages. One check is kept per call.
 */
function withImportedEvidence(scan: FileScan, checks: FlagCheck[], resolution: Resolution): FlagCheck[] {
  const evidenceAt = new Map<number, { evidence: string; chosen: boolean } | undefined>();
  // Every call on one imported client names the same export: it is followed once.
  const packages = new Map<string, { specifier: string | undefined; chosen: boolean }>();
  const checkedCalls = new Set<number>();
  // A helper's call has evidence of its own, and holds only if its helper's check does (the entries copied for it).
  for (const check of checks) if (check.evidence !== undefined && check.helperCall === undefined) checkedCalls.add(check.callSpan.start);
  for (const { checkIndex, reference, packages: accepted, subject, modules } of scan.evidenceImports ?? []) {
    if (modules !== undefined) {
      resolution.visited.clear();
      // An inferred wrapper's call is kept unless its import leads to a function another module declares.
      if (reachesModules(scan.fileName, reference, modules, resolution) === false) evidenceAt.set(checkIndex, undefined);
      continue;
    }
    const exported = `${reference.specifier}\0${reference.names.join('\0')}`;
    let found = packages.get(exported);
    if (found === undefined) {
      resolution.visited.clear();
      resolution.chosen = false;
      found = { specifier: vendorPackageOf(scan.fileName, reference, resolution), chosen: resolution.chosen };
      packages.set(exported, found);
    }
    const { specifier, chosen } = found;
    const callStart = checks[checkIndex].callSpan.start;
    if (specifier === undefined || !isFromPackages(specifier, accepted) || checkedCalls.has(callStart)) {
      evidenceAt.set(checkIndex, undefined);
      continue;
    }
    checkedCalls.add(callStart);
    evidenceAt.set(checkIndex, { evidence: evidenceText(subject, chosen ? 'chosen' : 'imported', specifier, reference.specifier), chosen });
  }
  const kept: FlagCheck[] = [];
  checks.forEach((check, index) => {
    if (!evidenceAt.has(index)) kept.push(check);
    else {
      const found = evidenceAt.get(index);
      if (found !== undefined) kept.push({ ...check, evidence: check.helperCall === undefined ? found.evidence : check.evidence, ...(found.chosen ? { standIn: true as const } : {}) });
    }
  });
  return kept;
}

/** The SDK package a reference from `fromFile` leads to, through the workspace's re-exports and exported clients; undefined for anything else. */
export function vendorPackageOfReference(fromFile: string, reference: ModuleReference, getScan: (fileName: string) => FileScan | undefined, host: ModuleHost): string | undefined {
  return vendorPackageOf(fromFile, reference, newResolution(getScan, host));
}

/** The vendor package a module's export comes from, following re-exports and exported clients; undefined for anything else. */
function vendorPackageOf(fromFile: string, reference: ModuleReference, resolution: Resolution): string | undefined {
  if (isFromPackages(reference.specifier, VENDOR_PACKAGES)) return reference.specifier;
  const target = resolveModulePath(fromFile, reference.specifier, resolution.host);
  if (target === undefined || reference.names.length === 0) return undefined;
  return visit(resolution, `evidence\0${target}\0${reference.names.join('\0')}`, () => vendorPackageOfExport(target, reference.names, resolution));
}

function vendorPackageOfExport(target: string, names: readonly string[], resolution: Resolution): string | undefined {
  const scan = resolution.getScan(target);
  if (scan === undefined) return undefined;
  const [first, ...path] = names;
  // An object made by `new` may be a client: its origin says where its class comes from.
  if (Object.hasOwn(scan.exports, first) && !isConstruction(scan.exports[first])) {
    const exported = scan.exports[first];
    return typeof exported !== 'string' && exported.kind === 'import' ? vendorPackageOf(target, { ...exported, names: [...exported.names, ...path] }, resolution) : undefined;
  }
  if (scan.origins !== undefined && Object.hasOwn(scan.origins, first)) {
    const origin = scan.origins[first];
    if (origin.chosen === true) resolution.chosen = true;
    return vendorPackageOf(target, origin, resolution);
  }
  // `req.gb` where `req` is typed by an exported type whose property `gb` is typed by an import.
  const members = scan.memberOrigins !== undefined && Object.hasOwn(scan.memberOrigins, first) ? scan.memberOrigins[first] : undefined;
  if (members !== undefined && path.length > 0 && Object.hasOwn(members, path[0])) {
    const member = members[path[0]];
    return vendorPackageOf(target, { ...member, names: [...member.names, ...path.slice(1)] }, resolution);
  }
  if (first === 'default') return undefined;
  for (const specifier of scan.starExports) {
    const found = vendorPackageOf(target, { kind: 'import', specifier, names }, resolution);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Whether an import leads, through the workspace's re-exports and the imports exported values are made from, to one of
 * `modules`: false when it ends at a module that declares the name itself, undefined when it leaves the workspace or
 * the files scanned.
 */
function reachesModules(fromFile: string, reference: ModuleReference, modules: readonly string[], resolution: Resolution): boolean | undefined {
  const target = resolveModulePath(fromFile, reference.specifier, resolution.host);
  if (target === undefined) return undefined;
  if (modules.includes(target)) return true;
  const scan = resolution.getScan(target);
  const [first, ...path] = reference.names;
  if (scan === undefined || first === undefined) return undefined;
  const step = (next: ModuleReference): boolean | undefined => visit(resolution, `modules\0${target}\0${next.specifier}\0${next.names.join('\0')}`, () => reachesModules(target, next, modules, resolution));
  if (Object.hasOwn(scan.exports, first) && !isConstruction(scan.exports[first])) {
    const exported = scan.exports[first];
    return typeof exported !== 'string' && exported.kind === 'import' ? step({ ...exported, names: [...exported.names, ...path] }) : false;
  }
  if (scan.origins !== undefined && Object.hasOwn(scan.origins, first)) return step(scan.origins[first]);
  let unknown = false;
  for (const specifier of first === 'default' ? [] : scan.starExports) {
    const found = step({ kind: 'import', specifier, names: reference.names });
    if (found === true) return true;
    if (found === undefined) unknown = true;
  }
  return unknown ? undefined : false;
}

interface Resolution {
  readonly getScan: (fileName: string) => FileScan | undefined;
  readonly host: ModuleHost;
  /** `file + names` already asked for, so import cycles end. */
  readonly visited: Set<string>;
  /** How many modules deep the search is now. */
  depth: number;
  /** Set when the search passed an origin chosen once between the SDK's function and a stand-in. */
  chosen: boolean;
}

function newResolution(getScan: (fileName: string) => FileScan | undefined, host: ModuleHost): Resolution {
  return { getScan, host, visited: new Set(), depth: 0, chosen: false };
}

/** `step`'s answer, one module deeper; undefined when `visitKey` was asked for already or a bound is reached. */
function visit<T>(resolution: Resolution, visitKey: string, step: () => T | undefined): T | undefined {
  if (resolution.visited.has(visitKey) || resolution.visited.size >= MAX_VISITS || resolution.depth >= MAX_DEPTH) return undefined;
  resolution.visited.add(visitKey);
  resolution.depth++;
  try {
    return step();
  } finally {
    resolution.depth--;
  }
}

function followReference(fromFile: string, reference: ModuleReference, resolution: Resolution): ExportedValue | undefined {
  if (reference.specifier === AUTO_IMPORTS) {
    for (const file of resolution.host.autoImports?.(fromFile) ?? []) {
      const value = followExport(file, reference.names, resolution);
      if (value !== undefined) return value;
    }
    return undefined;
  }
  const target = resolveModulePath(fromFile, reference.specifier, resolution.host);
  return target === undefined ? prismaEnumKey(reference.specifier, reference.names, resolution.host.prismaEnums?.()) : followExport(target, reference.names, resolution);
}

/** The value a module exports under `names[0]`, then walked into along the rest of `names`. */
function followExport(fileName: string, names: readonly string[], resolution: Resolution): ExportedValue | undefined {
  // A whole module namespace is never a key.
  if (names.length === 0) return undefined;
  return visit(resolution, fileName + '\0' + names.join('\0'), () => followModuleExport(fileName, names, resolution));
}

function followModuleExport(fileName: string, names: readonly string[], resolution: Resolution): ExportedValue | undefined {
  const scan = resolution.getScan(fileName);
  if (scan === undefined) return undefined;
  const [first, ...path] = names;
  if (Object.hasOwn(scan.exports, first)) return followValue(fileName, scan.exports[first], path, resolution);
  // `export *` passes on every name but the default export.
  if (first === 'default') return undefined;
  for (const specifier of scan.starExports) {
    const value = followReference(fileName, { kind: 'import', specifier, names }, resolution);
    if (value !== undefined) return value;
  }
  return undefined;
}

function followValue(fileName: string, value: ExportedValue, path: readonly string[], resolution: Resolution): ExportedValue | undefined {
  if (typeof value === 'string') return path.length === 0 ? value : undefined;
  if (value.kind === 'import') return followReference(fileName, { ...value, names: [...value.names, ...path] }, resolution);
  if (path.length === 0) return value;
  const [first, ...rest] = path;
  if (Object.hasOwn(value.members, first)) return followValue(fileName, value.members[first], rest, resolution);
  if (value.constructed !== undefined) {
    // A field of an object made by `new`: the argument its class's constructor sets it from (`.id` of `new Feature('x')`).
    const { of, args } = value.constructed;
    const made = followValue(fileName, of, [], resolution);
    const position = made !== undefined && typeof made !== 'string' && made.kind === 'object' && made.fields !== undefined && Object.hasOwn(made.fields, first) ? made.fields[first] : undefined;
    const argument = position === undefined ? undefined : args[position];
    return argument === undefined || argument === null ? undefined : followValue(fileName, argument, rest, resolution);
  }
  return value.mirror === true && rest.length === 0 ? first : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Key types

/** The keys a parameter type's members allow, following imported type aliases, enums and enum members. */
function keysOfMembers(fileName: string, members: readonly KeyTypeMember[], resolution: Resolution): string[] | undefined {
  const keys: string[] = [];
  for (const member of members) {
    const memberKeys = typeof member === 'string' ? [member] : keysOfTypeReference(fileName, member, resolution);
    if (memberKeys === undefined) return undefined;
    for (const key of memberKeys) if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

function keysOfTypeReference(fromFile: string, reference: ModuleReference, resolution: Resolution): string[] | undefined {
  const target = resolveModulePath(fromFile, reference.specifier, resolution.host);
  return target === undefined ? undefined : keysOfTypeExport(target, reference.names, resolution);
}

/** The keys a module's export `names[0]` allows as a type (a type alias, an enum, an enum member), walked along the rest of `names`. */
function keysOfTypeExport(fileName: string, names: readonly string[], resolution: Resolution): string[] | undefined {
  if (names.length === 0) return undefined;
  return visit(resolution, `type\0${fileName}\0${names.join('\0')}`, () => keysOfModuleTypeExport(fileName, names, resolution));
}

function keysOfModuleTypeExport(fileName: string, names: readonly string[], resolution: Resolution): string[] | undefined {
  const scan = resolution.getScan(fileName);
  if (scan === undefined) return undefined;
  const [first, ...path] = names;
  if (scan.typeExports !== undefined && Object.hasOwn(scan.typeExports, first)) {
    return path.length === 0 ? keysOfMembers(fileName, scan.typeExports[first], resolution) : undefined;
  }
  if (Object.hasOwn(scan.exports, first)) {
    const exported = scan.exports[first];
    // `export { FlagKey } from './keys'` passes on a type alias as well as a value.
    if (typeof exported !== 'string' && exported.kind === 'import') {
      return keysOfTypeReference(fileName, { ...exported, names: [...exported.names, ...path] }, resolution);
    }
    return keysOfValue(followValue(fileName, exported, path, resolution));
  }
  if (first === 'default') return undefined;
  for (const specifier of scan.starExports) {
    const keys = keysOfTypeReference(fileName, { kind: 'import', specifier, names }, resolution);
    if (keys !== undefined) return keys;
  }
  return undefined;
}

/** An enum member's key, or the keys of all an enum's members; undefined for anything else. */
function keysOfValue(value: ExportedValue | undefined): string[] | undefined {
  if (value === undefined || typeof value === 'string') return value === undefined ? undefined : [value];
  if (value.kind !== 'object' || value.constructed !== undefined) return undefined;
  const keys = Object.values(value.members);
  return keys.every((key) => typeof key === 'string') ? keys as string[] : undefined;
}
