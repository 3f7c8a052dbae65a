// Lists of feature switches: an interface (or a type alias of an object type) named for features or flags, each of whose
// properties is a record with an on-off state, `interface Features { snapshots?: Feature; kessel?: Feature }` with
// `interface Feature { enabled: boolean; accessible: boolean }`, as a team's own feature service serves them. A property
// typed by such a list (`features: Features | null` in an app's context) is a bag of its switches, and a read of one it
// lists (`features?.snapshots?.accessible`) is a check. Lists named for "features" are often a plan's, so the name is not
// enough: every entry must have its own `enabled` boolean, which a plan's features (booleans, limits) do not. An entitlement
// may have one too, so a name that says whose features they are (`OrgFeatures`, `PlanFeatures`) or an entry that says why
// it is off or how much it allows (`{ enabled, reason }`, `{ enabled, limit }`) lists entitlements, not switches.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { nameWords } from './registries';
import type { SourceTrees } from './sourceTrees';
import { isTestFile } from './wrappers';
import { withoutNullish } from './typeText';

// The cheap text tests before a file is parsed: a state declared, and a declaration whose name may say it lists switches.
const STATE_TEXT = /\benabled\??\s*:\s*boolean\b/;
const LIST_TEXT = /\b(?:interface|type)\s+[\w$]*(?:[fF]eature|[fF]lag|[tT]oggle)/;
const SWITCH_LIST_NAME = /(?:feature|flag|toggle)/i;
// Words of a list's name that say whose features it lists, an organisation's or a plan's: entitlements, not switches.
const OWNER_WORDS = new Set(['org', 'orgs', 'organization', 'organisation', 'plan', 'plans', 'tier', 'tiers', 'subscription', 'license', 'licence',
  'billing', 'pricing', 'account', 'team', 'workspace', 'tenant', 'entitlement', 'entitlements', 'product', 'seat', 'seats']);
// The state every entry of a list of switches has.
const STATE_PROPERTY = 'enabled';
// Properties of an entitlement's entry: why it is off, what it allows, what it costs.
const ENTITLEMENT_PROPERTIES = new Set(['reason', 'message', 'limit', 'limits', 'quota', 'max', 'maximum', 'usage', 'used', 'remaining', 'upgrade', 'upgradeUrl', 'plan', 'tier', 'price']);

/** Each list of feature switches the workspace declares (tests aside), with its keys: the names of its properties. */
export function switchLists(root: string, trees: SourceTrees): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const source of trees.sources) {
    if (!STATE_TEXT.test(source.text) || !LIST_TEXT.test(source.text) || isTestFile(posix.relative(root, source.file))) continue;
    const statements = trees.tree(source).statements;
    for (const statement of statements) {
      const declared = objectType(statement);
      if (declared === undefined || !SWITCH_LIST_NAME.test(declared.name) || nameWords(declared.name).some((word) => OWNER_WORDS.has(word))) continue;
      const keys: string[] = [];
      for (const member of declared.members) {
        const property = ts.isPropertySignature(member) && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member : undefined;
        if (property?.type === undefined || !hasState(property.type, statements)) {
          keys.length = 0;
          break;
        }
        keys.push((property.name as ts.Identifier | ts.StringLiteral).text);
      }
      if (keys.length > 1) lists.set(declared.name, [...new Set([...(lists.get(declared.name) ?? []), ...keys])]);
    }
  }
  return lists;
}

/** The name and members of an interface or of a type alias of an object type; undefined for any other statement. */
function objectType(statement: ts.Statement): { name: string; members: readonly ts.TypeElement[] } | undefined {
  if (ts.isInterfaceDeclaration(statement)) return { name: statement.name.text, members: statement.members };
  if (ts.isTypeAliasDeclaration(statement) && ts.isTypeLiteralNode(statement.type)) return { name: statement.name.text, members: statement.type.members };
  return undefined;
}

/**
 * True when a type is an object with an `enabled` boolean and nothing an entitlement has: written there, or an interface
 * or alias of the same file.
 */
function hasState(type: ts.TypeNode, statements: readonly ts.Statement[]): boolean {
  const inner = withoutNullish(type);
  if (inner === undefined) return false;
  let members: readonly ts.TypeElement[] | undefined;
  if (ts.isTypeLiteralNode(inner)) members = inner.members;
  else if (ts.isTypeReferenceNode(inner) && ts.isIdentifier(inner.typeName) && inner.typeArguments === undefined) {
    const name = inner.typeName.text;
    members = statements.map(objectType).find((declared) => declared?.name === name)?.members;
  }
  const names = (members ?? []).map((member) => (member.name !== undefined && ts.isIdentifier(member.name) ? member.name.text : ''));
  return names.some((name) => ENTITLEMENT_PROPERTIES.has(name)) ? false
    : (members ?? []).some((member) => ts.isPropertySignature(member) && ts.isIdentifier(member.name) && member.name.text === STATE_PROPERTY
      && member.type?.kind === ts.SyntaxKind.BooleanKeyword);
}
