// Benchmark of the clean-up: remove a released flag with 100 references from a generated 1,000-file
// workspace, as `flaglens clean KEY DIR` does (index the folder, load the flag files, remove, write).
// Usage: node --import tsx bench/clean.ts; bench/run.ts calls benchmarkClean().

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { planClean } from '../server/src/cli/clean';
import { generateWorkspace, seededRandom } from './generate';

const KEY = 'bench-cleanup';
const REFERENCES = 100;
const FILES = 1000;

/** Adds a released flag checked `references` times, in as many files, in the shapes code uses. */
export function addCleanupFlag(root: string, references: number, seed: number): void {
  const random = seededRandom(seed);
  const files: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !full.includes(`${path.sep}flags${path.sep}`)) files.push(full);
    }
  };
  walk(path.join(root, 'src'));
  const chosen = new Set<string>();
  while (chosen.size < Math.min(references, files.length)) chosen.add(files[Math.floor(random() * files.length)]);
  let index = 0;
  for (const file of chosen) {
    const jsx = file.endsWith('.tsx') && index % 2 === 0;
    const code = jsx
      ? `\nexport function CleanupPanel${index}() {\n  const enabled = useFeatureIsOn('${KEY}');\n  return <section>{enabled ? <strong>new</strong> : <em>old</em>}</section>;\n}\n`
      : `\nexport async function cleanupGate${index}(total: number): Promise<number> {\n  // Discount in the new pricing only.\n` +
        `  if (await OpenFeature.getClient().getBooleanValue('${KEY}', false)) {\n    return total * 0.9;\n  }\n  return total;\n}\n`;
    const imports = jsx ? `import { useFeatureIsOn } from '@growthbook/growthbook-react';\n` : `import { OpenFeature } from '@openfeature/server-sdk';\n`;
    fs.writeFileSync(file, imports + fs.readFileSync(file, 'utf8') + code);
    index++;
  }
  for (const environment of ['production', 'staging']) {
    const flagFile = path.join(root, 'flags', `${environment}.flagd.json`);
    const flags = JSON.parse(fs.readFileSync(flagFile, 'utf8')) as { flags: Record<string, unknown> };
    flags.flags[KEY] = { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on' };
    fs.writeFileSync(flagFile, `${JSON.stringify(flags, null, 2)}\n`);
  }
}

/** Times `flaglens clean` of a flag with 100 references in a 1,000-file workspace (index, removal and writes). */
export async function benchmarkClean(): Promise<{ ms: number; files: number; checks: number }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-bench-clean-'));
  try {
    generateWorkspace(root, FILES, 1);
    addCleanupFlag(root, REFERENCES, 2);
    const started = performance.now();
    const result = await planClean({ key: KEY, directory: root, dryRun: false }, () => undefined);
    const changed = result.removal.files.filter((file) => file.edits.length > 0);
    for (const file of changed) {
      const temporary = `${file.fileName}.tmp`;
      fs.writeFileSync(temporary, file.text);
      fs.renameSync(temporary, file.fileName);
    }
    const ms = performance.now() - started;
    const checks = result.removal.files.reduce((sum, file) => sum + file.checksRemoved, 0);
    return { ms: Math.round(ms), files: changed.length, checks };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void benchmarkClean().then(({ ms, files, checks }) => {
    console.log(`clean-up of '${KEY}': ${checks} checks removed in ${files} files of a ${FILES}-file workspace in ${ms} ms`);
  });
}
