// The file extensions the scanner reads, without the parser: the file listing and the reader threads
// of the first index need them, and neither loads TypeScript.

/** The extensions of the files FlagLens scans; `.d.ts` and its kin are excluded by name elsewhere. */
export const SCANNED_EXTENSIONS: readonly string[] = ['.ts', '.mts', '.cts', '.tsx', '.js', '.jsx', '.mjs', '.cjs'];
