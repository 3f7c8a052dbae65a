// Flag names a team's node-config settings map to its backend's keys: `config/default.yaml` with
//   featureToggles:
//     ft_excepted_estates: 'probate-excepted-estates'
// names the LaunchDarkly flag `probate-excepted-estates` `ft_excepted_estates` in code, where the team's toggle class looks
// it up (`config.featureToggles[name]`) before it asks the SDK. A check whose key is such a name checks that flag.

// The sections of settings that hold the flags' names: `featureToggles`, `featureFlags`, `toggles`, `flags`.
const SECTION = /^(?:feature)?(?:toggles|flags)$/i;
// A backend's key as a setting's text: no spaces, no URL, not a boolean or a number.
const KEY_TEXT = /^[A-Za-z][\w.-]*$/;
const NOT_KEYS = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off']);

/** The name → key entries of the flag sections of one settings file (`default.yaml`, `default.json`); empty when none. */
export function configKeyNamesOf(fileName: string, text: string): Map<string, string> {
  return fileName.endsWith('.json') ? jsonEntries(text) : yamlEntries(text);
}

function jsonEntries(text: string): Map<string, string> {
  const names = new Map<string, string>();
  let settings: unknown;
  try {
    settings = JSON.parse(text);
  } catch {
    return names;
  }
  if (typeof settings !== 'object' || settings === null) return names;
  for (const [section, entries] of Object.entries(settings)) {
    if (!SECTION.test(section) || typeof entries !== 'object' || entries === null) continue;
    for (const [name, value] of Object.entries(entries)) if (typeof value === 'string' && isKey(value)) names.set(name, value);
  }
  return names;
}

/**
 * The entries of a top-level flag section of a YAML file, read line by line: each `name: value` at the section's first
 * indent whose value is one text (nested blocks, lists and anchors are skipped).
 */
function yamlEntries(text: string): Map<string, string> {
  const names = new Map<string, string>();
  let indent: number | undefined;
  let inSection = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(?:#|$)/.test(line)) continue;
    const depth = line.length - line.trimStart().length;
    if (depth === 0) {
      inSection = SECTION.test(/^([\w$-]+)\s*:\s*(?:#.*)?$/.exec(line)?.[1] ?? '');
      indent = undefined;
      continue;
    }
    if (!inSection) continue;
    indent ??= depth;
    if (depth !== indent) continue;
    const entry = /^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*(?:\s#.*)?$/.exec(line);
    const value = entry === null ? undefined : unquoted(entry[2]);
    if (entry !== null && value !== undefined && isKey(value)) names.set(entry[1], value);
  }
  return names;
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
