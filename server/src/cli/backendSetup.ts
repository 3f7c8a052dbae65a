// How every CLI command reads a folder's flag services: the command line runs where its user chose to
// run it, so it may use the network, with tokens from environment variables, and it keeps its caches in
// the user's cache folder rather than in the repository it reads.

import * as path from 'node:path';
import { DefinitionCache } from '../backends/cache';
import type { BackendSetup } from '../workspace/createBackends';
import { userCacheDirectory, workspaceCacheDirectory } from '../workspace/userCache';

/** The CLI's cache files for a folder: flag services' last good definitions and the index. */
export interface CliCacheFiles {
  definitions?: string;
  index?: string;
}

/**
 * The cache files for `root`: `--cache FILE` puts the definitions there and the index beside it;
 * otherwise both go to the folder's directory under the user's cache folder (none without one).
 */
export function cliCacheFiles(root: string, cacheFile: string | undefined, environment: Readonly<Record<string, string | undefined>>): CliCacheFiles {
  if (cacheFile !== undefined) {
    const definitions = path.resolve(cacheFile);
    return { definitions, index: path.join(path.dirname(definitions), 'index.json') };
  }
  const base = userCacheDirectory(environment);
  if (base === undefined) return {};
  const directory = workspaceCacheDirectory(base, root);
  return { definitions: path.join(directory, 'flag-definitions.json'), index: path.join(directory, 'index.json') };
}

/** The backend setup of a CLI command: trusted, tokens from the environment, definitions cached in `cacheFile`. */
export function cliBackendSetup(
  cacheFile: string | undefined,
  environmentVariables: Readonly<Record<string, string | undefined>>,
  log: (message: string) => void,
): BackendSetup {
  return {
    network: true,
    environmentVariables,
    howToSetToken: (_origin, tokenEnv) => `set the environment variable ${tokenEnv}`,
    ...(cacheFile === undefined ? {} : { cache: new DefinitionCache(cacheFile, log) }),
  };
}
