// The script kind every parse of FlagLens reads a file with, from its name.

import { ts } from 'ts-morph';
import { readsJsx } from './extensions';

/** TSX for .tsx, JSX for JavaScript (which may hold JSX, as TypeScript reads it), else TS. */
export function scriptKindOf(fileName: string): ts.ScriptKind {
  if (!readsJsx(fileName)) return ts.ScriptKind.TS;
  return fileName.toLowerCase().endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.JSX;
}
