// Where each flag's key is written in a flagd flag file, for naming findings on the file and for the
// rename quick fix; flags listed as objects with a "key" give that string's place.

import { parseJsonText, propertiesOf, propertyValue, spanOf } from '../json';
import type { Span } from '../types';

/** A flag key in a flag file, and the span of its text without the quotes. */
export interface FlagFileKey {
  key: string;
  span: Span;
}

/** The keys of a flagd file's `flags`, in file order; none when the text is not such a file. */
export function flagFileKeys(text: string, file: string): FlagFileKey[] {
  const { root, problems } = parseJsonText(text, file, { allowComments: false });
  if (problems.length > 0 || root?.type !== 'object') return [];
  const flags = propertyValue(root, 'flags');
  const inside = (span: Span): Span => ({ start: span.start + 1, end: span.end - 1 });
  if (flags?.type === 'object') return propertiesOf(flags).map(({ name, nameNode }) => ({ key: name, span: inside(spanOf(nameNode)) }));
  if (flags?.type !== 'array') return [];
  return (flags.children ?? []).flatMap((flag) => {
    const keyNode = flag.type === 'object' ? propertyValue(flag, 'key') : undefined;
    return keyNode?.type === 'string' ? [{ key: String(keyNode.value), span: inside(spanOf(keyNode)) }] : [];
  });
}
