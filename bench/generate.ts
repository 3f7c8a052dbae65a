// Generates a reproducible workspace for benchmarks: mostly ordinary application code, a few percent
// of files with flag checks (direct SDK calls, constants, an enum, a wrapper, JSX), and flagd files.
// Usage: node --import tsx bench/generate.ts OUT_DIR [--files N] [--seed S]

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** A small seeded PRNG (mulberry32), so the same seed gives the same workspace. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedWorkspace {
  files: number;
  /** Flag checks written into the code, counted by how they are written. */
  checks: { literal: number; constant: number; enumMember: number; wrapper: number; jsx: number };
  flagKeys: string[];
}

const WORDS = ['cart', 'checkout', 'search', 'profile', 'billing', 'invoice', 'banner', 'onboarding', 'export',
  'report', 'dashboard', 'pricing', 'payment', 'shipping', 'review', 'rating', 'wishlist', 'coupon', 'login', 'sso'];

/** Extras for benchmarks; none by default, so a seed gives the same workspace as before. */
export interface GenerateOptions {
  /** Also write `src/large/Catalog.tsx` of about this many bytes, with a check every few functions (the keystroke figure). */
  largeFileBytes?: number;
}

/** Writes the workspace into `root` (emptied first) and says what it holds. */
export function generateWorkspace(root: string, fileCount: number, seed: number, options: GenerateOptions = {}): GeneratedWorkspace {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  rmSync(root, { recursive: true, force: true });
  mkdirSync(path.join(root, 'src', 'flags'), { recursive: true });
  mkdirSync(path.join(root, 'flags'), { recursive: true });

  const flagCount = Math.max(20, Math.round(fileCount / 50));
  const flagKeys = Array.from({ length: flagCount }, (_, i) => `${pick(WORDS)}-${pick(WORDS)}-${i}`);
  const constantName = (key: string) => key.toUpperCase().replace(/-/g, '_');
  const enumName = (key: string) => key.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('');

  writeFileSync(path.join(root, 'src', 'flags', 'keys.ts'),
    `export const FLAGS = {\n${flagKeys.map((k) => `  ${constantName(k)}: '${k}',`).join('\n')}\n} as const;\n\n` +
    `export enum Flag {\n${flagKeys.map((k) => `  ${enumName(k)} = '${k}',`).join('\n')}\n}\n`);
  writeFileSync(path.join(root, 'src', 'flags', 'index.ts'),
    `export * from './keys';\nexport { isFeatureOn } from './wrapper';\n`);
  writeFileSync(path.join(root, 'src', 'flags', 'wrapper.ts'),
    `import { OpenFeature } from '@openfeature/server-sdk';\n\nconst client = OpenFeature.getClient();\n\n` +
    `export async function isFeatureOn(key: string, fallback = false): Promise<boolean> {\n` +
    `  return client.getBooleanValue(key, fallback);\n}\n`);
  // The clients the checks below import: evidence that their calls are the vendors'.
  writeFileSync(path.join(root, 'src', 'ld.ts'),
    `import * as LaunchDarkly from '@launchdarkly/node-server-sdk';\n\nexport const ldClient = LaunchDarkly.init(process.env.LD_SDK_KEY ?? '');\n`);
  writeFileSync(path.join(root, 'src', 'unleash.ts'),
    `import { initialize } from 'unleash-client';\n\nexport const unleash = initialize({ url: 'https://unleash.example/api', appName: 'bench' });\n`);
  writeFileSync(path.join(root, '.flaglens.json'),
    JSON.stringify({ patterns: [{ callee: 'isFeatureOn', keyArg: 0, defaultArg: 1 }] }, null, 2) + '\n');

  const checks = { literal: 0, constant: 0, enumMember: 0, wrapper: 0, jsx: 0 };
  for (let i = 0; i < fileCount; i++) {
    const dir = path.join(root, 'src', pick(WORDS), pick(WORDS));
    mkdirSync(dir, { recursive: true });
    const hasChecks = random() < 0.04;
    const isJsx = random() < 0.3;
    const name = `${pick(WORDS)}${i}.${isJsx ? 'tsx' : 'ts'}`;
    const depth = path.relative(dir, path.join(root, 'src', 'flags')).split(path.sep).join('/');
    let body = ordinaryCode(random, pick, 4 + Math.floor(random() * 12));
    let imports = `import { format } from 'date-fns';\n`;
    if (hasChecks) {
      const key = pick(flagKeys);
      const kind = Math.floor(random() * (isJsx ? 5 : 4));
      if (kind === 0) {
        imports += `import { OpenFeature } from '@openfeature/server-sdk';\n`;
        body += `\nexport async function gate${i}(): Promise<string> {\n  const client = OpenFeature.getClient();\n` +
          `  if (await client.getBooleanValue('${key}', false)) {\n    return 'new';\n  }\n  return 'old';\n}\n`;
        checks.literal++;
      } else if (kind === 1) {
        imports += `import { FLAGS } from '${depth}';\nimport { ldClient } from '../../ld';\n`;
        body += `\nexport async function gate${i}(user: { key: string }): Promise<boolean> {\n` +
          `  return ldClient.variation(FLAGS.${constantName(key)}, user, false);\n}\n`;
        checks.constant++;
      } else if (kind === 2) {
        imports += `import { Flag } from '${depth}';\nimport { unleash } from '../../unleash';\n`;
        body += `\nexport function gate${i}(): boolean {\n  return unleash.isEnabled(Flag.${enumName(key)});\n}\n`;
        checks.enumMember++;
      } else if (kind === 3) {
        imports += `import { isFeatureOn } from '${depth}';\n`;
        body += `\nexport async function gate${i}(): Promise<number> {\n` +
          `  return (await isFeatureOn('${key}')) ? 2 : 1;\n}\n`;
        checks.wrapper++;
      } else {
        imports += `import { useFeatureIsOn } from '@growthbook/growthbook-react';\n`;
        body += `\nexport function Panel${i}() {\n  const enabled = useFeatureIsOn('${key}');\n` +
          `  return <section>{enabled ? <strong>new</strong> : <em>old</em>}</section>;\n}\n`;
        checks.jsx++;
      }
    }
    writeFileSync(path.join(dir, name), imports + '\n' + body);
  }

  for (const environment of ['production', 'staging']) {
    const flags: Record<string, unknown> = {};
    for (const key of flagKeys) {
      const on = random() < 0.7;
      flags[key] = {
        state: on ? 'ENABLED' : 'DISABLED',
        variants: { on: true, off: false },
        defaultVariant: random() < 0.8 ? 'on' : 'off',
        ...(random() < 0.2 ? { targeting: { fractional: [['on', 30], ['off', 70]] } } : {}),
      };
    }
    writeFileSync(path.join(root, 'flags', `${environment}.flagd.json`), JSON.stringify({ flags }, null, 2) + '\n');
  }
  // Written last, from the same random stream, so that everything above is the same with or without it.
  if (options.largeFileBytes !== undefined) {
    mkdirSync(path.join(root, 'src', 'large'), { recursive: true });
    let body = `import { FLAGS } from '../flags';\nimport { useFeatureIsOn } from '@growthbook/growthbook-react';\n` +
      `import { format } from 'date-fns';\nimport { ldClient } from '../ld';\n`;
    for (let part = 0; body.length < options.largeFileBytes; part++) {
      body += ordinaryCode(random, pick, 8);
      const key = pick(flagKeys);
      if (part % 2 === 0) {
        body += `\nexport function Section${part}() {\n  const enabled = useFeatureIsOn('${key}');\n` +
          `  return <div>{enabled ? <b>new</b> : <i>old</i>}</div>;\n}\n`;
        checks.jsx++;
      } else {
        body += `\nexport async function gate${part}(user: { key: string }): Promise<boolean> {\n` +
          `  return ldClient.variation(FLAGS.${constantName(key)}, user, false);\n}\n`;
        checks.constant++;
      }
    }
    writeFileSync(path.join(root, 'src', 'large', 'Catalog.tsx'), body);
  }
  return { files: fileCount + 5 + (options.largeFileBytes === undefined ? 0 : 1), checks, flagKeys };
}

/** Plain application code of about `functions` functions, so files have realistic size and shape. */
function ordinaryCode(random: () => number, pick: <T>(items: readonly T[]) => T, functions: number): string {
  let text = `export interface Record${Math.floor(random() * 1e6)} {\n  id: string;\n  createdAt: Date;\n  total: number;\n}\n`;
  for (let f = 0; f < functions; f++) {
    const word = pick(WORDS);
    text += `\n/** Computes the ${word} summary for a list of items. */\n` +
      `export function ${word}Summary${f}(items: Array<{ id: string; total: number; createdAt: Date }>): string {\n` +
      `  const totals = items.filter((item) => item.total > ${Math.floor(random() * 100)}).map((item) => item.total);\n` +
      `  const sum = totals.reduce((a, b) => a + b, 0);\n` +
      `  if (sum > ${Math.floor(random() * 1000)}) {\n    return \`${word}: \${sum} since \${format(items[0].createdAt, 'yyyy-MM-dd')}\`;\n  }\n` +
      `  return items.map((item) => item.id).join(', ');\n}\n`;
  }
  return text;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const out = args[0];
  const option = (name: string, fallback: number) => {
    const index = args.indexOf(name);
    return index >= 0 ? Number(args[index + 1]) : fallback;
  };
  if (!out) {
    process.stderr.write('usage: node --import tsx bench/generate.ts OUT_DIR [--files N] [--seed S]\n');
    process.exit(2);
  }
  const result = generateWorkspace(path.resolve(out), option('--files', 1000), option('--seed', 1));
  process.stdout.write(JSON.stringify({ files: result.files, checks: result.checks, flags: result.flagKeys.length }) + '\n');
}
