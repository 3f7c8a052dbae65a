// Bags a module builds of checks: an object literal outside any function whose properties hold checks
// (`gauzyToggleFeatures: { FEATURE_X: isFeatureEnabled('FEATURE_X') }`). Each check there runs once, and every property read
// elsewhere is a check of its flag; the reads are found as environment switches' are (see environmentSwitches.ts), which
// asks this module which initializers store a check.

import { ts } from 'ts-morph';
import type { FlagCheck } from '../types';
import { awaitingEvidence, type CompletedChecks } from './completeChecks';
import type { ScanState, StoringCheck } from './types';
import { unwrap } from './values';

const { isAwaitExpression, isClassDeclaration, isExportAssignment, isObjectLiteralExpression, isPropertyAssignment, isPropertyDeclaration, isVariableStatement } = ts;

/** A check whose value a declaration stores: its key (or the key's text, when imported) and what its reads take from it. */
export interface StoredCheck {
  readonly key: string;
  readonly storing: StoringCheck;
}

/**
 * The initializers, outside any function, that are exactly one of the file's checks (awaited, parenthesized or cast), of
 * the properties of an object literal that a module constant, a class's property or an exported default holds, at any
 * depth. Undefined when there is none, as in nearly every file: a check inside a function runs on each call, and what
 * it stores there is a local.
 */
export function storedChecksOf(state: ScanState, found: Pick<CompletedChecks, 'checks' | 'importedKeys' | 'evidenceImports'>): Map<ts.Node, StoredCheck> | undefined {
  // A stored check is a property's value (`FEATURE_X: isFeatureEnabled(…)`): a file whose checks all follow something
  // else (`(`, `=`, `return`) has none, and its tree is not walked.
  if (!found.checks.some((check) => followsColon(state.text, check.callSpan.start))) return undefined;
  // A check kept only if another module's evidence holds, or whose key is decided by each caller, stores no known flag.
  const pending = awaitingEvidence(found.evidenceImports);
  const imported = new Set(found.importedKeys.map((key) => key.checkIndex));
  const byStart = new Map<number, FlagCheck>();
  found.checks.forEach((check, index) => {
    if (check.dynamic === true || pending.has(index) || check.storedFrom !== undefined || (!check.resolved && !imported.has(index))) return;
    // What is stored must be the flag's value: a call that makes something else of its flags (`allEnabled(['a', 'b'])`)
    // stores that, and its reads are no checks of either.
    if (check.returns?.kind === 'other') return;
    byStart.set(check.callSpan.start, check);
  });
  if (byStart.size === 0) return undefined;
  let stored: Map<ts.Node, StoredCheck> | undefined;
  const consider = (initializer: ts.Expression | undefined, ofProperty: boolean): void => {
    if (initializer === undefined) return;
    let inner = unwrap(initializer);
    if (isAwaitExpression(inner)) inner = unwrap(inner.expression);
    if (isObjectLiteralExpression(inner)) {
      for (const property of inner.properties) if (isPropertyAssignment(property)) consider(property.initializer, true);
      return;
    }
    if (!ofProperty) return;
    const check = byStart.get(inner.getStart(state.sourceFile));
    if (check === undefined || check.callSpan.end !== inner.end) return;
    const storing: StoringCheck = {
      start: check.callSpan.start, method: check.method, sdk: check.sdk, valueType: check.valueType, resolved: check.resolved,
      ...(check.environmentSwitch === true ? { environmentSwitch: true as const } : {}),
    };
    (stored ??= new Map()).set(initializer, { key: check.key, storing });
  };
  for (const statement of state.sourceFile.statements) {
    if (isVariableStatement(statement)) for (const declaration of statement.declarationList.declarations) consider(declaration.initializer, false);
    else if (isExportAssignment(statement)) consider(statement.expression, false);
    else if (isClassDeclaration(statement)) for (const member of statement.members) if (isPropertyDeclaration(member)) consider(member.initializer, false);
  }
  return stored;
}

/** True when the text before `position`, past white space, parentheses and an `await`, is a property's colon. */
function followsColon(text: string, position: number): boolean {
  let at = position - 1;
  for (;;) {
    while (at >= 0 && /[\s(]/.test(text[at])) at--;
    if (at >= 4 && text.startsWith('await', at - 4)) at -= 5;
    else return text[at] === ':';
  }
}
