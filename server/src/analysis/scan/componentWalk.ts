// A component's markup reads the names its script declares at the top (`const featureFlagsStore =
// useFeatureFlagsStore()` in `<script setup>`, read in `v-if="featureFlagsStore.NEW_NAV"`), wherever the template
// stands. Vue's single-file components most often put the template first: walked in the text's order, its expressions
// would be read before the script declares those names. So the script's statements are walked first.

import { ts } from 'ts-morph';
import { scriptBlocks } from '../components';
import type { ScanState } from './types';

/**
 * Walks a component whose markup comes before a script block: the statements of its script blocks, then those of its
 * markup, in one scope. False, having walked nothing, for any other file, which `visit` walks in the text's order.
 */
export function visitScriptsFirst(state: ScanState, sourceFile: ts.SourceFile, visit: (state: ScanState, node: ts.Node, parent: ts.Node) => void): boolean {
  const blocks = scriptBlocks(sourceFile.fileName, state.text);
  if (blocks === undefined || blocks.length === 0) return false;
  const inScript = (statement: ts.Statement): boolean => blocks.some((block) => statement.end > block.start && statement.end <= block.end);
  const markupFirst = sourceFile.statements.findIndex((statement) => !inScript(statement));
  const scriptAfter = sourceFile.statements.findIndex((statement, index) => index > markupFirst && inScript(statement));
  if (markupFirst < 0 || scriptAfter < 0) return false;
  state.scopes.push({ start: sourceFile.pos, end: sourceFile.end });
  for (const statement of sourceFile.statements.filter(inScript)) visit(state, statement, sourceFile);
  for (const statement of sourceFile.statements.filter((statement) => !inScript(statement))) visit(state, statement, sourceFile);
  state.scopes.pop();
  return true;
}
