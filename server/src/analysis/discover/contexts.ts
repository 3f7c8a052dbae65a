// React contexts a module makes to hold a type (`const FeatureFlagsContext = createContext<FeatureFlags>(…)`), and the
// hooks that give one back whole (`const useFeatureFlags = () => useContext(FeatureFlagsContext)`, React 19's
// `use(FeatureFlagsContext)`): such a hook gives what the context holds, typed as the context is. A composable that gives
// back a reactive box it makes for a type (Nuxt's `useState<AllFeatureFlags>('featureFlags', …)`, Vue's `ref<Flags>(…)`)
// gives that type in the box's `.value`.

import { ts } from 'ts-morph';

// The hooks that read a context.
const CONTEXT_READERS = new Set(['useContext', 'use']);

/** The module's contexts, each with the type it is made to hold, written as a type argument. */
export function contextsMade(sourceFile: ts.SourceFile): Map<string, ts.TypeNode> {
  const contexts = new Map<string, ts.TypeNode>();
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const made = declaration.initializer;
      const type = made !== undefined && ts.isCallExpression(made) && calledName(made) === 'createContext' ? made.typeArguments?.[0] : undefined;
      if (ts.isIdentifier(declaration.name) && type !== undefined) contexts.set(declaration.name.text, type);
    }
  }
  return contexts;
}

/**
 * The type a function gives back: declared, that of the module's context it gives back whole, or that of the reactive box
 * it gives back (`box`: the type is the box's `.value`).
 */
export function givenType(fn: ts.SignatureDeclaration, contexts: ReadonlyMap<string, ts.TypeNode> | undefined): { type: ts.TypeNode; context?: string; box?: true } | undefined {
  if (fn.type !== undefined) return { type: fn.type };
  const boxed = boxedType(fn);
  if (boxed !== undefined) return { type: boxed, box: true };
  const context = contexts === undefined ? undefined : givenContext(fn);
  const type = context === undefined ? undefined : contexts?.get(context);
  return type === undefined ? undefined : { type, context };
}

/** The bag entry of a function that gives a record (see `givenType`): its call, or its box's value (`useFeatureFlags().value`). */
export function giverSpec(name: string, box: true | undefined): string {
  return box === true ? `${name}().value` : `${name}()`;
}

/** What a function's body gives back: its expression, or what the one statement of its block returns. */
export function givenExpression(fn: ts.SignatureDeclaration): ts.Expression | undefined {
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (body === undefined || !ts.isBlock(body)) return body;
  const statements = body.statements;
  return statements.length === 1 && ts.isReturnStatement(statements[0]) ? statements[0].expression : undefined;
}

/**
 * The type a function's reactive box holds, when it gives back one it makes: Vue's `ref<T>(…)` and `shallowRef<T>(…)`, and
 * Nuxt's `useState<T>('key', …)`, told from React's `useState` (a value and its setter) by the key it is given first.
 */
function boxedType(fn: ts.SignatureDeclaration): ts.TypeNode | undefined {
  const returned = givenExpression(fn);
  if (returned === undefined || !ts.isCallExpression(returned) || returned.typeArguments?.length !== 1) return undefined;
  const maker = calledName(returned);
  const keyed = returned.arguments.length > 0 && ts.isStringLiteralLike(returned.arguments[0]);
  return maker === 'ref' || maker === 'shallowRef' || (maker === 'useState' && keyed) ? returned.typeArguments[0] : undefined;
}

/**
 * The context a function gives back whole, `() => useContext(FlagsContext)` or a body that only returns it, or that first
 * keeps it and throws when it is missing (`const context = useContext(FlagsContext); if (!context) throw …; return context`).
 */
export function givenContext(fn: ts.SignatureDeclaration): string | undefined {
  const returned = givenExpression(fn) ?? guardedLocal(fn);
  if (returned === undefined || !ts.isCallExpression(returned) || !CONTEXT_READERS.has(calledName(returned) ?? '') || returned.arguments.length !== 1) return undefined;
  const [context] = returned.arguments;
  return ts.isIdentifier(context) ? context.text : undefined;
}

/** What a body gives back through one local, when every other statement only throws when it is missing. */
function guardedLocal(fn: ts.SignatureDeclaration): ts.Expression | undefined {
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (body === undefined || !ts.isBlock(body)) return undefined;
  const statements = body.statements;
  const last = statements[statements.length - 1];
  if (statements.length < 2 || last === undefined || !ts.isReturnStatement(last) || last.expression === undefined || !ts.isIdentifier(last.expression)) return undefined;
  const local = last.expression.text;
  let kept: ts.Expression | undefined;
  for (const statement of statements.slice(0, -1)) {
    if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) {
      const [declaration] = statement.declarationList.declarations;
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== local || declaration.initializer === undefined || kept !== undefined) return undefined;
      kept = declaration.initializer;
    } else if (!(ts.isIfStatement(statement) && statement.elseStatement === undefined && onlyThrows(statement.thenStatement))) {
      return undefined;
    }
  }
  return kept;
}

function onlyThrows(statement: ts.Statement): boolean {
  return ts.isThrowStatement(statement) || (ts.isBlock(statement) && statement.statements.length === 1 && ts.isThrowStatement(statement.statements[0]));
}

/** The name a call calls: `createContext` of `createContext(…)` and `React.createContext(…)`. */
function calledName(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}
