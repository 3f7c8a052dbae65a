// The default backend: OpenFeature flagd flag files, one per environment, found in `flags/` or named in
// `.flaglens.json`: discovery, reading the files, and keeping each file's last good flags (wire.ts parses).

import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { FileProblem, FlagDefinition } from '../../analysis/types';
import { readBoundedTextSync } from '../../io/boundedRead';
import type { BackendLoad, FlagBackend } from '../types';
import { MAX_FLAG_FILE_LENGTH, readFlagdText } from './wire';

/** One flag file and the environment it describes. */
export interface FlagdFile {
  environment: string;
  /** Absolute path. */
  path: string;
}

const FLAGD_SUFFIX = '.flagd.json';

/** Environment names listed first by discovery, because they are the ones people care about most. */
const PRODUCTION_NAMES = ['production', 'prod'];

/** The flag files of a folder: `<folder>/flags/*.flagd.json`; production first, then by name. */
export function discoverFlagdFiles(folder: string): FlagdFile[] {
  const directory = path.join(folder, 'flags');
  let names: string[];
  try {
    names = readdirSync(directory, { withFileTypes: true })
      // A link (`production.flagd.json` → `../envs/production.json`, even outside the folder) is read
      // through, read-only; one that leads nowhere still names its environment, whose flags then read
      // as not defined there rather than released on the other environments' word.
      .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && entry.name.endsWith(FLAGD_SUFFIX) && entry.name.length > FLAGD_SUFFIX.length)
      .map((entry) => entry.name);
  } catch {
    return [];
  }
  const rank = (environment: string) => (PRODUCTION_NAMES.includes(environment) ? 0 : 1);
  return names
    .map((name) => ({ environment: name.slice(0, -FLAGD_SUFFIX.length), path: path.join(directory, name) }))
    .sort((a, b) => rank(a.environment) - rank(b.environment) || (a.environment < b.environment ? -1 : a.environment > b.environment ? 1 : 0));
}

/** Flag definitions from local flagd files; keeps each file's last good flags while it is broken. */
export class FlagdBackend implements FlagBackend {
  /** Per file: the flags last in use, and when the file was last read without any problem. */
  private readonly lastGood = new Map<string, { definitions: FlagDefinition[]; cleanReadAt?: number }>();

  constructor(private readonly files: FlagdFile[], readonly label: string) {}

  /** Reads every file; a broken file falls back to its last good flags and reports where it is broken. */
  async load(): Promise<BackendLoad> {
    const environments = [...new Set(this.files.map((file) => file.environment))];
    if (this.files.length === 0) {
      return { definitions: [], environments, problems: [], ok: false, message: 'No flag files are configured.' };
    }
    const results = this.files.map((file) => this.loadFile(file));
    const readAts = this.files.flatMap((file) => this.lastGood.get(file.path)?.cleanReadAt ?? []);
    const notes = results.flatMap((result) => result.note ?? []);
    return {
      definitions: mergeEnvironments(results.flatMap((result) => result.definitions), this.label),
      environments,
      problems: results.flatMap((result) => result.problems),
      ok: results.some((result) => result.readable),
      message: notes.length > 0 ? notes.join('; ') : undefined,
      syncedAt: readAts.length > 0 ? Math.min(...readAts) : undefined,
    };
  }

  /** The flag files, so that an edit to any of them triggers a reload. */
  watchedFiles(): string[] {
    return this.files.map((file) => file.path);
  }

  private loadFile(file: FlagdFile): { definitions: FlagDefinition[]; problems: FileProblem[]; readable: boolean; note?: string } {
    const name = `${path.basename(file.path)} (${file.environment})`;
    const lastGood = this.lastGood.get(file.path);
    const fallback = lastGood ? 'its last good flags stay in use until it is fixed' : 'its flags are not loaded until it is fixed';
    // Through links, inside the folder or not; a named pipe or a device is refused, not waited on.
    const read = readBoundedTextSync(file.path, MAX_FLAG_FILE_LENGTH);
    if ('refused' in read) {
      const { kind, reason } = read.refused;
      const said = kind === 'missing' ? 'was not found' : kind === 'unreadable' ? `could not be read (${reason})` : kind === 'too large' ? `is not read: ${reason}` : `is ${reason}`;
      // A file too large is a problem at the file, so that the editor shows it there.
      const problems = kind === 'too large' ? [{ file: file.path, span: { start: 0, end: 0 }, message: `This flag file is not read: ${reason}.` }] : [];
      return { definitions: lastGood?.definitions ?? [], problems, readable: false, note: `${name} ${said}: ${fallback}` };
    }

    const { definitions, problems, readable } = readFlagdText(read.text, file.path, file.environment);
    if (problems.length === 0) {
      this.lastGood.set(file.path, { definitions, cleanReadAt: Date.now() });
      return { definitions, problems, readable };
    }
    // Flags the broken file does not yield now (bad JSON, or a flag with errors) keep their last good definition.
    const keys = new Set(definitions.map((definition) => definition.key));
    const kept = (lastGood?.definitions ?? []).filter((definition) => !keys.has(definition.key));
    const inUse = [...definitions, ...kept];
    if (readable) this.lastGood.set(file.path, { definitions: inUse, cleanReadAt: lastGood?.cleanReadAt });
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    const keptText = kept.length === 1 ? `'${kept[0].key}' keeps its last good definition` : `${kept.length} flags keep their last good definitions`;
    const consequence = !readable ? `: ${fallback}` : kept.length > 0 ? `: ${keptText}` : '';
    return { definitions: inUse, problems, readable, note: `${name} has ${count}${consequence}` };
  }
}

/** One definition per key: the environments of every file side by side, metadata from the first file that has it. */
function mergeEnvironments(definitions: FlagDefinition[], source: string): FlagDefinition[] {
  const merged = new Map<string, FlagDefinition>();
  for (const definition of definitions) {
    const existing = merged.get(definition.key);
    if (!existing) {
      merged.set(definition.key, { ...definition, source, tags: [...definition.tags], environments: [...definition.environments] });
      continue;
    }
    existing.environments.push(...definition.environments);
    existing.description ??= definition.description;
    existing.owner ??= definition.owner;
    existing.createdAt ??= definition.createdAt;
    existing.stale ||= definition.stale;
    existing.archived ||= definition.archived;
    if (existing.tags.length === 0) existing.tags = [...definition.tags];
  }
  return [...merged.values()];
}
