// The one interface every source of flag definitions implements. All network and file IO for
// flag definitions lives behind it, so the rest of FlagLens cannot fail because a backend does.

import type { FileProblem, FlagDefinition } from '../analysis/types';

/** The outcome of one load of a backend. `load()` never throws: failures come back here. */
export interface BackendLoad {
  /** Definitions from this load; on failure, the last good ones (possibly none). */
  definitions: FlagDefinition[];
  /** The environment names this backend knows, in the order they should be shown. */
  environments: string[];
  /** Problems at positions in flag files (malformed JSON, schema violations). */
  problems: FileProblem[];
  /** False when the backend could not be read at all. */
  ok: boolean;
  /** One line for people when something is wrong (or partly wrong). */
  message?: string;
  /** When the definitions were last read successfully (ms since epoch); undefined when never. */
  syncedAt?: number;
}

/** A source of flag definitions: local flag files, a flag service. */
export interface FlagBackend {
  /** For people: `flags/*.flagd.json`, `Unleash (https://unleash.example.com)`. */
  readonly label: string;
  load(): Promise<BackendLoad>;
  /** Absolute paths of local files whose change should trigger a reload. */
  watchedFiles(): string[];
  /** For a service: how often to read it again while all is well, in ms. Local files are watched instead. */
  readonly pollIntervalMs?: number;
  /** For a service: how long to wait before the next load, backing off while it fails. */
  nextLoadDelay?(pollIntervalMs: number): number;
}
