// Where FlagLens keeps what it writes for itself: the user's cache folder, never the scanned repository.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** `$XDG_CACHE_HOME/flaglens` (`~/.cache`, `~/Library/Caches` or `%LOCALAPPDATA%` by default); none without a home. */
export function userCacheDirectory(environment: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  const home = os.homedir();
  const base = environment.XDG_CACHE_HOME
    || (process.platform === 'win32' ? environment.LOCALAPPDATA : undefined)
    || (home === '' ? undefined : path.join(home, process.platform === 'darwin' ? 'Library/Caches' : '.cache'));
  return base === undefined ? undefined : path.join(base, 'flaglens');
}

/**
 * The folder of one workspace's caches (index, flag services' definitions) under `cacheDirectory`, keyed
 * by the workspace's real path, so that a folder reached through two links shares one cache.
 */
export function workspaceCacheDirectory(cacheDirectory: string, root: string): string {
  let real = root;
  try {
    real = fs.realpathSync(root);
  } catch {
    // A folder that cannot be resolved keeps its own path as its key.
  }
  return path.join(cacheDirectory, 'workspaces', `${path.basename(real) || 'root'}-${createHash('sha1').update(real).digest('hex').slice(0, 16)}`);
}
