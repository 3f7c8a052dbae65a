// The editor's `flaglens.*` settings, fetched per workspace folder and cached until the client says
// they changed. They are merged over the folder's `.flaglens.json`: a person's editor settings win.

import type { Connection } from 'vscode-languageserver';
import type { FindingCode, Severity } from '../analysis/types';
import { isValidMaxFileSize } from '../workspace/config';
import { FINDING_CODES, type SeverityOverrides } from '../analysis/findings';


/** The `flaglens.*` settings of one workspace folder; a missing value means "not set in the editor". */
export interface EditorSettings {
  /** Per-code severity (`flaglens.severity.<code>`), or `off`. */
  severity: SeverityOverrides;
  /** Bytes; larger files are skipped (`flaglens.maxFileSize`). */
  maxFileSize?: number;
  /** The environments that count for the release state (`flaglens.environments`). */
  environments?: string[];
  /** False: never offer to create `.flaglens.json` (`flaglens.proposeConfig`). */
  proposeConfig?: boolean;
}

const SEVERITY_VALUES: ReadonlySet<string> = new Set<Severity | 'off'>(['error', 'warning', 'information', 'hint', 'off']);

/** Reads whatever the client sent for the `flaglens` section; wrong types are ignored, not trusted. */
export function readEditorSettings(raw: unknown): EditorSettings {
  const section = isRecord(raw) ? raw : {};
  const settings: EditorSettings = { severity: {} };
  const severity = isRecord(section.severity) ? section.severity : {};
  for (const code of FINDING_CODES) {
    const value = severity[code];
    if (typeof value === 'string' && SEVERITY_VALUES.has(value)) settings.severity[code as FindingCode] = value as Severity | 'off';
  }
  if (isValidMaxFileSize(section.maxFileSize)) {
    settings.maxFileSize = section.maxFileSize;
  }
  if (Array.isArray(section.environments)) {
    const environments = section.environments.filter((name): name is string => typeof name === 'string' && name.trim() !== '');
    if (environments.length > 0) settings.environments = environments;
  }
  if (typeof section.proposeConfig === 'boolean') settings.proposeConfig = section.proposeConfig;
  return settings;
}

/**
 * Settings per workspace folder, pulled with `workspace/configuration` when the client supports it.
 * A client without it gets the defaults, so `.flaglens.json` alone decides.
 */
export class EditorSettingsCache {
  private readonly byFolder = new Map<string, Promise<EditorSettings>>();

  constructor(private readonly connection: Connection, private readonly clientSupportsConfiguration: boolean) {}

  /** The settings for the folder with this URI, fetched once until `clear()`. */
  get(folderUri: string): Promise<EditorSettings> {
    let settings = this.byFolder.get(folderUri);
    if (settings === undefined) {
      settings = this.fetch(folderUri);
      this.byFolder.set(folderUri, settings);
    }
    return settings;
  }

  /** Forget every folder's settings, after `workspace/didChangeConfiguration`. */
  clear(): void {
    this.byFolder.clear();
  }

  private async fetch(folderUri: string): Promise<EditorSettings> {
    if (!this.clientSupportsConfiguration) return readEditorSettings(undefined);
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'flaglens' });
      return readEditorSettings(raw);
    } catch (error) {
      this.connection.console.warn(`Could not read the flaglens settings for ${folderUri}, using defaults: ${errorMessage(error)}`);
      return readEditorSettings(undefined);
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
