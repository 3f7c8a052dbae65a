// Reads the flag registry file that `.flaglens.json` names: a source file of the workspace, read like the
// others here; what it lists is worked out in analysis/registry.ts.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRegistry, type FlagRegistry, type RegistryLocation } from '../analysis/registry';
import { readTextFileSync } from './files';

/** The absolute POSIX path of the registry file. */
export function registryPath(root: string, location: RegistryLocation): string {
  return path.resolve(root, location.file).split(path.sep).join('/');
}

/** Where the registry is, with its file as an absolute POSIX path (as the index names files); undefined when none is named. */
export function absoluteRegistryLocation(root: string, location: RegistryLocation | undefined): RegistryLocation | undefined {
  return location === undefined ? undefined : { file: registryPath(root, location), symbol: location.symbol };
}

/** The registry read from `root`, or a sentence saying why it could not be. `text` overrides the file on disk (an open document). */
export function loadRegistry(root: string, location: RegistryLocation, text?: string): { registry?: FlagRegistry; problem?: string } {
  const file = registryPath(root, location);
  let source = text;
  if (source === undefined) {
    try {
      source = readTextFileSync(file);
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      return { problem: `The flag registry file ${location.file} ${missing ? 'does not exist' : `could not be read: ${(error as Error).message}`}; fix "registry" in .flaglens.json.` };
    }
  }
  return readRegistry(file, location.file, source, location.symbol);
}

/** When the registry file last changed (ms since epoch), or undefined when it is missing. */
export function registryModifiedAt(file: string): number | undefined {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}
