// The one line of status the client shows in its status bar ("12 flags · flags/*.flagd.json"), and
// one message, once per cause, when a folder has no flag definitions at all.

import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { formatAge } from '../analysis/describe';
import { withLabel } from '../backends/catalog';
import type { FolderState, WorkspaceFolderState } from './folders';
import { StatusNotification, type StatusParams } from '../protocol';

/** A loaded folder, for the status. */
export interface FolderStatusInput {
  name: string;
  state: FolderState;
}

const LEVEL_ORDER: Record<StatusParams['level'], number> = { ok: 0, warning: 1, error: 2 };

/** The status of every folder together. */
export function statusOf(folders: readonly FolderStatusInput[], now: number): StatusParams {
  if (folders.length === 0) {
    return { level: 'warning', text: 'flags: no folder', detail: 'Open a folder to see its flags: FlagLens reads flag files and settings per workspace folder.' };
  }
  const keys = new Set<string>();
  const sources: string[] = [];
  let level: StatusParams['level'] = 'ok';
  const details: string[] = [];
  for (const { name, state } of folders) {
    for (const key of state.catalog.definitions.keys()) keys.add(key);
    for (const source of sourceStates(state)) if (!sources.includes(source)) sources.push(source);
    const folderLevel = levelOf(state);
    if (LEVEL_ORDER[folderLevel] > LEVEL_ORDER[level]) level = folderLevel;
    details.push(folderDetail(name, state, now));
  }
  const text = [keys.size === 0 ? 'no flags' : `${keys.size} ${keys.size === 1 ? 'flag' : 'flags'}`, ...sources].join(' · ');
  return { level, text, detail: details.join('\n') };
}

/** Why a loaded folder has no definitions, for people; undefined when it has some. */
export function whyNoDefinitions(state: FolderState): string | undefined {
  if (state.catalog.loaded) return undefined;
  if (state.backends.length === 0) {
    return 'there is no flags/*.flagd.json file and no backend in .flaglens.json';
  }
  const reasons = state.loads.flatMap((load, index) => (load.message ? [withLabel(state.backends[index].label, load.message)] : []));
  return reasons.length > 0 ? reasons.join('; ') : `${state.backends.map((backend) => backend.label).join(', ')} defined no flags`;
}

/** Sends the status to the client, and explains a folder without definitions once per cause. */
export class StatusReporter {
  private readonly explained = new Set<string>();
  private last: StatusParams = { level: 'ok', text: 'flags: indexing', detail: 'FlagLens is indexing the workspace.' };

  constructor(private readonly connection: Connection) {}

  /** The status last sent. */
  current(): StatusParams {
    return this.last;
  }

  /** Work out the status of every folder (waiting for them to load), send it, and return it. */
  async update(folders: readonly WorkspaceFolderState[]): Promise<StatusParams> {
    const inputs = await Promise.all(folders.map(async (folder) => ({ name: folder.name, state: await folder.state() })));
    this.last = statusOf(inputs, Date.now());
    await this.connection.sendNotification(StatusNotification, this.last);
    for (const { name, state } of inputs) await this.explain(name, state);
    return this.last;
  }

  private async explain(name: string, state: FolderState): Promise<void> {
    const why = whyNoDefinitions(state);
    if (why === undefined) return;
    const message = `FlagLens has no flag definitions for ${name}: ${why}. Unknown flag keys are not reported until flags are defined.`;
    if (this.explained.has(message)) return;
    this.explained.add(message);
    this.connection.console.info(message);
    // A folder that simply has no flag files yet is no failure; a backend that could not be read is.
    // A notification, not a request: nothing waits for the person to dismiss it.
    const type = state.backends.length === 0 ? MessageType.Info : MessageType.Warning;
    await this.connection.sendNotification(ShowMessageNotification.type, { type, message });
  }
}

/** The status bar's word for each source: its label, "… offline" while it fails, "… not read" when it has nothing. */
function sourceStates(state: FolderState): string[] {
  const words = state.catalog.sources.map((source) => (state.catalog.syncs?.get(source)?.offline ? `${shortLabel(source)} offline` : source));
  state.loads.forEach((load, index) => {
    const label = state.backends[index]?.label;
    if (!load.ok && load.definitions.length === 0 && label !== undefined) words.push(`${shortLabel(label)} not read`);
  });
  return words;
}

/** `Unleash (https://…)` → `Unleash`: the status bar has little room; the tooltip has the rest. */
function shortLabel(label: string): string {
  return label.replace(/ \(.*\)$/, '');
}

function levelOf(state: FolderState): StatusParams['level'] {
  if (state.backends.length === 0) return 'warning';
  // Failing services that still show their last good flags are a warning; nothing to show is an error.
  if (state.loads.every((load) => !load.ok) && !state.catalog.loaded) return 'error';
  const troubled = state.loads.some((load) => !load.ok || load.message !== undefined || load.problems.length > 0);
  return troubled || state.configProblems.length > 0 ? 'warning' : 'ok';
}

function folderDetail(name: string, state: FolderState, now: number): string {
  const { catalog } = state;
  const count = `${catalog.definitions.size} ${catalog.definitions.size === 1 ? 'flag' : 'flags'}`;
  const parts = [`${name}: ${count}`];
  if (catalog.sources.length > 0) parts[0] += ` from ${catalog.sources.join(', ')}`;
  if (catalog.syncedAt !== undefined) parts[0] += `, read ${formatAge(now - catalog.syncedAt)}`;
  const why = whyNoDefinitions(state);
  if (why !== undefined) parts.push(why);
  state.loads.forEach((load, index) => {
    if (load.message && catalog.loaded) parts.push(withLabel(state.backends[index].label, load.message));
  });
  const problems = state.configProblems.length + state.loads.reduce((sum, load) => sum + load.problems.length, 0);
  if (problems > 0) parts.push(`${problems} ${problems === 1 ? 'problem' : 'problems'} in flag or configuration files (see Problems)`);
  return parts.join(' — ');
}
