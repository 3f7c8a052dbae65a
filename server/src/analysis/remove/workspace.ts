// Removing a flag from every file that checks it, then the key constants nothing mentions any more.

import { removeKeyConstants, type WorkspaceText } from './constants';
import { lineCount, lineEdits } from './edits';
import { removeFlagFromFile, type FileRemoval, type KeptValue } from './plan';
import type { CallTypes } from './returnTypes';
import type { RegistryLocation } from '../registry';
import type { FlagCheck } from '../types';

/** A file that checks the flag: its text and its checks of that flag. */
export interface FileWithChecks {
  fileName: string;
  text: string;
  checks: readonly FlagCheck[];
}

/** What removing a flag did across a workspace. */
export interface WorkspaceRemoval {
  /** Every file that checks the flag or declared its key, in the order given; `edits` is empty where nothing changed. */
  files: FileRemoval[];
  /** Key constants deleted because nothing mentions them any more: `FLAGS.NEW_CHECKOUT`. */
  deletedConstants: string[];
}

/**
 * Removes a flag from the files that check it. `otherFiles` are the workspace's other source files, read
 * for the last step: a constant naming the key, or the flag's entry in the team's `registry` (its file
 * named as the files are), is deleted only when no file refers to it afterwards. `callTypes`, where the
 * project's types are at hand, says what each call returns by its type.
 */
export function removeFlagFromWorkspace(key: string, kept: KeptValue, files: readonly FileWithChecks[], otherFiles: readonly WorkspaceText[], registry?: RegistryLocation,
  callTypes?: CallTypes): WorkspaceRemoval {
  const removals = files.map((file) => removeFlagFromFile(file.fileName, file.text, file.checks, kept, key, callTypes));
  const originals = new Map<string, string>([...files, ...otherFiles].map((file) => [file.fileName, file.text]));
  const after: WorkspaceText[] = [...removals.map((removal) => ({ fileName: removal.fileName, text: removal.text })), ...otherFiles];
  const constants = removeKeyConstants(after, key, registry);
  const byName = new Map(removals.map((removal) => [removal.fileName, removal]));
  for (const constant of constants) {
    const original = originals.get(constant.fileName) ?? constant.text;
    const removal = byName.get(constant.fileName);
    if (removal === undefined) {
      const created: FileRemoval = {
        fileName: constant.fileName,
        text: constant.text,
        edits: constant.edits,
        checksRemoved: 0,
        linesDeleted: lineCount(original) - lineCount(constant.text),
        deletedNames: constant.deletedNames,
        nowUnused: [],
        nowConstant: [],
        problems: [],
      };
      removals.push(created);
      byName.set(constant.fileName, created);
    } else {
      removal.text = constant.text;
      removal.edits = lineEdits(original, constant.text);
      removal.linesDeleted = lineCount(original) - lineCount(constant.text);
      removal.deletedNames = [...removal.deletedNames, ...constant.deletedNames];
    }
  }
  return { files: removals, deletedConstants: constants.flatMap((constant) => constant.deletedNames) };
}
