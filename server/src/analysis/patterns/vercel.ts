import type { FlagPattern } from '../types';
import { callPattern, returnsOther, vendorPresets } from './define';

/** The packages whose `flag()` the Vercel Flags SDK preset accepts (the `flags` package's adapters, and its old name). */
export const VERCEL_PACKAGES = ['flags/next', 'flags/sveltekit', 'flags/react', '@vercel/flags'];

/**
 * The Vercel Flags SDK declares each flag once, `export const f = flag({ key: 'x', decide() {...} })`, and code calls
 * `await f()` with no key. The declaration is where the key is written, a reference that checks nothing; `f()` gives the
 * value (scan/flagFunctions.ts).
 */
export const VERCEL_PATTERNS: readonly FlagPattern[] = vendorPresets(VERCEL_PACKAGES, [
  callPattern('vercel', 'flag', 'unknown', { keyPath: ['key'], returns: returnsOther("the flag's function (its declaration: delete it once nothing calls it)"), declares: true }),
]);
