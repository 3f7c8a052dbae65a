// `.flaglens.json`: a team's wrappers, flag backends, counted environments, severities and ignores,
// one file per workspace folder. schemas/flaglens.schema.json describes the same shape for editors;
// parseConfig accepts exactly what that schema accepts, and a unit test holds the two together.

import * as path from 'node:path';
import { getNodeValue, type Node } from 'jsonc-parser';
import { isBagSpec, type BagEntry } from '../analysis/bags';
import type { RegistryLocation } from '../analysis/registry';
import { DEFAULT_SEVERITIES, type FileProblem, type FindingCode, type Severity, type UserPattern } from '../analysis/types';
import { CachedBackend, type DefinitionCache } from '../backends/cache';
import { discoverFlagdFiles, FlagdBackend } from '../backends/flagd/backend';
import { readTextFileSync } from './files';
import { DEFAULT_LAUNCHDARKLY_BASE_URI, LaunchDarklyBackend } from '../backends/launchdarkly/backend';
import type { BackendLoad, FlagBackend } from '../backends/types';
import { UnleashBackend } from '../backends/unleash/backend';
import { describeNodeType, parseJsonText, propertiesOf, refuseText, spanOf } from '../analysis/json';

/** The name of the configuration file at the root of a workspace folder. */
export const CONFIG_FILE_NAME = '.flaglens.json';

/** Files larger than this are not scanned unless a setting says otherwise: 1 MB. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

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
  /** Default FLAGLENS_LAUNCHDARKLY_TOKEN. */
  tokenEnv?: string;
}

/** What creating a folder's backends needs from where FlagLens runs (editor or CLI). */
export interface BackendSetup {
  /** False in an untrusted workspace: only local flag files are read, nothing over the network. */
  network: boolean;
  /** The token stored for an origin (the editor's secret storage); tried before the environment variable. */
  tokenFor?: (origin: string) => string | undefined;
  /** Environment variables for `tokenEnv`; undefined where tokens come only from `tokenFor` (VS Code). */
  environmentVariables?: Readonly<Record<string, string | undefined>>;
  /** How a person sets a token here, for messages: `run "FlagLens: Set Backend Token"`. */
  howToSetToken?: (origin: string, tokenEnv: string) => string;
  /** Where the last good definitions of network backends are kept between runs. */
  cache?: DefinitionCache;
}

/** Seconds between reads of a flag service when `pollInterval` is absent. */
export const DEFAULT_POLL_INTERVAL_SECONDS = 60;
const DEFAULT_TOKEN_ENV = { unleash: 'FLAGLENS_UNLEASH_TOKEN', launchdarkly: 'FLAGLENS_LAUNCHDARKLY_TOKEN' } as const;
// Only FLAGLENS_ variables: a workspace must not be able to send, say, a cloud key to a URL it chose.
const TOKEN_ENV_PATTERN = /^FLAGLENS_[A-Z0-9_]+$/;
const BACKEND_TYPES = ['flagd', 'unleash', 'launchdarkly'];

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
}

/** `.flaglens.json` files larger than this are refused. */
const MAX_CONFIG_LENGTH = 1_000_000;
const CALLEE_PATTERN = /^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)?$/;
const VALUE_TYPES = ['boolean', 'string', 'number', 'object'] as const;
const SEVERITY_VALUES = ['error', 'warning', 'information', 'hint', 'off'] as const;
const FINDING_CODES = Object.keys(DEFAULT_SEVERITIES) as FindingCode[];
const TOP_LEVEL_FIELDS = ['$schema', 'patterns', 'backends', 'environments', 'severities', 'ignore', 'maxFileSize', 'bags', 'registry'];
// An argument index, then property names inside that argument: "0.key", "1.options.flag".
const KEY_PATH_PATTERN = /^[0-9]+(\.[A-Za-z_$][A-Za-z0-9_$]*)+$/;
const SYMBOL_PATTERN = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The configuration of a folder without `.flaglens.json`. */
export function defaultConfig(): FlagLensConfig {
  return { patterns: [], backends: [], severities: {}, ignore: [] };
}

type Report = (node: Node, message: string) => void;

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
        if (valueNode.type === 'number' && Number.isInteger(valueNode.value) && Number(valueNode.value) >= 1) config.maxFileSize = Number(valueNode.value);
        else report(valueNode, '"maxFileSize" must be a whole number of bytes, 1 or more (e.g. 1000000 for 1 MB).');
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
      default:
        report(nameNode, `Unknown setting "${name}": ${CONFIG_FILE_NAME} knows ${TOP_LEVEL_FIELDS.filter((field) => field !== '$schema').join(', ')}.`);
    }
  }
  return { config, problems };
}

/** Reads `<folder>/.flaglens.json`, or `explicitFile` (relative to `folder`) when given; a missing default file is no problem. */
export function loadConfig(folder: string, explicitFile?: string): { config: FlagLensConfig; file?: string; problems: FileProblem[] } {
  const file = explicitFile !== undefined ? path.resolve(folder, explicitFile) : path.join(folder, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = readTextFileSync(file);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    if (missing && explicitFile === undefined) return { config: defaultConfig(), problems: [] };
    const message = missing
      ? `The configuration file ${file} does not exist.`
      : `The configuration file ${file} could not be read: ${(error as Error).message}.`;
    return { config: defaultConfig(), problems: [{ file, span: { start: 0, end: 0 }, message }] };
  }
  return { ...parseConfig(text, file), file };
}

/** The backends a folder's configuration names; without any, its discovered `flags/*.flagd.json` (possibly none). */
export function createBackends(config: FlagLensConfig, folder: string, setup: BackendSetup = { network: false }): FlagBackend[] {
  if (config.backends.length === 0) {
    const files = discoverFlagdFiles(folder);
    return files.length > 0 ? [new FlagdBackend(files, 'flags/*.flagd.json')] : [];
  }
  return config.backends.map((backend) => {
    if (backend.type === 'flagd') return createFlagdBackend(backend, folder);
    const service = createServiceBackend(backend, setup);
    if (!setup.network) return new NetworkOffBackend(service.label);
    return setup.cache ? new CachedBackend(service, setup.cache, cacheKey(backend)) : service;
  });
}

/** The origins (`https://host:port`) of the folder's flag services: where a stored token may be sent. */
export function backendOrigins(config: FlagLensConfig): string[] {
  return [...new Set(config.backends.flatMap((backend) => serviceOrigin(backend) ?? []))];
}

/** The origin a backend reads from over the network; undefined for local files. */
export function serviceOrigin(backend: BackendConfig): string | undefined {
  return backend.type === 'flagd' ? undefined : originOf(serviceUrl(backend));
}

function createFlagdBackend(backend: FlagdBackendConfig, folder: string): FlagBackend {
  const files = backend.environments
    ? Object.entries(backend.environments).map(([environment, file]) => ({ environment, path: path.resolve(folder, file) }))
    : discoverFlagdFiles(folder);
  const label = backend.environments
    ? files.map((file) => path.relative(folder, file.path).split(path.sep).join('/')).join(', ')
    : 'flags/*.flagd.json';
  return new FlagdBackend(files, label);
}

function createServiceBackend(backend: UnleashBackendConfig | LaunchDarklyBackendConfig, setup: BackendSetup): UnleashBackend | LaunchDarklyBackend {
  const url = serviceUrl(backend);
  const origin = originOf(url);
  const tokenEnv = backend.tokenEnv ?? DEFAULT_TOKEN_ENV[backend.type];
  // A stored token belongs to its origin; a variable's token goes wherever this configuration says (CLI, CI).
  const stored = origin === undefined ? undefined : setup.tokenFor?.(origin);
  const token = stored ?? setup.environmentVariables?.[tokenEnv] ?? undefined;
  const common = {
    token: token || undefined,
    tokenOrigin: origin,
    pollIntervalMs: (backend.pollInterval ?? DEFAULT_POLL_INTERVAL_SECONDS) * 1000,
    howToSetToken: origin === undefined ? undefined : setup.howToSetToken?.(origin, tokenEnv),
  };
  if (backend.type === 'unleash') {
    return new UnleashBackend({ ...common, baseUrl: url, project: backend.project ?? 'default', environments: backend.environments });
  }
  return new LaunchDarklyBackend({ ...common, baseUri: url, project: backend.project, environments: backend.environments });
}

function serviceUrl(backend: UnleashBackendConfig | LaunchDarklyBackendConfig): string {
  return backend.type === 'unleash' ? backend.url : backend.baseUri ?? DEFAULT_LAUNCHDARKLY_BASE_URI;
}

/** What identifies a service's definitions in the cache: the same service, project and environments. */
function cacheKey(backend: UnleashBackendConfig | LaunchDarklyBackendConfig): string {
  const url = serviceUrl(backend).replace(/\/+$/, '');
  return JSON.stringify([backend.type, url, backend.project ?? 'default', backend.environments ?? []]);
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** A flag service in an untrusted workspace: never contacted, and says why. */
class NetworkOffBackend implements FlagBackend {
  constructor(readonly label: string) {}

  async load(): Promise<BackendLoad> {
    return {
      definitions: [],
      environments: [],
      problems: [],
      ok: false,
      message: 'not read: this workspace is not trusted, so FlagLens reads only local flag files; trust the workspace to read flags from this service',
    };
  }

  watchedFiles(): string[] {
    return [];
  }
}

/** The entries of a list setting that read well; each bad entry is reported and dropped. */
function readList<T>(node: Node, name: string, report: Report, readEntry: (entry: Node, where: string, report: Report) => T | undefined): T[] {
  if (node.type !== 'array') {
    report(node, `"${name}" must be a list.`);
    return [];
  }
  return (node.children ?? []).flatMap((entry, index) => readEntry(entry, `${name}[${index}]`, report) ?? []);
}

function readPattern(node: Node, where: string, report: Report): UserPattern | undefined {
  if (node.type !== 'object') {
    report(node, `${where} is ${describeNodeType(node)}; a pattern is an object such as {"callee": "isFeatureOn", "keyArg": 0, "defaultArg": 1}.`);
    return undefined;
  }
  const pattern: Partial<UserPattern> = {};
  let valid = true;
  const reject = (target: Node, message: string) => {
    report(target, `${where}: ${message}`);
    valid = false;
  };
  for (const { name, nameNode, valueNode } of propertiesOf(node)) {
    const value: unknown = getNodeValue(valueNode);
    switch (name) {
      case 'callee':
        if (typeof value === 'string' && CALLEE_PATTERN.test(value)) pattern.callee = value;
        else reject(valueNode, '"callee" must be a function name ("isFeatureOn") or a receiver and method ("flags.isOn").');
        break;
      case 'keyArg':
      case 'defaultArg':
        if (typeof value === 'number' && Number.isInteger(value) && value >= 0) pattern[name] = value;
        else if (name === 'keyArg' && typeof value === 'string' && KEY_PATH_PATTERN.test(value)) {
          const [argument, ...keyPath] = value.split('.');
          pattern.keyArg = Number(argument);
          pattern.keyPath = keyPath;
        } else if (name === 'keyArg') reject(valueNode, '"keyArg" must be an argument index (0 for the first argument) or a path into an object argument ("0.key").');
        else reject(valueNode, `"${name}" must be an argument index: 0 for the first argument, 1 for the second.`);
        break;
      case 'negate':
        if (typeof value === 'boolean') pattern.negate = value;
        else reject(valueNode, '"negate" must be true (the wrapper answers true when the flag is off) or false.');
        break;
      case 'type':
        if (VALUE_TYPES.includes(value as (typeof VALUE_TYPES)[number])) pattern.type = value as UserPattern['type'];
        else reject(valueNode, `"type" must be one of ${VALUE_TYPES.join(', ')}.`);
        break;
      default:
        reject(nameNode, `unknown field "${name}"; a pattern has callee, keyArg, defaultArg, negate and type.`);
    }
  }
  if (pattern.callee === undefined && valid) reject(node, 'a pattern needs a "callee", e.g. "isFeatureOn".');
  return valid && pattern.callee !== undefined ? { ...pattern, callee: pattern.callee } : undefined;
}

function readBackend(node: Node, where: string, report: Report): BackendConfig | undefined {
  if (node.type !== 'object') {
    report(node, `${where} is ${describeNodeType(node)}; a backend is an object such as {"type": "flagd"}.`);
    return undefined;
  }
  const properties = propertiesOf(node);
  const typeProperty = properties.find((property) => property.name === 'type');
  const supported = `the supported types are ${BACKEND_TYPES.map((type) => `"${type}"`).join(', ')}`;
  if (!typeProperty) {
    report(node, `${where}: a backend needs a "type"; ${supported}.`);
    return undefined;
  }
  const type = typeProperty.valueNode.value;
  if (type === 'flagd') return readFlagdBackend(properties, where, report);
  if (type === 'unleash' || type === 'launchdarkly') return readServiceBackend(type, node, properties, where, report);
  report(typeProperty.valueNode, `${where}: backend type ${JSON.stringify(getNodeValue(typeProperty.valueNode))} is not supported; ${supported}.`);
  return undefined;
}

function readFlagdBackend(properties: ReturnType<typeof propertiesOf>, where: string, report: Report): FlagdBackendConfig | undefined {
  const backend: FlagdBackendConfig = { type: 'flagd' };
  let valid = true;
  for (const { name, nameNode, valueNode } of properties) {
    if (name === 'type') continue;
    if (name !== 'environments') {
      report(nameNode, `${where}: unknown field "${name}"; a flagd backend has type and environments.`);
      valid = false;
      continue;
    }
    const environments = readEnvironmentFiles(valueNode, where, report);
    if (environments) backend.environments = environments;
    else valid = false;
  }
  return valid ? backend : undefined;
}

const SERVICE_FIELDS = {
  unleash: ['type', 'url', 'project', 'environments', 'pollInterval', 'tokenEnv'],
  launchdarkly: ['type', 'project', 'environments', 'baseUri', 'pollInterval', 'tokenEnv'],
} as const;

function readServiceBackend(
  type: 'unleash' | 'launchdarkly',
  node: Node,
  properties: ReturnType<typeof propertiesOf>,
  where: string,
  report: Report,
): UnleashBackendConfig | LaunchDarklyBackendConfig | undefined {
  const fields: Record<string, unknown> = { type };
  let valid = true;
  const reject = (target: Node, message: string) => {
    report(target, `${where}: ${message}`);
    valid = false;
  };
  const known: readonly string[] = SERVICE_FIELDS[type];
  for (const { name, nameNode, valueNode } of properties) {
    const value: unknown = getNodeValue(valueNode);
    if (!known.includes(name)) {
      reject(nameNode, `unknown field "${name}"; ${type === 'unleash' ? 'an Unleash' : 'a LaunchDarkly'} backend has ${known.join(', ')}.`);
      continue;
    }
    switch (name) {
      case 'type':
        break;
      case 'url':
      case 'baseUri':
        if (typeof value === 'string' && /^https?:\/\/[^/]/.test(value) && originOf(value) !== undefined) fields[name] = value;
        else reject(valueNode, `"${name}" must be the service's address, starting with https://, e.g. "${name === 'url' ? 'https://unleash.example.com' : 'https://app.eu.launchdarkly.com'}".`);
        break;
      case 'project':
        if (typeof value === 'string' && value !== '') fields.project = value;
        else reject(valueNode, '"project" must be the project\'s key, e.g. "default".');
        break;
      case 'environments': {
        const environments = valueNode.type === 'array' ? readStringList(valueNode, 'environments', (target, message) => reject(target, message)) : undefined;
        if (environments === undefined || environments.length === 0) {
          if (valueNode.type !== 'array' || (valueNode.children ?? []).length === 0) reject(valueNode, '"environments" must list environment names, e.g. ["production", "staging"].');
        } else fields.environments = environments;
        break;
      }
      case 'pollInterval':
        if (typeof value === 'number' && Number.isInteger(value) && value >= 10 && value <= 86_400) fields.pollInterval = value;
        else reject(valueNode, '"pollInterval" must be a whole number of seconds from 10 to 86400 (default 60).');
        break;
      case 'tokenEnv':
        if (typeof value === 'string' && TOKEN_ENV_PATTERN.test(value)) fields.tokenEnv = value;
        else reject(valueNode, '"tokenEnv" must name an environment variable starting with FLAGLENS_, e.g. "FLAGLENS_UNLEASH_TOKEN"; the token itself never goes in this file.');
        break;
    }
  }
  if (type === 'unleash' && fields.url === undefined && valid) reject(node, 'an Unleash backend needs a "url", e.g. "https://unleash.example.com".');
  if (type === 'launchdarkly' && fields.project === undefined && valid) reject(node, 'a LaunchDarkly backend needs a "project" key, e.g. "default".');
  if (type === 'launchdarkly' && fields.environments === undefined && valid) reject(node, 'a LaunchDarkly backend needs "environments", e.g. ["production", "staging"].');
  return valid ? fields as unknown as UnleashBackendConfig | LaunchDarklyBackendConfig : undefined;
}

function readEnvironmentFiles(node: Node, where: string, report: Report): Record<string, string> | undefined {
  const example = '{"production": "flags/production.flagd.json"}';
  if (node.type !== 'object' || propertiesOf(node).length === 0) {
    report(node, `${where}: "environments" must map each environment to its flag file, e.g. ${example}.`);
    return undefined;
  }
  const environments: Record<string, string> = {};
  let valid = true;
  for (const { name, nameNode, valueNode } of propertiesOf(node)) {
    if (name === '') {
      report(nameNode, `${where}: an environment name cannot be empty.`);
      valid = false;
    } else if (valueNode.type !== 'string' || valueNode.value === '') {
      report(valueNode, `${where}: the flag file of environment '${name}' must be a path relative to the workspace folder, e.g. "flags/${name}.flagd.json".`);
      valid = false;
    } else environments[name] = String(valueNode.value);
  }
  return valid ? environments : undefined;
}

/** A list of distinct non-empty strings; bad items are reported and dropped. Undefined when it is not a list. */
function readStringList(node: Node, name: string, report: Report): string[] | undefined {
  if (node.type !== 'array') {
    report(node, `"${name}" must be a list of strings.`);
    return undefined;
  }
  const items: string[] = [];
  (node.children ?? []).forEach((item, index) => {
    if (item.type !== 'string' || item.value === '') report(item, `${name}[${index}] must be a non-empty string.`);
    else if (items.includes(String(item.value))) report(item, `${name}[${index}]: "${String(item.value)}" is listed twice.`);
    else items.push(String(item.value));
  });
  return items;
}

const BAG_SDKS = ['openfeature', 'launchdarkly', 'unleash', 'growthbook', 'posthog'] as const;

/** The `bags` list: each a bag's text, or an object with the text as "bag" and how it names its flags; bad items are reported and dropped. */
function readBags(node: Node, report: Report): BagEntry[] | undefined {
  if (node.type !== 'array') {
    report(node, '"bags" must be a list of object paths ("uiConfig.flags") or calls ("useFeatureFlags()").');
    return undefined;
  }
  const bags: BagEntry[] = [];
  const seen = new Set<string>();
  (node.children ?? []).forEach((item, index) => {
    const where = `bags[${index}]`;
    const entry = item.type === 'object' ? readBagObject(item, where, report) : item.type === 'string' ? String(item.value) : undefined;
    if (entry === undefined) {
      if (item.type !== 'object') report(item, `${where} must be an object path ("uiConfig.flags"), a call ("useFeatureFlags()"), or an object such as {"bag": "useAppFlags()", "camelCaseKeys": true}.`);
      return;
    }
    const text = typeof entry === 'string' ? entry : entry.bag;
    if (!isBagSpec(text)) report(item, `${where} must be an object path ("uiConfig.flags") or a call ("useFeatureFlags()"), not "${text}".`);
    else if (seen.has(text)) report(item, `${where}: "${text}" is listed twice.`);
    else {
      seen.add(text);
      bags.push(entry);
    }
  });
  return bags;
}

function readBagObject(node: Node, where: string, report: Report): BagEntry | undefined {
  const entry: { bag?: string; camelCaseKeys?: boolean; sdk?: (typeof BAG_SDKS)[number] } = {};
  let valid = true;
  for (const { name, nameNode, valueNode } of propertiesOf(node)) {
    const value: unknown = getNodeValue(valueNode);
    if (name === 'bag' && typeof value === 'string') entry.bag = value;
    else if (name === 'camelCaseKeys' && typeof value === 'boolean') entry.camelCaseKeys = value;
    else if (name === 'sdk' && BAG_SDKS.includes(value as (typeof BAG_SDKS)[number])) entry.sdk = value as (typeof BAG_SDKS)[number];
    else {
      valid = false;
      report(name === 'bag' || name === 'camelCaseKeys' || name === 'sdk' ? valueNode : nameNode, name === 'bag'
        ? `${where}: "bag" must be an object path ("uiConfig.flags") or a call ("useFeatureFlags()").`
        : name === 'camelCaseKeys'
          ? `${where}: "camelCaseKeys" must be true (property names are the flag keys camelCased, as in LaunchDarkly's useFlags()) or false.`
          : name === 'sdk'
            ? `${where}: "sdk" must be one of ${BAG_SDKS.join(', ')}: the vendor whose bag this one returns.`
            : `${where}: unknown field "${name}"; a bag has bag, camelCaseKeys and sdk.`);
    }
  }
  if (valid && entry.bag === undefined) {
    report(node, `${where} needs a "bag", e.g. {"bag": "useAppFlags()", "camelCaseKeys": true}.`);
    return undefined;
  }
  return valid && entry.bag !== undefined ? { ...entry, bag: entry.bag } : undefined;
}

function readSeverities(node: Node, report: Report): Partial<Record<FindingCode, Severity | 'off'>> {
  const severities: Partial<Record<FindingCode, Severity | 'off'>> = {};
  if (node.type !== 'object') {
    report(node, `"severities" must be an object from finding code to severity, e.g. {"stale-flag": "error"}.`);
    return severities;
  }
  for (const { name, nameNode, valueNode } of propertiesOf(node)) {
    if (!FINDING_CODES.includes(name as FindingCode)) {
      report(nameNode, `Unknown finding code "${name}"; the codes are ${FINDING_CODES.join(', ')}.`);
    } else if (!SEVERITY_VALUES.includes(valueNode.value as (typeof SEVERITY_VALUES)[number]) || valueNode.type !== 'string') {
      report(valueNode, `The severity of "${name}" must be one of ${SEVERITY_VALUES.join(', ')}.`);
    } else severities[name as FindingCode] = valueNode.value as Severity | 'off';
  }
  return severities;
}

/** `{"file": "src/flags.ts", "symbol": "FeatureFlag"}`; undefined (reported) when either part is missing or wrong. */
function readRegistryLocation(node: Node, report: Report): RegistryLocation | undefined {
  const example = '{"file": "src/flags.ts", "symbol": "FeatureFlag"}';
  if (node.type !== 'object') {
    report(node, `"registry" must name the file and the symbol that list the flags, e.g. ${example}.`);
    return undefined;
  }
  const location: Partial<RegistryLocation> = {};
  let valid = true;
  for (const { name, nameNode, valueNode } of propertiesOf(node)) {
    if (name === 'file' && valueNode.type === 'string' && valueNode.value !== '') location.file = String(valueNode.value);
    else if (name === 'symbol' && valueNode.type === 'string' && SYMBOL_PATTERN.test(String(valueNode.value))) location.symbol = String(valueNode.value);
    else {
      valid = false;
      report(name === 'file' || name === 'symbol' ? valueNode : nameNode, name === 'file'
        ? '"registry": "file" must be a path relative to the workspace folder, e.g. "src/flags.ts".'
        : name === 'symbol'
          ? '"registry": "symbol" must be the name of an enum, const, type or interface, e.g. "FeatureFlag".'
          : `"registry": unknown field "${name}"; the registry has file and symbol, e.g. ${example}.`);
    }
  }
  if (valid && (location.file === undefined || location.symbol === undefined)) {
    report(node, `"registry" needs both "file" and "symbol", e.g. ${example}.`);
    return undefined;
  }
  return valid ? { file: location.file as string, symbol: location.symbol as string } : undefined;
}
