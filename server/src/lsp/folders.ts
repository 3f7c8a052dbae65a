// The state of each workspace folder: its `.flaglens.json`, its backends and their flag definitions,
// and the index of its flag checks. A document belongs to the folder whose path holds it most closely.

import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { BackendLoad, FlagBackend } from '../backends/types';
import { createBackends, type BackendSetup } from '../workspace/createBackends';
import { toPosixPath } from '../workspace/files';
import { catalogOf, loadBackends, loadFolder, type IndexProgress, type LoadedFolder } from '../workspace/loadFolder';
import { LazyGitFirstSeen } from '../workspace/gitFirstSeen';
import { indexCacheFile } from '../workspace/scanCache';
import { uriToPath } from '../workspace/uris';
import { exceedsBytes } from './documents';
import type { EditorSettingsCache } from './settings';

export type { IndexProgress } from '../workspace/loadFolder';

/** The longest a folder waits before reading a flag service again. */
const MAX_POLL_DELAY_MS = 24 * 60 * 60 * 1000;

/** A loaded folder and the editor's view of it; replaced as a whole when `.flaglens.json` or the settings change. */
export interface FolderState extends LoadedFolder {
  /** Open documents whose text the index holds, by URI, with the version it holds. */
  syncedVersions: Map<string, number>;
}

/** What folders need from the server around them. */
export interface FolderHost {
  settings: EditorSettingsCache;
  log(message: string): void;
  /** Called after a folder (re)loaded its flag definitions, so the status and diagnostics follow. */
  definitionsChanged(folder: WorkspaceFolderState): Promise<void>;
  /** Trust, tokens for the given service origins, and the cache, for making a folder's backends. */
  backendSetup(origins: readonly string[]): Promise<BackendSetup>;
  /** The client's cache folder, where each folder's index keeps its scans between runs; none when absent. */
  indexCacheDir?(): string | undefined;
}

/** One workspace folder. Requests await `state()`, so answers wait for the first index instead of being wrong. */
export class WorkspaceFolderState {
  /** Absolute POSIX path of the folder. */
  readonly root: string;
  private current: Promise<FolderState>;
  private definitionsGeneration = 0;
  private readonly pollTimers = new Map<FlagBackend, NodeJS.Timeout>();

  constructor(readonly uri: string, readonly name: string, private readonly host: FolderHost, progress?: IndexProgress) {
    this.root = uriToPath(uri);
    this.current = this.startLoad(progress);
  }

  /** The folder's state once loaded. */
  state(): Promise<FolderState> {
    return this.current;
  }

  /** Read `.flaglens.json` and the settings again, then index and load everything anew. */
  reload(progress?: IndexProgress): Promise<FolderState> {
    this.current = this.startLoad(progress);
    return this.current;
  }

  /**
   * Load the flag definitions again. `filesAddedOrRemoved` re-discovers the flag files; otherwise the
   * same backends reload, so that a flag file that broke keeps its last good definitions.
   */
  async reloadDefinitions(filesAddedOrRemoved: boolean): Promise<void> {
    const state = await this.current;
    const generation = ++this.definitionsGeneration;
    let backends = state.backends;
    if (filesAddedOrRemoved) {
      const discovered = createBackends(state.config, this.root, state.backendSetup);
      if (!sameBackends(discovered, backends)) backends = discovered;
    }
    const loads = await loadBackends(backends, this.host.log);
    // A newer reload started meanwhile: its answer is the one to keep.
    if (generation !== this.definitionsGeneration || state !== (await this.current)) return;
    state.backends = backends;
    state.loads = loads;
    state.catalog = catalogOf(backends, loads, state.countedEnvironments);
    this.startPolling(state);
    await this.host.definitionsChanged(this);
  }

  /** Stop reading the folder's flag services; the folder is gone. */
  dispose(): void {
    this.stopPolling();
  }

  /** True for a file whose change should reload the definitions (a flag file of one of the backends). */
  async isFlagFile(file: string): Promise<boolean> {
    const state = await this.current;
    const key = toPosixPath(file);
    return state.backends.some((backend) => backend.watchedFiles().some((watched) => toPosixPath(watched) === key));
  }

  /**
   * Put the text of the folder's open documents into the index in place of the files on disk; only
   * documents edited since the last call are scanned again.
   */
  syncOpenDocuments(state: FolderState, documents: readonly TextDocument[]): void {
    for (const document of documents) {
      if (state.syncedVersions.get(document.uri) === document.version) continue;
      const file = uriToPath(document.uri);
      // A document over the size limit is never scanned (the server lets its text go, see lsp/documents.ts).
      if (!isInside(file, this.root) || !state.index.includes(file) || exceedsBytes(document.getText(), state.index.maxFileSize)) continue;
      state.index.setFileText(file, document.getText());
      state.syncedVersions.set(document.uri, document.version);
    }
  }

  /** Go back to the file on disk after its document closed. */
  async forgetDocument(uri: string): Promise<void> {
    const state = await this.current;
    if (!state.syncedVersions.delete(uri)) return;
    await state.index.refreshFile(uriToPath(uri));
  }

  private startLoad(progress?: IndexProgress): Promise<FolderState> {
    this.stopPolling();
    const loading = this.load(progress);
    loading.then(
      (state) => {
        if (this.current === loading) this.startPolling(state);
        return this.host.definitionsChanged(this);
      },
      (error: unknown) => this.host.log(`${this.name}: could not load the folder: ${error instanceof Error ? error.stack ?? error.message : String(error)}`),
    ).catch((error: unknown) => this.host.log(`${this.name}: ${String(error)}`));
    return loading;
  }

  private async load(progress?: IndexProgress): Promise<FolderState> {
    const settings = await this.host.settings.get(this.uri);
    const loaded = await loadFolder(this.root, {
      overrides: { environments: settings.environments, maxFileSize: settings.maxFileSize, severity: settings.severity },
      // The editor follows workspace trust: the host says whether services may be read, and with which tokens.
      backendSetup: (origins) => this.host.backendSetup(origins),
      indexCacheFile: indexCacheFile(this.host.indexCacheDir?.(), this.root),
      // Inference takes seconds on a large folder without .flaglens.json: not in the thread that answers the editor.
      inferenceThread: true,
      log: (message) => this.host.log(`${this.name}: ${message}`),
      backendMessage: (message) => this.host.log(message),
      progress,
    });
    // Ages from git are looked up only for flags a hover, a diagnostic or the Flags view asks about.
    const ages = new LazyGitFirstSeen(this.root, () => {
      this.host.definitionsChanged(this).catch((error: unknown) => this.host.log(`${this.name}: ${String(error)}`));
    }, (message) => this.host.log(`${this.name}: ${message}`));
    const state: FolderState = { ...loaded, syncedVersions: new Map(), firstSeenInCode: ages.lookup };
    this.host.log(`${this.name}: ${loaded.index.files().length} source files indexed, ${state.catalog.definitions.size} flags loaded`);
    // Definitions still loading for the previous state must not replace these.
    this.definitionsGeneration++;
    return state;
  }

  /** Read each flag service again after its poll interval (or its backoff while it fails). */
  private startPolling(state: FolderState): void {
    this.stopPolling();
    for (const backend of state.backends) {
      if (backend.pollIntervalMs !== undefined) this.schedulePoll(state, backend);
    }
  }

  private stopPolling(): void {
    for (const timer of this.pollTimers.values()) clearTimeout(timer);
    this.pollTimers.clear();
  }

  private schedulePoll(state: FolderState, backend: FlagBackend): void {
    const interval = backend.pollIntervalMs ?? 0;
    // setTimeout fires at once for a delay past 2^31 - 1 ms; no poll waits more than a day.
    const delay = Math.min(Math.max(backend.nextLoadDelay?.(interval) ?? interval, 0), MAX_POLL_DELAY_MS);
    const timer = setTimeout(() => {
      this.poll(state, backend).catch((error: unknown) => this.host.log(`${backend.label}: ${String(error)}`));
    }, delay);
    // A pending poll must not keep the process alive after the client has gone.
    timer.unref();
    this.pollTimers.set(backend, timer);
  }

  private async poll(state: FolderState, backend: FlagBackend): Promise<void> {
    const [load] = await loadBackends([backend], this.host.log);
    const index = state.backends.indexOf(backend);
    // The folder reloaded, or the backends were made anew, while this poll ran.
    if (index < 0 || state !== (await this.current) || this.pollTimers.get(backend) === undefined) return;
    const changed = loadSignature(state.loads[index]) !== loadSignature(load);
    state.loads[index] = load;
    state.catalog = catalogOf(state.backends, state.loads, state.countedEnvironments);
    this.schedulePoll(state, backend);
    if (changed) await this.host.definitionsChanged(this);
  }
}

/** The workspace folders of the session, and which one a file belongs to. */
export class WorkspaceFolders {
  private readonly folders = new Map<string, WorkspaceFolderState>();

  constructor(private readonly host: FolderHost) {}

  /** Start loading a folder; loading a folder already known does nothing. */
  add(uri: string, name: string, progress?: IndexProgress): WorkspaceFolderState {
    const existing = this.folders.get(uri);
    if (existing) return existing;
    const folder = new WorkspaceFolderState(uri, name, this.host, progress);
    this.folders.set(uri, folder);
    return folder;
  }

  remove(uri: string): void {
    this.folders.get(uri)?.dispose();
    this.folders.delete(uri);
  }

  all(): WorkspaceFolderState[] {
    return [...this.folders.values()];
  }

  /** The folder a file belongs to: the one with the longest path that holds it. */
  folderOf(uriOrPath: string): WorkspaceFolderState | undefined {
    const file = uriOrPath.includes('://') ? uriToPath(uriOrPath) : toPosixPath(uriOrPath);
    let best: WorkspaceFolderState | undefined;
    for (const folder of this.folders.values()) {
      if (isInside(file, folder.root) && (best === undefined || folder.root.length > best.root.length)) best = folder;
    }
    return best;
  }
}

function isInside(file: string, root: string): boolean {
  return file === root || file.startsWith(root.endsWith('/') ? root : `${root}/`);
}

/** What a person would notice of a load: the definitions and what is wrong, not the time it was read. */
function loadSignature(load: BackendLoad | undefined): string {
  return JSON.stringify(load === undefined ? null : [load.ok, load.message, load.environments, load.definitions, load.problems]);
}

function sameBackends(a: readonly FlagBackend[], b: readonly FlagBackend[]): boolean {
  const describe = (backends: readonly FlagBackend[]) =>
    JSON.stringify(backends.map((backend) => [backend.label, backend.watchedFiles().map((file) => path.resolve(file)).sort()]));
  return describe(a) === describe(b);
}
