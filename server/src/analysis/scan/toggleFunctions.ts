// A team's toggles given out as functions: `export function passkeysEnabled(): boolean { return process.env.PASSKEYS ===
// "1"; }`, called where the feature is gated (`if (passkeysEnabled())`). Each is an environment switch of its variable,
// whatever the variable's name: the module's shape is the evidence. A module of flags by its file's name (see
// `isFlagsModule`) needs one such function; a module of the app's settings (`config.ts`, see `isSettingsModule`) needs
// several, each declared to give a boolean, which a module of settings that happens to hold one boolean does not have.

import { ts } from 'ts-morph';
import { hasModifier } from './exports';
import { COMPARISONS, comparesWithBooleanText, environmentVariableOf, switchedBy } from './settingReads';
import { wordsOf } from './switchNames';
import { unwrap } from './values';

const { SyntaxKind, isArrowFunction, isBinaryExpression, isBlock, isFunctionDeclaration, isFunctionExpression, isIdentifier, isReturnStatement, isVariableStatement } = ts;

// How many such functions make a module that is not named for flags one of toggles.
const TOGGLES_IN_A_MODULE = 3;

// Words of a variable that switches what is measured or logged, not a feature of the product (`GA4_ENABLED`,
// `SELECT_TRACKING_ENABLED`): in a module of toggles beside the features' own, and no flag.
const TELEMETRY_WORDS = new Set(['ANALYTICS', 'GA', 'GA4', 'GTM', 'TRACKING', 'TELEMETRY']);

/**
 * The toggle functions of a module of flags or, with `flagsModule` false, of a module of settings, by name, each with the
 * environment variable it gives as a boolean; empty when it declares none.
 */
export function toggleFunctionsOf(sourceFile: ts.SourceFile, flagsModule: boolean): Map<string, string> {
  const toggles = new Map<string, string>();
  const add = (name: string, fn: ts.FunctionLikeDeclaration): void => {
    // Outside a module of flags only functions declared to give a boolean: a module's constants of settings made functions
    // to be read late (`export const IS_DOCUMENSO_CLOUD = () => env('NEXT_PUBLIC_IS_DOCUMENSO_CLOUD') === 'true'`) are not
    // a team's API of toggles.
    if (!flagsModule && fn.type?.kind !== SyntaxKind.BooleanKeyword) return;
    const variable = toggleVariable(fn, name);
    if (variable !== undefined) toggles.set(name, variable);
  };
  for (const statement of sourceFile.statements) {
    if (!hasModifier(statement, SyntaxKind.ExportKeyword)) continue;
    if (isFunctionDeclaration(statement) && statement.name !== undefined) {
      add(statement.name.text, statement);
    } else if (isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const value = declaration.initializer === undefined ? undefined : unwrap(declaration.initializer);
        if (value !== undefined && isIdentifier(declaration.name) && (isArrowFunction(value) || isFunctionExpression(value))) add(declaration.name.text, value);
      }
    }
  }
  if (flagsModule) return toggles;
  if (toggles.size < TOGGLES_IN_A_MODULE) return new Map();
  for (const [name, variable] of toggles) if (wordsOf(variable).some((word) => TELEMETRY_WORDS.has(word))) toggles.delete(name);
  return toggles;
}

/**
 * The variable a function of no arguments gives as a boolean, when all it does is give one: its body returns one
 * environment variable compared with a boolean's text, or converted as a switch is (`isTruthy(env.X)`).
 */
function toggleVariable(fn: ts.FunctionLikeDeclaration, name: string): string | undefined {
  if (fn.parameters.length > 0 || fn.body === undefined) return undefined;
  let returned: ts.Expression | undefined;
  if (!isBlock(fn.body)) returned = fn.body;
  else if (fn.body.statements.length === 1 && isReturnStatement(fn.body.statements[0])) returned = fn.body.statements[0].expression;
  if (returned === undefined) return undefined;
  // Compared with a boolean's text, the variable is a switch whatever its last word (`SUPPORT_SEARCHABLE_LIST === "1"`).
  const comparison = unwrap(returned);
  if (isBinaryExpression(comparison) && COMPARISONS.has(comparison.operatorToken.kind) && comparesWithBooleanText(comparison)) {
    const variable = environmentVariableOf(unwrap(comparison.left)) ?? environmentVariableOf(unwrap(comparison.right));
    if (variable !== undefined) return variable;
  }
  return switchedBy(returned, name, { booleanFunctions: new Set() });
}
