// Temporary workspaces on disk, for tests that index a folder as the CLI and the editor do.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PatternSet } from '../../server/src/analysis/patterns';
import { toPosixPath } from '../../server/src/workspace/files';
import { WorkspaceIndex } from '../../server/src/workspace/index';

/** A new folder under the system's temporary one holding `files` (relative path → text); its real path, with `/`. */
export function writeWorkspace(prefix: string, files: Readonly<Record<string, string>>): string {
  const root = toPosixPath(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix))));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** `writeWorkspace`, then its first index with `patterns`, as the CLI and the editor make it. */
export async function indexedWorkspace(prefix: string, files: Readonly<Record<string, string>>, patterns: PatternSet): Promise<{ root: string; index: WorkspaceIndex }> {
  const root = writeWorkspace(prefix, files);
  const index = new WorkspaceIndex(root, { patterns, ignore: [], maxFileSize: 1024 * 1024, log: () => undefined });
  await index.indexAll();
  return { root, index };
}
