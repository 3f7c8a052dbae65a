// Evidence in a team's declared types, for code that checks flags through no SDK at all (its own store, an edge
// config): a list of flags (a union or enum named for flags) that keys a boolean record. A function declared to
// return that record (`getFeatureFlags(): Promise<Record<BetaFeatures, boolean>>`) is a bag function; a property
// declared with it (`flags?: { [key in BetaFeatures]: boolean }`) is a bag object that holds only the list's keys
// (as a property typed by a registry interface is, see typedBags.ts);
// and a property of an options parameter typed by the list (`withWorkspace(handler, { featureFlag }: { featureFlag?:
// BetaFeatures })`) holds the key of a check at every call that passes it. Lists named for "features" are often
// pricing (`PlanFeature`), so the name of the function, property or option must say flag, toggle, experiment or
// feature gate, unless the list's own name says so and it lists more than one key (a lone literal is a discriminant).

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { registryCandidates } from '../registry';
import type { UserPattern } from '../types';
import { nameWords, saysItListsFlags } from './registries';
import type { SourceTrees } from './sourceTrees';
import { withoutNullish } from './typeText';
import type { DiscoveredAt, DiscoveredBag, DiscoveredWrapper } from './types';
import { functionName, GENERIC_NAMES, isTestFile, ordinal } from './wrappers';

// Words that say flags whatever else a name says; "feature" alone does not (plan features, product features), nor
// "gate" alone (a column gated by the plan), but "feature gate" does.
const FLAG_WORDS = new Set(['flag', 'flags', 'toggle', 'toggles', 'experiment', 'experiments']);
const GATE_WORDS = new Set(['gate', 'gates']);
// A type or enum declaration whose name may say it lists flags: the cheap text test before a file is parsed.
const FLAG_NAMED_LIST = /\b(?:enum|type)\s+([\w$]*(?:flag|feature|toggle|experiment|gate)[\w$]*)/gi;
// Types that hold the record they wrap: an async bag function, an optional or read-only one.
const WRAPPING_TYPES = new Set(['Promise', 'Awaited', 'Partial', 'Readonly', 'Required']);

/** The bags and option wrappers the declared types give. */
export interface TypedEvidence {
  readonly wrappers: DiscoveredWrapper[];
  readonly bags: DiscoveredBag[];
}

/** Reads the lists of flags the workspace declares, then the declarations typed by them (tests and mocks aside). */
export function typedFlagEvidence(root: string, trees: SourceTrees): TypedEvidence {
  const lists = flagLists(root, trees);
  if (lists.size === 0) return { wrappers: [], bags: [] };
  const names = [...lists.keys()];
  // A file is parsed only when it writes a list's name where a type is: `Record<L,`, `in L]`, `: L`, `| L`, `: types.L`.
  const alternatives = names.map((name) => name.replace(/\$/g, '\\$')).join('|');
  const typedText = new RegExp(`(?:Record<\\s*|\\bin\\s+|[:|]\\s*)(?:[\\w$]+\\.)?(?:${alternatives})\\b`);
  const wrappers = new Map<string, DiscoveredWrapper>();
  const bags = new Map<string, DiscoveredBag>();
  const addBag = (spec: string, at: DiscoveredAt, type: string, list: string): void => {
    const known = bags.get(spec);
    if (spec.endsWith('()')) {
      // A bag function is found by its own name: what it returns is the flags, whatever property is read.
      if (known === undefined) bags.set(spec, { spec, at, typedBy: list, declaredAs: type });
      return;
    }
    // The same property declared in several types, each keyed by its own list: it holds the keys of every one.
    const keys = [...new Set([...(known?.keys ?? []), ...(lists.get(list) ?? [])])];
    bags.set(spec, known === undefined ? { spec, at, typedBy: list, declaredAs: type, keys } : { ...known, keys });
  };
  for (const source of trees.sources) {
    if (!trees.names(source, names) || !typedText.test(source.text)) continue;
    const file = posix.relative(root, source.file);
    if (isTestFile(file)) continue;
    const sourceFile = trees.tree(source);
    const at = (node: ts.Node): DiscoveredAt => ({ file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1 });
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node)) {
        const name = functionName(node);
        if (name !== undefined && !GENERIC_NAMES.has(name)) {
          const list = node.type === undefined ? undefined : flagRecordOf(node.type, lists);
          if (list !== undefined && node.type !== undefined && namesFlags(name, list, lists)) {
            addBag(`${name}()`, at(node), node.type.getText(sourceFile), list);
          }
          const option = wrappers.has(name) ? undefined : optionTypedByList(node, sourceFile, lists);
          if (option !== undefined) {
            const pattern: UserPattern = { callee: name, keyArg: option.index, keyPath: [option.property] };
            const reason = `its ${ordinal(option.index + 1)} parameter's ${option.property} is typed ${option.list}, and ${option.list} lists flags`;
            wrappers.set(name, { pattern, at: at(node), reason, evidence: 'typed', level: 0 });
          }
        }
      } else if ((ts.isPropertySignature(node) || ts.isPropertyDeclaration(node)) && node.type !== undefined) {
        const property = ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : undefined;
        const list = property === undefined ? undefined : flagRecordOf(node.type, lists);
        if (property !== undefined && /^[A-Za-z_$][\w$]*$/.test(property) && list !== undefined && namesFlags(property, list, lists)) {
          addBag(property, at(node), node.type.getText(sourceFile), list);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return { wrappers: [...wrappers.values()], bags: [...bags.values()] };
}

/** Each union of string literals or enum whose name says it lists flags, with its keys (one is enough here). */
function flagLists(root: string, trees: SourceTrees): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const source of trees.sources) {
    const named = flagNamedDeclarations(source.text);
    if (named.size === 0 || isTestFile(posix.relative(root, source.file))) continue;
    for (const candidate of registryCandidates(source.file, source.text, undefined, 1)) {
      if (!named.has(candidate.symbol) || (candidate.kind !== 'union' && candidate.kind !== 'enum')) continue;
      // Declared twice (two packages, two versions of a model): the name stands for the keys of both.
      lists.set(candidate.symbol, [...new Set([...(lists.get(candidate.symbol) ?? []), ...candidate.keys])]);
    }
  }
  return lists;
}

/** The names that `type X` and `enum X` declare in a text and that say they list flags: a cheap test before a parse. */
function flagNamedDeclarations(text: string): Set<string> {
  const named = new Set<string>();
  for (const match of text.matchAll(FLAG_NAMED_LIST)) if (saysItListsFlags(match[1])) named.add(match[1]);
  return named;
}

/** True when the name of what is typed says flags, or the list's name does and it lists more than one key. */
function namesFlags(name: string, list: string, lists: ReadonlyMap<string, readonly string[]>): boolean {
  const saysFlag = (text: string): boolean => nameWords(text).some((word, index, words) => FLAG_WORDS.has(word) || (GATE_WORDS.has(word) && words[index - 1] === 'feature'));
  return saysFlag(name) || (saysFlag(list) && (lists.get(list)?.length ?? 0) > 1);
}

/**
 * The list of flags that keys a record of booleans: `Record<L, boolean>`, `{ [key in L]?: boolean }`, inside
 * `Promise<…>`, `Partial<…>` or `Readonly<…>`, with `| undefined` or `| null`. Undefined for any other type.
 */
function flagRecordOf(type: ts.TypeNode, lists: ReadonlyMap<string, readonly string[]>): string | undefined {
  const inner = withoutNullish(type);
  if (inner === undefined) return undefined;
  if (ts.isTypeReferenceNode(inner)) {
    const name = lastName(inner.typeName);
    const args = inner.typeArguments ?? [];
    if (WRAPPING_TYPES.has(name) && args.length === 1) return flagRecordOf(args[0], lists);
    return name === 'Record' && args.length === 2 && holdsBoolean(args[1]) ? listOf(args[0], lists) : undefined;
  }
  if (ts.isMappedTypeNode(inner)) {
    const constraint = inner.typeParameter.constraint;
    return constraint !== undefined && inner.type !== undefined && holdsBoolean(inner.type) ? listOf(constraint, lists) : undefined;
  }
  return undefined;
}

/** The option of a function's parameter typed by a list of flags: `{ featureFlag?: BetaFeatures }`, written there or declared in the file. */
function optionTypedByList(node: ts.SignatureDeclaration, sourceFile: ts.SourceFile, lists: ReadonlyMap<string, readonly string[]>): { index: number; property: string; list: string } | undefined {
  for (const [index, parameter] of node.parameters.entries()) {
    const members = parameter.type === undefined ? undefined : membersOf(parameter.type, sourceFile);
    for (const member of members ?? []) {
      if (!ts.isPropertySignature(member) || member.type === undefined || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) continue;
      const list = listOf(member.type, lists);
      if (list !== undefined && namesFlags(member.name.text, list, lists)) return { index, property: member.name.text, list };
    }
  }
  return undefined;
}

/** The members of a parameter's object type: a type literal, or an interface or type literal declared at the top of the file. */
function membersOf(type: ts.TypeNode, sourceFile: ts.SourceFile): readonly ts.TypeElement[] | undefined {
  const inner = withoutNullish(type);
  if (inner === undefined) return undefined;
  if (ts.isTypeLiteralNode(inner)) return inner.members;
  if (!ts.isTypeReferenceNode(inner) || inner.typeArguments !== undefined || !ts.isIdentifier(inner.typeName)) return undefined;
  const name = inner.typeName.text;
  for (const statement of sourceFile.statements) {
    if (ts.isInterfaceDeclaration(statement) && statement.name.text === name) return statement.members;
    if (ts.isTypeAliasDeclaration(statement) && statement.name.text === name && ts.isTypeLiteralNode(statement.type)) return statement.type.members;
  }
  return undefined;
}

/** The list a type names (`BetaFeatures`, `BetaFeatures | undefined`), when it is one of `lists`. */
function listOf(type: ts.TypeNode, lists: ReadonlyMap<string, readonly string[]>): string | undefined {
  const inner = withoutNullish(type);
  if (inner === undefined || !ts.isTypeReferenceNode(inner) || inner.typeArguments !== undefined) return undefined;
  const name = lastName(inner.typeName);
  return lists.has(name) ? name : undefined;
}

/** `boolean`, or a union that holds it (`boolean | Variant`). */
function holdsBoolean(type: ts.TypeNode): boolean {
  if (ts.isParenthesizedTypeNode(type)) return holdsBoolean(type.type);
  if (ts.isUnionTypeNode(type)) return type.types.some(holdsBoolean);
  return type.kind === ts.SyntaxKind.BooleanKeyword;
}

function lastName(name: ts.EntityName): string {
  return ts.isIdentifier(name) ? name.text : name.right.text;
}
