// The workspace-level step of a removal: once no check of the flag remains, the constant or enum member
// that named its key goes too, if nothing in the workspace mentions it any more. Pure: texts in, texts out.

import { ts } from 'ts-morph';
import { applyEdits, lineEdits, type TextEdit } from './edits';
import { scriptKindOf } from '../scriptKind';
import { deleteLines } from './unused';

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

/**
 * Deletes the object properties, enum members and top-level constants whose value is the flag's key
 * when their name appears nowhere else in the workspace's texts (which must be the texts after the
 * checks were removed). A name still used in code anywhere keeps its declaration; a comment is no use.
 */
export function removeKeyConstants(files: readonly WorkspaceText[], key: string): ConstantRemoval[] {
  const literals = [`'${key}'`, `"${key}"`, `\`${key}\``];
  const results: ConstantRemoval[] = [];
  for (const file of files) {
    if (!literals.some((literal) => file.text.includes(literal))) continue;
    const sourceFile = ts.createSourceFile(file.fileName, file.text, ts.ScriptTarget.Latest, true, scriptKindOf(file.fileName));
    const edits: TextEdit[] = [];
    const deletedNames: string[] = [];
    const visit = (node: ts.Node): void => {
      const declaration = keyDeclaration(node, key);
      if (declaration !== undefined && !mentionedElsewhere(files, declaration.name, file.fileName, declaration.node, sourceFile)) {
        edits.push(deleteLines(file.text, declaration.node.getStart(sourceFile), declaration.node.end));
        deletedNames.push(declaration.label);
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    if (edits.length === 0) continue;
    const text = applyEdits(file.text, edits);
    results.push({ fileName: file.fileName, text, edits: lineEdits(file.text, text), deletedNames });
  }
  return results;
}

/** A declaration whose value is exactly the key: `NEW: 'new-checkout'` in an object, an enum member, a top-level `const`. */
function keyDeclaration(node: ts.Node, key: string): { node: ts.Node; name: string; label: string } | undefined {
  if (ts.isPropertyAssignment(node) && isKeyLiteral(node.initializer, key) && ts.isObjectLiteralExpression(node.parent)) {
    const name = propertyName(node.name);
    const owner = ownerName(node.parent);
    return name === undefined ? undefined : { node, name, label: owner === undefined ? name : `${owner}.${name}` };
  }
  if (ts.isEnumMember(node) && node.initializer !== undefined && isKeyLiteral(node.initializer, key)) {
    const name = propertyName(node.name);
    return name === undefined ? undefined : { node, name, label: `${node.parent.name.text}.${name}` };
  }
  if (ts.isVariableStatement(node) && ts.isSourceFile(node.parent) && node.declarationList.declarations.length === 1) {
    const [declaration] = node.declarationList.declarations;
    if (ts.isIdentifier(declaration.name) && declaration.initializer !== undefined && isKeyLiteral(declaration.initializer, key)) {
      return { node, name: declaration.name.text, label: declaration.name.text };
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
 * True when the name is used anywhere but in its own declaration: as an identifier or a property name
 * (`FLAGS.NEW_CHECKOUT`, `FLAGS['NEW_CHECKOUT']`, `{ NEW_CHECKOUT }`). Comments and other strings are no use.
 */
function mentionedElsewhere(files: readonly WorkspaceText[], name: string, fileName: string, declaration: ts.Node, sourceFile: ts.SourceFile): boolean {
  const word = new RegExp(`(?<![\\w$])${name.replace(/[$]/g, '\\$')}(?![\\w$])`);
  const start = declaration.getStart(sourceFile);
  for (const file of files) {
    // Only files that hold the word somewhere are parsed.
    if (!word.test(file.text)) continue;
    const parsed = file.fileName === fileName ? sourceFile : ts.createSourceFile(file.fileName, file.text, ts.ScriptTarget.Latest, false, scriptKindOf(file.fileName));
    const inDeclaration = (node: ts.Node): boolean => file.fileName === fileName && node.end > start && node.end <= declaration.end;
    const uses = (node: ts.Node): boolean => {
      if (inDeclaration(node)) return false;
      if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return node.text === name;
      if (ts.isElementAccessExpression(node) && isNameLiteral(node.argumentExpression, name)) return true;
      if ((ts.isPropertyAssignment(node) || ts.isEnumMember(node) || ts.isPropertySignature(node)) && isNameLiteral(node.name, name)) return true;
      return ts.forEachChild(node, (child) => uses(child) || undefined) ?? false;
    };
    if (uses(parsed)) return true;
  }
  return false;
}

function isNameLiteral(node: ts.Node, name: string): boolean {
  return (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.text === name;
}
