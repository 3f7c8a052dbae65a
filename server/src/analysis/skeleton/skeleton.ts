// A cheaper text to parse for a file's scan: the insides of function bodies, control-flow blocks and
// interface or object-type bodies that hold no flag check are replaced by spaces (line breaks kept), so
// every offset stays where it was and the parser skips what the scan would walk past. A function whose
// body is blanked loses its parameters too, and its return type when that is keywords alone (a declared client
// type, `(): LDClient`, is evidence for calls on what it returns). What is left parses to the same nodes at
// the same positions outside those parts, and `{ }` is still a block (or an empty object or type literal).
//
// Why this is safe for a scan: a name declared in a function body or block, or as a parameter, is
// visible only inside the function or block, so a check outside cannot read it, and a body with no
// check and no flag-call name adds nothing (nor do its parameters' types and defaults). The
// exceptions are handled by not blanking: the arguments of a call to a flag-call name (a default value
// may be an arrow function), and every body of a file that reads a flag bag (`const f = useFlags()`
// makes any later `f.x` a check, by whatever name `f` has).
//
// The lexer knows strings, comments, templates, regular expressions and JSX well enough to find the
// braces. Where JavaScript's grammar needs the parser to decide (a `/` or `<` after `}` or `)`), or the
// text is not what it expects, it gives up and the caller parses the whole text; a skeleton that does
// not parse cleanly is not used either (see `parseSkeletonText`).

import { calleeLastName } from '../patterns/define';
import { flagOptionOffsets } from '../patterns/options';
import { mayListConsoleFlags } from '../patterns/openshift';
import { mayReadEmberFeatures } from '../patterns/ember';
import type { PatternSet } from '../patterns';
import { VENDOR_PACKAGES } from '../patterns/presets';
import { readsJsx } from '../extensions';
import { isComponentFile } from '../components';
import { BRACKET_CALL, CALL_GAP, componentNames, escapeRegex, literalAlternation, SAGA_CALL } from '../regex';
import { Lexer } from './lexer';
import { Unsure } from './tokens';

/**
 * The skeleton of a file for a scan with `patterns`, or undefined when the whole text must be parsed: a
 * file that reads a flag bag (any later property read of its variable is a check), a name written with
 * escapes (the text search would not see it), nothing to blank, or a text the lexer is unsure of.
 */
export function skeletonOf(fileName: string, text: string, patterns: PatternSet): string | undefined {
  // An OpenShift console extension's flag lists are objects, not calls: such a module is parsed whole, and so is an Ember
  // class's, whose reads of the flags' service are not calls either. So is a Vue or Svelte component, whose script view is
  // made at the parse.
  if (isComponentFile(fileName) || text.includes('\\u') || bagNameRegex(patterns).test(text) || mayListConsoleFlags(text) || mayReadEmberFeatures(text)) return undefined;
  const hits: number[] = [];
  const names = calleeWordRegex(patterns);
  names.lastIndex = 0;
  for (let match = names.exec(text); match !== null; match = names.exec(text)) hits.push(match.index);
  const options = flagOptionOffsets(text, patterns);
  if (options.length > 0) {
    hits.push(...options);
    hits.sort((a, b) => a - b);
  }
  return skeletonText(text, readsJsx(fileName), hits, VENDOR_IMPORT.test(text));
}

// A module naming an SDK's package keeps its interface and object-type bodies: they may say which properties hold
// the SDK's client (`gb?: UserScopedGrowthBook`), the evidence of other files' `req.gb?.getFeatureValue(…)`. It keeps
// its functions' return types too: the scan follows the returns of a function declared without one.
const VENDOR_IMPORT = new RegExp(`['"](?:${VENDOR_PACKAGES.map((name) => escapeRegex(name.endsWith('*') ? name.slice(0, -1) : name)).join('|')})`);

/** True when the text names an SDK's package (in quotes, as an import does). */
export function namesVendorPackage(text: string): boolean {
  return VENDOR_IMPORT.test(text);
}

const calleeWordRegexes = new WeakMap<PatternSet, RegExp>();
const bagNameRegexes = new WeakMap<PatternSet, RegExp>();

/**
 * Every callee name as a whole word followed by what a call needs next (as the prefilter asks: `(`, type arguments
 * `<`, `?.` or a comment), global: the offsets whose bodies the skeleton keeps. A name used otherwise (`flag` as a
 * variable, `feature` in a word list) calls nothing, so its body may be blanked.
 */
function calleeWordRegex(patterns: PatternSet): RegExp {
  let regex = calleeWordRegexes.get(patterns);
  if (regex === undefined) {
    const names = patterns.calleeNames.filter((name) => name !== '');
    // Or a JSX element of a component's name (`<IfFeatureEnabled feature="x">`), which React calls.
    const components = componentNames(names).map(escapeRegex);
    const jsx = components.length === 0 ? '' : `|(?<=<(?:${components.join('|')}))[\\s/>]`;
    regex = names.length === 0 ? /(?!)/g : new RegExp(`(?<![\\w$])${literalAlternation(names)}(?=${CALL_GAP}(?:[(</]|\\?\\.)|${BRACKET_CALL}|${SAGA_CALL}${jsx})`, 'g');
    calleeWordRegexes.set(patterns, regex);
  }
  return regex;
}

/** The names that make a flag bag (`useFlags`, a configured `uiConfig.flags`), anywhere in a text. */
function bagNameRegex(patterns: PatternSet): RegExp {
  let regex = bagNameRegexes.get(patterns);
  if (regex === undefined) {
    // Once each: several presets name the same bag (`useFlags`).
    const names = [...new Set([
      ...patterns.patterns.filter((pattern) => pattern.kind === 'bag').map((pattern) => calleeLastName(pattern.callee)),
      ...(patterns.objectBags ?? []).map((bag) => bag.names[bag.names.length - 1]),
    ])].filter((name) => name !== '').map(escapeRegex);
    regex = names.length === 0 ? /(?!)/ : new RegExp(names.join('|'));
    bagNameRegexes.set(patterns, regex);
  }
  return regex;
}

/**
 * The text with check-free bodies blanked, or undefined when nothing would be blanked or the lexer is
 * unsure of the text. `hits` are the offsets, ascending, of every flag-call name in the text; with
 * `keepTypeBodies` (a module that names an SDK's package), interface and object-type bodies are kept, and so are the
 * keyword return types of blanked functions.
 */
export function skeletonText(text: string, jsx: boolean, hits: readonly number[], keepTypeBodies = false): string | undefined {
  const blanks: Array<[number, number]> = [];
  try {
    new Lexer(text, jsx, hits, blanks, keepTypeBodies).lexFile();
  } catch (error) {
    if (error instanceof Unsure) return undefined;
    throw error;
  }
  if (blanks.length === 0) return undefined;
  let result = '';
  let from = 0;
  for (const [start, end] of blanks) {
    // Every line terminator stays, so that line numbers computed from the skeleton are the text's.
    result += text.slice(from, start) + text.slice(start, end).replace(/[^\r\n\u2028\u2029]+/g, (run) => ' '.repeat(run.length));
    from = end;
  }
  return result + text.slice(from);
}
