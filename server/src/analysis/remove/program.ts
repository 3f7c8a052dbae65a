// One file parsed and bound on its own (no library, no imports followed), so that the clean-up can ask
// which declaration a name refers to without ever loading the workspace.

import { ts } from 'ts-morph';

/** A parsed file, its binder, and the identifiers that refer to a declaration, found on demand. */
export interface BoundFile {
  sourceFile: ts.SourceFile;
  checker: ts.TypeChecker;
  /** Syntax errors of the file, as the parser reports them. */
  syntaxErrors: readonly ts.Diagnostic[];
  /** How many identifiers of each name the file holds outside declaration names (no binding needed). */
  nameCounts: ReadonlyMap<string, number>;
  /** The identifiers that refer to the symbol a declaration's name declares, in source order. */
  referencesTo(declarationName: ts.Node): readonly ts.Identifier[];
}

const SCRIPT_KINDS: Readonly<Record<string, ts.ScriptKind>> = {
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JSX,
  '.jsx': ts.ScriptKind.JSX,
  '.mjs': ts.ScriptKind.JSX,
  '.cjs': ts.ScriptKind.JSX,
};

const COMPILER_OPTIONS: ts.CompilerOptions = {
  noLib: true,
  noResolve: true,
  allowJs: true,
  jsx: ts.JsxEmit.Preserve,
  target: ts.ScriptTarget.Latest,
  types: [],
};

/** The script kind of a file name: TSX for .tsx, JSX for JavaScript (which may hold JSX), else TS. */
export function scriptKindOf(fileName: string): ts.ScriptKind {
  const dot = fileName.lastIndexOf('.');
  return SCRIPT_KINDS[fileName.slice(dot).toLowerCase()] ?? ts.ScriptKind.TS;
}

/** Parses and binds one file's text. */
export function bindFile(fileName: string, text: string): BoundFile {
  // Program file names must carry an extension the compiler accepts for the script kind.
  const kind = scriptKindOf(fileName);
  const programName = `/flaglens-clean${kind === ts.ScriptKind.TSX ? '.tsx' : kind === ts.ScriptKind.JSX ? '.jsx' : '.ts'}`;
  const sourceFile = ts.createSourceFile(programName, text, ts.ScriptTarget.Latest, true, kind);
  const host: ts.CompilerHost = {
    getSourceFile: (name) => (name === programName ? sourceFile : undefined),
    getDefaultLibFileName: () => '/lib.d.ts',
    writeFile: () => undefined,
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (name) => name === programName,
    readFile: (name) => (name === programName ? text : undefined),
  };
  const program = ts.createProgram({ rootNames: [programName], options: COMPILER_OPTIONS, host });
  const checker = program.getTypeChecker();
  // Resolving every identifier costs more than the rest of a clean-up; only names asked about are resolved.
  const identifiersByName = new Map<string, ts.Identifier[]>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && !isDeclarationName(node)) {
      const list = identifiersByName.get(node.text);
      if (list === undefined) identifiersByName.set(node.text, [node]);
      else list.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  const nameCounts = new Map([...identifiersByName].map(([name, list]) => [name, list.length]));
  const resolved = new Map<ts.Identifier, ts.Symbol | undefined>();
  const referencesTo = (declarationName: ts.Node): readonly ts.Identifier[] => {
    const symbol = checker.getSymbolAtLocation(declarationName);
    if (symbol === undefined || !ts.isIdentifier(declarationName)) return [];
    return (identifiersByName.get(declarationName.text) ?? []).filter((identifier) => {
      if (!resolved.has(identifier)) resolved.set(identifier, symbolOfReference(checker, identifier));
      return resolved.get(identifier) === symbol;
    });
  };
  return { sourceFile, checker, syntaxErrors: program.getSyntacticDiagnostics(sourceFile), nameCounts, referencesTo };
}

/** The symbol a name refers to; for `{ name }` in an object literal, the variable it reads. */
function symbolOfReference(checker: ts.TypeChecker, identifier: ts.Identifier): ts.Symbol | undefined {
  const parent = identifier.parent;
  if (ts.isShorthandPropertyAssignment(parent) && parent.name === identifier) return checker.getShorthandAssignmentValueSymbol(parent);
  // A property name (`a.name`, `{ name: 1 }`, `<X name={1} />`) is no reference to a variable of that name.
  if (ts.isPropertyAccessExpression(parent) && parent.name === identifier) return undefined;
  if ((ts.isPropertyAssignment(parent) || ts.isJsxAttribute(parent)) && parent.name === identifier) return undefined;
  if (ts.isQualifiedName(parent) && parent.right === identifier) return undefined;
  if (ts.isImportSpecifier(parent)) return undefined;
  if (ts.isExportSpecifier(parent)) {
    return (parent.propertyName ?? parent.name) === identifier && parent.parent.parent.moduleSpecifier === undefined
      ? checker.getExportSpecifierLocalTargetSymbol(parent)
      : undefined;
  }
  return checker.getSymbolAtLocation(identifier);
}

function isDeclarationName(identifier: ts.Identifier): boolean {
  const parent = identifier.parent as ts.Node & { name?: ts.Node };
  if (parent.name !== identifier) return false;
  return ts.isVariableDeclaration(parent)
    || ts.isBindingElement(parent)
    || ts.isFunctionDeclaration(parent)
    || ts.isFunctionExpression(parent)
    || ts.isClassDeclaration(parent)
    || ts.isClassExpression(parent)
    || ts.isParameter(parent)
    || ts.isImportSpecifier(parent)
    || ts.isImportClause(parent)
    || ts.isNamespaceImport(parent)
    || ts.isImportEqualsDeclaration(parent)
    || ts.isEnumDeclaration(parent)
    || ts.isEnumMember(parent)
    || ts.isInterfaceDeclaration(parent)
    || ts.isTypeAliasDeclaration(parent)
    || ts.isModuleDeclaration(parent)
    || ts.isTypeParameterDeclaration(parent)
    || ts.isMethodDeclaration(parent)
    || ts.isPropertyDeclaration(parent)
    || ts.isPropertySignature(parent)
    || ts.isMethodSignature(parent)
    || ts.isGetAccessorDeclaration(parent)
    || ts.isSetAccessorDeclaration(parent);
}
