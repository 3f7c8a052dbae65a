// Finding the flag check under the cursor, shared by hover, completion and code actions.

import type { FlagCheck, Span } from '../analysis/types';

/** The innermost check whose call contains the offset (a check can sit inside another's arguments). */
export function checkAt(checks: readonly FlagCheck[], offset: number): FlagCheck | undefined {
  let best: FlagCheck | undefined;
  for (const check of checks) {
    if (!contains(check.callSpan, offset) && !contains(check.keySpan, offset)) continue;
    if (best === undefined || length(check.callSpan) < length(best.callSpan)) best = check;
  }
  return best;
}

const QUOTES = new Set(['\'', '"', '`']);

/**
 * The span of a string literal's contents, between its quotes, given the literal's span and the text.
 * A literal still being typed has no closing quote; then its contents end at the literal's end.
 */
export function literalContents(text: string, literal: Span): Span | undefined {
  const quote = text[literal.start];
  if (!QUOTES.has(quote)) return undefined;
  const closed = literal.end - literal.start >= 2 && text[literal.end - 1] === quote;
  // A key written negated (`'!x'`, see `FlagCheck.negatedInKey`) is named by what follows the `!`.
  const end = closed ? literal.end - 1 : literal.end;
  const start = text[literal.start + 1] === '!' && literal.start + 2 < end ? literal.start + 2 : literal.start + 1;
  return { start, end };
}

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

function length(span: Span): number {
  return span.end - span.start;
}
