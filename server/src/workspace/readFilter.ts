// Reading a file for the first index, testing it with the text prefilter and, for a file that may hold
// a check, preparing its parse (text, hash, skeleton): everything but the parse, so that reader threads
// can do it without loading TypeScript.

import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { prefilterText } from '../analysis/components';
import { canTestLatin1, mayDeclareSettingsFlags, mayHardCodeFlags, mayHoldChecks } from '../analysis/prefilter';
import { skeletonOf } from '../analysis/skeleton';
import type { PatternSet } from '../analysis/patterns';
import { fileStamp, readSourceFileShared, type SkipReason } from './files';

/** The patterns and limit every file is read and scanned with; plain data, so a worker thread can receive it. */
export interface ScanSettings {
  patterns: PatternSet;
  maxFileSize: number;
  /** File → hash of the bytes the index cache has a scan of: such a file needs no skeleton. */
  cachedHashes?: ReadonlyMap<string, string>;
  /** When the run began (ms since the epoch), for the stamp of each file read; no stamps without it (no index cache, or a first run). */
  runStartedAt?: number;
  /** Give back the text of files without checks too (a clean-up reads each file once). */
  keepTexts?: boolean;
}

/**
 * What reading one file gave. A file that may hold a check comes with its text, the hash of its bytes
 * (for the index cache) and its skeleton: none when the whole text must be parsed, or when the index
 * cache has the scan of these bytes. `stamp` is the file's stamp (see `fileStamp`), when asked for
 * and settled.
 */
export type ReadOutcome =
  | { kind: 'read'; text: string; hash: string; skeleton: string | undefined; stamp?: string }
  | { kind: 'unparsed'; stamp?: string; text?: string }
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

/** The hash the index cache keeps a scan under: of the file's bytes, as read. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

/** Read one file, test it with the prefilter, and prepare the parse of a file that may hold a check. */
export function readAndFilter(file: string, settings: ScanSettings): ReadOutcome {
  const { runStartedAt } = settings;
  let stamp: string | undefined;
  const bytes = readSourceFileShared(file, settings.maxFileSize, runStartedAt === undefined ? undefined : (stats) => {
    stamp = fileStamp(stats, runStartedAt);
  });
  if (!Buffer.isBuffer(bytes)) return { kind: 'skipped', skip: bytes };
  // Most files hold no check; a latin1 view is cheaper than decoding UTF-8 and enough for ASCII names.
  const latin1 = canTestLatin1(settings.patterns);
  const view = latin1 ? bytes.toString('latin1') : bytes.toString('utf8');
  // Of ASCII bytes (most source files) the view is the text: they are not decoded twice.
  const textOf = (): string => (!latin1 || isAscii(bytes) ? view : bytes.toString('utf8'));
  if (!mayHoldChecks(prefilterText(file, view), settings.patterns) && !mayHardCodeFlags(file, view) && !mayDeclareSettingsFlags(file, view)) return settings.keepTexts === true ? { kind: 'unparsed', stamp, text: textOf() } : { kind: 'unparsed', stamp };
  const text = textOf();
  const hash = contentHash(bytes);
  const cached = settings.cachedHashes?.get(file) === hash;
  return { kind: 'read', text, hash, skeleton: cached ? undefined : skeletonOf(file, text, settings.patterns), stamp };
}
