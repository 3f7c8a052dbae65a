// Reading a file for the first index and testing it with the text prefilter: the part of indexing that
// needs no parser, so that reader threads can do it without loading TypeScript.

import { canTestLatin1, mayHoldChecks } from '../analysis/prefilter';
import type { PatternSet } from '../patterns';
import { readSourceFileShared, type SkipReason } from './files';

/** The patterns and limit every file is read and scanned with; plain data, so a worker thread can receive it. */
export interface ScanSettings {
  patterns: PatternSet;
  maxFileSize: number;
}

/** What reading one file gave: its bytes (a copy of its own) when the prefilter says it may hold a check. */
export type ReadOutcome =
  | { kind: 'read'; bytes: Uint8Array }
  | { kind: 'unparsed' }
  | { kind: 'skipped'; skip: SkipReason };

/** A chunk of files for a reader thread, and the outcomes it sends back in the same order. */
export interface ReaderRequest {
  id: number;
  files: string[];
}
export interface ReaderResponse {
  id: number;
  outcomes: ReadOutcome[];
}

/** Read one file and test it with the prefilter; only a file that may hold a check keeps its bytes. */
export function readAndFilter(file: string, settings: ScanSettings): ReadOutcome {
  const bytes = readSourceFileShared(file, settings.maxFileSize);
  if (!Buffer.isBuffer(bytes)) return { kind: 'skipped', skip: bytes };
  // Most files hold no check; a latin1 view is cheaper than decoding UTF-8 and enough for ASCII names.
  const view = canTestLatin1(settings.patterns) ? bytes.toString('latin1') : bytes.toString('utf8');
  if (!mayHoldChecks(view, settings.patterns)) return { kind: 'unparsed' };
  // A buffer of its own, not a view of the shared one: it can be moved to another thread without a copy.
  return { kind: 'read', bytes: new Uint8Array(bytes) };
}
