// Zustand stores of flags: `export const useFeatureFlagStore = create<FeatureFlagStore>()((set) => ({ …defaults, setX }))`,
// a hook named for feature flags made by zustand's `create`, holds one flag in each boolean field of its state. The hook is
// a bag function of those fields: read whole (`const { chatFeatureFlag } = useFeatureFlagStore((s) => s)`) or through a
// selector given the state (`useFeatureFlagStore((s) => s.chatFeatureFlag)`, see scan/bagReads.ts). The state's setters
// and other fields are no flags.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { ownTypeMembers } from '../scan/origins';
import { unwrap } from '../scan/values';
import { saysFeatureFlags } from './flagRecords';
import { namedImports } from './functions';
import { constantInitializer } from './piniaStores';
import type { SourceTrees } from './sourceTrees';
import { holdsBoolean } from './typeText';
import type { DiscoveredBag } from './types';
import { isTestFile } from './wrappers';

const ZUSTAND = /\bfrom\s*['"]zustand(?:\/[\w/]*)?['"]/;

/** The bag function of each Zustand store of flags (see the top of this file). */
export function zustandFlagStoreBags(root: string, trees: SourceTrees): DiscoveredBag[] {
  const bags: DiscoveredBag[] = [];
  for (const source of trees.sources) {
    const file = posix.relative(root, source.file);
    if (!source.text.includes('zustand') || !ZUSTAND.test(source.text) || isTestFile(file)) continue;
    const sourceFile = trees.tree(source);
    const creators = zustandCreators(sourceFile);
    if (creators.size === 0) continue;
    for (const statement of sourceFile.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || declaration.initializer === undefined || !saysFeatureFlags(declaration.name.text)) continue;
        const made = storeCreation(declaration.initializer, creators);
        if (made === undefined) continue;
        const fields = booleanFields(sourceFile, made);
        if (fields.length === 0) continue;
        const line = sourceFile.getLineAndCharacterOfPosition(declaration.getStart(sourceFile)).line + 1;
        bags.push({ spec: `${declaration.name.text}()`, at: { file, line }, keys: fields, zustandStore: true });
      }
    }
  }
  return bags;
}

/** The local names of zustand's `create` the module imports (a vanilla `createStore` makes a store, not a hook). */
function zustandCreators(sourceFile: ts.SourceFile): Set<string> {
  return new Set(namedImports(sourceFile).filter(({ imported, specifier }) => imported === 'create' && /^zustand(?:\/|$)/.test(specifier)).map(({ local }) => local));
}

/** The state's type and the function that makes the state, of `create<T>()(fn)`, `create<T>(fn)` or `create(devtools(fn))`. */
function storeCreation(initializer: ts.Expression, creators: ReadonlySet<string>): { type?: ts.TypeNode; makes?: ts.Expression } | undefined {
  let call = unwrap(initializer);
  if (!ts.isCallExpression(call)) return undefined;
  // `create<T>()(fn)`: the curried form TypeScript users write.
  const inner = ts.isCallExpression(call.expression) ? call.expression : undefined;
  const creator = inner ?? call;
  if (!ts.isIdentifier(creator.expression) || !creators.has(creator.expression.text)) return undefined;
  const type = creator.typeArguments?.[0];
  let makes: ts.Expression | undefined = inner !== undefined ? call.arguments[0] : creator.arguments[0];
  // Middleware wraps the function that makes the state: `devtools(persist((set) => ({ … }), { name }))`.
  for (let depth = 0; makes !== undefined && depth < 4; depth++) {
    call = unwrap(makes);
    if (!ts.isCallExpression(call)) break;
    makes = call.arguments[0];
  }
  return { type, makes };
}

/** The state's boolean fields: of its declared type when the module declares it, else of the object the function gives. */
function booleanFields(sourceFile: ts.SourceFile, made: { type?: ts.TypeNode; makes?: ts.Expression }): string[] {
  const members = made.type === undefined ? undefined : ownTypeMembers(sourceFile, made.type);
  if (members !== undefined) {
    return members.flatMap((member) => (ts.isPropertySignature(member) && member.type !== undefined && holdsBoolean(member.type) && member.name !== undefined
      && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? [member.name.text] : []));
  }
  const maker = made.makes === undefined ? undefined : unwrap(made.makes);
  if (maker === undefined || !(ts.isArrowFunction(maker) || ts.isFunctionExpression(maker)) || ts.isBlock(maker.body)) return [];
  return booleanProperties(sourceFile, unwrap(maker.body), 0);
}

/** The properties an object literal sets to `true` or `false`, its spreads of the module's own constants included. */
function booleanProperties(sourceFile: ts.SourceFile, node: ts.Expression, depth: number): string[] {
  if (!ts.isObjectLiteralExpression(node) || depth > 2) return [];
  return node.properties.flatMap((property) => {
    if (ts.isSpreadAssignment(property)) {
      const spread = unwrap(property.expression);
      const initializer = ts.isIdentifier(spread) ? constantInitializer(spread.text, sourceFile) : undefined;
      return initializer === undefined ? [] : booleanProperties(sourceFile, unwrap(initializer), depth + 1);
    }
    if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) return [];
    const kind = unwrap(property.initializer).kind;
    return kind === ts.SyntaxKind.TrueKeyword || kind === ts.SyntaxKind.FalseKeyword ? [property.name.text] : [];
  });
}
