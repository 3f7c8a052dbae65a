// Temporary workspaces on disk, for tests that index a folder as the CLI and the editor do.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { toPosixPath } from '../../server/src/workspace/files';

/** A new folder under the system's temporary one holding `files` (relative path → text); its real path, with `/`. */
export function writeWorkspace(prefix: string, files: Readonly<Record<string, string>>): string {
  const root = toPosixPath(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix))));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}
