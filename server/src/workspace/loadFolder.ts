// The one way a workspace folder becomes configuration, patterns, index, backends and catalog: used by
// the language server for each folder it opens and by every CLI command. Who may use the network and
// which tokens are sent is the caller's to say: the CLI runs where its user chose, the editor follows
// workspace trust.

import type { SeverityOverrides } from '../analysis/findings';
import { posix } from 'node:path';
import { buildPatternSet, type PatternSet, type RegistryProperty } from '../analysis/patterns';
import type { FileProblem, FlagCatalog } from '../analysis/types';
import { buildCatalog, withLabel } from '../backends/catalog';
import type { BackendLoad, FlagBackend } from '../backends/types';
import { DEFAULT_MAX_FILE_SIZE, loadConfig, type FlagLensConfig } from './config';
import { backendOrigins, createBackends, type BackendSetup } from './createBackends';
import { toPosixPath } from './files';
import { WorkspaceIndex } from './index';
import { loadRegistry } from './registryFile';

/** Reports the number of files indexed so far out of the total. */
export type IndexProgress = (done: number, total: number) => void;

/** What the editor's settings override in `.flaglens.json`. */
export interface FolderOverrides {
  environments?: string[];
  maxFileSize?: number;
  severity?: SeverityOverrides;
}

/** How to load a folder. */
export interface LoadFolderOptions {
  /** A configuration file to use instead of `<root>/.flaglens.json`. */
  configFile?: string;
  overrides?: FolderOverrides;
  /** Trust, tokens for the given service origins, and the definitions cache, for making the backends. */
  backendSetup(origins: readonly string[]): BackendSetup | Promise<BackendSetup>;
  /** The index cache file; none when absent. */
  indexCacheFile?: string;
  /** Keep every source file's text in the index, for a clean-up that reads each file once. */
  keepTexts?: boolean;
  /** Without `.flaglens.json`, infer in a thread of its own (see `WorkspaceIndexOptions.inferenceThread`). */
  inferenceThread?: boolean;
  log(message: string): void;
  /** Where the backends' messages go (a service that could not be read, a cache in use); default `log`. */
  backendMessage?(message: string): void;
  /** Told the configuration's problems before anything is indexed; it may throw to stop the load. */
  configChecked?(problems: readonly FileProblem[]): void;
  progress?: IndexProgress;
}

/** Everything a loaded folder knows. */
export interface LoadedFolder {
  /** Absolute POSIX path of the folder. */
  root: string;
  config: FlagLensConfig;
  /** Absolute path of the `.flaglens.json` in use, when there is one. */
  configFile?: string;
  configProblems: FileProblem[];
  severities: SeverityOverrides;
  countedEnvironments?: string[];
  patterns: PatternSet;
  index: WorkspaceIndex;
  backends: FlagBackend[];
  /** How the backends were made (trust, tokens, cache), to make them again the same way. */
  backendSetup: BackendSetup;
  /** The latest load of each backend, in the order of `backends`. */
  loads: BackendLoad[];
  catalog: FlagCatalog;
  /** ISO date of the first commit that added a key to the code, where the front end asks git (see gitFirstSeen.ts). */
  firstSeenInCode?(key: string): string | undefined;
}

/** The patterns `.flaglens.json` says, with the files of its wrappers and client parameters named by their absolute paths, as the scan names files. */
export function configuredPatterns(config: FlagLensConfig, root: string): PatternSet {
  const folder = toPosixPath(root).replace(/\/+$/, '');
  const userPatterns = config.patterns.map((pattern) => (pattern.from === undefined ? pattern : { ...pattern, modules: pattern.from.map((file) => posix.join(folder, file)) }));
  const patterns = buildPatternSet(userPatterns, config.bags);
  const registryProperties = configuredRegistryProperties(config, root);
  const withProperties = registryProperties.length === 0 ? patterns : { ...patterns, registryProperties };
  if (config.clients === undefined || config.clients.length === 0) return withProperties;
  return {
    ...withProperties,
    clientParameters: config.clients.map((client) => ({
      file: posix.join(folder, client.file), functionName: client.function, parameter: client.parameter, specifier: client.package,
      ...(client.property === undefined ? {} : { property: client.property }),
    })),
  };
}

/**
 * The registry's members by the properties `.flaglens.json` says hold it (`"properties": ["Gate"]`). The registry is
 * read for them as the findings read it; one that cannot be read, or has no members (a union), gives none, and
 * the findings say why.
 */
function configuredRegistryProperties(config: FlagLensConfig, root: string): RegistryProperty[] {
  const properties = config.registry?.properties ?? [];
  if (config.registry === undefined || properties.length === 0) return [];
  const registry = loadRegistry(root, config.registry).registry;
  if (registry === undefined || (registry.kind !== 'enum' && registry.kind !== 'object')) return [];
  const keyOfMember = Object.fromEntries(registry.entries.map((entry) => [entry.name, entry.key]));
  return properties.map((property) => ({ property, keyOfMember }));
}

/** Reads the configuration, then indexes the folder while its backends load. Never throws for a backend. */
export async function loadFolder(root: string, options: LoadFolderOptions): Promise<LoadedFolder> {
  const { config, file, problems } = loadConfig(root, options.configFile);
  options.configChecked?.(problems);
  const overrides = options.overrides ?? {};
  const countedEnvironments = overrides.environments ?? config.environments;
  const patterns = configuredPatterns(config, root);
  const index = new WorkspaceIndex(root, {
    patterns,
    ignore: config.ignore,
    maxFileSize: overrides.maxFileSize ?? config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    log: options.log,
    cacheFile: options.indexCacheFile,
    keepTexts: options.keepTexts,
    inferenceThread: options.inferenceThread,
    keysAsWritten: config.keysAsWritten,
    // Zero-config: without a configuration file, the scan infers the team's wrappers and registry anchors.
    infer: file === undefined,
  });
  const backendSetup = await options.backendSetup(backendOrigins(config));
  const backends = createBackends(config, root, backendSetup);
  const [loads] = await Promise.all([loadBackends(backends, options.backendMessage ?? options.log), index.indexAll(options.progress)]);
  return {
    root: index.root,
    config,
    configFile: file,
    configProblems: problems,
    severities: { ...config.severities, ...overrides.severity },
    countedEnvironments,
    patterns: index.patterns,
    index,
    backends,
    backendSetup,
    loads,
    catalog: catalogOf(backends, loads, countedEnvironments),
  };
}

/**
 * Loads every backend at once. `load()` promises not to throw; a backend that breaks that promise
 * gives a failed load with its message, so that one service never takes the folder down.
 */
export async function loadBackends(backends: readonly FlagBackend[], message: (text: string) => void): Promise<BackendLoad[]> {
  return Promise.all(backends.map(async (backend): Promise<BackendLoad> => {
    try {
      const load = await backend.load();
      if (load.message) message(withLabel(backend.label, load.message));
      return load;
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      message(`${backend.label}: could not load flag definitions: ${text}`);
      return { definitions: [], environments: [], problems: [], ok: false, message: text };
    }
  }));
}

/** The catalog of the backends' latest loads. */
export function catalogOf(backends: readonly FlagBackend[], loads: readonly BackendLoad[], countedEnvironments: readonly string[] | undefined): FlagCatalog {
  return buildCatalog(loads, backends.map((backend) => backend.label), countedEnvironments);
}
