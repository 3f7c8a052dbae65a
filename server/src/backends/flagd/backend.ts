// The default backend: OpenFeature flagd flag files, one per environment, found in `flags/` or named in
// `.flaglens.json`: discovery, reading the files, and keeping each file's last good flags (wire.ts parses).

import { promises as fsPromises, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { FileProblem, FlagDefinition } from '../../analysis/types';
import { tooLargeProblem } from '../../analysis/json';
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
    const results = await Promise.all(this.files.map((file) => this.loadFile(file)));
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

  private async loadFile(file: FlagdFile): Promise<{ definitions: FlagDefinition[]; problems: FileProblem[]; readable: boolean; note?: string }> {
    const name = `${path.basename(file.path)} (${file.environment})`;
    const lastGood = this.lastGood.get(file.path);
    const fallback = lastGood ? 'its last good flags stay in use until it is fixed' : 'its flags are not loaded until it is fixed';
    let text: string;
    try {
      const stats = await fsPromises.stat(file.path);
      // A named pipe or a device would block the read for good.
      if (!stats.isFile()) return { definitions: lastGood?.definitions ?? [], problems: [], readable: false, note: `${name} is not a regular file: ${fallback}` };
      if (stats.size > MAX_FLAG_FILE_LENGTH) {
        const problem = tooLargeProblem(file.path, MAX_FLAG_FILE_LENGTH, 'flag file');
        return { definitions: lastGood?.definitions ?? [], problems: [problem], readable: false, note: `${name} is too large to read` };
      }
      text = await fsPromises.readFile(file.path, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'was not found' : `could not be read (${(error as Error).message})`;
      return { definitions: lastGood?.definitions ?? [], problems: [], readable: false, note: `${name} ${reason}: ${fallback}` };
    }

    const { definitions, problems, readable } = readFlagdText(text, file.path, file.environment);
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
