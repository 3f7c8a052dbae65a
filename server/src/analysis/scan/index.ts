// The scanner's public API: finding flag checks and exports in one file (`scanFile`), re-scanning an open
// document after an edit (`scanDocument`), and the syntax trees both read.

export { SCANNED_EXTENSIONS } from '../extensions';
export { scanFile } from './scanFile';
export { valueOrigins } from './valueOrigins';
export { parseSkeleton, parseSkeletonText, parseSource } from './parse';
export { scanDocument, type DocumentScan } from './incremental';
export type { ExportedObject, ExportedValue, FileScan, ImportedKey, ModuleReference } from './types';
