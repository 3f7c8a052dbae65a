// Parameters that hold an SDK's client although nothing in their function says so (`client: any`, no type): when
// every call of the function found in the workspace passes a value with the SDK's evidence (`useLDClient()`, a
// name made from it), the parameter is that SDK's client, and calls on it inside the function are checks. The
// scan reads one file; the calls are in others, so discovery decides and the scan takes it as evidence.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { callParameters } from '../scan/values';
import { calleeLastName, isFromPackages, type ClientParameter } from '../patterns';
import { resolveModulePath, vendorPackageOfReference, type ModuleHost } from '../resolve';
import { escapeRegex } from '../regex';
import { valueOrigins, type FileScan } from '../scan';
import type { SourceTrees } from './sourceTrees';
import type { DiscoveredAt, DiscoveredClient, SourceText } from './types';
import { isTestFile } from './wrappers';

// Enough for the functions of a real workspace that take an untyped client; past these, the rest are not followed,
// so that discovery's cost stays bounded whatever the code.
const MAX_CANDIDATES = 64;
const MAX_CALLER_FILES = 32;

/** A function's parameter on which a preset's method is called, with the packages those presets accept. */
interface Candidate {
  readonly source: SourceText;
  readonly functionName: string;
  readonly parameter: number;
  readonly property?: string;
  readonly packages: Set<string>;
  readonly at: DiscoveredAt;
}

/** The parameters of the workspace's functions that every call found passes an SDK's client. */
export function clientParameters(root: string, trees: SourceTrees, resolvePackage: ModuleHost['resolvePackage']): DiscoveredClient[] {
  const methods = presetMethods(trees);
  // From the method to the receiver, backwards: a pattern starting at the receiver's name would be tried at every letter.
  const methodCall = new RegExp(`\\.\\s*(?:${[...methods.keys()].map(escapeRegex).join('|')})\\s*\\(`, 'g');
  const candidates: Candidate[] = [];
  for (const source of trees.sources) {
    if (candidates.length >= MAX_CANDIDATES) break;
    if (isTestFile(posix.relative(root, source.file)) || !trees.mayHoldChecks(source, trees.base) || !mayTakeUntypedReceiver(source.text, methodCall)) continue;
    candidates.push(...candidatesIn(root, source, trees, methods));
  }
  if (candidates.length === 0) return [];
  const host: ModuleHost = { fileExists: (file) => trees.byFile.has(file), ...(resolvePackage ? { resolvePackage } : {}) };
  const scanOf = (file: string): FileScan | undefined => {
    const source = trees.byFile.get(file);
    return source === undefined ? undefined : trees.scan(source, trees.base);
  };
  const found: DiscoveredClient[] = [];
  for (const candidate of candidates.slice(0, MAX_CANDIDATES)) {
    const specifier = passedClient(root, candidate, trees, host, scanOf);
    if (specifier === undefined) continue;
    found.push({
      at: candidate.at, file: candidate.source.file, function: candidate.functionName, parameter: candidate.parameter, specifier,
      ...(candidate.property === undefined ? {} : { property: candidate.property }),
      reason: `every call found passes one from ${specifier}`,
    });
  }
  return found;
}

/** The discovered client parameters as the scan takes them. */
export function clientParametersOf(clients: readonly DiscoveredClient[]): ClientParameter[] {
  return clients.map((client) => ({
    file: client.file, functionName: client.function, parameter: client.parameter, specifier: client.specifier,
    ...(client.property === undefined ? {} : { property: client.property }),
  }));
}

/** The presets' method names that need a receiver's evidence, with the packages each accepts. */
function presetMethods(trees: SourceTrees): Map<string, Set<string>> {
  const methods = new Map<string, Set<string>>();
  for (const pattern of trees.base.patterns) {
    if (pattern.kind !== 'call' || pattern.packages === undefined) continue;
    const name = calleeLastName(pattern.callee);
    if (!/^[\w$]+$/.test(name)) continue;
    let packages = methods.get(name);
    if (packages === undefined) methods.set(name, packages = new Set());
    for (const specifier of pattern.packages) packages.add(specifier);
  }
  return methods;
}

/** A text test: a preset's method is called on a name that is written where a parameter without a type, or typed `any`, may be. */
function mayTakeUntypedReceiver(text: string, methodCall: RegExp): boolean {
  methodCall.lastIndex = 0;
  const receivers = new Set<string>();
  for (let match = methodCall.exec(text); match !== null; match = methodCall.exec(text)) {
    let end = match.index;
    if (text[end - 1] === '?') end--;
    while (end > 0 && /\s/.test(text[end - 1])) end--;
    let start = end;
    while (start > 0 && /[\w$]/.test(text[start - 1])) start--;
    if (start < end) receivers.add(text.slice(start, end));
  }
  for (const receiver of receivers) {
    const name = escapeRegex(receiver);
    if (new RegExp(`[(,{]\\s*${name}\\s*(?:[,)}=]|:\\s*any\\b)|\\b${name}\\s*:\\s*any\\b`).test(text)) return true;
  }
  return false;
}

/** Calls of a preset's method on a parameter of a named function that says nothing of its type (none, or `any`). */
function candidatesIn(root: string, source: SourceText, trees: SourceTrees, methods: ReadonlyMap<string, Set<string>>): Candidate[] {
  const tree = trees.tree(source);
  const candidates = new Map<string, Candidate>();
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.expression)) {
      const packages = methods.get(node.expression.name.text);
      const declared = packages === undefined ? undefined : untypedParameter(node.expression.expression);
      if (packages !== undefined && declared !== undefined) {
        const id = `${declared.functionName}\0${declared.parameter}\0${declared.property ?? ''}`;
        let candidate = candidates.get(id);
        if (candidate === undefined) {
          const line = tree.getLineAndCharacterOfPosition(declared.node.getStart(tree)).line + 1;
          candidates.set(id, candidate = { source, ...declared, packages: new Set(), at: { file: posix.relative(root, source.file), line } });
        }
        for (const specifier of packages) candidate.packages.add(specifier);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return [...candidates.values()];
}

/** The parameter a receiver names, when it is one of a named function's, with no type or `any` (for an object parameter: the property's). */
function untypedParameter(receiver: ts.Identifier): { functionName: string; parameter: number; property?: string; node: ts.Node } | undefined {
  for (let node: ts.Node = receiver.parent; !ts.isSourceFile(node); node = node.parent) {
    if (!ts.isFunctionLike(node)) continue;
    const owner = node;
    for (const [index, parameter] of callParameters(owner).entries()) {
      const name = parameter.name;
      if (ts.isIdentifier(name)) {
        if (name.text !== receiver.text) continue;
        return saysNothing(parameter.type) ? named(owner, index, undefined) : undefined;
      }
      if (!ts.isObjectBindingPattern(name)) continue;
      for (const element of name.elements) {
        if (!ts.isIdentifier(element.name) || element.name.text !== receiver.text || element.dotDotDotToken !== undefined) continue;
        const property = element.propertyName === undefined ? element.name.text : ts.isIdentifier(element.propertyName) ? element.propertyName.text : undefined;
        return property !== undefined && saysNothing(propertyType(parameter.type, property)) ? named(owner, index, property) : undefined;
      }
    }
    // A parameter of this function would shadow one of the functions around it; none is, so look further out.
  }
  return undefined;
}

/** The function's name (a declaration's, or its variable's) with the parameter; undefined for an anonymous function. */
function named(owner: ts.SignatureDeclaration, parameter: number, property: string | undefined): { functionName: string; parameter: number; property?: string; node: ts.Node } | undefined {
  const declaration = ts.isFunctionDeclaration(owner) ? owner : ts.isVariableDeclaration(owner.parent) ? owner.parent : undefined;
  if (declaration?.name === undefined || !ts.isIdentifier(declaration.name)) return undefined;
  return { functionName: declaration.name.text, parameter, ...(property === undefined ? {} : { property }), node: callParameters(owner)[parameter] };
}

/** No type, or `any`: the declaration says nothing of what the value is. */
function saysNothing(type: ts.TypeNode | undefined): boolean {
  return type === undefined || type.kind === ts.SyntaxKind.AnyKeyword;
}

/** The type an object parameter's type literal gives a property; undefined when it gives none (or the type is not a literal). */
function propertyType(type: ts.TypeNode | undefined, property: string): ts.TypeNode | undefined {
  if (type === undefined) return undefined;
  if (!ts.isTypeLiteralNode(type)) return type;
  const member = type.members.find((element) => ts.isPropertySignature(element) && ts.isIdentifier(element.name) && element.name.text === property) as ts.PropertySignature | undefined;
  return member?.type;
}

/**
 * The SDK package every call of the candidate's function passes a client from, when at least one passes one and no call
 * passes anything else. Calls in test files are left out (they pass doubles); a call that passes nothing in the parameter is
 * no evidence either way. A name imported from another module than the function's calls another function.
 */
function passedClient(root: string, candidate: Candidate, trees: SourceTrees, host: ModuleHost, scanOf: (file: string) => FileScan | undefined): string | undefined {
  const files = [...trees.filesNaming(candidate.functionName)].filter((file) => !isTestFile(posix.relative(root, file)));
  if (files.length > MAX_CALLER_FILES) return undefined;
  let specifier: string | undefined;
  for (const file of files) {
    const source = trees.byFile.get(file);
    if (source === undefined) continue;
    const tree = trees.tree(source);
    if (!callsFunctionOf(tree, candidate, host)) continue;
    const passed: ts.Expression[] = [];
    let unknown = false;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === candidate.functionName) {
        const value = passedValue(node, candidate);
        if (value === 'unknown') unknown = true;
        else if (value !== undefined) passed.push(value);
      }
      ts.forEachChild(node, visit);
    };
    visit(tree);
    if (unknown) return undefined;
    if (passed.length === 0) continue;
    for (const origin of valueOrigins(tree, passed)) {
      const vendor = origin === undefined ? undefined : vendorPackageOfReference(file, origin, scanOf, host);
      if (vendor === undefined || !isFromPackages(vendor, [...candidate.packages]) || (specifier !== undefined && vendor !== specifier)) return undefined;
      specifier = vendor;
    }
  }
  return specifier;
}

/** True when `tree`'s calls of the name call the candidate's function: its own file, or a file that imports it from there. */
function callsFunctionOf(tree: ts.SourceFile, candidate: Candidate, host: ModuleHost): boolean {
  if (tree.fileName === candidate.source.file) return true;
  for (const statement of tree.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const named = statement.importClause?.namedBindings;
    if (named === undefined || !ts.isNamedImports(named)) continue;
    if (!named.elements.some((element) => element.name.text === candidate.functionName && (element.propertyName ?? element.name).text === candidate.functionName)) continue;
    return resolveModulePath(tree.fileName, statement.moduleSpecifier.text, host) === candidate.source.file;
  }
  return false;
}

/** What a call passes in the candidate's parameter: an expression, nothing (undefined), or something not followed. */
function passedValue(call: ts.CallExpression, candidate: Candidate): ts.Expression | 'unknown' | undefined {
  if (call.arguments.slice(0, candidate.parameter + 1).some(ts.isSpreadElement)) return 'unknown';
  const argument = call.arguments[candidate.parameter] as ts.Expression | undefined;
  if (argument === undefined || candidate.property === undefined) return argument;
  if (!ts.isObjectLiteralExpression(argument)) return 'unknown';
  let value: ts.Expression | 'unknown' | undefined;
  for (const property of argument.properties) {
    if (ts.isSpreadAssignment(property)) value = 'unknown';
    else if (ts.isShorthandPropertyAssignment(property) && property.name.text === candidate.property) value = property.name;
    else if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) && property.name.text === candidate.property) value = property.initializer;
  }
  return value;
}
