// Bags a function makes of its own checks: a function that checks flags into locals and gives two or more of them back by
// name, or one that is named for several flags (`useFeatureFlags`, `getToggles`) and gives back one,
//   const showSeasonalMenu = useVariableValue(featureKeys.SHOW_SEASONAL_MENU, false); … return { showSeasonalMenu, … }
// What it gives back is a bag of those names, each a check of the flag its own check reads wherever it is read:
// `const { showSeasonalMenu } = useFeatureFlags()` checks 'seasonal-menu'. Its other properties (`isLoading`) are none.
// So is a record of such checks any function gives back under a name for several flags, whatever the function's name (a
// route's loader, `return { user, featureFlags: { jul, paaske } }` after `const jul = unleash.isEnabled('app.jul')`): where
// a bag of that name is read (`featureFlags.jul`), each property is the flag its own check reads.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import type { PatternSet } from '../patterns';
import type { ModuleHost } from '../resolve';
import { ownConstant, unwrap } from '../scan/values';
import type { FlagCheck } from '../types';
import { functionName, ownReturns } from './functions';
import { nameWords } from './registries';
import type { SourceTrees } from './sourceTrees';
import type { DiscoveredBag } from './types';
import { isTestFile } from './wrappers';

// The cheap text test: a name that ends in a word for several flags is written here.
const SEVERAL_FLAGS_TEXT = /(?:Flags|Features|Toggles|Experiments)\b/;
const SEVERAL_FLAGS = new Set(['flags', 'features', 'toggles', 'experiments']);

/** The functions of the workspace that give back their checks' values by name, as bags of those names. */
export function checkedReturnBags(root: string, trees: SourceTrees, patterns: PatternSet, resolvePackage: ModuleHost['resolvePackage']): DiscoveredBag[] {
  const bags: DiscoveredBag[] = [];
  for (const source of trees.sources) {
    const file = posix.relative(root, source.file);
    // The few files that may hold a check are asked first: the text test tries every position of every file.
    if (isTestFile(file) || !trees.mayHoldChecks(source, patterns)) continue;
    const checks = trees.resolvedChecks(source, patterns, resolvePackage).filter(holdsOneFlag);
    if (checks.length < 2 && (checks.length === 0 || !SEVERAL_FLAGS_TEXT.test(source.text))) continue;
    const checkAt = new Map(checks.map((check) => [`${check.callSpan.start}:${check.callSpan.end}`, check]));
    const sourceFile = trees.tree(source);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node)) {
        const name = functionName(node);
        if (name !== undefined && !bags.some((bag) => bag.spec === `${name}()`)) {
          const checked = checkedProperties(node, (expression) => checkAt.get(`${expression.getStart(sourceFile)}:${expression.end}`));
          // Two flags or more given back by name make a bag of a function whose name says flags in any form (`useFeatureToogle()`);
          // one needs a name for several flags, or it is a function's own result that happens to hold a flag (`useCheckoutData()`).
          // A name that says nothing of flags (`load()`) is every module's, and would be taken for a bag wherever it is called.
          const at = { file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1 };
          if ((checked.size >= 2 && namesFlags(name)) || (checked.size > 0 && namesSeveralFlags(name))) bags.push(checkedBag(`${name}()`, at, checked));
          for (const [record, objects] of flagRecordsGivenBack(node)) {
            const members = checkedMembers(node, objects, (expression) => checkAt.get(`${expression.getStart(sourceFile)}:${expression.end}`));
            if (members.size > 0 && !bags.some((bag) => bag.spec === record)) bags.push({ ...checkedBag(record, at, members), heldBy: `${name}()` });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return bags;
}

function checkedBag(spec: string, at: DiscoveredBag['at'], checked: ReadonlyMap<string, string>): DiscoveredBag {
  const keyNames = Object.fromEntries([...checked].filter(([property, key]) => property !== key));
  return { spec, at, keys: [...checked.keys()], checkedReturn: true, ...(Object.keys(keyNames).length > 0 ? { keyNames } : {}) };
}

/** The objects written under a name for several flags in what a function gives back (`{ featureFlags: { … } }`), by that name. */
function flagRecordsGivenBack(fn: ts.SignatureDeclaration): Map<string, ts.ObjectLiteralExpression[]> {
  const records = new Map<string, ts.ObjectLiteralExpression[]>();
  for (const returned of ownReturns(fn)) {
    const object = unwrap(returned);
    if (!ts.isObjectLiteralExpression(object)) continue;
    for (const property of object.properties) {
      if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name) || !namesSeveralFlags(property.name.text)) continue;
      const value = unwrap(property.initializer);
      if (ts.isObjectLiteralExpression(value)) records.set(property.name.text, [...(records.get(property.name.text) ?? []), value]);
    }
  }
  return records;
}

/** A check whose value is one known flag's: its key resolved, not each caller's, and given back as it is. */
function holdsOneFlag(check: FlagCheck): boolean {
  return check.resolved && check.dynamic !== true && check.returns?.kind !== 'other' && check.declaration !== true;
}

/** `useFeatureToogle`, `getFlagValues`: a word of the name says flag, feature, toggle or experiment, in any number or spelling. */
export function namesFlags(name: string): boolean {
  return nameWords(name).some((word) => /^(?:flag|feature|to+gle|experiment)s?$/.test(word));
}

/** `useFeatureFlags`, `getToggles`: the last word is one for several flags. */
function namesSeveralFlags(name: string): boolean {
  const words = nameWords(name);
  return SEVERAL_FLAGS.has(words[words.length - 1] ?? '');
}

/**
 * The properties of the objects a function gives back that hold one of its checks (`{ showX }` of a local that holds
 * one, or `{ showX: isOn('x') }`), each with that check's key. A property given back two ways is none.
 */
function checkedProperties(fn: ts.SignatureDeclaration, checkOf: (expression: ts.Expression) => FlagCheck | undefined): Map<string, string> {
  return checkedMembers(fn, ownReturns(fn).map(unwrap).filter(ts.isObjectLiteralExpression), checkOf);
}

/** The properties of `objects` that hold one of the function's checks, each with that check's key; one written two ways is none. */
function checkedMembers(fn: ts.SignatureDeclaration, objects: readonly ts.ObjectLiteralExpression[], checkOf: (expression: ts.Expression) => FlagCheck | undefined): Map<string, string> {
  const checked = new Map<string, string>();
  const unsure = new Set<string>();
  for (const object of objects) {
    for (const property of object.properties) {
      const name = ts.isShorthandPropertyAssignment(property) ? property.name.text
        : ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
      if (name === undefined) continue;
      const value = ts.isShorthandPropertyAssignment(property) ? property.name : (property as ts.PropertyAssignment).initializer;
      const key = checkedValue(fn, value, checkOf)?.key;
      if (key === undefined || (checked.has(name) && checked.get(name) !== key)) unsure.add(name);
      else checked.set(name, key);
    }
  }
  for (const name of unsure) checked.delete(name);
  return checked;
}

/** The check a value is: the call itself (awaited), or a `const` of the function's own that holds one. */
function checkedValue(fn: ts.SignatureDeclaration, value: ts.Expression, checkOf: (expression: ts.Expression) => FlagCheck | undefined): FlagCheck | undefined {
  let expression = unwrap(value);
  if (ts.isAwaitExpression(expression)) expression = unwrap(expression.expression);
  if (!ts.isIdentifier(expression)) return checkOf(expression);
  const initializer = ownConstant(fn, expression.text);
  if (initializer === undefined) return undefined;
  let held = unwrap(initializer);
  if (ts.isAwaitExpression(held)) held = unwrap(held.expression);
  return checkOf(held);
}
