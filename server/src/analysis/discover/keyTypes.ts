// The declared type of a proven wrapper's key: when `getExperiment<T extends ExperimentName>(name: T)` passes its
// parameter to an SDK as the flag key, `ExperimentName` is the type of the team's flag keys, and every other
// function whose parameter is declared with it (`useExperiment<T extends ExperimentName>(name: T)`, a hook that reads
// what the server evaluated) takes a flag key too, whatever its name and however it gets the value.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { callParameters } from '../scan/values';
import type { SourceTrees } from './sourceTrees';
import type { DiscoveredWrapper } from './types';
import { keyTypeText } from './typeText';
import { saysNotEvaluating } from '../callNames';
import { functionName, givesNothing } from './functions';
import { GENERIC_NAMES, isTestFile, ordinal } from './wrappers';

/**
 * Functions whose parameter is declared with the key type of a wrapper that forwards its key (see `keyTypeOf`), read
 * in the files that name that type (tests and mocks aside). `known` holds the callees found already.
 */
export function keyTypedWrappers(root: string, trees: SourceTrees, forwarding: readonly DiscoveredWrapper[], known: ReadonlySet<string>): DiscoveredWrapper[] {
  const byType = new Map<string, DiscoveredWrapper>();
  for (const wrapper of forwarding) {
    const type = wrapper.keyType;
    if (type !== undefined && !byType.has(type) && (type.startsWith('keyof ') || declaresKeys(root, trees, type))) byType.set(type, wrapper);
  }
  if (byType.size === 0) return [];
  // The identifier a file must name to declare a parameter of the type: `ExperimentName`, `UiFlags`, `FLAGS`.
  const names = [...new Set([...byType.keys()].map((type) => type.split(/[\s.]/).pop() as string))];
  const found = new Map<string, DiscoveredWrapper>();
  for (const source of trees.sources) {
    if (!trees.names(source, names)) continue;
    const file = posix.relative(root, source.file);
    if (isTestFile(file)) continue;
    const sourceFile = trees.tree(source);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node)) {
        const name = functionName(node);
        // A function whose name says it changes the flag (`setEnabled(name: ExperimentName, to)`), or that gives nothing back, takes a key but reads none.
        if (name !== undefined && name.length >= 3 && !GENERIC_NAMES.has(name) && !saysNotEvaluating(name) && !known.has(name) && !found.has(name) && !givesNothing(node)) {
          for (const [index, parameter] of callParameters(node).entries()) {
            const type = parameter.type === undefined ? undefined : keyTypeText(parameter.type, node);
            const from = type === undefined ? undefined : byType.get(type);
            if (type === undefined || from === undefined) continue;
            found.set(name, {
              pattern: { callee: name, keyArg: index },
              at: { file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1 },
              reason: `its ${ordinal(index + 1)} parameter is typed ${type}, the type of the flag key ${from.pattern.callee} forwards`,
              evidence: 'typed',
              level: 0,
            });
            break;
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return [...found.values()];
}

/**
 * True when the workspace declares `name` as a type of string keys: an enum, or a type alias of a union of string
 * literals, a `keyof`, or an element of a constant list (`(typeof FLAGS)[number]`). A wrapper's key parameter typed
 * by an interface (`Request`) says the "key" is something else, whatever the call it reaches.
 */
function declaresKeys(root: string, trees: SourceTrees, name: string): boolean {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return false;
  const declaration = new RegExp(`\\b(?:type|enum)\\s+${name.replace(/\$/g, '\\$')}\\b`);
  for (const file of trees.filesNaming(name)) {
    const source = trees.byFile.get(file);
    if (source === undefined || isTestFile(posix.relative(root, file)) || !declaration.test(source.text)) continue;
    for (const statement of trees.tree(source).statements) {
      if (ts.isEnumDeclaration(statement) && statement.name.text === name) return true;
      if (ts.isTypeAliasDeclaration(statement) && statement.name.text === name && listsKeys(statement.type)) return true;
    }
  }
  return false;
}

function listsKeys(type: ts.TypeNode): boolean {
  if (ts.isParenthesizedTypeNode(type)) return listsKeys(type.type);
  if (ts.isUnionTypeNode(type)) return type.types.every(listsKeys);
  if (ts.isLiteralTypeNode(type)) return ts.isStringLiteral(type.literal);
  if (ts.isTypeOperatorNode(type)) return type.operator === ts.SyntaxKind.KeyOfKeyword;
  return ts.isIndexedAccessTypeNode(type);
}
