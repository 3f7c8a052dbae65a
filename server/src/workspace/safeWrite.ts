// Writing a clean-up's files: all of them or none, never through a link, never outside the workspace.

import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A file to write, and the text it had when it was read (to put back if the rest cannot be written). */
export interface FileToWrite {
  fileName: string;
  text: string;
  original: string;
}

/** Why the files were not written; `restored` is false when even putting the first ones back failed. */
export class WriteFailure extends Error {
  constructor(message: string, readonly restored: boolean) {
    super(message);
  }
}

/**
 * Writes every file, or leaves every one as it was. Each file must be a regular file (not a link) whose
 * folder is inside the workspace's real path. Every new text goes first to a temporary file created
 * exclusively under an unpredictable name beside its target; only when all are written are they renamed
 * over their targets. A failure removes the temporary files and puts back the files already renamed.
 * An interrupt (Ctrl+C) while this runs takes effect once it is done. `rename` is for tests
 * that make one rename fail.
 */
export function writeAllOrNothing(root: string, files: readonly FileToWrite[], rename: (from: string, to: string) => void = fs.renameSync): void {
  const realRoot = fs.realpathSync(root);
  const targets = files.map((file) => ({ ...file, target: checkedTarget(realRoot, file.fileName) }));
  const interrupt = (): void => {
    process.off('SIGINT', interrupt);
    process.kill(process.pid, 'SIGINT');
  };
  process.on('SIGINT', interrupt);
  const temporaries: string[] = [];
  const renamed: typeof targets = [];
  try {
    const staged = targets.map((file) => {
      const temporary = writeTemporary(file.target, file.text);
      temporaries.push(temporary);
      return { ...file, temporary };
    });
    for (const file of staged) {
      rename(file.temporary, file.target);
      temporaries.splice(temporaries.indexOf(file.temporary), 1);
      renamed.push(file);
    }
  } catch (error) {
    for (const temporary of temporaries) fs.rmSync(temporary, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    let restored = true;
    for (const file of renamed) {
      try {
        fs.renameSync(writeTemporary(file.target, file.original), file.target);
      } catch {
        restored = false;
      }
    }
    throw new WriteFailure(restored
      ? `nothing was changed: ${reason}`
      : `${reason}; ${renamed.length} file(s) were rewritten and could not all be put back: ${renamed.map((file) => file.fileName).join(', ')}`, restored);
  } finally {
    // Signals reach JavaScript only when the event loop polls, and these writes are synchronous: a Ctrl+C
    // while they ran is read at the next poll, where `interrupt` ends the process as Ctrl+C does. The
    // listener stays until then: two immediates, since the first may run in this very turn's check
    // phase, before any poll, and they keep the loop alive for one. (Removed as the writes returned, the
    // Ctrl+C was lost and the clean went on to exit 0.)
    setImmediate(() => setImmediate(() => process.off('SIGINT', interrupt)));
  }
}

// The real path to write: a regular file, not a link, in a folder inside the workspace.
function checkedTarget(realRoot: string, fileName: string): string {
  const stats = fs.lstatSync(fileName);
  if (stats.isSymbolicLink()) throw new WriteFailure(`nothing was changed: ${fileName} is a symbolic link, and FlagLens does not write through links`, true);
  if (!stats.isFile()) throw new WriteFailure(`nothing was changed: ${fileName} is not a regular file`, true);
  const folder = fs.realpathSync(path.dirname(fileName));
  if (folder !== realRoot && !folder.startsWith(`${realRoot}${path.sep}`)) {
    throw new WriteFailure(`nothing was changed: ${fileName} is outside the workspace ${realRoot}`, true);
  }
  return path.join(folder, path.basename(fileName));
}

// A new file beside `target`, created exclusively (an existing file or link of that name is an error)
// with the target's mode, holding `text`.
function writeTemporary(target: string, text: string): string {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.flaglens-${randomBytes(8).toString('hex')}.tmp`);
  const descriptor = fs.openSync(temporary, 'wx', fs.statSync(target).mode & 0o7777);
  try {
    fs.writeFileSync(descriptor, text);
  } catch (error) {
    fs.closeSync(descriptor);
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  fs.closeSync(descriptor);
  return temporary;
}
