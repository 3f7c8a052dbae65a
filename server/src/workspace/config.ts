// `.flaglens.json`: a team's wrappers, flag backends, counted environments, severities and ignores,
// one file per workspace folder. schemas/flaglens.schema.json describes the same shape for editors;
// parseConfig accepts exactly what that schema accepts, and a unit test holds the two together.
// Each setting is read in configFields.ts; the backends the configuration names are made in workspace/createBackends.ts.

import * as path from 'node:path';
import type { Node } from 'jsonc-parser';
import type { BagEntry } from '../analysis/bags';
import { parseJsonText, propertiesOf, refuseText, spanOf } from '../analysis/json';
import { DEFAULT_POLICY, type FlagPolicy } from '../analysis/policy/policy';
import type { RegistryLocation } from '../analysis/registry';
import type { FileProblem, FindingCode, Severity, UserPattern } from '../analysis/types';
import { readBackend, readBags, readClients, readList, readPattern, readRegistryLocation, readSeverities, readStringList, type ClientParameterEntry, type Report } from './configFields';
import { readBoundedTextSync } from '../io/boundedRead';
import { SETTINGS_FILE_LIMIT } from './files';
import { readPolicy } from './policyConfig';

/** The name of the configuration file at the root of a workspace folder. */
export const CONFIG_FILE_NAME = '.flaglens.json';

/** Files larger than this are not scanned unless a setting says otherwise: 1 MB. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/** The largest `maxFileSize` there is: a file is read whole into memory, and past 2^31 sizes stop being safe to compare. */
export const MAX_FILE_SIZE_LIMIT = 512 * 1024 * 1024;

/** True for a `maxFileSize` in range: a whole number of bytes from 1 to `MAX_FILE_SIZE_LIMIT`. */
export function isValidMaxFileSize(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_FILE_SIZE_LIMIT;
}

/** One source of flag definitions, told apart by `type`. */
export type BackendConfig = FlagdBackendConfig | UnleashBackendConfig | LaunchDarklyBackendConfig;

/** Local flagd flag files: environment name to a path relative to the workspace folder. */
export interface FlagdBackendConfig {
  type: 'flagd';
  /** When absent, `flags/*.flagd.json` is discovered and each file's stem is the environment. */
  environments?: Record<string, string>;
}

/** An Unleash project read through the Admin API. */
export interface UnleashBackendConfig {
  type: 'unleash';
  /** The Unleash server's base URL, e.g. https://unleash.example.com. */
  url: string;
  /** Default: `default`. */
  project?: string;
  /** The environments to read, in display order; all of the project's when absent. */
  environments?: string[];
  /** Seconds between reads; default 60. */
  pollInterval?: number;
  /** The largest answer read, in bytes; default 64 MB. */
  maxResponseBytes?: number;
  /** The environment variable holding the token where no editor stores one; default FLAGLENS_UNLEASH_TOKEN. */
  tokenEnv?: string;
}

/** A LaunchDarkly project read through the REST API v2. */
export interface LaunchDarklyBackendConfig {
  type: 'launchdarkly';
  project: string;
  /** The environment keys to read, in display order. */
  environments: string[];
  /** Default https://app.launchdarkly.com; e.g. https://app.eu.launchdarkly.com or https://app.launchdarkly.us. */
  baseUri?: string;
  /** Seconds between reads; default 60. */
  pollInterval?: number;
  /** The largest answer read, in bytes; default 64 MB. */
  maxResponseBytes?: number;
  /** Default FLAGLENS_LAUNCHDARKLY_TOKEN. */
  tokenEnv?: string;
}

/** Everything `.flaglens.json` can say; missing parts are empty. */
export interface FlagLensConfig {
  patterns: UserPattern[];
  backends: BackendConfig[];
  /** The environments counted for the release state; all environments when absent. */
  environments?: string[];
  severities: Partial<Record<FindingCode, Severity | 'off'>>;
  /** Extra gitignore-style globs of files not to scan. */
  ignore: string[];
  /** Files larger than this many bytes are not scanned. */
  maxFileSize?: number;
  /** Objects that hold every flag (`uiConfig.flags`) and calls that return one (`useFeatureFlags()`). */
  bags?: BagEntry[];
  /** The flag registry in code: the enum, `as const` object, union type or interface that lists the flags. */
  registry?: RegistryLocation;
  /**
   * Folders (relative, `.` for the whole workspace) whose LaunchDarkly bags name flags by their keys as written,
   * because the app's provider sets `useCamelCaseFlagKeys: false`; elsewhere they are the keys camelCased.
   */
  keysAsWritten?: string[];
  /** Parameters that hold an SDK's client though nothing in their function says so (every caller passes one). */
  clients?: ClientParameterEntry[];
  /** Flag types and lifetimes, naming rules, required metadata, what fails CI: the defaults when absent. */
  policy: FlagPolicy;
}

/** `.flaglens.json` files larger than this are refused. */
const MAX_CONFIG_LENGTH = 1_000_000;
const TOP_LEVEL_FIELDS = ['$schema', 'patterns', 'backends', 'environments', 'severities', 'ignore', 'maxFileSize', 'bags', 'registry', 'keysAsWritten', 'clients', 'policy'];

/** The configuration of a folder without `.flaglens.json`. */
export function defaultConfig(): FlagLensConfig {
  return { patterns: [], backends: [], severities: {}, ignore: [], policy: DEFAULT_POLICY };
}

/** Reads `.flaglens.json` text. Never throws: a bad entry is reported at its position and dropped, the rest kept. */
export function parseConfig(text: string, file: string): { config: FlagLensConfig; problems: FileProblem[] } {
  const config = defaultConfig();
  const refusal = refuseText(text, file, MAX_CONFIG_LENGTH, 'configuration file');
  if (refusal) return { config, problems: [refusal] };
  const { root, problems } = parseJsonText(text, file, { allowComments: true });
  if (problems.length > 0) return { config, problems };
  const report: Report = (node, message) => problems.push({ file, span: spanOf(node), message });
  if (!root || root.type !== 'object') {
    problems.push({ file, span: root ? spanOf(root) : { start: 0, end: 0 }, message: `${CONFIG_FILE_NAME} must hold one JSON object, e.g. {"patterns": [], "backends": []}.` });
    return { config, problems };
  }

  for (const { name, nameNode, valueNode } of propertiesOf(root)) {
    switch (name) {
      case '$schema':
        if (valueNode.type !== 'string') report(valueNode, '"$schema" must be a string: the path or URL of flaglens.schema.json.');
        break;
      case 'patterns':
        config.patterns = readList(valueNode, 'patterns', report, readPattern);
        break;
      case 'backends':
        config.backends = readList(valueNode, 'backends', report, readBackend);
        break;
      case 'environments': {
        const environments = readStringList(valueNode, 'environments', report);
        if (environments) config.environments = environments;
        break;
      }
      case 'severities':
        config.severities = readSeverities(valueNode, report);
        break;
      case 'ignore':
        config.ignore = readStringList(valueNode, 'ignore', report) ?? [];
        break;
      case 'maxFileSize':
        if (valueNode.type === 'number' && isValidMaxFileSize(valueNode.value)) config.maxFileSize = Number(valueNode.value);
        else report(valueNode, `"maxFileSize" must be a whole number of bytes from 1 to ${MAX_FILE_SIZE_LIMIT} (512 MB), e.g. 1000000 for 1 MB.`);
        break;
      case 'bags': {
        const bags = readBags(valueNode, report);
        if (bags !== undefined) config.bags = bags;
        break;
      }
      case 'registry': {
        const registry = readRegistryLocation(valueNode, report);
        if (registry) config.registry = registry;
        break;
      }
      case 'keysAsWritten': {
        const folders = readFolderList(valueNode, 'keysAsWritten', report);
        if (folders !== undefined) config.keysAsWritten = folders;
        break;
      }
      case 'clients':
        config.clients = readClients(valueNode, report);
        break;
      case 'policy':
        config.policy = readPolicy(valueNode, report);
        break;
      default:
        report(nameNode, `Unknown setting "${name}": ${CONFIG_FILE_NAME} knows ${TOP_LEVEL_FIELDS.filter((field) => field !== '$schema').join(', ')}.`);
    }
  }
  return { config, problems };
}

/** Reads `<folder>/.flaglens.json`, or `explicitFile` (relative to `folder`) when given; a missing default file is no problem. */
export function loadConfig(folder: string, explicitFile?: string): { config: FlagLensConfig; file?: string; problems: FileProblem[] } {
  const file = explicitFile !== undefined ? path.resolve(folder, explicitFile) : path.join(folder, CONFIG_FILE_NAME);
  const read = readBoundedTextSync(file, SETTINGS_FILE_LIMIT);
  if ('refused' in read) {
    const missing = read.refused.kind === 'missing';
    if (missing && explicitFile === undefined) return { config: defaultConfig(), problems: [] };
    const message = missing
      ? `The configuration file ${file} does not exist.`
      : `The configuration file ${file} could not be read: ${read.refused.reason}.`;
    return { config: defaultConfig(), problems: [{ file, span: { start: 0, end: 0 }, message }] };
  }
  return { ...parseConfig(read.text, file), file };
}

/** A list of folders inside the workspace, relative to it (`.` for all of it); a folder outside it is reported and dropped. */
function readFolderList(node: Node, name: string, report: Report): string[] | undefined {
  const folders = readStringList(node, name, report);
  if (folders === undefined) return undefined;
  return folders.flatMap((folder) => {
    const slashed = folder.replace(/\\/g, '/');
    if (!path.posix.isAbsolute(slashed) && !slashed.split('/').includes('..')) return [path.posix.normalize(slashed).replace(/\/+$/, '') || '.'];
    const item = (node.children ?? []).find((child) => child.value === folder) ?? node;
    report(item, `"${name}": "${folder}" is not a folder inside the workspace; write it relative to the folder .flaglens.json is in, e.g. "apps/web" or ".".`);
    return [];
  });
}
