// The workspace-level step of a removal: once no check of the flag remains, the constant or enum member
// that named its key goes too, and so does its entry in the team's registry (an interface property, a
// member of a union of keys), if nothing in the workspace refers to it any more. Pure: texts in, texts out.

import { ts } from 'ts-morph';
import { applyEdits, lineEdits, type TextEdit } from './edits';
import { scriptKindOf } from '../scriptKind';
import { isComponentFile, scannedText } from '../components';
import { bindFile, type BoundFile } from './program';
import { deleteLines } from './unused';
import { deleteMemberLines } from './comments';
import { camelCaseFromFlagKey } from '../keys';
import { readRegistry, removeEntryEdit, type RegistryLocation } from '../registry';

/** A file's text, by path. */
export interface WorkspaceText {
  fileName: string;
  text: string;
}

/** A file whose key constants were deleted. */
export interface ConstantRemoval {
  fileName: string;
  text: string;
  edits: TextEdit[];
  /** What was deleted, for people: `FLAGS.NEW_CHECKOUT`, `Experiment.SearchV2`, `NEW_CHECKOUT`. */
  deletedNames: string[];
}

function removeConstantsOf(file: WorkspaceText, files: readonly WorkspaceText[], key: string, registry: RegistryLocation | undefined): ConstantRemoval | undefined {
  const bound = bindFile(file.fileName, file.text);
  // As with a check's file: a file that already has a syntax error is never rewritten (the parser's
  // recovery may have put the constant somewhere else than where the text has it).
  if (bound.syntaxErrors.length > 0) return undefined;
  const declarations: KeyDeclaration[] = registry !== undefined ? registryDeclarations(bound, registry.symbol, key) : [];
  const visit = (node: ts.Node): void => {
    const declaration = keyDeclaration(node, key);
    if (declaration !== undefined) declarations.push(declaration);
    else ts.forEachChild(node, visit);
  };
  visit(bound.sourceFile);
  const edits: TextEdit[] = [];
  const deletedNames: string[] = [];
  for (const declaration of declarations) {
    if (mentionedElsewhere(files, declaration, file.fileName, bound)) continue;
    edits.push(deleteMemberLines(file.text, bound.sourceFile, declaration.node) ?? declaration.inLine?.()
      ?? deleteLines(file.text, declaration.node.getStart(bound.sourceFile), declaration.node.end));
    deletedNames.push(declaration.label);
  }
  if (edits.length === 0) return undefined;
  const text = applyEdits(file.text, edits);
  return { fileName: file.fileName, text, edits: lineEdits(file.text, text), deletedNames };
}

/**
 * Deletes the object properties, enum members and top-level constants whose value is the flag's key
 * when nothing in the workspace's texts (which must be the texts after the checks were removed) refers
 * to them any more. Text that only shares the name (a comment, a string, a JSX component) is no use.
 */
export function removeKeyConstants(files: readonly WorkspaceText[], key: string, registry?: RegistryLocation): ConstantRemoval[] {
  const literals = [`'${key}'`, `"${key}"`, `\`${key}\``];
  const results: ConstantRemoval[] = [];
  for (const file of files) {
    const isRegistry = registry !== undefined && registry.file === file.fileName;
    // A Vue or Svelte component is read as its script view, which is not its text: it is never rewritten (see removeFlagFromFile).
    if (isComponentFile(file.fileName)) continue;
    if (!isRegistry && !literals.some((literal) => file.text.includes(literal))) continue;
    // A file the walks cannot hold (nesting deeper than the call stack) keeps its constants: doing less is safe.
    try {
      const removal = removeConstantsOf(file, files, key, isRegistry ? registry : undefined);
      if (removal !== undefined) results.push(removal);
    } catch {
      continue;
    }
  }
  return results;
}

/**
 * A declaration of the key. `member`s are referred to by name after a dot, `constant`s (`nameNode` is the
 * declared name) by scope in their file and by import elsewhere; a registry's `type-member` also by a string
 * of its name (`keyof Flags`), and a `union` member only by a string of the key.
 */
interface KeyDeclaration {
  node: ts.Node;
  name: string;
  label: string;
  kind: 'member' | 'constant' | 'type-member' | 'union';
  nameNode?: ts.Identifier;
  /** The edit that deletes it where it shares its line with others, when a plain one would not fit. */
  inLine?: () => TextEdit;
}

/**
 * The flag's entries in the registry `symbol` declares in this file, when it is an interface or type
 * literal of flags (`newCheckout: boolean`), a union of keys or an `as const` list of them; its enum or object entries are key
 * constants like any other. The last member of a union stays: the type cannot be empty.
 */
function registryDeclarations(bound: BoundFile, symbol: string, key: string): KeyDeclaration[] {
  const { sourceFile } = bound;
  const registry = readRegistry(sourceFile.fileName, sourceFile.fileName, sourceFile.text, symbol).registry;
  if (registry === undefined || (registry.kind !== 'interface' && registry.kind !== 'union' && registry.kind !== 'list')) return [];
  if (registry.kind === 'union' && registry.entries.length < 2) return [];
  const declarations: KeyDeclaration[] = [];
  for (const entry of registry.entries) {
    if (entry.key !== key && camelCaseFromFlagKey(entry.key) !== camelCaseFromFlagKey(key)) continue;
    const node = nodeWithSpan(sourceFile, entry.span.start, entry.span.end);
    if (node === undefined) continue;
    if (registry.kind === 'interface') {
      declarations.push({ node, name: entry.name, label: `${symbol}.${entry.name}`, kind: 'type-member' });
    } else {
      const edit = removeEntryEdit(registry, sourceFile.text, entry);
      declarations.push({ node, name: entry.key, label: `${symbol} '${entry.key}'`, kind: 'union', inLine: () => ({ start: edit.span.start, end: edit.span.end, newText: '' }) });
    }
  }
  return declarations;
}

function nodeWithSpan(sourceFile: ts.SourceFile, start: number, end: number): ts.Node | undefined {
  const visit = (node: ts.Node): ts.Node | undefined => {
    if (node.getStart(sourceFile) === start && node.end === end) return node;
    return node.pos <= start && node.end >= end ? ts.forEachChild(node, visit) : undefined;
  };
  return ts.forEachChild(sourceFile, visit);
}

/** A declaration whose value is exactly the key: `NEW: 'new-checkout'` in an object, an enum member, a top-level `const`. */
function keyDeclaration(node: ts.Node, key: string): KeyDeclaration | undefined {
  if (ts.isPropertyAssignment(node) && isKeyLiteral(node.initializer, key) && ts.isObjectLiteralExpression(node.parent)) {
    const name = propertyName(node.name);
    const owner = ownerName(node.parent);
    return name === undefined ? undefined : { node, name, label: owner === undefined ? name : `${owner}.${name}`, kind: 'member' };
  }
  if (ts.isEnumMember(node) && node.initializer !== undefined && isKeyLiteral(node.initializer, key)) {
    const name = propertyName(node.name);
    return name === undefined ? undefined : { node, name, label: `${node.parent.name.text}.${name}`, kind: 'member' };
  }
  if (ts.isVariableStatement(node) && ts.isSourceFile(node.parent) && node.declarationList.declarations.length === 1) {
    const [declaration] = node.declarationList.declarations;
    if (ts.isIdentifier(declaration.name) && declaration.initializer !== undefined && isKeyLiteral(declaration.initializer, key)) {
      return { node, name: declaration.name.text, label: declaration.name.text, kind: 'constant', nameNode: declaration.name };
    }
  }
  return undefined;
}

function isKeyLiteral(node: ts.Expression, key: string): boolean {
  let expression = node;
  while (ts.isAsExpression(expression) || ts.isParenthesizedExpression(expression) || ts.isSatisfiesExpression(expression)) expression = expression.expression;
  return (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) && expression.text === key;
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

function ownerName(object: ts.ObjectLiteralExpression): string | undefined {
  let parent: ts.Node = object.parent;
  while (ts.isAsExpression(parent) || ts.isParenthesizedExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isCallExpression(parent)) parent = parent.parent;
  return ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent.name.text : undefined;
}

/**
 * True when a file other than the declaration's own refers to the symbol, or its own file does outside the
 * declaration. A member (`FLAGS.NEW_CHECKOUT`, `Flags.NewNav`) is referred to by name after a dot or in
 * brackets, by destructuring, as a property name (a mapped type may require it) or, within its enum, by
 * its bare name; a top-level constant by the names that resolve to it in its file, and elsewhere by an
 * import or re-export of it or a read through a namespace. A JSX component or a variable that merely
 * shares the name, comments and other strings are no use.
 */
function mentionedElsewhere(files: readonly WorkspaceText[], declaration: KeyDeclaration, fileName: string, bound: BoundFile): boolean {
  const name = declaration.name;
  const word = new RegExp(`(?<![\\w$])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w$])`);
  const byString = declaration.kind === 'type-member' || declaration.kind === 'union';
  const start = declaration.node.getStart(bound.sourceFile);
  const inDeclaration = (node: ts.Node): boolean => node.end > start && node.end <= declaration.node.end;
  if (declaration.nameNode !== undefined && bound.referencesTo(declaration.nameNode).some((reference) => !inDeclaration(reference))) return true;
  const enumBody = ts.isEnumMember(declaration.node) ? declaration.node.parent : undefined;
  for (const file of files) {
    // Only files that hold the word somewhere are parsed.
    if (!word.test(file.text)) continue;
    const own = file.fileName === fileName;
    const parsed = own ? bound.sourceFile : ts.createSourceFile(file.fileName, scannedText(file.fileName, file.text), ts.ScriptTarget.Latest, true, scriptKindOf(file.fileName));
    const uses = (node: ts.Node): boolean => {
      if (own && inDeclaration(node)) return false;
      if (ts.isIdentifier(node)) return declaration.kind !== 'union' && node.text === name && refersToSymbol(node, declaration.kind !== 'constant', own ? enumBody : undefined);
      if (byString && isNameLiteral(node, name)) return true;
      if (ts.isElementAccessExpression(node) && isNameLiteral(node.argumentExpression, name)) return true;
      if ((ts.isPropertyAssignment(node) || ts.isEnumMember(node) || ts.isPropertySignature(node)) && isNameLiteral(node.name, name)) return true;
      return ts.forEachChild(node, (child) => uses(child) || undefined) ?? false;
    };
    if (uses(parsed)) return true;
  }
  return false;
}

/**
 * Whether an identifier spelling the symbol's name can refer to it: for a member, as a name after a dot
 * (`Flags.NewNav`, also in types), a destructured or written property name, or a bare name inside its own
 * enum; for a top-level constant (whose own file was resolved by scope), as an imported, re-exported or
 * namespace-read name.
 */
function refersToSymbol(identifier: ts.Identifier, isMember: boolean, enumBody: ts.EnumDeclaration | undefined): boolean {
  const parent = identifier.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === identifier) return true;
  if (ts.isQualifiedName(parent) && parent.right === identifier) return true;
  if (ts.isBindingElement(parent) && (parent.propertyName ?? parent.name) === identifier) return true;
  if ((ts.isPropertyAssignment(parent) || ts.isShorthandPropertyAssignment(parent) || ts.isEnumMember(parent) || ts.isPropertySignature(parent)) && parent.name === identifier) return true;
  if (isMember) return enumBody !== undefined && enumBody.pos <= identifier.pos && identifier.end <= enumBody.end;
  return (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) && (parent.propertyName ?? parent.name) === identifier;
}

function isNameLiteral(node: ts.Node, name: string): boolean {
  return (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.text === name;
}
