// After the flag's checks are gone: imports the removal left unused are deleted, and other declarations
// it left unused are listed for the person to decide ("now unused").

import { ts } from 'ts-morph';
import { lineEnd, lineStart, startsLine, type TextEdit } from './edits';
import type { BoundFile } from './program';

/** A declaration the removal left without uses, which the clean-up does not delete on its own. */
export interface UnusedName {
  name: string;
  kind: 'function' | 'variable' | 'parameter' | 'class' | 'enum';
  /** 1-based line in the cleaned file. */
  line: number;
}

interface ImportBinding {
  key: string;
  declaration: ts.ImportDeclaration;
  /** The import clause (default import), namespace import or import specifier. */
  owner: ts.Node;
  name: ts.Identifier;
}

/** Edits on the cleaned text deleting the imports that were used before the removal and are not used after it. */
export function pruneImports(before: BoundFile, after: BoundFile): TextEdit[] {
  const candidates = namesUsedLess(before, after);
  const usedBefore = new Map<string, number>();
  for (const binding of importBindings(before.sourceFile).filter((found) => candidates.has(found.name.text))) usedBefore.set(binding.key, (usedBefore.get(binding.key) ?? 0) + useCount(before, binding.name));
  const unused = new Set<ts.Node>();
  for (const binding of importBindings(after.sourceFile).filter((found) => candidates.has(found.name.text))) {
    if ((usedBefore.get(binding.key) ?? 0) > 0 && useCount(after, binding.name) === 0) unused.add(binding.owner);
  }
  if (unused.size === 0) return [];
  const text = after.sourceFile.text;
  const edits: TextEdit[] = [];
  for (const statement of after.sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || statement.importClause === undefined) continue;
    const clause = statement.importClause;
    const named = clause.namedBindings;
    const defaultGone = clause.name === undefined || unused.has(clause);
    const namedElements = named !== undefined && ts.isNamedImports(named) ? named.elements : undefined;
    const owners: ts.Node[] = [clause, ...(named === undefined ? [] : [named]), ...(namedElements ?? [])];
    if (!owners.some((owner) => unused.has(owner))) continue;
    const namedGone = named === undefined
      || (ts.isNamespaceImport(named) ? unused.has(named) : named.elements.every((element) => unused.has(element)));
    // Both parts gone (a missing part counts as gone).
    if (defaultGone && namedGone) {
      edits.push(deleteLines(text, statement.getStart(after.sourceFile), statement.end));
      continue;
    }
    if (clause.name !== undefined && unused.has(clause) && named !== undefined) {
      edits.push({ start: clause.name.getStart(after.sourceFile), end: named.getStart(after.sourceFile), newText: '' });
    }
    if (named !== undefined && namedGone && clause.name !== undefined) {
      edits.push({ start: clause.name.end, end: named.end, newText: '' });
    } else if (namedElements !== undefined && namedElements.some((element) => unused.has(element))) {
      const kept = namedElements.filter((element) => !unused.has(element));
      const start = named!.getStart(after.sourceFile);
      if (!text.slice(start, named!.end).includes('\n')) {
        edits.push({ start, end: named!.end, newText: `{ ${kept.map((element) => element.getText(after.sourceFile)).join(', ')} }` });
      } else {
        for (const element of namedElements.filter((candidate) => unused.has(candidate))) {
          edits.push(deleteLines(text, element.getStart(after.sourceFile), element.end));
        }
      }
    }
  }
  return edits;
}

/** Declarations other than imports that had uses before the removal and have none after it (exports excepted). */
export function nowUnusedNames(before: BoundFile, after: BoundFile): UnusedName[] {
  const candidates = namesUsedLess(before, after);
  const usedBefore = new Map<string, number>();
  for (const declaration of localDeclarations(before.sourceFile).filter((found) => candidates.has(found.name.text))) {
    usedBefore.set(declaration.key, (usedBefore.get(declaration.key) ?? 0) + useCount(before, declaration.name));
  }
  const result: UnusedName[] = [];
  for (const declaration of localDeclarations(after.sourceFile).filter((found) => candidates.has(found.name.text))) {
    if ((usedBefore.get(declaration.key) ?? 0) === 0 || useCount(after, declaration.name) > 0) continue;
    const line = after.sourceFile.getLineAndCharacterOfPosition(declaration.name.getStart(after.sourceFile)).line + 1;
    result.push({ name: declaration.name.text, kind: declaration.kind, line });
  }
  return result;
}

/** Deletes [start, end) and, when it fills its lines alone, those whole lines. */
export function deleteLines(text: string, start: number, end: number): TextEdit {
  let rest = end;
  while (rest < text.length && (text[rest] === ' ' || text[rest] === '\t' || text[rest] === ',' || text[rest] === ';')) rest++;
  if (startsLine(text, start) && (rest === text.length || text[rest] === '\n' || text.startsWith('\r\n', rest))) {
    return { start: lineStart(text, start), end: Math.min(text.length, lineEnd(text, rest) + 1), newText: '' };
  }
  // Inside a one-line list, the comma next to the element goes with it.
  const after = /^\s*,[ \t]*/.exec(text.slice(end));
  if (after !== null) return { start, end: end + after[0].length, newText: '' };
  const before = /,\s*$/.exec(text.slice(Math.max(0, start - 200), start));
  if (before !== null) return { start: start - before[0].length, end, newText: '' };
  return { start, end, newText: '' };
}

function useCount(bound: BoundFile, name: ts.Identifier): number {
  return bound.referencesTo(name).length;
}

/** Names written fewer times after the removal than before: only their declarations can have lost every use. */
function namesUsedLess(before: BoundFile, after: BoundFile): Set<string> {
  const names = new Set<string>();
  for (const [name, count] of before.nameCounts) if ((after.nameCounts.get(name) ?? 0) < count) names.add(name);
  return names;
}

function importBindings(sourceFile: ts.SourceFile): ImportBinding[] {
  const bindings: ImportBinding[] = [];
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || statement.importClause === undefined || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const specifier = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    const add = (owner: ts.Node, name: ts.Identifier): void => {
      bindings.push({ key: `${specifier}\0${name.text}`, declaration: statement, owner, name });
    };
    if (clause.name !== undefined) add(clause, clause.name);
    const named = clause.namedBindings;
    if (named !== undefined && ts.isNamespaceImport(named)) add(named, named.name);
    else if (named !== undefined) for (const element of named.elements) add(element, element.name);
  }
  return bindings;
}

interface LocalDeclaration {
  key: string;
  name: ts.Identifier;
  kind: UnusedName['kind'];
}

/** Named declarations that are not imports or exports, keyed by kind, name and order among namesakes. */
function localDeclarations(sourceFile: ts.SourceFile): LocalDeclaration[] {
  const found: LocalDeclaration[] = [];
  const seen = new Map<string, number>();
  const add = (name: ts.Identifier, kind: UnusedName['kind']): void => {
    if (name.text.startsWith('_')) return;
    const base = `${kind}\0${name.text}`;
    const ordinal = seen.get(base) ?? 0;
    seen.set(base, ordinal + 1);
    found.push({ key: `${base}\0${ordinal}`, name, kind });
  };
  const addBinding = (name: ts.BindingName, kind: UnusedName['kind']): void => {
    if (ts.isIdentifier(name)) add(name, kind);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) addBinding(element.name, kind);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) && node.name !== undefined && !isExported(node)) add(node.name, 'function');
    else if (ts.isClassDeclaration(node) && node.name !== undefined && !isExported(node)) add(node.name, 'class');
    else if (ts.isEnumDeclaration(node) && !isExported(node)) add(node.name, 'enum');
    else if (ts.isVariableStatement(node) && !isExported(node)) {
      for (const declaration of node.declarationList.declarations) addBinding(declaration.name, 'variable');
    } else if (ts.isParameter(node) && hasBody(node.parent)) addBinding(node.name, 'parameter');
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false);
}

// Parameters of a signature without a body (overloads, interfaces, declared functions) are never used.
function hasBody(node: ts.Node): boolean {
  return (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node)
    || ts.isConstructorDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) && node.body !== undefined;
}
