// The one argument parser of every `flaglens` command, on Node's `util.parseArgs`: `--name value` and
// `--name=value` alike, `--` ends the options, and every mistake reads the same way.

import { parseArgs } from 'node:util';

/** A mistake in the command line; the CLI prints it on one line and exits with 2. */
export class UsageError extends Error {}

/** The options a command takes: a string option needs a value, a boolean one takes none. */
export type OptionKinds = Readonly<Record<string, 'string' | 'boolean'>>;

/** What a command line holds: the options given (strings, or true) and the positional arguments. */
export interface ParsedArguments {
  values: Map<string, string | true>;
  positionals: string[];
}

/**
 * Parses `args` for `command`. An option given twice, a string option without a value (or an empty
 * one) and an unknown option are usage errors; `-h` is `--help` everywhere.
 */
export function parseCommandArguments(command: string, args: readonly string[], kinds: OptionKinds): ParsedArguments {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, type] of Object.entries(kinds)) options[name] = { type };
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw new UsageError(describeParseError(command, error));
  }
  const values = new Map<string, string | true>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    if (values.has(token.name)) throw new UsageError(`--${token.name} is given twice`);
    if (kinds[token.name] === 'string' && (token.value === undefined || token.value === '')) {
      throw new UsageError(`--${token.name} needs a value (see flaglens --help)`);
    }
    values.set(token.name, token.value ?? true);
  }
  return { values, positionals: parsed.positionals };
}

/** The value of a string option, when given. */
export function stringOption(parsed: ParsedArguments, name: string): string | undefined {
  const value = parsed.values.get(name);
  return typeof value === 'string' ? value : undefined;
}

// Node's messages name the option but go on for lines; ours fit on one, the way the CLI's other errors do.
function describeParseError(command: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' <]*)/.exec(message)?.[1] ?? '';
  const code = (error as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option '${option}' for ${command} (see flaglens --help)`;
  if (/argument missing|ambiguous/.test(message)) return `${option} needs a value (see flaglens --help)`;
  if (/does not take an argument/.test(message)) return `${option} takes no value`;
  return message.split('\n')[0];
}
