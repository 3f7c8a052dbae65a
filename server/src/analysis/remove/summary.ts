// What a removal did and what it left for a person to decide, counted once for the CLI's summary and
// the editor's message.

import { servedValueText } from '../release';
import type { FileRemoval } from './plan';

/** One thing a removal left to a person, at a line of a file. */
export interface LeftToDecide {
  fileName: string;
  /** 1-based. */
  line: number;
  /** "variable 'x'", "function 'isOn' always gives true", or why a check was left as it was. */
  text: string;
}

/** The totals of a removal across files, and what it left to decide, by kind. */
export interface RemovalSummary {
  changedFiles: FileRemoval[];
  checksRemoved: number;
  linesDeleted: number;
  /** Declarations the removal left unused: not deleted, since something else may still need them. */
  nowUnused: LeftToDecide[];
  /** Exported declarations that now always give one value: kept, since other files may use them. */
  nowConstant: LeftToDecide[];
  /** Checks left as they were, with why. */
  problems: LeftToDecide[];
}

/** Sums up a removal's files. */
export function summariseRemoval(files: readonly FileRemoval[]): RemovalSummary {
  const changedFiles = files.filter((file) => file.edits.length > 0);
  return {
    changedFiles,
    checksRemoved: files.reduce((sum, file) => sum + file.checksRemoved, 0),
    linesDeleted: changedFiles.reduce((sum, file) => sum + file.linesDeleted, 0),
    nowUnused: files.flatMap((file) => file.nowUnused.map((name) => ({ fileName: file.fileName, line: name.line, text: `${name.kind} '${name.name}'` }))),
    nowConstant: files.flatMap((file) => file.nowConstant.map((name) => ({
      fileName: file.fileName,
      line: name.line,
      text: `${name.kind} '${name.name}' always gives ${servedValueText(name.value)}`,
    }))),
    problems: files.flatMap((file) => file.problems.map((problem) => ({ fileName: file.fileName, line: problem.line, text: problem.message }))),
  };
}
