// Scanning a workspace held in memory as the index does for environment switches: once with the patterns (declarations),
// then, with the switches known, every file again (reads).

import { buildPatternSet, type PatternSet } from '../../server/src/analysis/patterns';
import { scanFile, type FileScan } from '../../server/src/analysis/scan';
import { environmentSwitchesOf, withEnvironmentSwitches } from '../../server/src/analysis/scan/environmentSwitches';

/** The scans of `files` (absolute path → text), made with `patterns` and the switches their first scans declare. */
export function scanWithSwitches(files: Readonly<Record<string, string>>, patterns: PatternSet = buildPatternSet([])): Map<string, FileScan> {
  const first = new Map(Object.entries(files).map(([fileName, text]) => [fileName, scanFile(fileName, text, patterns)]));
  const withSwitches = withEnvironmentSwitches(patterns, environmentSwitchesOf(first.entries()));
  return new Map(Object.entries(files).map(([fileName, text]) => [fileName, scanFile(fileName, text, withSwitches)]));
}
