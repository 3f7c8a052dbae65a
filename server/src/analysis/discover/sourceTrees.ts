// The sources discovery reads, each parsed once, with parent links, and only when a stage needs its tree:
// the wrapper and registry stages share them.

import { ts } from 'ts-morph';
import { scriptKindOf } from '../scriptKind';
import type { SourceText } from './types';

/** Each source's syntax tree, parsed at most once and only when a stage needs it. */
export class SourceTrees {
  private readonly trees = new Map<string, ts.SourceFile>();
  readonly byFile: ReadonlyMap<string, SourceText>;

  constructor(readonly sources: readonly SourceText[]) {
    this.byFile = new Map(sources.map((source) => [source.file, source]));
  }

  tree(source: SourceText): ts.SourceFile {
    let tree = this.trees.get(source.file);
    if (tree === undefined) {
      // Parent links: a wrapper's name is read from the declaration around its function.
      tree = ts.createSourceFile(source.file, source.text, ts.ScriptTarget.Latest, true, scriptKindOf(source.file));
      this.trees.set(source.file, tree);
    }
    return tree;
  }
}
