// The flags an OpenShift console extension requires or must not have (see CONSOLE_EXTENSION_FLAG_LISTS in
// patterns/openshift.ts): `flags: { required: [FLAG_KUBEVIRT_DYNAMIC], disallowed: ['KUBEVIRT_DYNAMIC_ACM'] }`, each key
// written there a check of its flag, in a module that imports the console's SDK.

import { ts } from 'ts-morph';
import { CONSOLE_EXTENSION_FLAG_LISTS, isConsoleSdk } from '../patterns/openshift';
import { lookupBinding } from './bindings';
import { keyDraft } from './checks';
import { isWrittenKey } from './flagOptions';
import type { ScanState } from './types';
import { unwrap } from './values';

const { isArrayLiteralExpression, isIdentifier, isImportDeclaration, isPropertyAssignment, isStringLiteralLike } = ts;

/** True when the module imports from the console's SDK: its `flags` lists are extensions'. */
export function importsConsoleSdk(sourceFile: ts.SourceFile): boolean {
  return sourceFile.statements.some((statement) => isImportDeclaration(statement) && isStringLiteralLike(statement.moduleSpecifier) && isConsoleSdk(statement.moduleSpecifier.text));
}

/** The object of an extension's `flags` property: one draft check per key its `required` and `disallowed` lists write. */
export function visitConsoleExtensionFlags(state: ScanState, object: ts.ObjectLiteralExpression, parent: ts.Node | undefined): void {
  if (parent === undefined || !isPropertyAssignment(parent) || !isIdentifier(parent.name) || parent.name.text !== 'flags') return;
  for (const property of object.properties) {
    if (!isPropertyAssignment(property) || !isIdentifier(property.name)) continue;
    const pattern = CONSOLE_EXTENSION_FLAG_LISTS.get(property.name.text);
    const list = unwrap(property.initializer);
    if (pattern === undefined || !isArrayLiteralExpression(list)) continue;
    for (const key of list.elements) {
      if (!isWrittenKey(state, key) && !isImportedName(state, key)) continue;
      const evidence = `the console loads this extension only when it ${pattern.negate ? 'lacks' : 'has'} the flag (${pattern.callee} of an extension, in a module that imports the console's SDK)`;
      state.drafts.push(keyDraft(state, { ...pattern, evidence }, pattern.callee, key, undefined, key));
    }
  }
}

/** A constant imported by name (`FLAG_KUBEVIRT_DYNAMIC` from './utils/flags/consts'): a flag's key another module writes. */
function isImportedName(state: ScanState, node: ts.Expression): boolean {
  const value = unwrap(node);
  if (!isIdentifier(value)) return false;
  const bound = lookupBinding(state, value.text, value.getStart(state.sourceFile))?.value;
  return typeof bound === 'object' && bound.kind === 'import' && bound.names.length === 1;
}
