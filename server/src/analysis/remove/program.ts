// One file parsed on its own, with its names resolved by a syntax-only walk of its scopes (no type
// checker, no library, no imports followed): the clean-up only asks which declaration a name in the
// same file refers to, and binding each file with a checker cost more than the rest of a clean-up.

import { ts } from 'ts-morph';
import { scriptKindOf } from '../scriptKind';

/** A parsed file, and the identifiers that refer to a declaration, found on demand. */
export interface BoundFile {
  sourceFile: ts.SourceFile;
  /** Syntax errors of the file, as the parser reports them. */
  syntaxErrors: readonly ts.Diagnostic[];
  /** How many identifiers of each name the file holds outside declaration names. */
  nameCounts: ReadonlyMap<string, number>;
  /** The identifiers that refer to what a declaration's name declares, in source order. */
  referencesTo(declarationName: ts.Node): readonly ts.Identifier[];
}

const COMPILER_OPTIONS: ts.CompilerOptions = { noLib: true, noResolve: true, allowJs: true, jsx: ts.JsxEmit.Preserve, target: ts.ScriptTarget.Latest, types: [] };

/** Parses one file's text; its names are collected and resolved only when asked about. */
export function bindFile(fileName: string, text: string): BoundFile {
  const kind = scriptKindOf(fileName);
  // Program file names must carry an extension the compiler accepts for the script kind.
  const programName = `/flaglens-clean${kind === ts.ScriptKind.TSX ? '.tsx' : kind === ts.ScriptKind.JSX ? '.jsx' : '.ts'}`;
  const sourceFile = ts.createSourceFile(programName, text, ts.ScriptTarget.Latest, true, kind);
  let identifiersByName: Map<string, ts.Identifier[]> | undefined;
  let nameCounts: Map<string, number> | undefined;
  const identifiers = (): Map<string, ts.Identifier[]> => {
    if (identifiersByName !== undefined) return identifiersByName;
    const found = new Map<string, ts.Identifier[]>();
    const visit = (node: ts.Node): void => {
      if (!ts.isIdentifier(node)) {
        ts.forEachChild(node, visit);
      } else if (!isDeclarationName(node)) {
        const list = found.get(node.text);
        if (list === undefined) found.set(node.text, [node]);
        else list.push(node);
      }
    };
    visit(sourceFile);
    identifiersByName = found;
    return found;
  };
  const scopes = new ScopeResolver();
  // A name's references grouped by the scope each resolves to, once per name: asking each declaration's
  // references one by one was quadratic in a file declaring the same name in many functions.
  const referencesByScope = new Map<string, Map<ts.Node | undefined, ts.Identifier[]>>();
  const referencesOfName = (name: string): Map<ts.Node | undefined, ts.Identifier[]> => {
    let groups = referencesByScope.get(name);
    if (groups === undefined) {
      groups = new Map();
      for (const identifier of identifiers().get(name) ?? []) {
        if (!isReference(identifier)) continue;
        const scope = scopes.resolve(identifier);
        const group = groups.get(scope);
        if (group === undefined) groups.set(scope, [identifier]);
        else group.push(identifier);
      }
      referencesByScope.set(name, groups);
    }
    return groups;
  };
  return {
    sourceFile,
    get syntaxErrors() {
      return syntaxErrorsOf(programName, sourceFile);
    },
    get nameCounts() {
      nameCounts ??= new Map([...identifiers()].map(([name, list]) => [name, list.length]));
      return nameCounts;
    },
    referencesTo(declarationName: ts.Node): readonly ts.Identifier[] {
      if (!ts.isIdentifier(declarationName)) return [];
      const scope = scopes.declaringScope(declarationName);
      if (scope === undefined) return [];
      return referencesOfName(declarationName.text).get(scope) ?? [];
    },
  };
}

/**
 * The parser's diagnostics. The parser keeps them on the source file; only when that (internal) field
 * is missing are they asked of a one-file program, which costs more than the parse itself.
 */
function syntaxErrorsOf(programName: string, sourceFile: ts.SourceFile): readonly ts.Diagnostic[] {
  const parsed = (sourceFile as ts.SourceFile & { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics;
  if (parsed !== undefined) return parsed;
  const host: ts.CompilerHost = {
    getSourceFile: (name) => (name === programName ? sourceFile : undefined),
    getDefaultLibFileName: () => '/lib.d.ts',
    writeFile: () => undefined,
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (name) => name === programName,
    readFile: (name) => (name === programName ? sourceFile.text : undefined),
  };
  return ts.createProgram({ rootNames: [programName], options: COMPILER_OPTIONS, host }).getSyntacticDiagnostics(sourceFile);
}

/**
 * Lexical scopes as JavaScript defines them, worked out from syntax: `var` and parameters belong to the
 * nearest function, `let`, `const`, classes and functions to the nearest block, imports to the file.
 * A name's meaning is the scope that declares it; a value and a type of the same name in one scope are
 * one meaning (as the compiler merges them).
 */
class ScopeResolver {
  private readonly declared = new Map<ts.Node, Set<string>>();

  /** The scope a declaration's name is declared in. */
  declaringScope(name: ts.Identifier): ts.Node | undefined {
    const scope = this.scopeOfDeclarationName(name);
    return scope !== undefined && this.namesIn(scope).has(name.text) ? scope : this.resolve(name);
  }

  /** The nearest scope around a reference that declares its name; undefined for a global. */
  resolve(reference: ts.Identifier): ts.Node | undefined {
    for (let node: ts.Node | undefined = reference.parent; node !== undefined; node = node.parent) {
      if (isScope(node) && this.namesIn(node).has(reference.text)) return node;
    }
    return undefined;
  }

  private scopeOfDeclarationName(name: ts.Identifier): ts.Node | undefined {
    let declaration: ts.Node = name.parent;
    while (ts.isBindingElement(declaration) || ts.isObjectBindingPattern(declaration) || ts.isArrayBindingPattern(declaration)) declaration = declaration.parent;
    if ((ts.isFunctionExpression(declaration) || ts.isClassExpression(declaration)) && declaration.name === name) return declaration;
    if (ts.isParameter(declaration) || ts.isTypeParameterDeclaration(declaration) || ts.isEnumMember(declaration)) return declaration.parent;
    if (ts.isVariableDeclaration(declaration) && ts.isCatchClause(declaration.parent)) return declaration.parent;
    if (ts.isVariableDeclaration(declaration) && ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.BlockScoped) === 0) {
      return enclosing(declaration, isVarScope);
    }
    if (ts.isImportSpecifier(declaration) || ts.isImportClause(declaration) || ts.isNamespaceImport(declaration)) return enclosing(declaration, isScope);
    return enclosing(declaration, isScope);
  }

  private namesIn(scope: ts.Node): Set<string> {
    let names = this.declared.get(scope);
    if (names === undefined) {
      names = declaredIn(scope);
      this.declared.set(scope, names);
    }
    return names;
  }
}

/** Nodes that open a scope: the file, functions, blocks, loops with their own `let`, catch clauses, classes and enums. */
function isScope(node: ts.Node): boolean {
  return isVarScope(node) || ts.isBlock(node) || ts.isCaseBlock(node) || ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node)
    || ts.isCatchClause(node) || ts.isClassDeclaration(node) || ts.isClassExpression(node) || ts.isEnumDeclaration(node)
    || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isMappedTypeNode(node) || ts.isConditionalTypeNode(node)
    || ts.isFunctionTypeNode(node) || ts.isConstructorTypeNode(node) || ts.isCallSignatureDeclaration(node) || ts.isConstructSignatureDeclaration(node)
    || ts.isMethodSignature(node);
}

/** Nodes whose `var` declarations they hold: the file, functions, namespaces, class static blocks. */
function isVarScope(node: ts.Node): boolean {
  return ts.isSourceFile(node) || ts.isModuleBlock(node) || ts.isClassStaticBlockDeclaration(node) || (ts.isFunctionLike(node) && !isSignatureOnly(node));
}

function isSignatureOnly(node: ts.Node): boolean {
  return ts.isFunctionTypeNode(node) || ts.isConstructorTypeNode(node) || ts.isCallSignatureDeclaration(node) || ts.isConstructSignatureDeclaration(node)
    || ts.isMethodSignature(node) || ts.isIndexSignatureDeclaration(node) || ts.isJSDocSignature(node) || ts.isJSDocFunctionType(node);
}

function enclosing(node: ts.Node, test: (node: ts.Node) => boolean): ts.Node | undefined {
  for (let parent = node.parent; parent !== undefined; parent = parent.parent) if (test(parent)) return parent;
  return undefined;
}

/** The names a scope declares itself (not those of scopes inside it). */
function declaredIn(scope: ts.Node): Set<string> {
  const names = new Set<string>();
  const addBinding = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) addBinding(element.name);
  };
  const typeParameters = (scope as ts.Node & { typeParameters?: ts.NodeArray<ts.TypeParameterDeclaration> }).typeParameters;
  for (const parameter of typeParameters ?? []) names.add(parameter.name.text);
  if (ts.isMappedTypeNode(scope)) names.add(scope.typeParameter.name.text);
  if (ts.isConditionalTypeNode(scope)) {
    const visitInfer = (node: ts.Node): void => {
      if (ts.isInferTypeNode(node)) names.add(node.typeParameter.name.text);
      else if (!ts.isConditionalTypeNode(node)) ts.forEachChild(node, visitInfer);
    };
    visitInfer(scope.extendsType);
  }
  if (ts.isFunctionLike(scope)) {
    for (const parameter of scope.parameters) addBinding(parameter.name);
    if ((ts.isFunctionExpression(scope)) && scope.name !== undefined) names.add(scope.name.text);
  }
  if (ts.isClassExpression(scope) && scope.name !== undefined) names.add(scope.name.text);
  if (ts.isEnumDeclaration(scope)) for (const member of scope.members) if (ts.isIdentifier(member.name)) names.add(member.name.text);
  if (ts.isCatchClause(scope) && scope.variableDeclaration !== undefined) addBinding(scope.variableDeclaration.name);
  if ((ts.isForStatement(scope) || ts.isForInStatement(scope) || ts.isForOfStatement(scope)) && scope.initializer !== undefined
    && ts.isVariableDeclarationList(scope.initializer) && (scope.initializer.flags & ts.NodeFlags.BlockScoped) !== 0) {
    for (const declaration of scope.initializer.declarations) addBinding(declaration.name);
  }
  // Declarations directly in the scope's statement list.
  const statements = ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope) ? scope.statements
    : ts.isCaseBlock(scope) ? scope.clauses.flatMap((clause) => [...clause.statements])
      : ts.isClassStaticBlockDeclaration(scope) ? scope.body.statements : [];
  for (const statement of statements) {
    if (ts.isVariableStatement(statement) && (statement.declarationList.flags & ts.NodeFlags.BlockScoped) !== 0) {
      for (const declaration of statement.declarationList.declarations) addBinding(declaration.name);
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name !== undefined) {
      names.add(statement.name.text);
    } else if (ts.isEnumDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      names.add(statement.name.text);
    } else if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) {
      names.add(statement.name.text);
    } else if (ts.isImportEqualsDeclaration(statement)) {
      names.add(statement.name.text);
    } else if (ts.isImportDeclaration(statement) && statement.importClause !== undefined) {
      const clause = statement.importClause;
      if (clause.name !== undefined) names.add(clause.name.text);
      const named = clause.namedBindings;
      if (named !== undefined && ts.isNamespaceImport(named)) names.add(named.name.text);
      else if (named !== undefined) for (const element of named.elements) names.add(element.name.text);
    }
  }
  // `var` anywhere inside, up to the next function, belongs here.
  if (isVarScope(scope)) {
    const body = ts.isFunctionLike(scope) ? (scope as ts.FunctionLikeDeclaration).body : ts.isClassStaticBlockDeclaration(scope) ? scope.body : scope;
    const visitVar = (node: ts.Node): void => {
      if (ts.isVariableDeclarationList(node) && (node.flags & ts.NodeFlags.BlockScoped) === 0) {
        for (const declaration of node.declarations) addBinding(declaration.name);
      }
      if (isVarScope(node) || ts.isClassLike(node)) return;
      ts.forEachChild(node, visitVar);
    };
    if (body !== undefined) {
      if (body === scope) ts.forEachChild(scope, visitVar);
      else visitVar(body);
    }
  }
  return names;
}

/** True when an identifier may name a variable, function, class or type declared in the file (not a property or label). */
function isReference(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === identifier) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isJsxAttribute(parent) || ts.isBindingElement(parent)) && parent.name === identifier) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === identifier) return false;
  if (ts.isQualifiedName(parent) && parent.right === identifier) return false;
  if (ts.isImportSpecifier(parent) || ts.isImportTypeNode(parent) || ts.isMetaProperty(parent)) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  if (ts.isExportSpecifier(parent)) return (parent.propertyName ?? parent.name) === identifier && parent.parent.parent.moduleSpecifier === undefined;
  // Member names of classes, interfaces, object literals and enums.
  if ((ts.isClassElement(parent) || ts.isTypeElement(parent) || ts.isEnumMember(parent) || ts.isObjectLiteralElement(parent)) && (parent as { name?: ts.Node }).name === identifier) {
    return ts.isShorthandPropertyAssignment(parent);
  }
  return true;
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
