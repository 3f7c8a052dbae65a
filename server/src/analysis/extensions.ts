// The file extensions the scanner reads, without the parser: the file listing and the reader threads
// of the first index need them, and neither loads TypeScript.

// Extension → whether its files may hold JSX (`.js` files may, as TypeScript reads them).
const READS_JSX: Readonly<Record<string, boolean>> = {
  '.ts': false, '.mts': false, '.cts': false, '.tsx': true, '.js': true, '.jsx': true, '.mjs': true, '.cjs': true,
  // Vue and Svelte components, read as their script views (components.ts); their markup is not JSX.
  '.vue': false, '.svelte': false,
};

/** The extensions of the files FlagLens scans; `.d.ts` and its kin are excluded by name elsewhere. */
export const SCANNED_EXTENSIONS: readonly string[] = Object.keys(READS_JSX);

// An Angular component's template, read as its script view (components.ts). Other HTML is no code FlagLens reads.
const ANGULAR_TEMPLATE = '.component.html';

/** True for a file FlagLens scans by its name: one of the extensions, or an Angular component's template. */
export function isScannedName(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return SCANNED_EXTENSIONS.includes(lower.slice(lower.lastIndexOf('.'))) || lower.endsWith(ANGULAR_TEMPLATE);
}

/** True for a file whose text is read with JSX. */
export function readsJsx(fileName: string): boolean {
  return READS_JSX[fileName.slice(fileName.lastIndexOf('.')).toLowerCase()] ?? false;
}
