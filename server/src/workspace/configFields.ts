// How each setting of `.flaglens.json` is read (patterns, backends, severities, bags, the registry):
// pure, with every bad entry reported at its JSON node; parseConfig (config.ts) calls these per setting.

import { getNodeValue, type Node } from 'jsonc-parser';
import { isBagSpec, type BagEntry } from '../analysis/bags';
import { describeNodeType, propertiesOf } from '../analysis/json';
import type { RegistryLocation } from '../analysis/registry';
import { DEFAULT_SEVERITIES, type CallReturns, type FindingCode, type Severity, type UserPattern } from '../analysis/types';
import type { BackendConfig, FlagdBackendConfig, LaunchDarklyBackendConfig, UnleashBackendConfig } from './config';

/** Reports a problem at a node of `.flaglens.json`. */
export type Report = (node: Node, message: string) => void;

// Only FLAGLENS_ variables: a workspace must not be able to send, say, a cloud key to a URL it chose.
const TOKEN_ENV_PATTERN = /^FLAGLENS_[A-Z0-9_]+$/;
const BACKEND_TYPES = ['flagd', 'unleash', 'launchdarkly'];

// `name`, `receiver.name`, or `name()`: the checker a call of `name` gives back (`useFeatureSelector()(KEY)`).
const CALLEE_PATTERN = /^[A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*|\(\))?$/;
const VALUE_TYPES = ['boolean', 'string', 'number', 'object'] as const;
const SEVERITY_VALUES = ['error', 'warning', 'information', 'hint', 'off'] as const;
const FINDING_CODES = Object.keys(DEFAULT_SEVERITIES) as FindingCode[];
// An argument index, then property names inside that argument: "0.key", "1.options.flag".
const KEY_PATH_PATTERN = /^[0-9]+(\.[A-Za-z_$][A-Za-z0-9_$]*)+$/;
const SYMBOL_PATTERN = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
// A property of an object, as code reads it with a dot.
const PROPERTY_PATTERN = SYMBOL_PATTERN;

/** The entries of a list setting that read well; each bad entry is reported and dropped. */
export function readList<T>(node: Node, name: string, report: Report, readEntry: (entry: Node, where: string, report: Report) => T | undefined): T[] {
  if (node.type !== 'array') {
    report(node, `"${name}" must be a list.`);
    return [];
  }
  return (node.children ?? []).flatMap((entry, index) => readEntry(entry, `${name}[${index}]`, report) ?? []);
}

/** A path inside the folder, with `/`: not absolute, and never above it. */
function isFolderFile(value: unknown): boolean {
  return typeof value === 'string' && value !== '' && !value.startsWith('/') && !value.includes('\\') && !/^[A-Za-z]:/.test(value) && !value.split('/').includes('..');
}

/** One entry of "patterns": a wrapper's callee and where its key and default are. */
export function readPattern(node: Node, where: string, report: Report): UserPattern | undefined {
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
      case 'option':
        if (typeof value === 'string' && SYMBOL_PATTERN.test(value)) {
          pattern.callee = value;
          pattern.option = true;
        } else reject(valueNode, '"option" must be a property name: "featureToggle" for objects written { featureToggle: FeatureName.X } anywhere.');
        break;
      case 'callee':
        if (typeof value === 'string' && CALLEE_PATTERN.test(value)) pattern.callee = value;
        else reject(valueNode, '"callee" must be a function name ("isFeatureOn"), a receiver and method ("flags.isOn"), or the checker a function gives back ("useFeatureSelector()").');
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
      case 'keyCompared':
        if (typeof value === 'string' && /^[A-Za-z_$][\w$]*$/.test(value)) pattern.keyCompared = value;
        else reject(valueNode, '"keyCompared" must be a property name: "name" when the key argument is a search such as flags.find((flag) => flag.name === "x").');
        break;
      case 'camelCaseKeys':
        if (value === true) pattern.camelCaseKeys = true;
        else if (value !== false) reject(valueNode, '"camelCaseKeys" must be true when a name given as the key is the flag\'s key camelCased, as LaunchDarkly\'s useFlags() names it (useGetFF("freeCustomDomain") for free-custom-domain).');
        break;
      case 'restKeys':
        if (value === true) pattern.restKeys = true;
        else if (value !== false) reject(valueNode, '"restKeys" must be true when every argument from keyArg on is a key: hasAnyFeature(authorised, ...features).');
        break;
      case 'keys':
        if (Array.isArray(value) && value.length > 0 && value.every((key) => typeof key === 'string' && key !== '')) pattern.keys = value as string[];
        else reject(valueNode, '"keys" must be a list of flag keys: the only keys of the function\'s calls that are flags, such as ["new-nav", "beta"].');
        break;
      case 'from': {
        const files = typeof value === 'string' ? [value] : value;
        if (Array.isArray(files) && files.length > 0 && files.every(isFolderFile)) pattern.from = files as string[];
        else reject(valueNode, '"from" must be the file that declares the function, or a list of them, relative to the folder: "src/flags.ts".');
        break;
      }
      case 'negate':
        if (typeof value === 'boolean') pattern.negate = value;
        else reject(valueNode, '"negate" must be true (the wrapper answers true when the flag is off) or false.');
        break;
      case 'returns': {
        const returns = parseReturns(value);
        if (returns !== undefined) pattern.returns = returns;
        else reject(valueNode, '"returns" must be "value" (the call gives the flag\'s value), "other" (it gives something else: never replaced), or {"path": "value"} (an object holding the value at that property path).');
        break;
      }
      case 'type':
        if (VALUE_TYPES.includes(value as (typeof VALUE_TYPES)[number])) pattern.type = value as UserPattern['type'];
        else reject(valueNode, `"type" must be one of ${VALUE_TYPES.join(', ')}.`);
        break;
      default:
        reject(nameNode, `unknown field "${name}"; a pattern has callee, keyArg, keyCompared, restKeys, camelCaseKeys, keys, from, defaultArg, negate, type and returns, or option alone.`);
    }
  }
  // An option is a property, not a call: it has no arguments, default or value of its own.
  const names = propertiesOf(node).map((property) => property.name);
  if (pattern.option === true && names.length > 1 && valid) reject(node, 'an "option" pattern has no other field: {"option": "featureToggle"}.');
  if (pattern.callee === undefined && valid) reject(node, 'a pattern needs a "callee", e.g. "isFeatureOn", or an "option".');
  return valid && pattern.callee !== undefined ? { ...pattern, callee: pattern.callee } : undefined;
}

/** One entry of "backends", by its "type". */
export function readBackend(node: Node, where: string, report: Report): BackendConfig | undefined {
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
  unleash: ['type', 'url', 'project', 'environments', 'pollInterval', 'maxResponseBytes', 'tokenEnv'],
  launchdarkly: ['type', 'project', 'environments', 'baseUri', 'pollInterval', 'maxResponseBytes', 'tokenEnv'],
} as const;

/** The range of a service's `maxResponseBytes`: from 1 KB (an empty project's answer) to 512 MB (past that a JSON text stops being safe to hold). */
export const MIN_RESPONSE_BYTES = 1024;
export const MAX_RESPONSE_BYTES = 512 * 1024 * 1024;

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
        if (typeof value === 'string' && /^https?:\/\/[^/]/.test(value) && URL.canParse(value)) fields[name] = value;
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
      case 'maxResponseBytes':
        if (typeof value === 'number' && Number.isInteger(value) && value >= MIN_RESPONSE_BYTES && value <= MAX_RESPONSE_BYTES) fields.maxResponseBytes = value;
        else reject(valueNode, `"maxResponseBytes" must be a whole number of bytes from ${MIN_RESPONSE_BYTES} to ${MAX_RESPONSE_BYTES} (512 MB); default 67108864 (64 MB).`);
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
export function readStringList(node: Node, name: string, report: Report): string[] | undefined {
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
export function readBags(node: Node, report: Report): BagEntry[] | undefined {
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

// What each field of a bag object must be, said where one is not.
const BAG_FIELD_RULES: Readonly<Record<string, string>> = {
  bag: '"bag" must be an object path ("uiConfig.flags") or a call ("useFeatureFlags()").',
  camelCaseKeys: '"camelCaseKeys" must be true (property names are the flag keys camelCased, as in LaunchDarkly\'s useFlags()) or false.',
  sdk: `"sdk" must be one of ${BAG_SDKS.join(', ')}: the vendor whose bag this one returns.`,
  keys: '"keys" must be a list of strings: the only property names of the bag that are flags.',
  keysArg: '"keysArg" must be an argument index: the argument of the bag call that lists the keys it checks (useFlags([\'a\', \'b\']) is 0).',
  locals: '"locals" must be true (a parameter or variable of the bag\'s name is the bag too) or false.',
  store: '"store" must be true (the name is a store whose value, where read, is the bag) or false.',
  names: '"names" must be an object of texts: the flag each property names, where that is not the property\'s name ({"SIMPLE_SOCKET_UI": "simple-socket-ui"}).',
  accessors: '"accessors" must be true (each property is a function called to read its flag, decisions.useUrlSlug()) or false.',
};

function readBagObject(node: Node, where: string, report: Report): BagEntry | undefined {
  const entry: { bag?: string; camelCaseKeys?: boolean; sdk?: (typeof BAG_SDKS)[number]; keys?: string[]; keysArg?: number; locals?: boolean; store?: boolean; names?: Record<string, string>; accessors?: boolean } = {};
  let valid = true;
  for (const { name, nameNode, valueNode } of propertiesOf(node)) {
    const value: unknown = getNodeValue(valueNode);
    if (name === 'bag' && typeof value === 'string') entry.bag = value;
    else if (name === 'camelCaseKeys' && typeof value === 'boolean') entry.camelCaseKeys = value;
    else if (name === 'sdk' && BAG_SDKS.includes(value as (typeof BAG_SDKS)[number])) entry.sdk = value as (typeof BAG_SDKS)[number];
    else if (name === 'keys' && Array.isArray(value) && value.every((key) => typeof key === 'string')) entry.keys = value as string[];
    else if (name === 'keysArg' && typeof value === 'number' && Number.isInteger(value) && value >= 0) entry.keysArg = value;
    else if (name === 'locals' && typeof value === 'boolean') entry.locals = value;
    else if (name === 'store' && typeof value === 'boolean') entry.store = value;
    else if (name === 'names' && isTextRecord(value)) entry.names = { ...value };
    else if (name === 'accessors' && typeof value === 'boolean') entry.accessors = value;
    else {
      valid = false;
      const rule = Object.hasOwn(BAG_FIELD_RULES, name) ? BAG_FIELD_RULES[name] : undefined;
      report(rule === undefined ? nameNode : valueNode, `${where}: ${rule ?? `unknown field "${name}"; a bag has ${Object.keys(BAG_FIELD_RULES).join(', ')}.`}`);
    }
  }
  if (valid && entry.bag === undefined) {
    report(node, `${where} needs a "bag", e.g. {"bag": "useAppFlags()", "camelCaseKeys": true}.`);
    return undefined;
  }
  return valid && entry.bag !== undefined ? { ...entry, bag: entry.bag } : undefined;
}

/** "severities": finding code to severity, or off. */
export function readSeverities(node: Node, report: Report): Partial<Record<FindingCode, Severity | 'off'>> {
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
export function readRegistryLocation(node: Node, report: Report): RegistryLocation | undefined {
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
    else if (name === 'properties' && valueNode.type === 'array' && (valueNode.children ?? []).every((item) => item.type === 'string' && PROPERTY_PATTERN.test(String(item.value)))) {
      location.properties = (valueNode.children ?? []).map((item) => String(item.value));
    } else {
      valid = false;
      report(name === 'file' || name === 'symbol' || name === 'properties' ? valueNode : nameNode, name === 'file'
        ? '"registry": "file" must be a path relative to the workspace folder, e.g. "src/flags.ts".'
        : name === 'symbol'
          ? '"registry": "symbol" must be the name of an enum, const, type or interface, e.g. "FeatureFlag".'
          : name === 'properties'
            ? '"registry": "properties" must list the names of properties that hold the registry, e.g. ["Gate"] for `client.Gate.X`.'
            : `"registry": unknown field "${name}"; the registry has file, symbol and properties, e.g. ${example}.`);
    }
  }
  if (valid && (location.file === undefined || location.symbol === undefined)) {
    report(node, `"registry" needs both "file" and "symbol", e.g. ${example}.`);
    return undefined;
  }
  return valid ? { file: location.file as string, symbol: location.symbol as string, ...(location.properties === undefined ? {} : { properties: location.properties }) } : undefined;
}

/** A pattern's `returns` as written: "value", "other", or {"path": "a.b"}. */
function parseReturns(value: unknown): CallReturns | undefined {
  if (value === 'value') return { kind: 'value' };
  if (value === 'other') return { kind: 'other', what: 'something other than the flag\'s value (its pattern says "returns": "other")' };
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const { path: valuePath, ...rest } = value as Record<string, unknown>;
    if (Object.keys(rest).length > 0 || typeof valuePath !== 'string' || !/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(valuePath)) return undefined;
    return { kind: 'object', valuePath: valuePath.split('.'), others: 'other properties than the flag\'s value' };
  }
  return undefined;
}

/** A client parameter as `.flaglens.json` lists it; `file` relative to the workspace folder. */
export interface ClientParameterEntry {
  file: string;
  function: string;
  parameter: number;
  property?: string;
  package: string;
}

const CLIENT_EXAMPLE = '{"file": "lib/report.ts", "function": "sendResults", "parameter": "0.client", "package": "launchdarkly-react-client-sdk"}';

/** The `clients` list: parameters that hold an SDK's client though nothing in their function says so; bad items are reported and dropped. */
export function readClients(node: Node, report: Report): ClientParameterEntry[] {
  if (node.type !== 'array') {
    report(node, `"clients" must be a list of parameters that hold an SDK's client, e.g. [${CLIENT_EXAMPLE}].`);
    return [];
  }
  const clients: ClientParameterEntry[] = [];
  (node.children ?? []).forEach((item, index) => {
    const where = `clients[${index}]`;
    if (item.type !== 'object') {
      report(item, `${where} must be an object such as ${CLIENT_EXAMPLE}.`);
      return;
    }
    const entry: Partial<ClientParameterEntry> = {};
    let valid = true;
    for (const { name, nameNode, valueNode } of propertiesOf(item)) {
      const text = valueNode.type === 'string' ? String(valueNode.value) : undefined;
      if (name === 'file' && text !== undefined && text !== '') entry.file = text;
      else if (name === 'function' && text !== undefined && /^[A-Za-z_$][\w$]*$/.test(text)) entry.function = text;
      else if (name === 'package' && text !== undefined && text !== '') entry.package = text;
      else if (name === 'parameter' && (valueNode.type === 'number' || text !== undefined) && /^\d+(\.[A-Za-z_$][\w$]*)?$/.test(String(valueNode.value))) {
        const [index, property] = String(valueNode.value).split('.');
        entry.parameter = Number(index);
        if (property !== undefined) entry.property = property;
      } else {
        valid = false;
        report(['file', 'function', 'parameter', 'package'].includes(name) ? valueNode : nameNode, ['file', 'function', 'parameter', 'package'].includes(name)
          ? `${where}: "${name}" must be ${name === 'file' ? 'a path relative to the workspace folder' : name === 'function' ? 'a function name' : name === 'parameter' ? 'a parameter index, or an index and the property of an object parameter ("0.client")' : "the SDK's package, e.g. \"launchdarkly-react-client-sdk\""}.`
          : `${where}: unknown field "${name}"; a client has file, function, parameter and package.`);
      }
    }
    if (!valid) return;
    if (entry.file === undefined || entry.function === undefined || entry.parameter === undefined || entry.package === undefined) {
      report(item, `${where} needs "file", "function", "parameter" and "package", e.g. ${CLIENT_EXAMPLE}.`);
      return;
    }
    clients.push(entry as ClientParameterEntry);
  });
  return clients;
}

/** A JSON object whose every value is a text. */
function isTextRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((text) => typeof text === 'string');
}
