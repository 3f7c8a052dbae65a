// Reads what package-name imports need: every package.json of a workspace folder (name → folder and
// entry fields) and every tsconfig.json's `baseUrl` and `paths`, following `extends` one level; and what
// keys imported from nowhere in the workspace need: Prisma's schemas and node-config's flag sections. The
// resolution itself is pure (analysis/packages.ts, prisma.ts, nodeConfig.ts); this file only reads.

import { posix } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { nuxtAppOf, resolveBareSpecifier, resolveNuxtAlias, type NuxtApp, type PackageTable, type PathAliases, type WorkspacePackage } from '../analysis/packages';
import { configFlagsOf } from '../analysis/nodeConfig';
import { prismaEnumsOf } from '../analysis/prisma';
import { resolveModulePath, type ModuleHost } from '../analysis/resolve';
import { readBoundedTextSync } from '../io/boundedRead';
import { SETTINGS_FILE_LIMIT, toPosixPath } from './files';

const MANIFEST = 'package.json';
const TSCONFIG = 'tsconfig.json';
// A JavaScript project's tsconfig.json, as TypeScript and editors read it: its `paths` and `baseUrl` are the same.
const JSCONFIG = 'jsconfig.json';

// Prisma's schemas, whose enums name keys imported from the client it generates (see analysis/prisma.ts).
const PRISMA_SCHEMAS = '*.prisma';
// node-config's settings, whose flag sections name backends' keys (see analysis/nodeConfig.ts): read in a `config` folder.
const NODE_CONFIG_DEFAULTS = ['default.yaml', 'default.yml', 'default.json'];

/** The names of the files a package table is read from; `listFolder` collects them while it lists. */
export const PACKAGE_TABLE_FILES: readonly string[] = [MANIFEST, TSCONFIG, JSCONFIG, PRISMA_SCHEMAS, ...NODE_CONFIG_DEFAULTS];

/**
 * The package table of a folder from the package.json and tsconfig.json files `listFolder` found there
 * (ignore rules, no node_modules or build output). Unreadable or malformed files are left out.
 */
export function readPackageTable(folder: string, named: ReadonlyMap<string, readonly string[]>, log?: (message: string) => void, files: readonly string[] = []): PackageTable {
  const root = toPosixPath(folder).replace(/(?<=.)\/+$/, '');
  // Read synchronously: these files are small, and each `fs.promises.readFile` waits for the thread pool
  // four times (open, stat, read, close). For convex-backend's 378 manifests and tsconfigs, the first
  // table took 18-27 ms (26-27 ms of CPU) this way, against 40-47 ms (57-66 ms of CPU) through the
  // thread pool. The reads block this thread once, for 50-70 µs a file here.
  // A folder's tsconfig.json wins over its jsconfig.json, as TypeScript has it.
  const tsconfigs = named.get(TSCONFIG) ?? [];
  const tsconfigFolders = new Set(tsconfigs.map((file) => posix.dirname(file)));
  const jsconfigs = (named.get(JSCONFIG) ?? []).filter((file) => !tsconfigFolders.has(posix.dirname(file)));
  const read = (file: string): string | undefined => {
    const result = readBoundedTextSync(file, SETTINGS_FILE_LIMIT);
    if ('text' in result) return result.text;
    // Imports through a package or path alias it would name then resolve to nothing: say why.
    if (result.refused.kind !== 'missing') log?.(`${posix.relative(root, toPosixPath(file)) || file} is not read: ${result.refused.reason}`);
    return undefined;
  };
  const table = buildPackageTable(root, named.get(MANIFEST) ?? [], [...tsconfigs, ...jsconfigs], read);
  const nuxtApps = nuxtAppsOf(files, read);
  const schemas = (named.get(PRISMA_SCHEMAS) ?? []).flatMap((file) => read(file) ?? []);
  const prismaEnums = schemas.length === 0 ? undefined : prismaEnumsOf(schemas);
  const configKeyNames = new Map<string, string>();
  const configSections = new Map<string, Set<string>>();
  for (const file of NODE_CONFIG_DEFAULTS.flatMap((name) => named.get(name) ?? []).sort()) {
    const text = posix.basename(posix.dirname(file)) === 'config' ? read(file) : undefined;
    if (text === undefined) continue;
    const flags = configFlagsOf(file, text);
    for (const [name, key] of flags.keyNames) if (!configKeyNames.has(name)) configKeyNames.set(name, key);
    for (const [section, members] of flags.sections) configSections.set(section, new Set([...configSections.get(section) ?? [], ...members]));
  }
  return {
    ...table, ...(nuxtApps.length === 0 ? {} : { nuxtApps }), ...(prismaEnums === undefined || prismaEnums.size === 0 ? {} : { prismaEnums }),
    ...(configKeyNames.size === 0 ? {} : { configKeyNames }), ...(configSections.size === 0 ? {} : { configSections }),
  };
}

const NUXT_CONFIG = /\/nuxt\.config\.[cm]?[jt]s$/;
// The folders Nuxt imports from by itself, besides those its configuration adds: their top-level modules.
const NUXT_IMPORT_DIRS = ['composables', 'utils'];
// The config's folder of sources: `srcDir: 'src/'`.
const NUXT_SRC_DIR = /\bsrcDir\s*:\s*['"`]([^'"`]+)['"`]/;
// `imports: { dirs: ['stores/**', 'lib/types'] }` in a Nuxt configuration.
const NUXT_IMPORTS_DIRS = /\bimports\s*:\s*\{[^{}]*?\bdirs\s*:\s*\[([^\]]*)\]/;

/**
 * Each Nuxt app (a folder with a `nuxt.config`) and the source files whose exports Nuxt imports into its every module: the top-level modules
 * (and folders' `index` modules) of `composables/` and `utils/`, and of each folder its `imports.dirs` lists, or every
 * module under one written `dir/**`.
 */
export function nuxtAppsOf(files: readonly string[], read: (file: string) => string | undefined): NuxtApp[] {
  const apps: NuxtApp[] = [];
  for (const config of files.filter((file) => NUXT_CONFIG.test(file))) {
    const root = posix.dirname(config);
    const text = read(config) ?? '';
    const listed = NUXT_IMPORTS_DIRS.exec(text)?.[1] ?? '';
    // The folders it auto-imports from are in its sources' folder.
    const srcDirSetting = NUXT_SRC_DIR.exec(text)?.[1].replace(/^\.\/|\/+$/g, '');
    const srcDir = srcDirSetting === undefined || srcDirSetting === '' || srcDirSetting === '.' ? root : posix.join(root, srcDirSetting);
    const dirs = [...NUXT_IMPORT_DIRS, ...[...listed.matchAll(/['"`]([^'"`]+)['"`]/g)].map((match) => match[1].replace(/^\.\/|\/$/g, ''))];
    const imported = files.filter((file) => {
      if (!file.startsWith(`${srcDir}/`) || file === config) return false;
      const relative = file.slice(srcDir.length + 1);
      return dirs.some((dir) => (dir.endsWith('/**') ? relative.startsWith(dir.slice(0, -2)) : posix.dirname(relative) === dir || (posix.dirname(posix.dirname(relative)) === dir && /^index\.[cm]?[jt]sx?$/.test(posix.basename(relative)))));
    });
    apps.push({ root, ...(srcDir === root ? {} : { srcDir }), autoImported: imported });
  }
  return apps;
}

/** The table from the given package.json and tsconfig.json paths, read through `read` (undefined: unreadable). */
export function buildPackageTable(root: string, manifests: readonly string[], tsconfigs: readonly string[], read: (file: string) => string | undefined): PackageTable {
  const packages = new Map<string, WorkspacePackage>();
  // Sorted, so that of two packages with one name the shallower wins, whatever order the walk found them in.
  for (const manifest of [...manifests].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))) {
    const pkg = packageOf(manifest, read(manifest));
    if (pkg !== undefined && !packages.has(pkg.name)) packages.set(pkg.name, pkg);
  }
  // A base tsconfig that many extend is read and parsed once.
  const readTsconfigs = new Map<string, Tsconfig | undefined>();
  const readOnce = (file: string): Tsconfig | undefined => {
    if (!readTsconfigs.has(file)) readTsconfigs.set(file, readTsconfig(read(file)));
    return readTsconfigs.get(file);
  };
  const aliases = new Map<string, PathAliases>();
  for (const tsconfig of tsconfigs) {
    const options = readCompilerOptions(tsconfig, readOnce);
    if (options !== undefined) aliases.set(posix.dirname(tsconfig), options);
  }
  // A package's own tsconfig.json (or jsconfig.json) says where its build output comes from: `dist` is compiled from `lib`.
  const configOf = new Map(tsconfigs.map((file) => [posix.dirname(file), file]));
  for (const [name, pkg] of packages) {
    const config = configOf.get(pkg.dir);
    if (config === undefined) continue;
    const build = readBuildFolders(config, readOnce);
    if (build !== undefined) packages.set(name, { ...pkg, build });
  }
  return { root, packages, tsconfigs: aliases };
}

/** The module host of a folder with its package table: relative imports as before, bare specifiers through the table. */
export function withPackageResolution(host: ModuleHost, table: () => PackageTable): ModuleHost {
  const probe = (absolutePath: string): string | undefined => resolveModulePath('/', absolutePath, host);
  return {
    fileExists: (file) => host.fileExists(file),
    // tsconfig's `paths` first: a Nuxt app's own are in its generated `.nuxt/tsconfig.json`, not in the repository.
    resolvePackage: (specifier, fromFile) => resolveBareSpecifier(specifier, fromFile, table(), probe) ?? resolveNuxtAlias(specifier, fromFile, table(), probe),
    autoImports: (fromFile) => nuxtAppOf(fromFile, table())?.autoImported,
    prismaEnums: () => table().prismaEnums,
    configKeyNames: () => table().configKeyNames,
  };
}

function packageOf(manifest: string, text: string | undefined): WorkspacePackage | undefined {
  const json = text === undefined ? undefined : parseObject(text);
  if (json === undefined || typeof json.name !== 'string' || json.name === '') return undefined;
  const field = (name: string): string | undefined => (typeof json[name] === 'string' ? json[name] : undefined);
  const pkg: { -readonly [K in keyof WorkspacePackage]: WorkspacePackage[K] } = { name: json.name, dir: posix.dirname(manifest) };
  if (json.exports !== undefined && json.exports !== null) pkg.exports = json.exports;
  for (const name of ['types', 'typings', 'module', 'main'] as const) {
    const value = field(name);
    if (value !== undefined) pkg[name] = value;
  }
  return pkg;
}

interface CompilerOptions {
  baseUrl?: string;
  paths?: Record<string, string[]>;
  outDir?: string;
  rootDir?: string;
}

/** What a tsconfig.json says about module resolution. */
interface Tsconfig {
  options: CompilerOptions;
  extends: string[];
}

/** A tsconfig's aliases, its `extends` (a relative path, or several) read one level deep; undefined when it declares none. */
function readCompilerOptions(tsconfig: string, readTsconfig: (file: string) => Tsconfig | undefined): PathAliases | undefined {
  const own = readTsconfig(tsconfig);
  if (own === undefined) return undefined;
  const dir = posix.dirname(tsconfig);
  let baseUrl = own.options.baseUrl === undefined ? undefined : posix.resolve(dir, own.options.baseUrl);
  let paths = own.options.paths;
  let pathsDir = dir;
  // Later entries of an `extends` list override earlier ones; the file's own options override them all.
  for (const parent of own.extends.filter((name) => name.startsWith('.')).reverse()) {
    const parentFile = posix.resolve(dir, parent.endsWith('.json') ? parent : `${parent}.json`);
    const inherited = readTsconfig(parentFile);
    if (inherited === undefined) continue;
    const parentDir = posix.dirname(parentFile);
    if (baseUrl === undefined && inherited.options.baseUrl !== undefined) baseUrl = posix.resolve(parentDir, inherited.options.baseUrl);
    if (paths === undefined && inherited.options.paths !== undefined) {
      paths = inherited.options.paths;
      pathsDir = parentDir;
    }
  }
  if (baseUrl === undefined && paths === undefined) return undefined;
  return { ...(baseUrl !== undefined ? { baseUrl } : {}), pathsBase: baseUrl ?? pathsDir, paths: paths ?? {} };
}

/**
 * A tsconfig's `outDir` and `rootDir` as absolute folders, its own or its `extends`' (one level, each relative to
 * the file that says it); `rootDir` defaults to `src` beside the tsconfig, the usual layout. Undefined without an `outDir`.
 */
function readBuildFolders(tsconfig: string, readTsconfig: (file: string) => Tsconfig | undefined): { outDir: string; rootDir: string } | undefined {
  const own = readTsconfig(tsconfig);
  if (own === undefined) return undefined;
  const dir = posix.dirname(tsconfig);
  let outDir = own.options.outDir === undefined ? undefined : posix.resolve(dir, own.options.outDir);
  let rootDir = own.options.rootDir === undefined ? undefined : posix.resolve(dir, own.options.rootDir);
  for (const parent of own.extends.filter((name) => name.startsWith('.')).reverse()) {
    const parentFile = posix.resolve(dir, parent.endsWith('.json') ? parent : `${parent}.json`);
    const inherited = readTsconfig(parentFile);
    if (inherited === undefined) continue;
    if (outDir === undefined && inherited.options.outDir !== undefined) outDir = posix.resolve(posix.dirname(parentFile), inherited.options.outDir);
    if (rootDir === undefined && inherited.options.rootDir !== undefined) rootDir = posix.resolve(posix.dirname(parentFile), inherited.options.rootDir);
  }
  return outDir === undefined ? undefined : { outDir, rootDir: rootDir ?? posix.join(dir, 'src') };
}

/** What a tsconfig.json's text says, or undefined for an unreadable or malformed file. */
function readTsconfig(text: string | undefined): Tsconfig | undefined {
  const json = text === undefined ? undefined : parseObject(text);
  if (json === undefined) return undefined;
  const raw = typeof json.compilerOptions === 'object' && json.compilerOptions !== null ? json.compilerOptions as Record<string, unknown> : {};
  const options: CompilerOptions = {};
  if (typeof raw.baseUrl === 'string') options.baseUrl = raw.baseUrl;
  if (typeof raw.outDir === 'string') options.outDir = raw.outDir;
  if (typeof raw.rootDir === 'string') options.rootDir = raw.rootDir;
  if (typeof raw.paths === 'object' && raw.paths !== null && !Array.isArray(raw.paths)) {
    options.paths = {};
    for (const [pattern, targets] of Object.entries(raw.paths as Record<string, unknown>)) {
      if (Array.isArray(targets)) options.paths[pattern] = targets.filter((target): target is string => typeof target === 'string');
    }
  }
  const parents = typeof json.extends === 'string' ? [json.extends] : Array.isArray(json.extends) ? json.extends.filter((name): name is string => typeof name === 'string') : [];
  return { options, extends: parents };
}

/** A JSON object from JSON-with-comments text (trailing commas allowed); undefined for anything else. */
function parseObject(text: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    // Most manifests are plain JSON, which the native parser reads several times faster.
    value = JSON.parse(text);
  } catch {
    value = parseJsonc(text, [], { allowTrailingComma: true, disallowComments: false });
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
}
