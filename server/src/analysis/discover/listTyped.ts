// Evidence in a team's declared types, for code that checks flags through no SDK at all (its own store, an edge
// config): a list of flags (a union or enum named for flags) that keys a boolean record. A function declared to
// return that record (`getFeatureFlags(): Promise<Record<BetaFeatures, boolean>>`) is a bag function; a property
// declared with it (`flags?: { [key in BetaFeatures]: boolean }`) is a bag object that holds only the list's keys
// (as a property typed by a registry interface is, see typedBags.ts). A function with no declared return type is read
// by what it returns: a variable declared as the record (`const teamFeatures: Record<BetaFeatures, boolean>`) makes it a
// bag function, and one returned as a property (`return { features }`, the data of `useSWR<Record<…>>`) makes that
// property a bag object; a variable fetched as an inline object of booleans, each a key of the list (`useSWR<{ tokens:
// boolean }>('/api/feature-flags')`), is a bag object of those keys. And a property of an options parameter typed by the list (`withWorkspace(handler, { featureFlag }: { featureFlag?:
// BetaFeatures })`) holds the key of a check at every call that passes it. Lists named for "features" are often
// pricing (`PlanFeature`), so the name of the function, property or option must say flag, toggles, experiment, feature toggle or
// feature gate, unless the list's own name says so and it lists more than one key (a lone literal is a discriminant).

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { ownTypeMembers } from '../scan/origins';
import { callParameters } from '../scan/values';
import { optionSaysNotEvaluating } from '../callNames';
import { booleanPropertiesOf, boundNames, typeOfBinding } from '../fetchedTypes';
import { registryCandidates } from '../registry';
import type { UserPattern } from '../types';
import { nameWords, saysItListsFlags } from './registries';
import type { SourceTrees } from './sourceTrees';
import { switchLists } from './switchLists';
import { elementTypeOf, holdsBoolean, RECORD_WRAPPERS, withoutNullish } from './typeText';
import type { DiscoveredAt, DiscoveredBag, DiscoveredWrapper } from './types';
import { functionName, ownReturns } from './functions';
import { GENERIC_NAMES, isTestFile, ordinal } from './wrappers';

// Words that say flags whatever else a name says; "feature" alone does not (plan features, product features), nor
// "gate" alone (a column gated by the plan) or "toggle" alone (a switch in the interface, `toggle?: Toggle`), but
// "feature gate" and "feature toggle" do.
const FLAG_WORDS = new Set(['flag', 'flags', 'toggles', 'experiment', 'experiments']);
const FEATURE_PAIR_WORDS = new Set(['gate', 'gates', 'toggle', 'switch', 'switches']);
// A type or enum declaration whose name may say it lists flags: the cheap text test before a file is parsed.
const FLAG_NAMED_LIST = /\b(?:enum|type)\s+([\w$]*(?:flag|feature|toggle|experiment|gate)[\w$]*)/gi;
// An inline object type of booleans, as a type argument or a variable's type (`useSWR<{ tokens: boolean }>(`): the
// cheap text test for a file that names no list but may fetch a subset of one.
const BOOLEAN_TYPE_LITERAL = /[<:]\s*\{\s*[\w$]+\??\s*:\s*boolean\s*[;,}]/;

/** The bags and option wrappers the declared types give. */
export interface TypedEvidence {
  readonly wrappers: DiscoveredWrapper[];
  readonly bags: DiscoveredBag[];
}

/** Reads the lists of flags the workspace declares, then the declarations typed by them (tests and mocks aside). */
export function typedFlagEvidence(root: string, trees: SourceTrees): TypedEvidence {
  const lists = flagLists(root, trees);
  // Lists of switches (see switchLists.ts): a property typed by one is a bag of its switches.
  const switches = switchLists(root, trees);
  if (lists.size === 0 && switches.size === 0) return { wrappers: [], bags: [] };
  const names = [...lists.keys(), ...switches.keys()];
  // A file is parsed only when it writes a list's name where a type is: `Record<L,`, `in L]`, `: L`, `| L`, `: types.L`.
  const alternatives = names.map((name) => name.replace(/\$/g, '\\$')).join('|');
  const typedText = new RegExp(`(?:Record<\\s*|\\bin\\s+|[:|]\\s*)(?:[\\w$]+\\.)?(?:${alternatives})\\b`);
  const wrappers = new Map<string, DiscoveredWrapper>();
  const bags = new Map<string, DiscoveredBag>();
  const addBag = (spec: string, at: DiscoveredAt, type: string, list: string, how: { returned?: boolean; keys?: readonly string[] } = {}): void => {
    const known = bags.get(spec);
    const returned = how.returned === true ? { returned: true } : {};
    if (spec.endsWith('()')) {
      // A bag function is found by its own name: what it returns is the flags, whatever property is read.
      if (known === undefined) bags.set(spec, { spec, at, typedBy: list, declaredAs: type, ...returned });
      return;
    }
    // The same property declared in several types, each keyed by its own list: it holds the keys of every one.
    const keys = [...new Set([...(known?.keys ?? []), ...(how.keys ?? lists.get(list) ?? [])])];
    bags.set(spec, known === undefined ? { spec, at, typedBy: list, declaredAs: type, ...returned, keys } : { ...known, keys });
  };
  for (const source of trees.sources) {
    // A file that does not name a list can hold only a subset of one, written inline.
    const namesList = trees.names(source, names) && typedText.test(source.text);
    if (!namesList && !BOOLEAN_TYPE_LITERAL.test(source.text)) continue;
    const file = posix.relative(root, source.file);
    if (isTestFile(file)) continue;
    const sourceFile = trees.tree(source);
    const at = (node: ts.Node): DiscoveredAt => ({ file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1 });
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node)) {
        const subset = subsetFetched(node, lists);
        if (subset !== undefined) addBag(subset.name, at(node), subset.type.getText(sourceFile), subset.list, { keys: subset.keys });
      } else if (namesList && ts.isFunctionLike(node)) {
        const name = functionName(node);
        if (name !== undefined && !GENERIC_NAMES.has(name)) {
          const list = node.type === undefined ? undefined : flagRecordOf(node.type, lists);
          if (list !== undefined && node.type !== undefined && namesFlags(name, list, lists)) {
            addBag(`${name}()`, at(node), node.type.getText(sourceFile), list);
          }
          if (node.type === undefined) {
            // No declared return type: what its return statements give, as declared where they are bound.
            const returned = returnedRecords(node, lists);
            if (returned.whole !== undefined && namesFlags(name, returned.whole.list, lists)) addBag(`${name}()`, at(node), returned.whole.type.getText(sourceFile), returned.whole.list, { returned: true });
            for (const property of returned.properties) {
              // The hook's name may be what says flags: `useFeatureFlags()` returns `{ features, isLoading }`.
              if (namesFlags(name, property.list, lists) || namesFlags(property.name, property.list, lists)) addBag(property.name, at(node), property.type.getText(sourceFile), property.list, { returned: true });
            }
          }
          const option = wrappers.has(name) ? undefined : optionTypedByList(node, sourceFile, lists);
          if (option !== undefined) {
            const pattern: UserPattern = { callee: name, keyArg: option.index, keyPath: [option.property] };
            const reason = `its ${ordinal(option.index + 1)} parameter's ${option.property} is typed ${option.list}, and ${option.list} lists flags`;
            wrappers.set(name, { pattern, at: at(node), reason, evidence: 'typed', level: 0 });
          }
        }
      } else if (namesList && (ts.isPropertySignature(node) || ts.isPropertyDeclaration(node)) && node.type !== undefined) {
        const property = ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : undefined;
        const list = property === undefined ? undefined : flagRecordOf(node.type, lists);
        const switchList = property === undefined ? undefined : listOf(node.type, switches);
        if (property !== undefined && /^[A-Za-z_$][\w$]*$/.test(property) && list !== undefined && namesFlags(property, list, lists)) {
          addBag(property, at(node), node.type.getText(sourceFile), list);
        } else if (property !== undefined && /^[A-Za-z_$][\w$]*$/.test(property) && switchList !== undefined) {
          addBag(property, at(node), node.type.getText(sourceFile), switchList, { keys: switches.get(switchList) });
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
  return saysFlag(name) || (saysFlag(list) && (lists.get(list)?.length ?? 0) > 1);
}

function saysFlag(text: string): boolean {
  return nameWords(text).some((word, index, words) => FLAG_WORDS.has(word) || (FEATURE_PAIR_WORDS.has(word) && words[index - 1] === 'feature'));
}

/** A record of flags a function without a declared return type gives back: whole, or as properties of the object it returns. */
interface ReturnedRecords {
  readonly whole?: TypedBy;
  readonly properties: ReadonlyArray<TypedBy & { readonly name: string }>;
}

/** A list of flags, and the type written with it. */
interface TypedBy {
  readonly list: string;
  readonly type: ts.TypeNode;
}

/**
 * What a function's return statements give that is declared a record of flags where it is bound: `return
 * teamFeatures` of `const teamFeatures: Record<BetaFeatures, boolean> = …`, `return { features, isLoading }` of
 * `const { data: features } = useSWR<Record<BetaFeatures, boolean>>(…)`. Only the function's own statements are read.
 */
function returnedRecords(node: ts.SignatureDeclaration, lists: ReadonlyMap<string, readonly string[]>): ReturnedRecords {
  if (!(ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node))) return { properties: [] };
  const returned = ownReturns(node);
  if (returned.length === 0) return { properties: [] };
  const body = (node as ts.FunctionLikeDeclaration).body;
  const declarations: ts.VariableDeclaration[] = [];
  const collect = (child: ts.Node): void => {
    if (ts.isFunctionLike(child) || ts.isClassLike(child)) return;
    if (ts.isVariableDeclaration(child)) declarations.push(child);
    ts.forEachChild(child, collect);
  };
  if (body !== undefined && ts.isBlock(body)) ts.forEachChild(body, collect);
  const recordOf = (expression: ts.Expression): TypedBy | undefined => {
    const inner = unwrapped(expression);
    if (ts.isAsExpression(inner) || ts.isSatisfiesExpression(inner)) return typedBy(inner.type, lists);
    if (!ts.isIdentifier(inner)) return undefined;
    for (const declaration of declarations) {
      const type = typeOfBinding(declaration, inner.text);
      if (type !== undefined) return typedBy(type, lists);
    }
    return undefined;
  };
  let whole: TypedBy | undefined;
  const properties: Array<TypedBy & { name: string }> = [];
  for (const expression of returned) {
    const inner = unwrapped(expression);
    if (!ts.isObjectLiteralExpression(inner)) {
      whole ??= recordOf(inner);
      continue;
    }
    for (const property of inner.properties) {
      const value = ts.isShorthandPropertyAssignment(property) ? property.name : ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) ? property.initializer : undefined;
      const record = value === undefined ? undefined : recordOf(value);
      if (record !== undefined && property.name !== undefined && ts.isIdentifier(property.name)) properties.push({ ...record, name: property.name.text });
    }
  }
  return { whole, properties };
}

/** The type a record of flags is written with, and its list; undefined for any other type. */
function typedBy(type: ts.TypeNode, lists: ReadonlyMap<string, readonly string[]>): TypedBy | undefined {
  const list = flagRecordOf(type, lists);
  return list === undefined ? undefined : { list, type };
}

/** A subset of a list of flags a variable is fetched as, with the name that reads it. */
interface FetchedSubset {
  readonly name: string;
  readonly list: string;
  readonly keys: readonly string[];
  readonly type: ts.TypeNode;
}

/**
 * A variable typed by an inline object of booleans whose properties are all keys of one list of flags (`const { data:
 * features } = useSWR<{ tokens: boolean }>('/api/feature-flags?…')`): a bag of those keys, when its name or the text of
 * the call's first argument (the flags' endpoint) says flags.
 */
function subsetFetched(declaration: ts.VariableDeclaration, lists: ReadonlyMap<string, readonly string[]>): FetchedSubset | undefined {
  for (const name of boundNames(declaration)) {
    const type = typeOfBinding(declaration, name);
    const keys = type === undefined ? undefined : booleanPropertiesOf(type);
    if (type === undefined || keys === undefined) continue;
    const list = [...lists].find(([, listed]) => listed.length > 1 && keys.every((key) => listed.includes(key)))?.[0];
    if (list !== undefined && (saysFlag(name) || saysFlag(firstArgumentText(declaration.initializer)))) return { name, list, keys, type };
  }
  return undefined;
}

/** The text of a call's first argument when it is a string or a template (its parts outside the holes); empty otherwise. */
function firstArgumentText(initializer: ts.Expression | undefined): string {
  const inner = initializer === undefined ? undefined : unwrapped(initializer);
  const argument = inner !== undefined && ts.isCallExpression(inner) ? inner.arguments[0] : undefined;
  if (argument === undefined) return '';
  if (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument)) return argument.text;
  return ts.isTemplateExpression(argument) ? [argument.head.text, ...argument.templateSpans.map((span) => span.literal.text)].join(' ') : '';
}

/** The expression inside parentheses, `await` and `!`. */
function unwrapped(expression: ts.Expression): ts.Expression {
  if (ts.isParenthesizedExpression(expression) || ts.isAwaitExpression(expression) || ts.isNonNullExpression(expression)) return unwrapped(expression.expression);
  return expression;
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
    if (RECORD_WRAPPERS.has(name) && args.length === 1) return flagRecordOf(args[0], lists);
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
  for (const [index, parameter] of callParameters(node).entries()) {
    const type = parameter.type ?? (index === 0 ? componentPropsOf(node) : undefined);
    const members = type === undefined ? undefined : membersOf(type, sourceFile);
    for (const member of members ?? []) {
      if (!ts.isPropertySignature(member) || member.type === undefined || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) continue;
      // A list of its keys (`flags: FlagKey[]`) holds keys too: each one written there is a check.
      const list = listOf(elementTypeOf(member.type), lists);
      // Not an option that says it changes the flags it holds (`excludeFeatureFlags`).
      if (list !== undefined && namesFlags(member.name.text, list, lists) && !optionSaysNotEvaluating(member.name.text)) return { index, property: member.name.text, list };
    }
  }
  return undefined;
}

// The types of a React component that say what its props are: `React.FC<Props>`, `FunctionComponent<Props>`.
const COMPONENT_TYPES = new Set(['FC', 'FunctionComponent', 'VFC', 'VoidFunctionComponent']);
// Wrappers of a props type that keep its members: `React.FC<React.PropsWithChildren<Props>>`.
const PROPS_WRAPPERS = new Set(['PropsWithChildren', 'PropsWithoutRef']);

/** The props type of a component declared with it (`const Badge: React.FC<BadgeProps> = ({ flags }) => …`), for its untyped props parameter. */
function componentPropsOf(node: ts.SignatureDeclaration): ts.TypeNode | undefined {
  const declaration = node.parent;
  if (!ts.isVariableDeclaration(declaration) || declaration.initializer !== node || declaration.type === undefined || !ts.isTypeReferenceNode(declaration.type)) return undefined;
  const typeName = declaration.type.typeName;
  if (!COMPONENT_TYPES.has(ts.isIdentifier(typeName) ? typeName.text : typeName.right.text) || declaration.type.typeArguments?.length !== 1) return undefined;
  let props = declaration.type.typeArguments[0];
  while (ts.isTypeReferenceNode(props) && props.typeArguments?.length === 1 && PROPS_WRAPPERS.has(ts.isIdentifier(props.typeName) ? props.typeName.text : props.typeName.right.text)) props = props.typeArguments[0];
  return props;
}


/** The members of a parameter's object type: a type literal, or an interface or type literal declared at the top of the file. */
function membersOf(type: ts.TypeNode, sourceFile: ts.SourceFile): readonly ts.TypeElement[] | undefined {
  const inner = withoutNullish(type);
  return inner === undefined ? undefined : ownTypeMembers(sourceFile, inner);
}

/** The list a type names (`BetaFeatures`, `BetaFeatures | undefined`), when it is one of `lists`. */
function listOf(type: ts.TypeNode, lists: ReadonlyMap<string, readonly string[]>): string | undefined {
  const inner = withoutNullish(type);
  if (inner === undefined || !ts.isTypeReferenceNode(inner) || inner.typeArguments !== undefined) return undefined;
  const name = lastName(inner.typeName);
  return lists.has(name) ? name : undefined;
}

function lastName(name: ts.EntityName): string {
  return ts.isIdentifier(name) ? name.text : name.right.text;
}
