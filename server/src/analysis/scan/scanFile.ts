// One file's scan: the walk over its tree, which hands each node to the check finder (checks.ts) or to the
// bindings (bindings.ts), then completes the keys (completeChecks.ts) and reads the exports.

import { ts } from 'ts-morph';
import type { PatternSet } from '../patterns';
import { addDestructuredBagChecks, bagSourceOf, selectorOfBag, visitBagAccess } from './bagReads';
import { declareAwaitedAllBags, declareDestructuredBags, declareTypedSubsetBag } from './destructuredBags';
import { calleeNameRegex, patternIndex, visitCall, visitJsxElement, visitMarkupElement } from './checks';
import { dependencyListOf, dependencyReadsOf } from './dependencyLists';
import { declare, declareAssignedMember, declareEveryKey, declareList, declareOpaqueNames, declareProps, declareRows, declareStatement, defaultNameOf, isScope, lookupBinding } from './bindings';
import { iteratedList } from './tableRows';
import { assertedType, declaredOrigin, declareFunction, declareTypedMembers, injectedOrigin, methodOrigin, typedOrigin, wrapsFunction } from './origins';
import { completeChecks } from './completeChecks';
import { collectExports, collectMemberOrigins, collectTypeExports, decoratorCall } from './exports';
import { inSourceOrder, scanFlagFunctions, type FlagFunctionScan } from './flagFunctions';
import { visitFlagOptions } from './flagOptions';
import { importsConsoleSdk, visitConsoleExtensionFlags } from './consoleExtensionFlags';
import { mayListConsoleFlags } from '../patterns/openshift';
import { localOverrideReads } from './localOverrides';
import { flagOptionPatterns, writesFlagOption } from '../patterns/options';
import { mentionsEnvironmentSwitch, scanEnvironmentSwitches, type SwitchScan } from './environmentSwitches';
import { mayDeclareEnvironmentSwitch } from '../prefilter';
import { isSkeleton, parseSkeleton, parseSource } from './parse';
import { withRenamedImports } from './renamedImports';
import { emberFeatureReads } from './emberFeatures';
import { mayReadEmberFeatures } from '../patterns/ember';
import { visitScriptsFirst } from './componentWalk';
import { inlineTemplatesText, mayHoldInlineTemplate } from '../angular';
import { inlineTemplateFileName, markupElementReader } from '../components';
import type { FileScan, Origin, ScanState } from './types';
import { optionProps } from '../vueComponents';
import type { Span } from '../types';
import { callParameters, evaluate, isConstruction, isDefinedProps, isParameterProperty, isThisProps, loadsModule, memberOf, propertyNameText, thisAssignments, unwrap } from './values';

// ts-morph re-exports the compiler API through getters (`ts.SyntaxKind.X` is several calls), which cost
// a fifth of the walk's time; the hot paths read these once, here and at the top of each module of the walk.
const {
  NodeFlags, SyntaxKind, forEachChild, getModifiers, isArrayBindingPattern, isArrayLiteralExpression, isConstructorDeclaration, isExpressionStatement, isForOfStatement,
  isFunctionDeclaration, isFunctionLike, isIdentifier, isMethodDeclaration, isObjectBindingPattern, isPropertyAccessExpression, isPropertyDeclaration,
  isVariableDeclaration, isVariableStatement,
} = ts;

/**
 * Finds the flag checks in one file and what it exports for other files' keys. Never throws: code with
 * syntax errors is scanned as far as the parser recovers. `parsed`, when given, is the tree of this very text.
 */
export function scanFile(fileName: string, text: string, filePatterns: PatternSet, parsed?: ts.SourceFile): FileScan {
  const patterns = withRenamedImports(text, filePatterns);
  // A file that reads a switch is walked whole, so that a local of its name shadows it.
  const mayHaveChecks = calleeNameRegex(patterns).test(text) || mentionsEnvironmentSwitch(text, patterns) || writesFlagOption(text, patterns) || mayListConsoleFlags(text);
  const readsEmberFeatures = mayReadEmberFeatures(text);
  if (!mayHaveChecks && !text.includes('export') && !mayDeclareEnvironmentSwitch(text) && !readsEmberFeatures) {
    return { fileName, checks: [], importedKeys: [], exports: {}, starExports: [] };
  }
  const sourceFile = parsed ?? parseSkeleton(fileName, text, patterns) ?? parseSource(fileName, text);
  const state = newState(sourceFile, text, patterns);
  // An options component's props are what `this` holds of its element's (`this.name` for `<feature-flag name="x">`).
  if (state.markupElement !== undefined) for (const prop of optionProps(sourceFile)) declare(state, `this.${prop}`, undefined, undefined, { type: undefined });
  if (mayHaveChecks) {
    // A component's markup is walked after its script, whose top-level names it reads (see componentWalk.ts).
    if (!visitScriptsFirst(state, sourceFile, visit)) visit(state, sourceFile, undefined);
  } else {
    // Without a callee name there is no check; only the top-level declarations that exports name matter.
    state.scopes.push({ start: sourceFile.pos, end: sourceFile.end });
    for (const statement of sourceFile.statements) {
      if (isVariableStatement(statement)) declareVariables(state, statement.declarationList);
      else if (isFunctionDeclaration(statement)) declareFunction(state, statement, undefined);
      else if (isExpressionStatement(statement)) declareAssignedMember(state, statement);
      else declareStatement(state, statement);
    }
  }
  // ember-feature-flags' service is read as Ember reads any property, through the class that injects it.
  if (readsEmberFeatures) emberFeatureReads(state);
  const completed = completeChecks(state);
  // A client getter without a declared type (`getServerClient = async () => { ...; return ldClient }`) is followed
  // through its returns, which a skeleton may have blanked.
  if (state.blankedReturns === true && isSkeleton(sourceFile)) return scanFile(fileName, text, patterns, parseSource(fileName, text));
  const withFunctions = scanFlagFunctions(state, completed, patterns);
  // A skeleton blanks the bodies that call a flag function declared here (their name is no flag-call name).
  if (withFunctions?.declares === true && isSkeleton(sourceFile)) return scanFile(fileName, text, patterns, parseSource(fileName, text));
  const switchScan = scanEnvironmentSwitches(state, patterns, withFunctions ?? completed);
  // A skeleton blanks the class bodies and functions that declare or read a switch.
  if (switchScan !== undefined && isSkeleton(sourceFile)) return scanFile(fileName, text, patterns, parseSource(fileName, text));
  const found = inSourceOrder(withInlineTemplates(fileName, text, filePatterns, withLocalOverrides(state, withSwitchReads(text, withFunctions ?? { ...completed, declares: false }, switchScan))));
  const { checks, importedKeys, importedKeyTypes, evidenceImports } = found;
  const { exports, starExports, origins } = collectExports(state);
  const typeExports = collectTypeExports(state);
  const memberOrigins = collectMemberOrigins(state);
  return {
    fileName, checks, importedKeys, exports, starExports,
    ...(importedKeyTypes.length > 0 ? { importedKeyTypes } : {}),
    ...(typeExports ? { typeExports } : {}),
    ...(evidenceImports.length > 0 ? { evidenceImports } : {}),
    ...(origins ? { origins } : {}),
    ...(memberOrigins ? { memberOrigins } : {}),
    ...(found.flagFunctions !== undefined && Object.keys(found.flagFunctions).length > 0 ? { flagFunctions: found.flagFunctions } : {}),
    ...(found.flagFunctionCalls !== undefined && found.flagFunctionCalls.length > 0 ? { flagFunctionCalls: found.flagFunctionCalls } : {}),
    ...(switchScan?.switches ? { switches: switchScan.switches } : {}),
  };
}

/**
 * The checks with those of a component script's inline templates added, read as a template file is (see
 * `inlineTemplatesText`), each marked so (`inTemplate`).
 */
function withInlineTemplates(fileName: string, text: string, patterns: PatternSet, found: FlagFunctionScan): FlagFunctionScan {
  const templates = mayHoldInlineTemplate(fileName, text) ? inlineTemplatesText(text) : undefined;
  if (templates === undefined) return found;
  const scan = scanFile(inlineTemplateFileName(fileName), templates, patterns);
  if (scan.checks.length === 0) return found;
  const offset = found.checks.length;
  const moved = <T extends { checkIndex: number }>(entries: readonly T[] | undefined): T[] => (entries ?? []).map((entry) => ({ ...entry, checkIndex: entry.checkIndex + offset }));
  return {
    ...found,
    checks: [...found.checks, ...scan.checks.map((check) => ({ ...check, inTemplate: true as const }))],
    importedKeys: [...found.importedKeys, ...moved(scan.importedKeys)],
    importedKeyTypes: [...found.importedKeyTypes, ...moved(scan.importedKeyTypes)],
    evidenceImports: [...found.evidenceImports, ...moved(scan.evidenceImports)],
  };
}

/**
 * The checks with the reads of environment switches added (scanFile puts them all in source order). A switch read as a
 * check's default (`serviceVariation('pcq', toBoolean(config.get('featureToggles.pcq')))`) is what the check falls back
 * to when its backend cannot answer, and one read in a flag's declaration (`flag({ key, decide() { return
 * takeLocalEnv('X_FLAG') } })`) is how the flag decides: neither is a gate of its own.
 */
function withSwitchReads(text: string, found: FlagFunctionScan, switchScan: SwitchScan | undefined): FlagFunctionScan {
  if (switchScan === undefined || switchScan.checks.length === 0) return found;
  const inside: Span[] = [];
  for (const check of found.checks) {
    if (check.declaration === true) inside.push(check.callSpan);
    if (check.defaultValueText === undefined) continue;
    const start = text.indexOf(check.defaultValueText, check.keySpan.end);
    if (start >= 0 && start < check.callSpan.end) inside.push({ start, end: start + check.defaultValueText.length });
  }
  const gates = switchScan.checks.filter((read) => !inside.some((span) => read.callSpan.start >= span.start && read.callSpan.end <= span.end));
  return { ...found, checks: [...found.checks, ...gates] };
}

/** The checks with the reads of their flags' local overrides added (see localOverrides.ts). */
function withLocalOverrides(state: ScanState, found: FlagFunctionScan): FlagFunctionScan {
  const reads = localOverrideReads(state, found);
  return reads.length === 0 ? found : { ...found, checks: [...found.checks, ...reads] };
}

/** An empty walk state for `sourceFile`, whose text is `text`. */
export function newState(sourceFile: ts.SourceFile, text: string, patterns: PatternSet): ScanState {
  const clientParameters = patterns.clientParameters?.filter((parameter) => parameter.file === sourceFile.fileName);
  const flagOptions = flagOptionPatterns(patterns);
  const markupElement = markupElementReader(sourceFile.fileName);
  return {
    ...(flagOptions === undefined ? {} : { flagOptions }),
    ...(mayListConsoleFlags(text) && importsConsoleSdk(sourceFile) ? { consoleExtensionFlags: true as const } : {}),
    ...(markupElement === undefined ? {} : { markupElement }),
    ...(clientParameters !== undefined && clientParameters.length > 0 ? { clientParameters, clientFunctions: new Map<ts.Node, string>() } : {}),
    sourceFile,
    text,
    patternsByName: patternIndex(patterns),
    bindings: new Map(),
    scopes: [],
    drafts: [],
    objectBags: patterns.objectBags ?? [],
    ...(readsBagAccessors(patterns) ? { accessorBags: true as const } : {}),
    ...(patterns.registryProperties === undefined ? {} : { registryProperties: patterns.registryProperties }),
    typeAliases: new Map(),
  };
}

// Whether any pattern reads a bag's accessors, asked of each file scanned and answered once for each set of patterns.
const bagAccessorSets = new WeakMap<PatternSet, boolean>();

function readsBagAccessors(patterns: PatternSet): boolean {
  let reads = bagAccessorSets.get(patterns);
  if (reads === undefined) {
    reads = patterns.patterns.some((pattern) => pattern.bagAccessors === true) || patterns.objectBags?.some((bag) => bag.pattern.bagAccessors === true) === true;
    bagAccessorSets.set(patterns, reads);
  }
  return reads;
}

/**
 * Walks a node and its children in source order, recording checks and bindings in `state`. Iterative: a
 * file can nest deeper than the call stack (a 20,000-term `a + b + …`, thousands of parentheses).
 */
export function visit(state: ScanState, root: ts.Node, rootParent: ts.Node | undefined): void {
  // Two stacks side by side, a node and its parent, rather than a frame object per node: the walk runs on every node of
  // every file scanned. An undefined node is the end of a scope that a visited node opened.
  const nodes: Array<ts.Node | undefined> = [root];
  const parents: Array<ts.Node | undefined> = [rootParent];
  let current: ts.Node = root;
  const pushChild = (child: ts.Node): undefined => {
    nodes.push(child);
    parents.push(current);
    return undefined;
  };
  while (nodes.length > 0) {
    const node = nodes.pop();
    const parent = parents.pop();
    if (node === undefined) {
      state.scopes.pop();
      continue;
    }
    if (isScope(node)) {
      state.scopes.push({ start: node.pos, end: node.end });
      nodes.push(undefined);
      parents.push(undefined);
    }
    visitNode(state, node, parent);
    const first = nodes.length;
    current = node;
    forEachChild(node, pushChild);
    // Children come in source order and are popped last first: reversed in place, they are visited in source order.
    for (let low = first, high = nodes.length - 1; low < high; low++, high--) {
      const child = nodes[low];
      nodes[low] = nodes[high];
      nodes[high] = child;
    }
  }
}

function visitNode(state: ScanState, node: ts.Node, parent: ts.Node | undefined): void {
  if (state.clientFunctions !== undefined && isFunctionLike(node)) nameClientFunction(state.clientFunctions, node, parent);
  switch (node.kind) {
    case SyntaxKind.CallExpression: {
      const dependencies = dependencyListOf(node as ts.CallExpression);
      if (dependencies !== undefined) for (const read of dependencyReadsOf(dependencies)) (state.dependencyReads ??= new Set()).add(read);
      visitCall(state, node as ts.CallExpression);
      const iterated = iteratedList(node as ts.CallExpression);
      if (iterated !== undefined) (state.rowCallbacks ??= new Map()).set(iterated.callback, iterated.list);
      const selected = selectorOfBag(state, node as ts.CallExpression);
      if (selected !== undefined) (state.selectorBags ??= new Map()).set(selected.selector, selected.bag);
      break;
    }
    case SyntaxKind.ObjectLiteralExpression:
      if (state.flagOptions !== undefined) visitFlagOptions(state, node as ts.ObjectLiteralExpression, parent);
      if (state.consoleExtensionFlags === true) visitConsoleExtensionFlags(state, node as ts.ObjectLiteralExpression, parent);
      break;
    case SyntaxKind.JsxOpeningElement:
    case SyntaxKind.JsxSelfClosingElement:
      visitJsxElement(state, node as ts.JsxOpeningElement | ts.JsxSelfClosingElement);
      break;
    case SyntaxKind.PropertyAccessExpression:
    case SyntaxKind.ElementAccessExpression:
      visitBagAccess(state, node as ts.PropertyAccessExpression | ts.ElementAccessExpression, parent);
      break;
    case SyntaxKind.VariableDeclarationList:
      if (parent?.kind === SyntaxKind.ForInStatement) {
        for (const declaration of (node as ts.VariableDeclarationList).declarations) if (isIdentifier(declaration.name)) declareEveryKey(state, declaration.name.text);
      } else {
        declareVariables(state, node as ts.VariableDeclarationList);
        const [declaration, ...others] = (node as ts.VariableDeclarationList).declarations;
        if (parent !== undefined && isForOfStatement(parent) && declaration !== undefined && others.length === 0) declareRows(state, declaration.name, parent.expression);
      }
      break;
    case SyntaxKind.Parameter: {
      const { name, type, initializer } = node as ts.ParameterDeclaration;
      const defaultName = defaultNameOf(initializer);
      const parameter = { type, ...(defaultName === undefined ? {} : { defaultName }) };
      const origin = typedOrigin(type);
      declareOpaqueNames(state, name, parameter, origin);
      // The first parameter of an array method's callback is each row of the list in turn.
      const rows = parent === undefined ? undefined : state.rowCallbacks?.get(parent);
      if (rows !== undefined && (parent as ts.SignatureDeclaration).parameters[0] === node) declareRows(state, name, rows, { parameter, ...(origin === undefined ? {} : { origin }) });
      if (isObjectBindingPattern(name) && type !== undefined) declareTypedMembers(state, name, type);
      // A selector's parameter given a bag function's state holds the bag: `(s) => s.x`, `({ x }) => x`.
      const selected = parent === undefined ? undefined : state.selectorBags?.get(parent);
      if (selected !== undefined && isIdentifier(name)) declare(state, name.text, undefined, selected);
      else if (selected !== undefined && isObjectBindingPattern(name)) addDestructuredBagChecks(state, selected, name);
      if (state.clientFunctions !== undefined && parent !== undefined) declareClientParameter(state, node as ts.ParameterDeclaration, parent);
      break;
    }
    case SyntaxKind.ExpressionStatement:
      if (parent?.kind !== SyntaxKind.SourceFile) break;
      declareAssignedMember(state, node as ts.ExpressionStatement);
      if (state.markupElement !== undefined) visitMarkupElement(state, node as ts.ExpressionStatement, state.markupElement);
      break;
    case SyntaxKind.FunctionDeclaration:
      // The walk has opened the function's own scope; its name belongs to the one around it.
      declareFunction(state, node as ts.FunctionDeclaration, state.scopes[state.scopes.length - 2]);
      break;
    case SyntaxKind.ClassDeclaration:
    case SyntaxKind.ClassExpression:
      declareClassMembers(state, node as ts.ClassLikeDeclaration);
      declareStatement(state, node);
      break;
    default:
      declareStatement(state, node);
  }
}

/**
 * A parameter that every call found passes an SDK's client (`PatternSet.clientParameters`), or the name its object
 * parameter's property is destructured to: declared again, over the one `declareOpaqueNames` made, with that package.
 */
function declareClientParameter(state: ScanState, node: ts.ParameterDeclaration, owner: ts.Node): void {
  const functionName = state.clientFunctions?.get(owner);
  if (functionName === undefined) return;
  const index = callParameters(owner as ts.SignatureDeclaration).indexOf(node);
  for (const client of state.clientParameters ?? []) {
    if (client.functionName !== functionName || client.parameter !== index) continue;
    const origin: Origin = { reference: { kind: 'import', specifier: client.specifier, names: [] }, how: 'passed' };
    if (client.property === undefined) {
      if (isIdentifier(node.name)) declare(state, node.name.text, undefined, undefined, { type: node.type }, origin);
      continue;
    }
    if (!isObjectBindingPattern(node.name)) continue;
    for (const element of node.name.elements) {
      const property = element.propertyName === undefined ? (isIdentifier(element.name) ? element.name.text : undefined) : propertyNameText(element.propertyName);
      if (property === client.property && element.dotDotDotToken === undefined && isIdentifier(element.name)) declare(state, element.name.text, undefined, undefined, { type: undefined }, origin);
    }
  }
}

/** Records the name a function is known by, a declaration's or the variable's it initializes, when a client parameter names it. */
function nameClientFunction(names: Map<ts.Node, string>, node: ts.Node, parent: ts.Node | undefined): void {
  const name = isFunctionDeclaration(node) ? node.name?.text
    : parent !== undefined && isVariableDeclaration(parent) && parent.initializer === node && isIdentifier(parent.name) ? parent.name.text : undefined;
  if (name !== undefined) names.set(node, name);
}

/**
 * A class's fields, constructor parameter properties and `this.name = ...` in its constructor, as `this.name`
 * bindings over the class, for the evidence of `this.client.getBooleanValue(...)`.
 */
function declareClassMembers(state: ScanState, node: ts.ClassLikeDeclaration): void {
  const scope = { start: node.pos, end: node.end };
  const declareMember = (name: ts.PropertyName | ts.BindingName, origin: Origin | undefined, isStatic = false): void => {
    if (origin === undefined || !isIdentifier(name)) return;
    declare(state, `this.${name.text}`, undefined, undefined, undefined, origin, scope);
    // A static field is named through its class as well (`LaunchDarklyClient.client.variation(…)`), in the class.
    if (isStatic && node.name !== undefined) declare(state, `${node.name.text}.${name.text}`, undefined, undefined, undefined, origin, scope);
  };
  // A field declared with an SDK's type (`private unleashClient: Unleash`) holds one whatever the constructor assigns it
  // (`unleashClient ?? unleash()`, a helper of another module): the type stays its evidence, with or without a skeleton.
  const typedFields = new Set<string>();
  for (const member of node.members) {
    if (isPropertyDeclaration(member)) {
      if (isIdentifier(member.name) && member.type !== undefined && typedOrigin(member.type) !== undefined) typedFields.add(member.name.text);
      // An Angular input (`@Input('appRemoveIfFeatureOff') featureName: string`) is what the template binds: a key read
      // from it (`this.featureName`) is decided by each use of the directive, as a parameter's is by each call.
      if (isIdentifier(member.name) && decoratorCall(member, 'Input') !== undefined) {
        declare(state, `this.${member.name.text}`, undefined, undefined, { type: member.type }, undefined, scope);
        continue;
      }
      const isStatic = getModifiers(member)?.some((modifier) => modifier.kind === SyntaxKind.StaticKeyword) ?? false;
      declareMember(member.name, declaredOrigin(state, member.initializer, member.type) ?? injectedOrigin(member), isStatic);
    } else if (isMethodDeclaration(member) && member.body !== undefined) {
      // A method that makes the client and gives it back (`this.getGrowthBook()`), called by the class's other methods.
      declareMember(member.name, methodOrigin(state, member));
    } else if (isConstructorDeclaration(member)) {
      for (const parameter of member.parameters) {
        if (!isParameterProperty(parameter)) continue;
        const origin = typedOrigin(parameter.type);
        // Any other parameter property is what the class's maker passes (`private overrides: { pollInterval: string }`):
        // a key read from it (`this.overrides.pollInterval`) is decided by each `new`, as a parameter's is by each call.
        if (origin === undefined && isIdentifier(parameter.name)) declare(state, `this.${parameter.name.text}`, undefined, undefined, { type: parameter.type }, undefined, scope);
        else declareMember(parameter.name, origin);
      }
      for (const { field, value } of thisAssignments(member)) {
        if (typedFields.has(field)) continue;
        const origin = declaredOrigin(state, value, undefined);
        // A field set from what the maker passes (`this._flagName = config.flagName`) is decided by each `new` too.
        if (passedIn(member, value)) declare(state, `this.${field}`, undefined, undefined, { type: undefined }, origin, scope);
        else if (origin !== undefined) declare(state, `this.${field}`, undefined, undefined, undefined, origin, scope);
      }
    }
  }
}

/** True when a value is one of the constructor's parameters, or a member of one (`config.flagName`). */
function passedIn(constructor: ts.ConstructorDeclaration, value: ts.Expression): boolean {
  let root = unwrap(value);
  while (isPropertyAccessExpression(root)) root = unwrap(root.expression);
  return isIdentifier(root) && constructor.parameters.some((parameter) => isIdentifier(parameter.name) && parameter.name.text === (root as ts.Identifier).text);
}

/**
 * The names destructured from `this` where it holds a parameter (`const { name } = this` in a component whose `this.name`
 * is a prop, or in a class whose constructor keeps it): parameters themselves, the others opaque. False, having declared
 * nothing, when `this` holds no parameter of those names.
 */
function declareHeldParameters(state: ScanState, pattern: ts.ObjectBindingPattern): boolean {
  const held = pattern.elements.map((element) => {
    const member = element.propertyName === undefined ? (isIdentifier(element.name) ? element.name.text : undefined) : propertyNameText(element.propertyName);
    return element.dotDotDotToken === undefined && member !== undefined ? lookupBinding(state, `this.${member}`, element.pos)?.parameter : undefined;
  });
  if (held.every((parameter) => parameter === undefined)) return false;
  pattern.elements.forEach((element, index) => {
    const parameter = held[index];
    if (parameter !== undefined && isIdentifier(element.name)) declare(state, element.name.text, undefined, undefined, parameter);
    else declareOpaqueNames(state, element.name);
  });
  return true;
}

function declareVariables(state: ScanState, list: ts.VariableDeclarationList): void {
  const isConst = (list.flags & NodeFlags.BlockScoped) === NodeFlags.Const;
  for (const declaration of list.declarations) {
    const bag = declaration.initializer === undefined ? undefined : bagSourceOf(state, declaration.initializer);
    const name = declaration.name;
    if (bag !== undefined) {
      if (isObjectBindingPattern(name)) addDestructuredBagChecks(state, bag, name);
      if (isIdentifier(name)) declare(state, name.text, undefined, bag);
      else declareOpaqueNames(state, name);
      continue;
    }
    if (isObjectBindingPattern(name) && declaration.initializer !== undefined && declareDestructuredBags(state, name, declaration.initializer)) continue;
    if (declareTypedSubsetBag(state, declaration)) continue;
    if (isArrayBindingPattern(name) && declaration.initializer !== undefined && declareAwaitedAllBags(state, name, declaration.initializer)) continue;
    if (isObjectBindingPattern(name) && declaration.initializer !== undefined && (isThisProps(declaration.initializer) || isDefinedProps(declaration.initializer))) {
      declareProps(state, name);
      continue;
    }
    if (isObjectBindingPattern(name) && declaration.initializer?.kind === SyntaxKind.ThisKeyword && declareHeldParameters(state, name)) continue;
    // A Vue component's props (`const props = defineProps<{ name: string }>()`) are its parameters: a key read from them is dynamic.
    if (isIdentifier(name) && declaration.initializer !== undefined && isDefinedProps(declaration.initializer)) {
      declare(state, name.text, undefined, undefined, { type: undefined });
      continue;
    }
    // A module `require`d is one whatever the declaration (`var LaunchDarkly = require('launchdarkly-node-server-sdk')`).
    const value = declaration.initializer !== undefined && (isConst || loadsModule(declaration.initializer)) ? evaluate(declaration.initializer) : undefined;
    if (isIdentifier(name)) {
      // An object made by `new` may be an SDK's client (`new Unleash(…)`) as well as a record of keys; a value asserted to
      // be of a type (`locals.client as LDClient`) is one of it; a function made of another (`memoize(async () => client)`)
      // gives what that one gives.
      const typedHere = value === undefined || isConstruction(value)
        || (declaration.initializer !== undefined && (assertedType(declaration.initializer) !== undefined || wrapsFunction(declaration.initializer)));
      const origin = typedHere ? declaredOrigin(state, declaration.initializer, declaration.type) : undefined;
      const list = isConst && declaration.initializer !== undefined ? unwrap(declaration.initializer) : undefined;
      if (list !== undefined && isArrayLiteralExpression(list)) declareList(state, name.text, list, origin);
      else declare(state, name.text, value, undefined, undefined, origin);
    } else if (isObjectBindingPattern(name) && value !== undefined) {
      // `const { NEW_CHECKOUT } = FLAGS`
      for (const element of name.elements) {
        const memberName = element.propertyName === undefined ? undefined : propertyNameText(element.propertyName);
        if (element.dotDotDotToken === undefined && isIdentifier(element.name)) {
          declare(state, element.name.text, memberOf(value, memberName ?? element.name.text));
        } else {
          declareOpaqueNames(state, element.name);
        }
      }
    } else {
      declareOpaqueNames(state, name, undefined, declaredOrigin(state, declaration.initializer, declaration.type));
    }
  }
}
