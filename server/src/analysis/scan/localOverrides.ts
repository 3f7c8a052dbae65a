// Local overrides: a team lets a developer turn a flag on in their own browser by storing its key, and reads that
// beside the backend's answer, `useFeatureFlag('ui.systems-view') || localStorage.getItem('ui.systems-view') === 'true'`.
// The storage read is a check of the flag too: it is where the flag gates, and it goes when the flag goes.
//
// The evidence is the key: the read's key is one this file checks with the backend, so the storage holds that flag's
// override, not some other setting. The read gives the override, not the flag's value, so the clean-up leaves it.

import { ts } from 'ts-morph';
import type { FlagCheck } from '../types';
import { followLocal } from './bindings';
import { awaitingEvidence } from './completeChecks';
import type { FlagFunctionScan } from './flagFunctions';
import type { ScanState } from './types';
import { evaluate } from './values';

const { forEachChild, isCallExpression, isIdentifier, isPropertyAccessExpression, isStringLiteralLike } = ts;

// The browser's storages, as the receiver's last name (`localStorage`, `window.sessionStorage`).
const STORAGES = new Set(['localStorage', 'sessionStorage']);

/** The reads of the local overrides of the flags the file checks, as checks of those flags. */
export function localOverrideReads(state: ScanState, found: FlagFunctionScan): FlagCheck[] {
  if (!state.text.includes('Storage')) return [];
  // Only a key this file itself checks, known here: one left to other files' evidence or imports may be no flag's.
  const pending = new Set([...awaitingEvidence(found.evidenceImports), ...found.importedKeys.map((entry) => entry.checkIndex)]);
  const checkedKeys = new Map<string, FlagCheck>();
  found.checks.forEach((check, index) => {
    if (!check.resolved || check.dynamic === true || check.environmentSwitch === true || check.storedFrom !== undefined || pending.has(index)) return;
    if (!checkedKeys.has(check.key)) checkedKeys.set(check.key, check);
  });
  if (checkedKeys.size === 0) return [];
  const { sourceFile } = state;
  const reads: FlagCheck[] = [];
  const visit = (node: ts.Node): void => {
    if (isCallExpression(node) && node.arguments.length === 1 && isPropertyAccessExpression(node.expression) && node.expression.name.text === 'getItem') {
      const receiver = node.expression.expression;
      const storage = isIdentifier(receiver) ? receiver.text : isPropertyAccessExpression(receiver) ? receiver.name.text : undefined;
      const keyNode = node.arguments[0];
      const key = storage !== undefined && STORAGES.has(storage) ? keyOf(state, keyNode) : undefined;
      const checked = key === undefined ? undefined : checkedKeys.get(key);
      if (key !== undefined && checked !== undefined) {
        const start = node.getStart(sourceFile);
        const keyStart = keyNode.getStart(sourceFile);
        reads.push({
          key, resolved: true, keySpan: { start: keyStart, end: keyNode.end }, keyIsLiteral: isStringLiteralLike(keyNode),
          callSpan: { start, end: node.end }, sdk: checked.sdk, method: `${storage}.getItem`, valueType: 'string', negate: false,
          returns: { kind: 'other', what: `the flag's local override kept in the browser's ${storage}` },
          evidence: `${storage}.getItem reads '${key}', the key this file checks on line ${sourceFile.getLineAndCharacterOfPosition(checked.callSpan.start).line + 1}: the flag's local override`,
        });
      }
    }
    forEachChild(node, visit);
  };
  visit(sourceFile);
  return reads;
}

/** The key a storage read names: a string, or a constant of this file holding one. */
function keyOf(state: ScanState, node: ts.Expression): string | undefined {
  const value = evaluate(node);
  if (value === undefined) return undefined;
  const followed = typeof value === 'string' ? value : followLocal(state, value, [], 0);
  return typeof followed === 'string' ? followed : undefined;
}
