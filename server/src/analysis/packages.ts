// Imports by package name inside one workspace: `@acme/flags` (a package of a monorepo, found by its
// package.json) and tsconfig `paths` aliases (`@/flags`). Pure: the tables are read by
// workspace/packages.ts, and whether a file exists is asked through `probe`.

import { posix } from 'node:path';

/** A package.json of the workspace: its name, folder and the fields that say which file it exports. */
export interface WorkspacePackage {
  readonly name: string;
  /** Absolute POSIX path of the folder holding the package.json. */
  readonly dir: string;
  readonly exports?: unknown;
  readonly types?: string;
  readonly typings?: string;
  readonly module?: string;
  readonly main?: string;
  /** The build folder and the source folder it is compiled from, as the package's tsconfig.json says (absolute): `dist` ← `lib`. */
  readonly build?: { readonly outDir: string; readonly rootDir: string };
}

/** The `baseUrl` and `paths` a tsconfig.json gives (after one level of `extends`), with absolute folders. */
export interface PathAliases {
  /** Absolute folder `baseUrl` names; non-relative imports are also looked up there. */
  readonly baseUrl?: string;
  /** The folder `paths` targets are relative to: `baseUrl`, else the folder of the tsconfig that declares them. */
  readonly pathsBase: string;
  readonly paths: Readonly<Record<string, readonly string[]>>;
}

/** What package-name resolution knows of a workspace folder. */
export interface PackageTable {
  /** Absolute POSIX path of the workspace folder. */
  readonly root: string;
  readonly packages: ReadonlyMap<string, WorkspacePackage>;
  /** Folder of each tsconfig.json → its aliases. */
  readonly tsconfigs: ReadonlyMap<string, PathAliases>;
  /**
   * The Nuxt apps of the workspace: each one's folder, and the files whose exports Nuxt imports into its every module by
   * itself (`composables/`, `utils/` and `imports.dirs`): a name no module binds is one of those.
   */
  readonly nuxtApps?: readonly NuxtApp[];
  /** The enums the workspace's Prisma schemas declare, each with its members (see `prismaEnumsOf`). */
  readonly prismaEnums?: ReadonlyMap<string, ReadonlySet<string>>;
  /** The backends' keys node-config's flag sections give the names code uses (see nodeConfig.ts). */
  readonly configKeyNames?: ReadonlyMap<string, string>;
  /** node-config's flag sections, each with the names it maps to keys and its switches (see nodeConfig.ts). */
  readonly configSections?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** A Nuxt app: its folder (its `~~` and `@@`), the folder of its sources (its `~` and `@`), and its auto-imported files. */
export interface NuxtApp {
  readonly root: string;
  /** The config's `srcDir` (`src/`), absolute; the app's folder when it sets none. */
  readonly srcDir?: string;
  readonly autoImported: readonly string[];
}

/**
 * What a name no module binds is imported from (see `ModuleHost.autoImports` in resolve.ts): Nuxt's own module of its
 * auto-imports, which code may also import from by name.
 */
export const AUTO_IMPORTS = '#imports';

/** The Nuxt app a file is in, the nearest one. */
export function nuxtAppOf(fromFile: string, table: PackageTable): NuxtApp | undefined {
  let best: NuxtApp | undefined;
  for (const app of table.nuxtApps ?? []) {
    if (fromFile.startsWith(`${app.root}/`) && (best === undefined || app.root.length > best.root.length)) best = app;
  }
  return best;
}

// Nuxt's own aliases: `~/lib/types/config` and `@/composables/flags` of the sources' folder, `~~/…` and `@@/…` of the app's
// (with no `srcDir`, all the same).
const NUXT_ALIAS = /^(?:~~?|@@?)\//;

/** The module a Nuxt alias names in the app `fromFile` is in; undefined for any other specifier. */
export function resolveNuxtAlias(specifier: string, fromFile: string, table: PackageTable, probe: ModuleProbe): string | undefined {
  const alias = NUXT_ALIAS.exec(specifier);
  const app = alias === null ? undefined : nuxtAppOf(fromFile, table);
  if (app === undefined || alias === null) return undefined;
  const folder = alias[0].length === 3 ? app.root : app.srcDir ?? app.root;
  return probe(posix.join(folder, specifier.slice(alias[0].length)));
}

/** The file an absolute module path names (`/a/b` → `/a/b.ts`, `/a/b/index.ts`, `/a/b.js` → `/a/b.ts`), or undefined. */
export type ModuleProbe = (absolutePath: string) => string | undefined;

/** An empty table: no package is in the workspace, no alias is declared. */
export function emptyPackageTable(root: string): PackageTable {
  return { root, packages: new Map(), tsconfigs: new Map() };
}

// Conditions read in `exports`, best first: source-like entries before built ones.
const EXPORT_CONDITIONS = ['types', 'import', 'module', 'default', 'require', 'node'];
// Build output folders whose files have a source twin under `src/`.
const BUILD_FOLDERS = new Set(['dist', 'build', 'lib', 'out', 'esm', 'cjs']);
const TYPESCRIPT_SOURCE = /\.[mc]?tsx?$/;

/** The folder of the workspace package that holds a file (the nearest package.json above it), else the workspace root. */
export function packageDirOf(file: string, table: PackageTable): string {
  const dirs = new Set([...table.packages.values()].map((pkg) => pkg.dir));
  for (let dir = posix.dirname(file); dir.startsWith(table.root) && dir !== table.root; dir = posix.dirname(dir)) {
    if (dirs.has(dir)) return dir;
  }
  return table.root;
}

/**
 * The workspace file a bare specifier names: a tsconfig `paths` alias (the importing file's nearest
 * tsconfig.json, then the root one), a path under `baseUrl`, or a workspace package and its subpath; else an
 * alias that one tsconfig of the workspace alone declares (see `soleDeclarerOf`).
 * Undefined for anything else (a dependency in node_modules).
 */
export function resolveBareSpecifier(specifier: string, fromFile: string, table: PackageTable, probe: ModuleProbe): string | undefined {
  for (const aliases of aliasesFor(fromFile, table)) {
    const aliased = resolveAlias(specifier, aliases, probe);
    if (aliased !== undefined) return aliased;
  }
  const fromPackage = resolvePackageImport(specifier, table, probe);
  if (fromPackage !== undefined) return fromPackage;
  const declarer = soleDeclarerOf(specifier, table);
  if (declarer !== undefined) return resolveAlias(specifier, declarer, probe);
  return resolveSourceAlias(specifier, fromFile, table, probe);
}

/**
 * `@/helpers/flags` or `~/helpers/flags` that no tsconfig declares: the source folder's file, as Vue CLI, a Vite scaffold
 * and Nuxt alias `@` (and Nuxt `~`) to it in their own configuration, which is code the scan does not run. No package can
 * be named so (a scope needs a name), so the folder is the only thing the specifier can mean: the `src` folder the
 * importing file is in, else its package's, else the package's own folder (Nuxt 2 keeps its source there).
 */
function resolveSourceAlias(specifier: string, fromFile: string, table: PackageTable, probe: ModuleProbe): string | undefined {
  const match = /^[@~]\/(.+)$/.exec(specifier);
  if (match === null) return undefined;
  const rest = match[1];
  for (let dir = posix.dirname(fromFile); dir.startsWith(table.root) && dir !== posix.dirname(dir); dir = posix.dirname(dir)) {
    if (posix.basename(dir) === 'src') {
      const file = probe(posix.join(dir, rest));
      if (file !== undefined) return file;
      break;
    }
    if (dir === table.root) break;
  }
  const packageDir = packageDirOf(fromFile, table);
  return probe(posix.join(packageDir, 'src', rest)) ?? probe(posix.join(packageDir, rest));
}

const aliasDeclarers = new WeakMap<PackageTable, ReadonlyMap<string, PathAliases | null>>();

/**
 * The one tsconfig of the workspace whose `paths` has a pattern with the specifier's prefix (`@baserow/*`), when no
 * other declares that pattern. A bundler's aliases hold for every folder it builds, and a front end's plugins often
 * live in folders of their own whose tsconfig or jsconfig does not repeat them (Nuxt modules importing
 * `@baserow/modules/…`). A pattern several tsconfigs declare (`@/*` in each package of a monorepo) means something
 * else in each, and one with nothing before its `*` matches every specifier: neither is followed.
 */
function soleDeclarerOf(specifier: string, table: PackageTable): PathAliases | undefined {
  let declarers = aliasDeclarers.get(table);
  if (declarers === undefined) {
    const found = new Map<string, PathAliases | null>();
    for (const aliases of table.tsconfigs.values()) {
      for (const pattern of Object.keys(aliases.paths)) {
        const star = pattern.indexOf('*');
        if (star <= 0 || star !== pattern.length - 1) continue;
        found.set(pattern, found.has(pattern) && found.get(pattern) !== aliases ? null : aliases);
      }
    }
    declarers = found;
    aliasDeclarers.set(table, declarers);
  }
  if (declarers.size === 0) return undefined;
  let best: { prefix: string; aliases: PathAliases } | undefined;
  for (const [pattern, aliases] of declarers) {
    const prefix = pattern.slice(0, -1);
    if (aliases !== null && specifier.startsWith(prefix) && specifier.length > prefix.length && (best === undefined || prefix.length > best.prefix.length)) best = { prefix, aliases };
  }
  return best?.aliases;
}

/** The nearest tsconfig's aliases of a file, then the workspace root's (once). */
function aliasesFor(fromFile: string, table: PackageTable): PathAliases[] {
  const found: PathAliases[] = [];
  for (let dir = posix.dirname(fromFile); ; dir = posix.dirname(dir)) {
    const aliases = table.tsconfigs.get(dir);
    if (aliases !== undefined) {
      found.push(aliases);
      break;
    }
    if (dir === table.root || dir === posix.dirname(dir) || !dir.startsWith(table.root)) break;
  }
  const rootAliases = table.tsconfigs.get(table.root);
  if (rootAliases !== undefined && !found.includes(rootAliases)) found.push(rootAliases);
  return found;
}

function resolveAlias(specifier: string, aliases: PathAliases, probe: ModuleProbe): string | undefined {
  // TypeScript takes the pattern with the longest prefix before its `*`.
  let best: { targets: readonly string[]; star: string; prefixLength: number } | undefined;
  for (const [pattern, targets] of Object.entries(aliases.paths)) {
    const star = pattern.indexOf('*');
    if (star < 0) {
      if (pattern === specifier) {
        best = { targets, star: '', prefixLength: Number.MAX_SAFE_INTEGER };
        break;
      }
      continue;
    }
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix)
      && (best === undefined || prefix.length > best.prefixLength)) {
      best = { targets, star: specifier.slice(prefix.length, specifier.length - suffix.length), prefixLength: prefix.length };
    }
  }
  if (best !== undefined) {
    for (const target of best.targets) {
      const file = probe(posix.resolve(aliases.pathsBase, target.replace('*', best.star)));
      if (file !== undefined) return file;
    }
  }
  return aliases.baseUrl === undefined ? undefined : probe(posix.resolve(aliases.baseUrl, specifier));
}

/** `@acme/flags` → its entry file; `@acme/flags/keys` → the file of that subpath. */
function resolvePackageImport(specifier: string, table: PackageTable, probe: ModuleProbe): string | undefined {
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  const pkg = table.packages.get(parts.slice(0, nameLength).join('/'));
  if (pkg === undefined) return undefined;
  const subpath = parts.slice(nameLength).join('/');
  const candidates = pkg.exports !== undefined ? exportTargets(pkg.exports, subpath === '' ? '.' : `./${subpath}`) : [];
  if (subpath === '') {
    candidates.push(...[pkg.types, pkg.typings, pkg.module, pkg.main].filter((entry): entry is string => typeof entry === 'string'));
    candidates.push('src/index', 'index');
  } else {
    candidates.push(subpath, `src/${subpath}`);
  }
  // A JavaScript file beside a package's TypeScript is build output or a shim (`enterprise.js` holding
  // `module.exports = require('./dist/enterprise')` beside the `enterprise.d.ts` that re-exports `./src/enterprise`):
  // a candidate that is TypeScript source wins over an earlier one that is only JavaScript.
  const typescriptOnly: ModuleProbe = (absolutePath) => {
    const file = probe(absolutePath);
    return file !== undefined && TYPESCRIPT_SOURCE.test(file) ? file : undefined;
  };
  return firstCandidate(candidates, pkg, typescriptOnly) ?? firstCandidate(candidates, pkg, probe);
}

function firstCandidate(candidates: readonly string[], pkg: WorkspacePackage, probe: ModuleProbe): string | undefined {
  for (const candidate of candidates) {
    const absolute = posix.resolve(pkg.dir, candidate);
    // Not outside the package: `exports` and `main` come from a file anyone may write.
    if (absolute !== pkg.dir && !absolute.startsWith(`${pkg.dir}/`)) continue;
    const file = sourceOfCompiledFile(absolute, pkg, probe) ?? sourceOfBuiltFile(absolute, pkg.dir, probe) ?? probe(withoutDeclarationExtension(absolute));
    if (file !== undefined) return file;
  }
  return undefined;
}

/** The targets `exports` gives for a subpath (`.` or `./keys`), in condition order; `*` patterns substituted. */
function exportTargets(exports: unknown, subpath: string): string[] {
  if (typeof exports === 'string' || Array.isArray(exports) || !isSubpathMap(exports)) return subpath === '.' ? conditionTargets(exports) : [];
  const map = exports as Record<string, unknown>;
  if (Object.hasOwn(map, subpath)) return conditionTargets(map[subpath]);
  for (const [pattern, value] of Object.entries(map)) {
    const star = pattern.indexOf('*');
    if (star < 0) continue;
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= prefix.length + suffix.length) {
      const matched = subpath.slice(prefix.length, subpath.length - suffix.length);
      return conditionTargets(value).map((target) => target.replaceAll('*', matched));
    }
  }
  return [];
}

function isSubpathMap(exports: unknown): boolean {
  return typeof exports === 'object' && exports !== null && Object.keys(exports).some((key) => key.startsWith('.'));
}

/** Every target of a conditions object (nested ones too), best condition first. */
function conditionTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(conditionTargets);
  if (typeof value !== 'object' || value === null) return [];
  const conditions = value as Record<string, unknown>;
  const names = Object.keys(conditions).sort((a, b) => rank(a) - rank(b));
  return names.flatMap((name) => conditionTargets(conditions[name]));
}

function rank(condition: string): number {
  const index = EXPORT_CONDITIONS.indexOf(condition);
  return index < 0 ? EXPORT_CONDITIONS.length : index;
}

/**
 * `pkg/dist/keys.js` → `pkg/lib/keys.ts` when the package's tsconfig compiles `lib` (rootDir) into `dist`
 * (outDir) and that source exists: the build folder is usually absent from a repository.
 */
function sourceOfCompiledFile(absolute: string, pkg: WorkspacePackage, probe: ModuleProbe): string | undefined {
  if (pkg.build === undefined || !absolute.startsWith(`${pkg.build.outDir}/`)) return undefined;
  const rest = posix.relative(pkg.build.outDir, absolute);
  const source = posix.join(pkg.build.rootDir, rest);
  if (source !== pkg.dir && !source.startsWith(`${pkg.dir}/`)) return undefined;
  return probe(withoutScriptExtension(source));
}

/**
 * `pkg/dist/keys.js` (or `dist/esm/keys.d.ts`, `dist/types/keys.d.ts`) → `pkg/src/keys.ts` when that source exists.
 * A build that emits one flavour per sub-folder names it as it likes (`cjs`, `esm`, `types`, `node`): when
 * `src/<sub-folder>/keys` is not a source, `src/keys` is tried, as the build folder is absent from a repository.
 */
function sourceOfBuiltFile(absolute: string, packageDir: string, probe: ModuleProbe): string | undefined {
  const parts = posix.relative(packageDir, absolute).split('/');
  if (!BUILD_FOLDERS.has(parts[0])) return undefined;
  let rest = parts.slice(1);
  if (rest.length > 1 && BUILD_FOLDERS.has(rest[0])) rest = rest.slice(1);
  const source = (segments: readonly string[]): string | undefined => probe(withoutScriptExtension(posix.join(packageDir, 'src', ...segments)));
  return source(rest) ?? (rest.length > 1 ? source(rest.slice(1)) : undefined);
}

function withoutDeclarationExtension(file: string): string {
  return file.replace(/\.d\.[mc]?ts$/, '');
}

function withoutScriptExtension(file: string): string {
  return withoutDeclarationExtension(file).replace(/\.[mc]?[jt]sx?$/, '');
}
