// Svelte components (see components.ts): code in `<script>` blocks and in the markup's braces, `{#if isOn('x')}`,
// `{flags.newNav ? a : b}`, `disabled={!flags.v2}`, `on:click={() => track()}`, `{...props}`.

import { indexOfClosing, ScriptView } from './componentView';

// A block's opening or branch whose rest is an expression: `{#if x}`, `{:else if x}`, `{#key x}`, `{#await x}`,
// `{@html x}`, `{@render x()}`. `{#each list as item}` keeps the list.
const EXPRESSION_TAG = /^\s*(?:#if|:else\s+if|#key|#await|@html|@render)\s/;
const EACH_TAG = /^\s*#each\s/;
// `{@const name = value}` keeps the value.
const CONST_TAG = /^\s*@const\s+[^=]*=(?!=)/;
// Any other tag (`{/if}`, `{:else}`, `{:then value}`, `{#snippet row(item)}`, `{@debug x}`) binds names or ends a block.
const OTHER_TAG = /^\s*[#:/@]/;

/**
 * The script view of a component's text: the contents of `<script>` blocks as they are (the instance's and the
 * module's); the expression in each pair of braces of the markup, text and attributes alike, as a statement of its own
 * in parentheses where its braces were; everything else blank. Styles and comments are blank, and so are the names a
 * block binds (`as item`, `:then value`) and the tags that end or part blocks.
 */
export function svelteScriptView(text: string): string {
  const view = new ScriptView(text);
  let at = 0;
  // The next brace and the next tag, looked for again only once passed: a file of many tags and few braces is read once.
  let brace = text.indexOf('{');
  let tag = text.indexOf('<');
  while (at < text.length) {
    if (brace >= 0 && brace < at) brace = text.indexOf('{', at);
    if (tag >= 0 && tag < at) tag = text.indexOf('<', at);
    if (brace < 0 && tag < 0) break;
    if (tag >= 0 && (brace < 0 || tag < brace)) {
      at = skipRaw(text, tag, view);
      continue;
    }
    const close = closingBrace(text, brace + 1);
    if (close < 0) break;
    keepBraces(text, brace + 1, close, view);
    at = close + 1;
  }
  return view.toString();
}

/** At a `<`: past a comment, or past a script (kept) or style (blank) element; else past the `<` alone. */
function skipRaw(text: string, open: number, view: ScriptView): number {
  if (text.startsWith('<!--', open)) {
    const end = text.indexOf('-->', open + 4);
    return end < 0 ? text.length : end + 3;
  }
  const element = /^<(script|style)\b/i.exec(text.slice(open, open + 8));
  if (element === null) return open + 1;
  const name = element[1].toLowerCase();
  // The start tag's attributes hold no braces a script needs; its `>` ends it.
  const tagEnd = text.indexOf('>', open);
  if (tagEnd < 0) return text.length;
  if (text[tagEnd - 1] === '/') return tagEnd + 1;
  const closeAt = indexOfClosing(text, name, tagEnd + 1);
  if (name === 'script') view.statements(tagEnd + 1, closeAt);
  return closeAt;
}

/** Keeps what the braces from `start` to `end` hold, as the tag inside them says. */
function keepBraces(text: string, start: number, end: number, view: ScriptView): void {
  const inside = text.slice(start, end);
  const expression = EXPRESSION_TAG.exec(inside);
  if (expression !== null) {
    // `{#await promise then value}` binds a name after its expression.
    const bound = expression[0].trim() === '#await' ? /\s(?:then|catch)(?:\s[^]*)?$/.exec(inside.slice(expression[0].length)) : null;
    keepExpression(text, start + expression[0].length, bound === null ? end : start + expression[0].length + bound.index, view);
    return;
  }
  const each = EACH_TAG.exec(inside);
  if (each !== null) {
    // The list, up to ` as item`; a list with none (`{#each items}`, Svelte 5) is the whole rest.
    const alias = /\sas\s/.exec(inside.slice(each[0].length));
    keepExpression(text, start + each[0].length, alias === null ? end : start + each[0].length + alias.index, view);
    return;
  }
  const constant = CONST_TAG.exec(inside);
  if (constant !== null) {
    keepExpression(text, start + constant[0].length, end, view);
    return;
  }
  if (OTHER_TAG.test(inside)) return;
  // `{...props}` spreads an expression.
  const spread = /^\s*\.\.\./.exec(inside);
  keepExpression(text, start + (spread?.[0].length ?? 0), end, view);
}

/**
 * An expression from `start` to `end`, in parentheses on the characters just outside it, which the view has blank
 * (the brace or the tag's space before it; the brace, or the space before ` as `, after it). Two expressions written
 * back to back (`{count}{unit}`) leave no room for a `;` between them, and read as a call of the first: both are still
 * read, and a component is never rewritten.
 */
function keepExpression(text: string, start: number, end: number, view: ScriptView): void {
  let first = start;
  while (first < end && /\s/.test(text[first])) first++;
  if (first < end) view.expression(first, end);
}

/**
 * The offset of the `}` that closes a brace opened just before `from`, past the strings, template literals and nested
 * braces inside; -1 when there is none.
 */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let index = from; index < text.length; index++) {
    const character = text[index];
    if (character === '"' || character === "'") {
      index = endOfString(text, index, character);
    } else if (character === '`') {
      index = endOfTemplate(text, index);
    } else if (character === '{') {
      depth++;
    } else if (character === '}') {
      depth--;
      if (depth === 0) return index;
    }
    if (index < 0) return -1;
  }
  return -1;
}

function endOfString(text: string, open: number, quote: string): number {
  for (let index = open + 1; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === quote) return index;
    else if (text[index] === '\n') return index;
  }
  return -1;
}

function endOfTemplate(text: string, open: number): number {
  for (let index = open + 1; index < text.length; index++) {
    if (text[index] === '\\') {
      index++;
    } else if (text[index] === '`') {
      return index;
    } else if (text[index] === '$' && text[index + 1] === '{') {
      const close = closingBrace(text, index + 2);
      if (close < 0) return -1;
      index = close;
    }
  }
  return -1;
}
