// Reads the flag registry file that `.flaglens.json` names: a source file of the workspace, read like the
// others here; what it lists is worked out in analysis/registry.ts.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRegistry, type FlagRegistry, type RegistryLocation } from '../analysis/registry';
import { readBoundedTextSync } from '../io/boundedRead';

/**
 * The cap on the registry file: a source file, but read whatever `flaglens.maxFileSize` says (it decides
 * which keys are flags). An enum of a hundred thousand flags fits in 8 MB.
 */
export const REGISTRY_FILE_LIMIT = 8 * 1024 * 1024;

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
    const read = readBoundedTextSync(file, REGISTRY_FILE_LIMIT);
    if ('refused' in read) {
      const missing = read.refused.kind === 'missing';
      return { problem: `The flag registry file ${location.file} ${missing ? 'does not exist' : `could not be read: ${read.refused.reason}`}; fix "registry" in .flaglens.json.` };
    }
    source = read.text;
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
