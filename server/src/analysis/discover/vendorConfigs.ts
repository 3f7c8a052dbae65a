// The record a flag vendor serves, as the team's module declares it: a module that imports a vendor's SDK (Firebase
// Remote Config, LaunchDarkly, …) and declares a function giving back an interface of its own named for configuration
// or flags (`export function getRemoteConfig(): RainbowConfig`) hands out what the vendor serves. Each boolean member of
// that interface is a flag (`nfts_enabled: boolean`), read off what the function gives back (`getRemoteConfig().nfts_enabled`,
// `const { nfts_enabled } = useRemoteConfig()`); members of other types (numbers, texts, objects) are tuning values and
// copy, not flags, and are no keys of the bag.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { namesVendorPackage } from '../skeleton';
import { nameWords } from './registries';
import type { SourceTrees } from './sourceTrees';
import { holdsBoolean } from './typeText';
import type { DiscoveredBag } from './types';
import { isTestFile } from './wrappers';

// The last word of an interface's name that says it is what a vendor serves: `RainbowConfig`, `RemoteFlags`, `AppToggles`.
const SERVED_WORDS = new Set(['config', 'configuration', 'flags', 'toggles', 'features', 'switches']);
// A text test, with an interface declared: a boolean member may be declared here.
const BOOLEAN_MEMBER = /:\s*boolean\b/;

/** The bag function of each such record (see the top of this file), of its boolean members. */
export function vendorConfigBags(root: string, trees: SourceTrees): DiscoveredBag[] {
  const bags: DiscoveredBag[] = [];
  for (const source of trees.sources) {
    const file = posix.relative(root, source.file);
    if (!source.text.includes('interface') || !BOOLEAN_MEMBER.test(source.text) || !namesVendorPackage(source.text) || isTestFile(file)) continue;
    const sourceFile = trees.tree(source);
    const served = servedInterfaces(sourceFile);
    if (served.size === 0) continue;
    for (const statement of sourceFile.statements) {
      const giver = giverOf(statement);
      const keys = giver === undefined ? undefined : served.get(giver.type);
      if (giver === undefined || keys === undefined || bags.some((bag) => bag.spec === `${giver.name}()`)) continue;
      const line = sourceFile.getLineAndCharacterOfPosition(statement.getStart(sourceFile)).line + 1;
      bags.push({ spec: `${giver.name}()`, at: { file, line }, declaredAs: giver.type, typedBy: giver.type, keys, served: true });
    }
  }
  return bags;
}

/** The module's interfaces named for what a vendor serves, each with its boolean members (one at least). */
function servedInterfaces(sourceFile: ts.SourceFile): Map<string, string[]> {
  const served = new Map<string, string[]>();
  for (const statement of sourceFile.statements) {
    if (!ts.isInterfaceDeclaration(statement) || !SERVED_WORDS.has(nameWords(statement.name.text).at(-1) ?? '')) continue;
    const keys = statement.members.flatMap((member) => (ts.isPropertySignature(member) && member.type !== undefined && holdsBoolean(member.type)
      && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? [member.name.text] : []));
    if (keys.length > 0) served.set(statement.name.text, keys);
  }
  return served;
}

/** A function the statement declares, with the name of the type it is declared to give back (an overload's too). */
function giverOf(statement: ts.Statement): { name: string; type: string } | undefined {
  if (ts.isFunctionDeclaration(statement)) return statement.name === undefined ? undefined : typed(statement.name.text, statement.type);
  if (!ts.isVariableStatement(statement) || statement.declarationList.declarations.length !== 1) return undefined;
  const [declaration] = statement.declarationList.declarations;
  const fn = declaration.initializer;
  if (!ts.isIdentifier(declaration.name) || fn === undefined || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return undefined;
  return typed(declaration.name.text, fn.type);
}

function typed(name: string, type: ts.TypeNode | undefined): { name: string; type: string } | undefined {
  return type !== undefined && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeArguments === undefined ? { name, type: type.typeName.text } : undefined;
}
