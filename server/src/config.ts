// `.flaglens.json`: a team's wrappers, flag backends, counted environments, severities and ignores,
// one file per workspace folder. schemas/flaglens.schema.json describes the same shape for editors;
// parseConfig accepts exactly what that schema accepts, and a unit test holds the two together.

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { getNodeValue, type Node } from 'jsonc-parser';
import { DEFAULT_SEVERITIES, type FileProblem, type FindingCode, type Severity, type UserPattern } from './analysis/types';
import { discoverFlagdFiles, FlagdBackend } from './backends/flagd';
import type { FlagBackend } from './backends/types';
import { describeNodeType, parseJsonText, propertiesOf, refuseText, spanOf } from './json';

/** The name of the configuration file at the root of a workspace folder. */
export const CONFIG_FILE_NAME = '.flaglens.json';

/** One source of flag definitions; later backends (unleash, launchdarkly) join this union by `type`. */
export type BackendConfig = FlagdBackendConfig;

/** Local flagd flag files: environment name to a path relative to the workspace folder. */
export interface FlagdBackendConfig {
  type: 'flagd';
  /** When absent, `flags/*.flagd.json` is discovered and each file's stem is the environment. */
  environments?: Record<string, string>;
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
}

/** `.flaglens.json` files larger than this are refused. */
const MAX_CONFIG_LENGTH = 1_000_000;
const CALLEE_PATTERN = /^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)?$/;
const VALUE_TYPES = ['boolean', 'string', 'number', 'object'] as const;
const SEVERITY_VALUES = ['error', 'warning', 'information', 'hint', 'off'] as const;
const FINDING_CODES = Object.keys(DEFAULT_SEVERITIES) as FindingCode[];
const TOP_LEVEL_FIELDS = ['$schema', 'patterns', 'backends', 'environments', 'severities', 'ignore', 'maxFileSize'];

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
    text = readFileSync(file, 'utf8');
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
export function createBackends(config: FlagLensConfig, folder: string): FlagBackend[] {
  if (config.backends.length === 0) {
    const files = discoverFlagdFiles(folder);
    return files.length > 0 ? [new FlagdBackend(files, 'flags/*.flagd.json')] : [];
  }
  return config.backends.map((backend) => {
    const files = backend.environments
      ? Object.entries(backend.environments).map(([environment, file]) => ({ environment, path: path.resolve(folder, file) }))
      : discoverFlagdFiles(folder);
    const label = backend.environments
      ? files.map((file) => path.relative(folder, file.path).split(path.sep).join('/')).join(', ')
      : 'flags/*.flagd.json';
    return new FlagdBackend(files, label);
  });
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
  if (!typeProperty) {
    report(node, `${where}: a backend needs a "type"; the supported type is "flagd".`);
    return undefined;
  }
  if (typeProperty.valueNode.value !== 'flagd') {
    report(typeProperty.valueNode, `${where}: backend type ${JSON.stringify(getNodeValue(typeProperty.valueNode))} is not supported; the supported type is "flagd".`);
    return undefined;
  }
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
