// Bags a module builds of checks: an object literal outside any function whose properties hold checks
// (`gauzyToggleFeatures: { FEATURE_X: isFeatureEnabled('FEATURE_X') }`). Each check there runs once, and every property read
// elsewhere is a check of its flag; the reads are found as environment switches' are (see environmentSwitches.ts), which
// asks this module which initializers store a check. A store's selector of one flag, a module's function of the state
// that gives one check (`(state) => getIsFeatureEnabled(state, App.X, FeatureName.Y)`), is read the same way, as a
// selector made with `createSelector` is (see flagSelectors.ts).

import { ts } from 'ts-morph';
import type { FlagCheck } from '../types';
import { awaitingEvidence, type CompletedChecks } from './completeChecks';
import type { ScanState, StoringCheck } from './types';
import { followsArrowOrReturn } from './oneFlagHelpers';
import { ownReturns, unwrap } from './values';

const {
  SyntaxKind, isArrowFunction, isAwaitExpression, isBlock, isClassDeclaration, isExportAssignment, isFunctionExpression, isIdentifier, isIfStatement,
  isObjectLiteralExpression, isPropertyAssignment, isPropertyDeclaration, isReturnStatement, isTryStatement, isVariableStatement,
} = ts;

/** A check whose value a declaration stores: its key (or the key's text, when imported) and what its reads take from it. */
export interface StoredCheck {
  readonly key: string;
  readonly storing: StoringCheck;
  /** For a store's selector of one flag (see `selectorOfOneCheck`): the function its check calls. */
  readonly selector?: string;
}

/**
 * The initializers, outside any function, that are exactly one of the file's checks (awaited, parenthesized or cast), of
 * the properties of an object literal that a module constant, a class's property or an exported default holds, at any
 * depth. Undefined when there is none, as in nearly every file: a check inside a function runs on each call, and what
 * it stores there is a local.
 */
export function storedChecksOf(state: ScanState, found: Pick<CompletedChecks, 'checks' | 'importedKeys' | 'evidenceImports'>): Map<ts.Node, StoredCheck> | undefined {
  // A stored check is a property's value (`FEATURE_X: isFeatureEnabled(…)`), or what a selector gives (`(state) =>
  // isEnabled(…)`): a file whose checks all follow something else (`(`, `=`, `&&`) has none, and its tree is not walked.
  if (!found.checks.some((check) => followsColon(state.text, check.callSpan.start) || followsArrowOrReturn(state.text, check.callSpan.start))) return undefined;
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
  const checkAt = (expression: ts.Expression): FlagCheck | undefined => {
    const check = byStart.get(expression.getStart(state.sourceFile));
    return check !== undefined && check.callSpan.end === expression.end ? check : undefined;
  };
  const storingOf = (check: FlagCheck): StoringCheck => ({
    start: check.callSpan.start, method: check.method, sdk: check.sdk, valueType: check.valueType, resolved: check.resolved,
    ...(check.environmentSwitch === true ? { environmentSwitch: true as const } : {}),
  });
  const consider = (initializer: ts.Expression | undefined, ofProperty: boolean): void => {
    if (initializer === undefined) return;
    let inner = unwrap(initializer);
    if (isAwaitExpression(inner)) inner = unwrap(inner.expression);
    if (isObjectLiteralExpression(inner)) {
      for (const property of inner.properties) if (isPropertyAssignment(property)) consider(property.initializer, true);
      return;
    }
    if (!ofProperty) {
      const selected = selectorOfOneCheck(inner);
      const check = selected === undefined ? undefined : checkAt(selected);
      if (check !== undefined) (stored ??= new Map()).set(initializer, { key: check.key, storing: storingOf(check), selector: calledName(check.method) });
      return;
    }
    const check = checkAt(inner);
    if (check !== undefined) (stored ??= new Map()).set(initializer, { key: check.key, storing: storingOf(check) });
  };
  for (const statement of state.sourceFile.statements) {
    if (isVariableStatement(statement)) for (const declaration of statement.declarationList.declarations) consider(declaration.initializer, false);
    else if (isExportAssignment(statement)) consider(statement.expression, false);
    else if (isClassDeclaration(statement)) for (const member of statement.members) if (isPropertyDeclaration(member)) consider(member.initializer, false);
  }
  return stored;
}

/**
 * What a store's selector of one flag gives: a module's function of the store's state alone, whose body gives one
 * expression, `(state: RootState) => getIsFeatureEnabled(state, ApplicationName.MARKETPLACE, FeatureName.X)`. A store hands
 * it over where the app gates (`useSelector(getIsX)`, `yield select(getIsX)`, `getIsX(state)`), so each read of its name
 * is a check of that flag, as a selector made with `createSelector` is (see flagSelectors.ts).
 */
function selectorOfOneCheck(node: ts.Expression): ts.Expression | undefined {
  if (!isArrowFunction(node) && !isFunctionExpression(node)) return undefined;
  const [parameter] = node.parameters;
  if (node.parameters.length !== 1 || !isIdentifier(parameter.name) || parameter.name.text !== 'state') return undefined;
  if (!isBlock(node.body)) return unwrap(node.body);
  // Its returns give the check, or a fallback written as a boolean (`try { return isOn(…) } catch { return false }`).
  const given = ownReturns(node).map(unwrap).filter((expression) => expression.kind !== SyntaxKind.TrueKeyword && expression.kind !== SyntaxKind.FalseKeyword);
  // Nothing else runs but the `try` around it or a test that it can be asked (`if (hasLoadedInitialFlags(state)) return …`).
  const only = node.body.statements.every((statement) => isReturnStatement(statement) || isTryStatement(statement) || isIfStatement(statement));
  return only && given.length === 1 ? given[0] : undefined;
}

/** The last name a check's method calls: `getIsFeatureEnabled` of `getIsFeatureEnabled`, `isOn` of `gb.isOn`. */
function calledName(method: string): string {
  return method.slice(method.lastIndexOf('.') + 1).replace(/\(.*$/s, '');
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
