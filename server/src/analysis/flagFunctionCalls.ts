// Calls of flag functions imported from another module (Vercel Flags: `import { showBanner } from './flags'`, then
// `await showBanner()`): kept only when the import leads, through re-exports and `export *` barrels, to a
// `flag({ key })` declaration, and given that declaration's key. Module paths and keys are followed by resolve.ts.

import type { FileScan, ModuleReference } from './scan';
import type { FlagCheck } from './types';

// More re-export hops than any real barrel structure has.
const MAX_HOPS = 32;

/** What following a flag function needs from key resolution (resolve.ts), injected so this file has no cycle with it. */
export interface FlagFunctionResolution {
  readonly getScan: (fileName: string) => FileScan | undefined;
  readonly resolveModule: (fromFile: string, specifier: string) => string | undefined;
  /** The key an imported key reference leads to, if any. */
  readonly keyOf: (fromFile: string, reference: ModuleReference) => string | undefined;
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
  for (const { checkIndex, reference } of scan.flagFunctionCalls ?? []) {
    const declaration = followFlagFunction(scan.fileName, reference, resolution, new Set());
    const check = checks[checkIndex];
    if (declaration === undefined || check === undefined) {
      checks[checkIndex] = undefined;
      continue;
    }
    const declared = declaration.check;
    let key: string | undefined = declared.resolved ? declared.key : undefined;
    if (key === undefined) {
      const imported = declaration.scan.importedKeys.find((entry) => entry.checkIndex === declaration.checkIndex);
      key = imported === undefined ? undefined : resolution.keyOf(declaration.fileName, imported.reference);
    }
    checks[checkIndex] = {
      ...check,
      key: key ?? declared.key,
      resolved: key !== undefined,
      valueType: declared.valueType,
      evidence: `\`${check.key}\` is a flag function declared with ${declared.method}() (imported from ${reference.specifier})`,
    };
  }
}

/** The declaration an export names, following re-exports and barrels; undefined for anything else. */
function followFlagFunction(fromFile: string, reference: ModuleReference, resolution: FlagFunctionResolution, visited: Set<string>): Declaration | undefined {
  if (reference.names.length !== 1) return undefined;
  const target = resolution.resolveModule(fromFile, reference.specifier);
  if (target === undefined) return undefined;
  const name = reference.names[0];
  const visitKey = `${target}\0${name}`;
  if (visited.has(visitKey) || visited.size > MAX_HOPS) return undefined;
  visited.add(visitKey);
  const scan = resolution.getScan(target);
  if (scan === undefined) return undefined;
  if (scan.flagFunctions !== undefined && Object.hasOwn(scan.flagFunctions, name)) {
    const checkIndex = scan.flagFunctions[name];
    const check = scan.checks[checkIndex] as FlagCheck | undefined;
    return check === undefined ? undefined : { fileName: target, check, checkIndex, scan };
  }
  if (Object.hasOwn(scan.exports, name)) {
    const exported = scan.exports[name];
    return typeof exported !== 'string' && exported.kind === 'import' ? followFlagFunction(target, exported, resolution, visited) : undefined;
  }
  if (name === 'default') return undefined;
  for (const specifier of scan.starExports) {
    const found = followFlagFunction(target, { kind: 'import', specifier, names: reference.names }, resolution, visited);
    if (found !== undefined) return found;
  }
  return undefined;
}
