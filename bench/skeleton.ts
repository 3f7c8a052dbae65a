// Checks the skeleton parse on a real checkout: every source file is scanned twice, from its skeleton
// and from its whole tree, and the two scans must be equal. Prints how many files had a skeleton, how
// much of their text it blanked, and every difference (exit code 1 when there is one).
// Usage: node --import tsx bench/skeleton.ts PATH

import { isDeepStrictEqual } from 'node:util';
import * as path from 'node:path';
import { parseSkeletonText, parseSource, scanFile } from '../server/src/analysis/scan';
import { skeletonOf } from '../server/src/analysis/skeleton';
import { loadConfig } from '../server/src/workspace/config';
import { buildPatternSet } from '../server/src/analysis/patterns';
import { readSourceFileSync } from '../server/src/workspace/files';
import { listSourceFiles } from '../server/src/workspace/listing';

async function main(): Promise<void> {
  const root = process.argv[2];
  if (root === undefined) throw new Error('usage: node --import tsx bench/skeleton.ts PATH');
  const { config } = loadConfig(path.resolve(root));
  const patterns = buildPatternSet(config.patterns, config.bags);
  const files = await listSourceFiles(path.resolve(root), { ignore: config.ignore, maxFileSize: 1_000_000, log: () => undefined });
  let skeletons = 0;
  let unparsable = 0;
  let characters = 0;
  let blanked = 0;
  const different: string[] = [];
  for (const file of files) {
    const bytes = readSourceFileSync(file, 1_000_000);
    if (!Buffer.isBuffer(bytes)) continue;
    const text = bytes.toString('utf8');
    characters += text.length;
    const skeleton = skeletonOf(file, text, patterns);
    if (skeleton === undefined) continue;
    const tree = parseSkeletonText(file, skeleton);
    if (tree === undefined) {
      unparsable++;
      continue;
    }
    skeletons++;
    for (let at = 0; at < text.length; at++) if (skeleton[at] !== text[at]) blanked++;
    if (!isDeepStrictEqual(scanFile(file, text, patterns, tree), scanFile(file, text, patterns, parseSource(file, text)))) different.push(file);
  }
  process.stdout.write(`${files.length} files; ${skeletons} scanned from a skeleton (${((100 * blanked) / Math.max(characters, 1)).toFixed(0)}% of all characters blanked), `
    + `${unparsable} skeletons with a syntax error (those files are parsed whole); ${different.length} scans differ from the whole tree's\n`);
  for (const file of different) process.stdout.write(`  differs: ${path.relative(root, file)}\n`);
  process.exitCode = different.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(2);
});
