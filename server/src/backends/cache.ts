// The last good definitions of each flag service, kept in one JSON file between runs: in the editor
// under the extension's storage folder, in the CLI in the user's cache folder (or `--cache FILE`). They
// are shown at start-up and while a service is down, with the time they were read.

import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { withStageChanges } from '../analysis/stages';
import type { FlagDefinition } from '../analysis/types';
import { readBoundedTextSync } from '../io/boundedRead';
import { emptyAnswerWarning } from './serviceSync';
import type { BackendLoad, FlagBackend } from './types';

/** What is kept of one service's last good load. */
export interface CachedDefinitions {
  definitions: FlagDefinition[];
  environments: string[];
  /** When they were read, ms since epoch. */
  syncedAt: number;
}

/**
 * The most of the cache file read: it holds each service's last good answer, and an answer is read up
 * to `maxResponseBytes` (64 MB by default), so several services fit; `--cache FILE` can name anything.
 */
export const MAX_CACHE_FILE_BYTES = 512 * 1024 * 1024;

/** The file's format version; a file of another version is ignored (and replaced on the next write). */
const CACHE_VERSION = 1;

/** A JSON file of the last good definitions per service key. Never throws: a bad file reads as empty. */
export class DefinitionCache {
  private entries: Map<string, CachedDefinitions> | undefined;
  private writing: Promise<void> = Promise.resolve();

  /** `log` hears about files that could not be read or written. */
  constructor(readonly file: string, private readonly log: (message: string) => void = () => undefined) {}

  /** The cached definitions of one service, or undefined. */
  get(key: string): CachedDefinitions | undefined {
    return this.read().get(key);
  }

  /** Remembers a service's definitions and writes the file (writes are serialised). */
  set(key: string, value: CachedDefinitions): Promise<void> {
    this.read().set(key, value);
    const text = JSON.stringify({ version: CACHE_VERSION, entries: Object.fromEntries(this.read()) });
    this.writing = this.writing.then(() => this.write(text));
    return this.writing;
  }

  private read(): Map<string, CachedDefinitions> {
    if (this.entries) return this.entries;
    this.entries = new Map();
    const read = readBoundedTextSync(this.file, MAX_CACHE_FILE_BYTES);
    if ('refused' in read) {
      if (read.refused.kind !== 'missing') this.log(`The flag cache ${this.file} is not read: ${read.refused.reason}; it will be rewritten.`);
      return this.entries;
    }
    try {
      const json = JSON.parse(read.text) as { version?: unknown; entries?: unknown };
      if (json.version !== CACHE_VERSION || typeof json.entries !== 'object' || json.entries === null) return this.entries;
      for (const [key, value] of Object.entries(json.entries)) {
        if (isCachedDefinitions(value)) this.entries.set(key, value);
      }
    } catch {
      this.log(`The flag cache ${this.file} is not valid JSON; it is ignored and will be rewritten.`);
    }
    return this.entries;
  }

  private async write(text: string): Promise<void> {
    // Write and rename, so that a crash never leaves half a file behind.
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(temporary, text);
      renameSync(temporary, this.file);
    } catch (error) {
      this.log(`Could not write the flag cache ${this.file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * A flag service whose good loads are cached, and whose failures before any good load in this run
 * fall back to the cached definitions, so that an editor opened offline still shows the flags. An
 * empty first answer does not replace cached flags either until the service gives it twice in a row;
 * after the first answer of a run, the service itself keeps its last good flags (serviceSync.ts).
 */
export class CachedBackend implements FlagBackend {
  readonly label: string;
  readonly pollIntervalMs?: number;
  private acceptedThisRun = false;
  private holdingOverEmpty = false;

  constructor(private readonly inner: FlagBackend, private readonly cache: DefinitionCache, private readonly key: string) {
    this.label = inner.label;
    this.pollIntervalMs = inner.pollIntervalMs;
  }

  async load(): Promise<BackendLoad> {
    const load = await this.inner.load();
    if (load.ok) {
      const cached = this.acceptedThisRun ? undefined : this.cache.get(this.key);
      if (load.definitions.length === 0 && cached !== undefined && cached.definitions.length > 0 && !this.holdingOverEmpty) {
        this.holdingOverEmpty = true;
        const warning = emptyAnswerWarning(this.label, cached.definitions.length);
        return { ...load, definitions: cached.definitions, environments: cached.environments, syncedAt: cached.syncedAt, message: load.message === undefined ? warning : `${warning}; ${load.message}` };
      }
      this.acceptedThisRun = true;
      this.holdingOverEmpty = false;
      if (load.syncedAt === undefined) return load;
      const previous = this.cache.get(this.key);
      // The service's own hold over an empty answer gives the same definitions again: nothing to write.
      if (previous?.syncedAt === load.syncedAt) return { ...load, definitions: previous.definitions };
      // The cached definitions are the previous load: each stage that changed since starts now.
      const definitions = withStageChanges(load.definitions, previous?.definitions, new Date(load.syncedAt).toISOString());
      await this.cache.set(this.key, { definitions, environments: load.environments, syncedAt: load.syncedAt });
      return { ...load, definitions };
    }
    // The service kept this run's last good definitions itself.
    if (load.syncedAt !== undefined) return load;
    const cached = this.cache.get(this.key);
    if (cached === undefined) return load;
    const when = new Date(cached.syncedAt).toISOString().replace('T', ' ').slice(0, 16);
    return {
      ...load,
      definitions: cached.definitions,
      environments: cached.environments,
      syncedAt: cached.syncedAt,
      message: `${load.message ?? `${this.label}: not read`}; showing the flags cached at ${when} UTC`,
    };
  }

  nextLoadDelay(pollIntervalMs: number): number {
    return this.inner.nextLoadDelay?.(pollIntervalMs) ?? pollIntervalMs;
  }

  watchedFiles(): string[] {
    return this.inner.watchedFiles();
  }
}

function isCachedDefinitions(value: unknown): value is CachedDefinitions {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return Array.isArray(entry.definitions)
    && Array.isArray(entry.environments)
    && typeof entry.syncedAt === 'number'
    && entry.definitions.every((definition) => typeof definition === 'object' && definition !== null
      && typeof (definition as FlagDefinition).key === 'string' && Array.isArray((definition as FlagDefinition).environments));
}
