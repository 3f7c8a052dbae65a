// `.flaglens.json`: what parseConfig keeps, where it reports problems, and that the shipped JSON
// schema accepts exactly what parseConfig accepts.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'jsonc-parser';
import { DEFAULT_POLICY } from '../../server/src/analysis/policy/policy';
import { createBackends } from '../../server/src/workspace/createBackends';
import { CONFIG_FILE_NAME, defaultConfig, loadConfig, parseConfig, type FlagLensConfig } from '../../server/src/workspace/config';

const ROOT = path.join(import.meta.dirname, '..', '..');
const FILE = '/workspace/.flaglens.json';
const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'flaglens.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true }).compile(schema);

const FULL_EXAMPLE = `{
  "$schema": "./node_modules/flaglens/schemas/flaglens.schema.json",
  "patterns": [{"callee": "isFeatureOn", "keyArg": 0, "defaultArg": 1, "negate": false}],
  "backends": [{"type": "flagd", "environments": {"production": "flags/production.flagd.json", "staging": "flags/staging.flagd.json"}}],
  "environments": ["production"],
  "severities": {"stale-flag": "error", "released-flag": "off"},
  "ignore": ["generated/**"],
  "maxFileSize": 1000000
}`;

interface Case {
  name: string;
  text: string;
  /** The parts of the config that must come out, on top of the defaults. */
  config?: Partial<FlagLensConfig>;
  /** For a rejected config: where its first problem starts and what it says. */
  at?: string;
  says?: string;
  /** A JSON schema cannot tell a valid regular expression from an invalid one: only parseConfig reports it. */
  schemaCannotTell?: true;
}

const cases: Case[] = [
  {
    name: 'the full example',
    text: FULL_EXAMPLE,
    config: {
      patterns: [{ callee: 'isFeatureOn', keyArg: 0, defaultArg: 1, negate: false }],
      backends: [{ type: 'flagd', environments: { production: 'flags/production.flagd.json', staging: 'flags/staging.flagd.json' } }],
      environments: ['production'],
      severities: { 'stale-flag': 'error', 'released-flag': 'off' },
      ignore: ['generated/**'],
      maxFileSize: 1000000,
    },
  },
  { name: 'an empty object', text: '{}', config: {} },
  { name: 'comments and a trailing comma', text: '{\n  // our wrapper\n  "patterns": [{"callee": "flags.isOn", "type": "boolean"},],\n}', config: { patterns: [{ callee: 'flags.isOn', type: 'boolean' }] } },
  { name: 'a negated wrapper', text: '{"patterns": [{"callee": "isFlagDisabled", "negate": true}]}', config: { patterns: [{ callee: 'isFlagDisabled', negate: true }] } },
  { name: 'a wrapper that returns the value', text: '{"patterns": [{"callee": "isOn", "returns": "value"}]}', config: { patterns: [{ callee: 'isOn', returns: { kind: 'value' } }] } },
  {
    name: 'a wrapper that returns an object holding the value',
    text: '{"patterns": [{"callee": "useGate", "returns": {"path": "state.value"}}]}',
    config: { patterns: [{ callee: 'useGate', returns: { kind: 'object', valuePath: ['state', 'value'], others: "other properties than the flag's value" } }] },
  },
  { name: 'keys in a rest of arguments', text: '{"patterns": [{"callee": "hasAnyFeature", "keyArg": 1, "restKeys": true}]}', config: { patterns: [{ callee: 'hasAnyFeature', keyArg: 1, restKeys: true }] } },
  { name: 'restKeys that is not true', text: '{"patterns": [{"callee": "hasAnyFeature", "restKeys": "yes"}]}', at: '"yes"', says: '"restKeys" must be true' },
  { name: 'a key a search of a list compares', text: '{"patterns": [{"callee": "featureFlags.find", "keyArg": 0, "keyCompared": "name"}]}', config: { patterns: [{ callee: 'featureFlags.find', keyArg: 0, keyCompared: 'name' }] } },
  { name: "a function whose names are the flags' keys camelCased", text: '{"patterns": [{"callee": "useGetFF", "keyArg": 0, "camelCaseKeys": true}]}', config: { patterns: [{ callee: 'useGetFF', keyArg: 0, camelCaseKeys: true }] } },
  { name: 'camelCaseKeys that is no boolean', text: '{"patterns": [{"callee": "useGetFF", "camelCaseKeys": "yes"}]}', at: '"yes"', says: '"camelCaseKeys" must be true' },
  { name: 'a key compared by a property that is no name', text: '{"patterns": [{"callee": "flags.find", "keyCompared": "item.name"}]}', at: '"item.name"', says: '"keyCompared" must be a property name' },
  { name: 'a wrapper that reads flags among other keys', text: '{"patterns": [{"callee": "getRemoteConfigKey", "keys": ["perps_enabled", "polymarket_enabled"]}]}', config: { patterns: [{ callee: 'getRemoteConfigKey', keys: ['perps_enabled', 'polymarket_enabled'] }] } },
  { name: 'a wrapper with the file that declares it', text: '{"patterns": [{"callee": "getValue", "keyArg": 0, "from": "src/flags.js"}, {"callee": "useFlag", "from": ["a/flags.ts", "b/flags.ts"]}]}', config: { patterns: [{ callee: 'getValue', keyArg: 0, from: ['src/flags.js'] }, { callee: 'useFlag', from: ['a/flags.ts', 'b/flags.ts'] }] } },
  { name: 'a file outside the folder', text: '{"patterns": [{"callee": "getValue", "from": "../shared/flags.js"}]}', at: '"../shared/flags.js"', says: '"from" must be the file that declares the function' },
  { name: 'keys that are no list of keys', text: '{"patterns": [{"callee": "getRemoteConfigKey", "keys": ["ok", ""]}]}', at: '["ok", ""]', says: '"keys" must be a list of flag keys' },
  { name: 'a key inside an object argument', text: '{"patterns": [{"callee": "getFeatureFlag", "keyArg": "0.key"}]}', config: { patterns: [{ callee: 'getFeatureFlag', keyArg: 0, keyPath: ['key'] }] } },
  { name: 'a key path without a property', text: '{"patterns": [{"callee": "on", "keyArg": "0"}]}', at: '"0"', says: '"keyArg" must be an argument index (0 for the first argument) or a path' },
  { name: 'a bag of accessors', text: '{"bags": [{"bag": "createFeatureDecisions()", "keys": ["useUrlSlug"], "names": {"useUrlSlug": "UrlSlug"}, "accessors": true}]}', config: { bags: [{ bag: 'createFeatureDecisions()', keys: ['useUrlSlug'], names: { useUrlSlug: 'UrlSlug' }, accessors: true }] } },
  { name: 'accessors that are no boolean', text: '{"bags": [{"bag": "createFeatureDecisions()", "accessors": "yes"}]}', at: '"yes"', says: '"accessors" must be true' },
  { name: 'bag objects and bag calls', text: '{"bags": ["uiConfig.flags", "useFeatureFlags()", "flags.all()"]}', config: { bags: ['uiConfig.flags', 'useFeatureFlags()', 'flags.all()'] } },
  { name: 'a bag that is neither', text: '{"bags": ["ok", "flags[0]"]}', at: '"flags[0]"', says: 'bags[1] must be an object path', config: { bags: ['ok'] } },
  { name: 'a bag that wraps LaunchDarkly\'s useFlags()', text: '{"bags": [{"bag": "useLaunchDarkly()", "camelCaseKeys": true, "sdk": "launchdarkly"}]}', config: { bags: [{ bag: 'useLaunchDarkly()', camelCaseKeys: true, sdk: 'launchdarkly' }] } },
  { name: 'a bag object with a path that is neither', text: '{"bags": [{"bag": "flags[0]"}]}', at: '{"bag"', says: 'bags[0] must be an object path', config: { bags: [] } },
  { name: 'a bag given the keys to check', text: '{"bags": [{"bag": "useFlags()", "keysArg": 0}]}', config: { bags: [{ bag: 'useFlags()', keysArg: 0 }] } },
  { name: 'a bag whose list of keys is no argument', text: '{"bags": [{"bag": "useFlags()", "keysArg": -1}]}', at: '-1', says: '"keysArg" must be an argument index', config: { bags: [] } },
  { name: 'a bag that lists its keys', text: '{"bags": [{"bag": "flags", "keys": ["newNav", "UG"]}]}', config: { bags: [{ bag: 'flags', keys: ['newNav', 'UG'] }] } },
  { name: 'a bag whose keys are not strings', text: '{"bags": [{"bag": "flags", "keys": ["newNav", 1]}]}', at: '["newNav"', says: '"keys" must be a list of strings', config: { bags: [] } },
  { name: 'a bag whose locals are it', text: '{"bags": [{"bag": "featureFlags", "locals": true}]}', config: { bags: [{ bag: 'featureFlags', locals: true }] } },
  { name: 'a bag whose "locals" is not a boolean', text: '{"bags": [{"bag": "featureFlags", "locals": "yes"}]}', at: '"yes"', says: '"locals" must be true', config: { bags: [] } },
  { name: 'a store that holds a bag', text: '{"bags": [{"bag": "featureFlagsAtom", "locals": true, "store": true}]}', config: { bags: [{ bag: 'featureFlagsAtom', locals: true, store: true }] } },
  { name: 'a bag that names the flag of a property of another name', text: '{"bags": [{"bag": "useFeatureFlagsStore()", "keys": ["NEW_NAV"], "names": {"NEW_NAV": "new-nav"}}]}', config: { bags: [{ bag: 'useFeatureFlagsStore()', keys: ['NEW_NAV'], names: { NEW_NAV: 'new-nav' } }] } },
  { name: 'a bag whose "names" are not texts', text: '{"bags": [{"bag": "flags", "names": {"NEW_NAV": 1}}]}', at: '{"NEW_NAV": 1}', says: '"names" must be an object of texts', config: { bags: [] } },
  { name: 'a bag whose "store" is not a boolean', text: '{"bags": [{"bag": "featureFlagsAtom", "store": 1}]}', at: '1', says: '"store" must be true', config: { bags: [] } },
  { name: 'a bag object without its bag', text: '{"bags": [{"camelCaseKeys": true}]}', at: '{"camel', says: 'bags[0] needs a "bag"', config: { bags: [] } },
  { name: 'a bag object naming an unknown vendor', text: '{"bags": [{"bag": "useFlagz()", "sdk": "flagsmith"}]}', at: '"flagsmith"', says: '"sdk" must be one of openfeature, launchdarkly', config: { bags: [] } },
  { name: 'a registry', text: '{"registry": {"file": "src/flags.ts", "symbol": "FeatureFlag"}}', config: { registry: { file: 'src/flags.ts', symbol: 'FeatureFlag' } } },
  { name: 'a registry carried as a property', text: '{"registry": {"file": "src/gates.ts", "symbol": "Gate", "properties": ["Gate", "gates"]}}', config: { registry: { file: 'src/gates.ts', symbol: 'Gate', properties: ['Gate', 'gates'] } } },
  { name: 'registry properties that are not names', text: '{"registry": {"file": "src/gates.ts", "symbol": "Gate", "properties": ["client.Gate"]}}', at: '["client.Gate"]', says: '"properties" must list the names of properties' },
  { name: 'a registry without symbol', text: '{"registry": {"file": "src/flags.ts"}}', at: '{"file"', says: '"registry" needs both "file" and "symbol"' },
  { name: 'a registry symbol that is not a name', text: '{"registry": {"file": "f.ts", "symbol": "Flags.X"}}', at: '"Flags.X"', says: '"symbol" must be the name' },
  { name: 'folders whose LaunchDarkly bags name flags as written', text: '{"keysAsWritten": [".", "apps/store/", "./apps/bank"]}', config: { keysAsWritten: ['.', 'apps/store', 'apps/bank'] } },
  { name: 'a keysAsWritten folder outside the workspace', text: '{"keysAsWritten": ["apps/web", "../other", "/srv/app"]}', at: '"../other"', says: '"keysAsWritten": "../other" is not a folder inside the workspace', config: { keysAsWritten: ['apps/web'] } },
  {
    name: 'parameters that hold an SDK client',
    text: '{"clients": [{"file": "lib/report.ts", "function": "sendResults", "parameter": "0.client", "package": "launchdarkly-react-client-sdk"}, {"file": "lib/a.ts", "function": "run", "parameter": 1, "package": "posthog-node"}]}',
    config: { clients: [{ file: 'lib/report.ts', function: 'sendResults', parameter: 0, property: 'client', package: 'launchdarkly-react-client-sdk' }, { file: 'lib/a.ts', function: 'run', parameter: 1, package: 'posthog-node' }] },
  },
  { name: 'a client parameter without its package', text: '{"clients": [{"file": "lib/a.ts", "function": "run", "parameter": 0}]}', at: '{"file"', says: 'clients[0] needs "file", "function", "parameter" and "package"', config: { clients: [] } },
  { name: 'a client parameter that is not an index', text: '{"clients": [{"file": "lib/a.ts", "function": "run", "parameter": "client", "package": "x"}]}', at: '"client"', says: 'clients[0]: "parameter" must be a parameter index', config: { clients: [] } },
  { name: 'a flagd backend without environments', text: '{"backends": [{"type": "flagd"}]}', config: { backends: [{ type: 'flagd' }] } },
  { name: 'an unknown setting', text: '{"pattern": []}', at: '"pattern"', says: 'Unknown setting "pattern"' },
  { name: 'a pattern without callee', text: '{"patterns": [{"keyArg": 0}, {"callee": "ok"}]}', at: '{"keyArg"', says: 'patterns[0]: a pattern needs a "callee"', config: { patterns: [{ callee: 'ok' }] } },
  { name: 'a callee that is not a name', text: '{"patterns": [{"callee": "is-on()"}]}', at: '"is-on()"', says: '"callee" must be a function name' },
  { name: 'an option that names the flag gating its object', text: '{"patterns": [{"option": "featureToggle"}]}', config: { patterns: [{ callee: 'featureToggle', option: true }] } },
  { name: 'an option with a call\'s fields', text: '{"patterns": [{"option": "featureToggle", "keyArg": 0}]}', at: '{"option"', says: 'an "option" pattern has no other field' },
  { name: 'an option that is no property name', text: '{"patterns": [{"option": "item.featureToggle"}]}', at: '"item.featureToggle"', says: '"option" must be a property name' },
  { name: 'the checker a function gives back', text: '{"patterns": [{"callee": "useFeatureSelector()", "keyArg": 0}]}', config: { patterns: [{ callee: 'useFeatureSelector()', keyArg: 0 }] } },
  { name: 'the checker a method gives back', text: '{"patterns": [{"callee": "flags.checker()"}]}', at: '"flags.checker()"', says: '"callee" must be' },
  { name: 'a callee with two dots', text: '{"patterns": [{"callee": "a.b.c"}]}', at: '"a.b.c"', says: '"callee" must be' },
  { name: 'a negative argument index', text: '{"patterns": [{"callee": "on", "keyArg": -1}]}', at: '-1', says: '"keyArg" must be an argument index' },
  { name: 'a fractional argument index', text: '{"patterns": [{"callee": "on", "defaultArg": 1.5}]}', at: '1.5', says: '"defaultArg" must be an argument index' },
  { name: 'negate as text', text: '{"patterns": [{"callee": "on", "negate": "yes"}]}', at: '"yes"', says: '"negate" must be true' },
  { name: 'returns of an unknown kind', text: '{"patterns": [{"callee": "on", "returns": "variant"}]}', at: '"variant"', says: '"returns" must be "value"' },
  { name: 'an unknown value type', text: '{"patterns": [{"callee": "on", "type": "json"}]}', at: '"json"', says: '"type" must be one of boolean, string, number, object' },
  { name: 'a misspelt pattern field', text: '{"patterns": [{"callee": "on", "defualtArg": 1}]}', at: '"defualtArg"', says: 'unknown field "defualtArg"' },
  { name: 'patterns as an object', text: '{"patterns": {"callee": "on"}}', at: '{"callee"', says: '"patterns" must be a list' },
  { name: 'an unsupported backend', text: '{"backends": [{"type": "split"}, {"type": "flagd"}]}', at: '"split"', says: 'backend type "split" is not supported', config: { backends: [{ type: 'flagd' }] } },
  { name: 'a backend without type', text: '{"backends": [{"environments": {"production": "p.json"}}]}', at: '{"environments"', says: 'a backend needs a "type"' },
  { name: 'an unknown backend field', text: '{"backends": [{"type": "flagd", "url": "x"}]}', at: '"url"', says: 'unknown field "url"' },
  { name: 'an environment without a file', text: '{"backends": [{"type": "flagd", "environments": {"production": ""}}]}', at: '""', says: "the flag file of environment 'production'" },
  { name: 'no environments in the map', text: '{"backends": [{"type": "flagd", "environments": {}}]}', at: '{}', says: '"environments" must map each environment' },
  { name: 'an empty environment name', text: '{"backends": [{"type": "flagd", "environments": {"": "p.json"}}]}', at: '""', says: 'an environment name cannot be empty' },
  {
    name: 'an Unleash backend with every field',
    text: '{"backends": [{"type": "unleash", "url": "https://unleash.example.com", "project": "web", "environments": ["production"], "pollInterval": 30, "tokenEnv": "FLAGLENS_WEB_TOKEN"}]}',
    config: { backends: [{ type: 'unleash', url: 'https://unleash.example.com', project: 'web', environments: ['production'], pollInterval: 30, tokenEnv: 'FLAGLENS_WEB_TOKEN' }] },
  },
  { name: 'an Unleash backend with only a URL', text: '{"backends": [{"type": "unleash", "url": "http://127.0.0.1:4242"}]}', config: { backends: [{ type: 'unleash', url: 'http://127.0.0.1:4242' }] } },
  {
    name: 'a LaunchDarkly backend on the EU instance',
    text: '{"backends": [{"type": "launchdarkly", "project": "default", "environments": ["production", "staging"], "baseUri": "https://app.eu.launchdarkly.com"}]}',
    config: { backends: [{ type: 'launchdarkly', project: 'default', environments: ['production', 'staging'], baseUri: 'https://app.eu.launchdarkly.com' }] },
  },
  { name: 'several backends together', text: '{"backends": [{"type": "flagd"}, {"type": "launchdarkly", "project": "p", "environments": ["production"]}]}', config: { backends: [{ type: 'flagd' }, { type: 'launchdarkly', project: 'p', environments: ['production'] }] } },
  { name: 'an Unleash backend without URL', text: '{"backends": [{"type": "unleash", "project": "web"}]}', at: '{"type": "unleash"', says: 'an Unleash backend needs a "url"' },
  { name: 'a URL that is not one', text: '{"backends": [{"type": "unleash", "url": "unleash.example.com"}]}', at: '"unleash.example.com"', says: '"url" must be the service\'s address' },
  { name: 'a token in the configuration', text: '{"backends": [{"type": "unleash", "url": "https://u.example.com", "token": "secret"}]}', at: '"token"', says: 'unknown field "token"' },
  { name: 'a token variable outside FLAGLENS_', text: '{"backends": [{"type": "unleash", "url": "https://u.example.com", "tokenEnv": "AWS_SECRET_ACCESS_KEY"}]}', at: '"AWS_SECRET_ACCESS_KEY"', says: '"tokenEnv" must name an environment variable starting with FLAGLENS_' },
  { name: 'a poll interval under 10 s', text: '{"backends": [{"type": "unleash", "url": "https://u.example.com", "pollInterval": 1}]}', at: '1}', says: '"pollInterval" must be a whole number of seconds' },
  { name: 'a response cap on a service', text: '{"backends": [{"type": "launchdarkly", "project": "p", "environments": ["production"], "maxResponseBytes": 1048576}]}', config: { backends: [{ type: 'launchdarkly', project: 'p', environments: ['production'], maxResponseBytes: 1048576 }] } },
  { name: 'a response cap under 1 KB', text: '{"backends": [{"type": "unleash", "url": "https://u.example.com", "maxResponseBytes": 100}]}', at: '100}', says: '"maxResponseBytes" must be a whole number of bytes from 1024 to 536870912' },
  { name: 'a response cap past 512 MB', text: '{"backends": [{"type": "unleash", "url": "https://u.example.com", "maxResponseBytes": 1e9}]}', at: '1e9}', says: '"maxResponseBytes" must be a whole number' },
  { name: 'a response cap on flag files', text: '{"backends": [{"type": "flagd", "maxResponseBytes": 4096}]}', at: '"maxResponseBytes"', says: 'unknown field "maxResponseBytes"' },
  { name: 'a LaunchDarkly backend without environments', text: '{"backends": [{"type": "launchdarkly", "project": "p"}]}', at: '{"type": "launchdarkly"', says: 'needs "environments"' },
  { name: 'a LaunchDarkly backend without project', text: '{"backends": [{"type": "launchdarkly", "environments": ["production"]}]}', at: '{"type": "launchdarkly"', says: 'needs a "project" key' },
  { name: 'empty service environments', text: '{"backends": [{"type": "launchdarkly", "project": "p", "environments": []}]}', at: '[]', says: '"environments" must list environment names' },
  { name: 'a service environment listed twice', text: '{"backends": [{"type": "unleash", "url": "https://u.example.com", "environments": ["a", "a"]}]}', at: '"a"]', says: 'listed twice' },
  { name: 'a flagd field on a LaunchDarkly backend', text: '{"backends": [{"type": "launchdarkly", "project": "p", "environments": ["production"], "url": "https://x.example.com"}]}', at: '"url"', says: 'unknown field "url"; a LaunchDarkly backend has' },
  { name: 'a counted environment that is not a string', text: '{"environments": ["production", 3]}', at: '3', says: 'environments[1] must be a non-empty string', config: { environments: ['production'] } },
  { name: 'a counted environment listed twice', text: '{"environments": ["production", "production"]}', at: '"production"]', says: 'listed twice', config: { environments: ['production'] } },
  { name: 'an unknown finding code', text: '{"severities": {"stale": "error", "stale-flag": "hint"}}', at: '"stale"', says: 'Unknown finding code "stale"', config: { severities: { 'stale-flag': 'hint' } } },
  { name: 'an unknown severity', text: '{"severities": {"stale-flag": "fatal"}}', at: '"fatal"', says: 'must be one of error, warning, information, hint, off' },
  { name: 'ignore as a string', text: '{"ignore": "dist/**"}', at: '"dist/**"', says: '"ignore" must be a list of strings' },
  { name: 'a zero size limit', text: '{"maxFileSize": 0}', at: '0', says: '"maxFileSize" must be a whole number of bytes' },
  { name: 'a size limit past 512 MB', text: '{"maxFileSize": 2147483648}', at: '2147483648', says: '"maxFileSize" must be a whole number of bytes from 1 to 536870912' },
  {
    name: 'a policy',
    text: '{"policy": {"lifetimes": {"release": 30, "ops": 3, "entitlement": "permanent"}, "defaultType": "ops", "keyTypes": {"kill-*": "kill-switch"}, "unusedAfterDays": 14, "naming": {"casing": "kebab", "prefixes": ["web-"]}, "requiredMetadata": ["owner"], "failOn": ["stale-flag", "error"]}}',
    config: {
      policy: {
        ...DEFAULT_POLICY,
        lifetimes: { ...DEFAULT_POLICY.lifetimes, release: 30, ops: 3, entitlement: 'permanent' },
        defaultType: 'ops',
        keyTypes: [{ pattern: 'kill-*', type: 'kill-switch' }],
        unusedAfterDays: 14,
        naming: { casing: 'kebab', prefixes: ['web-'] },
        requiredMetadata: ['owner'],
        failOn: ['stale-flag', 'error'],
      },
    },
  },
  { name: 'a lifetime that is not days', text: '{"policy": {"lifetimes": {"release": "forever"}}}', at: '"forever"', says: 'must be a whole number of days from 1 to 3650, or "permanent"' },
  { name: 'an unknown casing', text: '{"policy": {"naming": {"casing": "pascal"}}}', at: '"pascal"', says: 'must be one of kebab, snake, camel' },
  { name: 'a naming pattern that is not a regular expression', text: '{"policy": {"naming": {"pattern": "(["}}}', at: '"(["', says: 'must be a regular expression', schemaCannotTell: true },
  { name: 'required metadata FlagLens cannot check', text: '{"policy": {"requiredMetadata": ["jira"]}}', at: '"jira"', says: 'must be one of owner, description' },
  { name: 'failOn naming an unknown code', text: '{"policy": {"failOn": ["stale"]}}', at: '"stale"', says: 'policy.failOn[0] must be one of unknown-flag' },
  { name: 'an unknown policy setting', text: '{"policy": {"lifetime": {}}}', at: '"lifetime"', says: 'Unknown policy setting "lifetime"' },
  { name: 'a $schema that is not a string', text: '{"$schema": 1}', at: '1', says: '"$schema" must be a string' },
  { name: 'a list at the top', text: '[]', at: '[]', says: 'must hold one JSON object' },
  { name: 'broken JSON', text: '{"ignore": ["a" "b"]}', at: '"b"', says: "Not valid JSON: expected ','" },
];

function check({ text, config, at, says, schemaCannotTell }: Case): void {
  const parsed = parseConfig(text, FILE);
  if (says === undefined) assert.deepEqual(parsed.problems, []);
  else {
    assert.ok(parsed.problems.length > 0, 'expected a problem');
    const [problem] = parsed.problems;
    assert.ok(problem.message.includes(says), `"${problem.message}" should say "${says}"`);
    assert.equal(problem.file, FILE);
    assert.equal(problem.span.start, text.indexOf(at ?? ''), `the problem should start at ${at}`);
  }
  if (config) assert.deepEqual(parsed.config, { ...defaultConfig(), ...config });
  // The schema editors use must accept exactly the files parseConfig accepts without a problem.
  const errors: [] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true });
  if (schemaCannotTell !== true) assert.equal(validate(value) && errors.length === 0, parsed.problems.length === 0, JSON.stringify(validate.errors));
}

describe('parseConfig', () => {
  for (const row of cases) it(row.name, () => check(row));
});

describe('flaglens.schema.json', () => {
  it('describes every property', () => {
    const undescribed: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      for (const [name, child] of Object.entries((record.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (typeof child.description !== 'string') undescribed.push(`${where}.${name}`);
      }
      // A schema's `properties` maps names to schemas: a property may itself be called "properties" (the registry's).
      for (const [name, child] of Object.entries(record)) {
        if (name !== 'properties' || typeof child !== 'object' || child === null) visit(child, `${where}.${name}`);
        else for (const [property, schemaOfIt] of Object.entries(child)) visit(schemaOfIt, `${where}.properties.${property}`);
      }
    };
    visit(schema, '#');
    assert.deepEqual(undescribed, []);
  });
});

describe('loadConfig and createBackends', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'flaglens-config-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('gives the defaults without a file', () => {
    assert.deepEqual(loadConfig(folder), { config: defaultConfig(), problems: [] });
  });
  it('reads the folder\'s .flaglens.json', () => {
    writeFileSync(path.join(folder, CONFIG_FILE_NAME), '{"ignore": ["gen/**"], "extra": 1}');
    const loaded = loadConfig(folder);
    assert.equal(loaded.file, path.join(folder, CONFIG_FILE_NAME));
    assert.deepEqual(loaded.config.ignore, ['gen/**']);
    assert.match(loaded.problems[0].message, /Unknown setting "extra"/);
  });
  it('reports an explicit file that does not exist', () => {
    const loaded = loadConfig(folder, 'other.json');
    assert.equal(loaded.file, undefined);
    assert.deepEqual(loaded.config, defaultConfig());
    assert.match(loaded.problems[0].message, /other\.json does not exist/);
  });
  it('makes a flagd backend of the configured files', () => {
    const [backend, ...others] = createBackends({ ...defaultConfig(), backends: [{ type: 'flagd', environments: { production: 'flags/prod.flagd.json', qa: 'qa.json' } }] }, folder);
    assert.equal(others.length, 0);
    assert.equal(backend.label, 'flags/prod.flagd.json, qa.json');
    assert.deepEqual(backend.watchedFiles(), [path.join(folder, 'flags', 'prod.flagd.json'), path.join(folder, 'qa.json')]);
  });
  it('discovers flags/*.flagd.json without backends', () => {
    const fixture = path.join(ROOT, 'test', 'fixtures', 'flagd');
    const [backend, ...others] = createBackends(defaultConfig(), fixture);
    assert.equal(others.length, 0);
    assert.equal(backend.label, 'flags/*.flagd.json');
    assert.deepEqual(backend.watchedFiles(), ['production', 'staging'].map((name) => path.join(fixture, 'flags', `${name}.flagd.json`)));
  });
  it('has no backend when there is nothing to discover', () => {
    assert.deepEqual(createBackends(defaultConfig(), folder), []);
  });
});
