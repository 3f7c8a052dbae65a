// Calls of flag functions imported from another module (Vercel Flags: `import { showBanner } from './flags'`, then
// `await showBanner()`): kept only when the import leads, through re-exports and `export *` barrels, to a
// `flag({ key })` declaration, and given that declaration's key. Calls of another module's helpers of one flag
// (`hasFlagBlockApiV4()`, `this.userService.getX()` with `UserService` imported) are followed the same way, to the
// check the helper gives, and kept only when that check is. Module paths and keys are followed by resolve.ts.

import type { FileScan, ModuleReference } from './scan';
import { helperCallCheck } from './scan/flagFunctions';
import type { FlagCheck } from './types';

// More re-export hops than any real barrel structure has.
const MAX_HOPS = 32;

/** What following a flag function needs from key resolution (resolve.ts), injected so this file has no cycle with it. */
export interface FlagFunctionResolution {
  readonly getScan: (fileName: string) => FileScan | undefined;
  readonly resolveModule: (fromFile: string, specifier: string) => string | undefined;
  /** The key an imported key reference leads to, if any. */
  readonly keyOf: (fromFile: string, reference: ModuleReference) => string | undefined;
  /** The check at `checkIndex` of a file as its evidence leaves it, or undefined when its evidence does not hold. */
  readonly keptCheck: (scan: FileScan, checkIndex: number) => FlagCheck | undefined;
}

/** A declaration a call leads to: its file and its check there. */
interface Declaration {
  readonly fileName: string;
  readonly check: FlagCheck;
  readonly checkIndex: number;
  readonly scan: FileScan;
}

/**
 * The checks with each call of an imported flag function completed (the declaration's key, value type and evidence),
 * or `undefined` in its place when the import does not lead to one: the caller drops those.
 */
export function completeFlagFunctionCalls(scan: FileScan, checks: Array<FlagCheck | undefined>, resolution: FlagFunctionResolution): void {
  for (const { checkIndex, reference, listed } of scan.flagFunctionCalls ?? []) {
    const check = checks[checkIndex];
    const completed = check === undefined ? undefined : completedCall(scan.fileName, check, reference, resolution, 0);
    // A helper listed is handed over, not called (see scanFlagFunctions); a listed flag function is evaluated with the list.
    checks[checkIndex] = listed === true && completed?.helperCall !== undefined ? undefined : completed;
  }
}

// Helpers of helpers across modules, as deep as the scans find them (MAX_HELPER_LEVELS), with room for re-exports.
const MAX_CALL_DEPTH = 8;

/**
 * A call of an imported flag function, completed from the check its declaration gives: a Vercel flag's declaration, or
 * the check a helper of one flag gives back, which may itself be a call of another module's helper, completed first.
 * Undefined when the import leads to none, or to a check whose evidence does not hold.
 */
function completedCall(fromFile: string, check: FlagCheck, reference: ModuleReference, resolution: FlagFunctionResolution, depth: number): FlagCheck | undefined {
  const declaration = followFlagFunction(fromFile, reference, resolution, new Set());
  if (declaration === undefined || depth > MAX_CALL_DEPTH) return undefined;
  let declared: FlagCheck | undefined;
  let key: string | undefined;
  const inner = (declaration.scan.flagFunctionCalls ?? []).find((call) => call.checkIndex === declaration.checkIndex);
  if (inner !== undefined) {
    declared = inner.listed === true ? undefined : completedCall(declaration.fileName, declaration.check, inner.reference, resolution, depth + 1);
    key = declared?.resolved === true ? declared.key : undefined;
  } else {
    declared = declaration.check.declaration === true ? declaration.check : resolution.keptCheck(declaration.scan, declaration.checkIndex);
    key = declared?.resolved === true ? declared.key : undefined;
    if (declared !== undefined && key === undefined) {
      const imported = declaration.scan.importedKeys.find((entry) => entry.checkIndex === declaration.checkIndex);
      key = imported === undefined ? undefined : resolution.keyOf(declaration.fileName, imported.reference);
    }
  }
  if (declared === undefined) return undefined;
  if (declared.declaration !== true) {
    return { ...helperCallCheck(check, declared, reference.names.join('.'), declaration.fileName), key: key ?? declared.key, resolved: key !== undefined };
  }
  return {
    ...check,
    key: key ?? declared.key,
    resolved: key !== undefined,
    valueType: declared.valueType,
    evidence: `\`${check.key}\` is a flag function declared with ${declared.method}() (imported from ${reference.specifier})`,
  };
}

/**
 * The declaration an export names (a function, or a class's helper method: `[Class, method]`), following re-exports
 * and barrels; undefined for anything else.
 */
function followFlagFunction(fromFile: string, reference: ModuleReference, resolution: FlagFunctionResolution, visited: Set<string>): Declaration | undefined {
  if (reference.names.length !== 1 && reference.names.length !== 2) return undefined;
  const target = resolution.resolveModule(fromFile, reference.specifier);
  if (target === undefined) return undefined;
  const [name, method] = reference.names;
  const declared = method === undefined ? name : `${name}.${method}`;
  const visitKey = `${target}\0${declared}`;
  if (visited.has(visitKey) || visited.size > MAX_HOPS) return undefined;
  visited.add(visitKey);
  const scan = resolution.getScan(target);
  if (scan === undefined) return undefined;
  if (scan.flagFunctions !== undefined && Object.hasOwn(scan.flagFunctions, declared)) {
    const checkIndex = scan.flagFunctions[declared];
    const check = scan.checks[checkIndex] as FlagCheck | undefined;
    return check === undefined ? undefined : { fileName: target, check, checkIndex, scan };
  }
  if (Object.hasOwn(scan.exports, name)) {
    const exported = scan.exports[name];
    if (typeof exported === 'string' || exported.kind !== 'import') return undefined;
    return followFlagFunction(target, { ...exported, names: method === undefined ? exported.names : [...exported.names, method] }, resolution, visited);
  }
  if (name === 'default') return undefined;
  for (const specifier of scan.starExports) {
    const found = followFlagFunction(target, { kind: 'import', specifier, names: reference.names }, resolution, visited);
    if (found !== undefined) return found;
  }
  return undefined;
}
