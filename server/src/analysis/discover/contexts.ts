// React contexts a module makes to hold a type (`const FeatureFlagsContext = createContext<FeatureFlags>(…)`), and the
// hooks that give one back whole (`const useFeatureFlags = () => useContext(FeatureFlagsContext)`, React 19's
// `use(FeatureFlagsContext)`): such a hook gives what the context holds, typed as the context is.

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

/** The type a function gives back: declared, or that of the module's context it gives back whole. */
export function givenType(fn: ts.SignatureDeclaration, contexts: ReadonlyMap<string, ts.TypeNode> | undefined): { type: ts.TypeNode; context?: string } | undefined {
  if (fn.type !== undefined) return { type: fn.type };
  const context = contexts === undefined ? undefined : givenContext(fn);
  const type = context === undefined ? undefined : contexts?.get(context);
  return type === undefined ? undefined : { type, context };
}

/** The context a function gives back whole, `() => useContext(FlagsContext)` or a body that only returns it. */
export function givenContext(fn: ts.SignatureDeclaration): string | undefined {
  const body = (fn as ts.FunctionLikeDeclaration).body;
  const statements = body !== undefined && ts.isBlock(body) ? body.statements : undefined;
  const returned = statements === undefined ? body : statements.length === 1 && ts.isReturnStatement(statements[0]) ? statements[0].expression : undefined;
  if (returned === undefined || !ts.isCallExpression(returned) || !CONTEXT_READERS.has(calledName(returned) ?? '') || returned.arguments.length !== 1) return undefined;
  const [context] = returned.arguments;
  return ts.isIdentifier(context) ? context.text : undefined;
}

/** `createContext` of `createContext(…)` and `React.createContext(…)`. */
function calledName(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}
