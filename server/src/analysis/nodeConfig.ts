// A team's flags in its node-config settings (`config/default.yaml`, `.yml` or `.json`). Two kinds of setting count:
// - a name mapped to a backend's key,
//     featureToggles:
//       ft_excepted_estates: 'probate-excepted-estates'
//   names the LaunchDarkly flag `probate-excepted-estates` `ft_excepted_estates` in code, where the team's toggle class
//   looks it up (`config.featureToggles[name]`) before it asks the SDK: a check whose key is such a name checks that flag;
// - a switch, a boolean of a section of features or flags (`features: { idam: false }`), read in code as the section's
//   property (`parseBool(config.features.idam)`) and set per environment by node-config's other files.

// The sections of settings that hold flags: `featureToggles`, `featureFlags`, `toggles`, `flags`, and for switches `features`.
const SECTION = /^(?:feature)?(?:toggles|flags)$/i;
const SWITCH_SECTION = /^(?:(?:feature)?(?:toggles|flags)|features)$/i;
// A backend's key as a setting's text: no spaces, no URL, not a boolean or a number.
const KEY_TEXT = /^[A-Za-z][\w.-]*$/;
const NOT_KEYS = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off']);
const BOOLEANS = new Set(['true', 'false']);
// A section's own master switch (`featureToggles: { enabled: true }` turns the SDK on or off): no feature's.
const MASTER_SWITCHES = new Set(['enabled', 'disabled', 'enable', 'disable']);
// A setting of the flag system in such a section, named for the system: `launchDarklyKey: 'SDK-KEY'`, `unleashUrl`. A
// flag's own name may end in any word (`ft_pcq_token: 'probate-pcq-token'`).
const SYSTEM_SETTING_NAME = /launch_?darkly|unleash|flagsmith|growthbook|posthog|configcat|statsig|optimizely|devcycle|reflag|flipt|split_?io|sdk/i;

/** The flags one settings file declares: the names mapped to keys, and each section's switches. */
export interface ConfigFlags {
  /** Name → backend key, over every flag section. */
  readonly keyNames: Map<string, string>;
  /** Section → the names it maps to keys and its switches: a read of one of them through the section is a check. */
  readonly sections: Map<string, Set<string>>;
}

/** What the flag sections of one settings file declare (see `ConfigFlags`). */
export function configFlagsOf(fileName: string, text: string): ConfigFlags {
  const flags: ConfigFlags = { keyNames: new Map(), sections: new Map() };
  for (const { section, name, value } of fileName.endsWith('.json') ? jsonEntries(text) : yamlEntries(text)) {
    if (SYSTEM_SETTING_NAME.test(name)) continue;
    const member = SECTION.test(section) && isKey(value) ? 'key' : SWITCH_SECTION.test(section) && BOOLEANS.has(value) && !MASTER_SWITCHES.has(name) ? 'switch' : undefined;
    if (member === undefined) continue;
    if (member === 'key' && !flags.keyNames.has(name)) flags.keyNames.set(name, value);
    let members = flags.sections.get(section);
    if (members === undefined) flags.sections.set(section, members = new Set());
    members.add(name);
  }
  return flags;
}

/** One setting of a top-level section, its value as text (a boolean as `true` or `false`, a number as written). */
interface Entry {
  readonly section: string;
  readonly name: string;
  readonly value: string;
}

function jsonEntries(text: string): Entry[] {
  let settings: unknown;
  try {
    settings = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof settings !== 'object' || settings === null) return [];
  const entries: Entry[] = [];
  for (const [section, members] of Object.entries(settings)) {
    if (!SWITCH_SECTION.test(section) || typeof members !== 'object' || members === null) continue;
    for (const [name, value] of Object.entries(members)) {
      if (typeof value === 'string' || typeof value === 'boolean') entries.push({ section, name, value: String(value) });
    }
  }
  return entries;
}

/**
 * The entries of the top-level flag sections of a YAML file, read line by line: each `name: value` at the section's first
 * indent whose value is one text (nested blocks, lists and anchors are skipped).
 */
function yamlEntries(text: string): Entry[] {
  const entries: Entry[] = [];
  let indent: number | undefined;
  let section: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(?:#|$)/.test(line)) continue;
    const depth = line.length - line.trimStart().length;
    if (depth === 0) {
      section = /^([\w$-]+)\s*:\s*(?:#.*)?$/.exec(line)?.[1];
      if (section !== undefined && !SWITCH_SECTION.test(section)) section = undefined;
      indent = undefined;
      continue;
    }
    if (section === undefined) continue;
    indent ??= depth;
    if (depth !== indent) continue;
    const entry = /^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*(?:\s#.*)?$/.exec(line);
    const value = entry === null ? undefined : unquoted(entry[2]);
    if (entry !== null && value !== undefined) entries.push({ section, name: entry[1], value });
  }
  return entries;
}

function unquoted(value: string): string | undefined {
  const quoted = /^(['"])(.*)\1$/.exec(value);
  if (quoted !== null) return quoted[2];
  return /^[^'"&*!|>{[]/.test(value) ? value : undefined;
}

// An environment variable's name (`C100_REBUILD_FLAG`): the setting is read from it, it names no backend's flag.
const VARIABLE_NAME = /^[A-Z][A-Z0-9_]*$/;

function isKey(value: string): boolean {
  return KEY_TEXT.test(value) && !VARIABLE_NAME.test(value) && !NOT_KEYS.has(value.toLowerCase()) && !/^\d/.test(value);
}
