// The index and helpers of one flag: a function or method that gives back one check of a fixed flag makes each of its
// calls a check of that flag, in its own file and in the files that import it (or hold its class's instance), and
// nothing else does. Each row is a workspace and the references of every key, as `file:text of the call`.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { buildPatternSet } from '../../server/src/analysis/patterns';
import { removabilityAtCheck } from '../../server/src/analysis/removability';
import { callsFlagFunction, withFlagFunctionNames } from '../../server/src/analysis/scan/flagFunctions';
import { toPosixPath } from '../../server/src/workspace/files';
import { WorkspaceIndex } from '../../server/src/workspace/index';

const roots: string[] = [];
after(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

async function indexed(files: Record<string, string>, infer = true): Promise<{ root: string; index: WorkspaceIndex }> {
  const root = toPosixPath(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-helpers-'))));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  const index = new WorkspaceIndex(root, { patterns: buildPatternSet([]), ignore: [], maxFileSize: 1024 * 1024, log: () => undefined, infer });
  await index.indexAll();
  return { root, index };
}

/** Every key's references, `key file:call`, sorted. */
function referencesOf(index: WorkspaceIndex, root: string): string[] {
  return [...index.allChecks()].flatMap(([file, checks]) => {
    const text = fs.readFileSync(file, 'utf8');
    return checks.map((check) => `${check.key} ${path.posix.relative(root, file)}:${text.slice(check.callSpan.start, check.callSpan.end)}`);
  }).sort();
}

const CLIENT = `import * as LaunchDarkly from 'launchdarkly-node-server-sdk';\nexport const client = LaunchDarkly.init('sdk-key');\n`;

interface Row {
  readonly name: string;
  readonly files: Record<string, string>;
  readonly references: readonly string[];
}

const ROWS: readonly Row[] = [
  {
    name: 'an exported function, called in another module and through a barrel',
    files: {
      'src/ld.ts': CLIENT,
      'src/flags.ts': `import { client } from './ld';\nexport function isNewNavEnabled(user: object) {\n  return client.variation('new-nav', user, false);\n}\n`,
      'src/index.ts': `export * from './flags';\n`,
      'src/page.ts': `import { isNewNavEnabled } from './flags';\nimport * as all from './index';\nexport const a = isNewNavEnabled({}) ? 1 : 2;\nexport const b = all.isNewNavEnabled({});\n`,
    },
    references: [
      "new-nav src/flags.ts:client.variation('new-nav', user, false)",
      'new-nav src/page.ts:all.isNewNavEnabled({})',
      'new-nav src/page.ts:isNewNavEnabled({})',
    ],
  },
  {
    name: 'an arrow that awaits the check into a constant after a guard, called in its own module',
    files: {
      'src/flags.ts': `${CLIENT}const ready = true;\nconst hasBeta = async () => {\n  if (!ready) return false;\n  const on = await client.variation('beta', {}, false);\n  return on;\n};\nexport async function render() {\n  return (await hasBeta()) ? 'beta' : 'stable';\n}\n`,
    },
    references: [
      "beta src/flags.ts:client.variation('beta', {}, false)",
      'beta src/flags.ts:hasBeta()',
    ],
  },
  {
    name: "a class's method: on itself, on a service injected by its type, on an instance made here or exported",
    files: {
      'src/ld.ts': CLIENT,
      'src/feature.service.ts': `import { client } from './ld';\nexport class FeatureService {\n  isCheckoutEnabled(): Promise<boolean> {\n    return client.variation('checkout-v2', {}, false);\n  }\n  banner() {\n    return this.isCheckoutEnabled();\n  }\n}\nexport const featureService = new FeatureService();\n`,
      'src/page.component.ts': `import { FeatureService } from './feature.service';\nexport class PageComponent {\n  constructor(private readonly features: FeatureService) {}\n  async show() {\n    return await this.features.isCheckoutEnabled();\n  }\n}\nconst made = new FeatureService();\nexport const later = made.isCheckoutEnabled();\n`,
      'src/job.ts': `import { featureService } from './feature.service';\nexport const job = () => featureService.isCheckoutEnabled();\n`,
    },
    references: [
      "checkout-v2 src/feature.service.ts:client.variation('checkout-v2', {}, false)",
      'checkout-v2 src/feature.service.ts:this.isCheckoutEnabled()',
      'checkout-v2 src/job.ts:featureService.isCheckoutEnabled()',
      'checkout-v2 src/page.component.ts:made.isCheckoutEnabled()',
      'checkout-v2 src/page.component.ts:this.features.isCheckoutEnabled()',
    ],
  },
  {
    name: "a helper that reads a composable's computed box at .value, called in a module that imports it",
    files: {
      'src/composables/user-flag.js': `import { ref, computed } from 'vue'\nconst _flags = ref([])\nconst BLOCK_V4 = 'block_apiv4'\nconst useFlag = (flagName) => {\n  return computed(() => _flags.value?.includes(flagName) ?? false)\n}\nconst hasFlagBlockApiV4 = () => {\n  return useFlag(BLOCK_V4).value\n}\nexport { useFlag, hasFlagBlockApiV4 }\n`,
      'src/services/domains.js': `import { hasFlagBlockApiV4 } from '@/composables/user-flag'\nexport const endpoint = () => (hasFlagBlockApiV4() ? '/v4' : '/v3')\n`,
      'jsconfig.json': `{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }\n`,
    },
    references: [
      'block_apiv4 src/composables/user-flag.js:useFlag(BLOCK_V4)',
      'block_apiv4 src/services/domains.js:hasFlagBlockApiV4()',
    ],
  },
  {
    name: 'a negated check, and one compared with a literal',
    files: {
      'src/flags.ts': `${CLIENT}export const isLegacyOff = () => !client.variation('legacy', {}, true);\nexport function theme() {\n  return client.variation('theme', {}, 'light') === 'dark';\n}\n`,
      'src/page.ts': `import { isLegacyOff, theme } from './flags';\nexport const a = isLegacyOff();\nexport const b = theme();\n`,
    },
    references: [
      "legacy src/flags.ts:client.variation('legacy', {}, true)",
      'legacy src/page.ts:isLegacyOff()',
      "theme src/flags.ts:client.variation('theme', {}, 'light')",
      'theme src/page.ts:theme()',
    ],
  },
  {
    name: 'no helper: two checks, a check the function makes something else of, a key its caller passes',
    files: {
      'src/flags.ts': `${CLIENT}export const both = () => client.variation('a', {}, false) && client.variation('b', {}, false);\nexport function rows(items: string[]) {\n  return items.filter(() => client.variation('c', {}, false));\n}\nexport const isOn = (key: string) => client.variation(key, {}, false);\n`,
      'src/page.ts': `import { both, rows, isOn } from './flags';\nexport const a = both();\nexport const b = rows([]);\nexport const c = isOn('e');\n`,
    },
    references: [
      "a src/flags.ts:client.variation('a', {}, false)",
      "b src/flags.ts:client.variation('b', {}, false)",
      "c src/flags.ts:client.variation('c', {}, false)",
      // The wrapper's call, as zero-config infers it.
      "e src/page.ts:isOn('e')",
      'key src/flags.ts:client.variation(key, {}, false)',
    ],
  },
  {
    name: 'no helper call: a method of the same name on another class, and a function of the same name from another module',
    files: {
      'src/ld.ts': CLIENT,
      'src/feature.service.ts': `import { client } from './ld';\nexport class FeatureService {\n  isEnabled() {\n    return client.variation('x', {}, false);\n  }\n}\nexport function isReady() {\n  return client.variation('ready', {}, false);\n}\n`,
      'src/other.ts': `export class Door {\n  isEnabled() {\n    return true;\n  }\n}\nexport function isReady() {\n  return false;\n}\n`,
      'src/page.ts': `import { Door, isReady } from './other';\nexport class Page {\n  constructor(private door: Door) {}\n  open() {\n    return this.door.isEnabled() && isReady();\n  }\n}\n`,
    },
    references: [
      "ready src/feature.service.ts:client.variation('ready', {}, false)",
      "x src/feature.service.ts:client.variation('x', {}, false)",
    ],
  },
  {
    name: 'no helper call: a helper handed over in a list, in its module and in another',
    files: {
      'src/ld.ts': CLIENT,
      'src/gates.ts': `import { client } from './ld';\nexport function canAmend() {\n  return client.variation('amend', {}, false);\n}\nexport const here = [canAmend];\n`,
      'src/routes.ts': `import { canAmend } from './gates';\nexport const chain = [canAmend, () => 1];\n`,
    },
    references: ["amend src/gates.ts:client.variation('amend', {}, false)"],
  },
  {
    name: "no helper: a check kept only by another module's evidence that does not hold",
    files: {
      'src/store.ts': `export const client = { variation: (key: string, user: object, fallback: boolean) => fallback };\n`,
      'src/flags.ts': `import { client } from './store';\nexport function isNewNavEnabled() {\n  return client.variation('new-nav', {}, false);\n}\n`,
      'src/page.ts': `import { isNewNavEnabled } from './flags';\nexport const a = isNewNavEnabled();\n`,
      'src/nav.ts': `import { isNewNavEnabled } from './flags';\nexport const showNav = () => !isNewNavEnabled();\n`,
      'src/menu.ts': `import { showNav } from './nav';\nexport const b = showNav();\n`,
    },
    references: [],
  },
  {
    name: "helpers of helpers: whether another helper's variant is an enum's member, and its negation, called in another module",
    files: {
      'src/ld.ts': CLIENT,
      'src/variants.ts': `export enum BaseVariant {\n  Control = 'control',\n  Enabled = 'enabled',\n}\n`,
      'src/flags/explore.ts': `import { client } from '../ld';\nimport { BaseVariant } from '../variants';\nexport function useExploreFlag(): BaseVariant {\n  return client.variation('explore', {}, BaseVariant.Control);\n}\nexport function useExplorePageEnabled(): boolean {\n  return useExploreFlag() === BaseVariant.Enabled;\n}\nexport const hideExplore = () => !useExplorePageEnabled();\nexport function sameAs(variant: BaseVariant): boolean {\n  return useExploreFlag() === variant;\n}\n`,
      'src/page.ts': `import { hideExplore, sameAs, useExploreFlag, useExplorePageEnabled } from './flags/explore';\nexport const a = useExplorePageEnabled() ? 1 : 2;\nexport const b = hideExplore();\nexport const c = useExploreFlag();\nexport const d = sameAs(c);\n`,
    },
    references: [
      "explore src/flags/explore.ts:client.variation('explore', {}, BaseVariant.Control)",
      'explore src/flags/explore.ts:useExploreFlag()',
      'explore src/flags/explore.ts:useExploreFlag()',
      'explore src/flags/explore.ts:useExplorePageEnabled()',
      'explore src/page.ts:hideExplore()',
      'explore src/page.ts:useExploreFlag()',
      'explore src/page.ts:useExplorePageEnabled()',
    ],
  },
  {
    name: "helpers of helpers across modules: another module's helper of an imported helper, through a barrel",
    files: {
      'src/ld.ts': CLIENT,
      'src/flags/base.ts': `import { client } from '../ld';\nexport const useCheckoutVariant = () => client.variation('checkout', {}, 'control');\n`,
      'src/flags/index.ts': `export * from './base';\n`,
      'src/flags/enabled.ts': `import { useCheckoutVariant } from './index';\nexport function useCheckoutEnabled(): boolean {\n  return useCheckoutVariant() === 'treatment';\n}\n`,
      'src/gate.ts': `import { useCheckoutEnabled } from './flags/enabled';\nexport class Gate {\n  open(): boolean {\n    return !useCheckoutEnabled();\n  }\n}\n`,
      'src/page.ts': `import { Gate } from './gate';\nexport const shown = new Gate().open();\nexport function view(gate: Gate) {\n  return gate.open() ? 'old' : 'new';\n}\n`,
    },
    references: [
      "checkout src/flags/base.ts:client.variation('checkout', {}, 'control')",
      'checkout src/flags/enabled.ts:useCheckoutVariant()',
      'checkout src/gate.ts:useCheckoutEnabled()',
      'checkout src/page.ts:gate.open()',
    ],
  },
  {
    name: 'a helper whose check a condition joins that asks nothing of the call; none where the condition reads a parameter, a local or this, or a second check joins',
    files: {
      'src/ld.ts': CLIENT,
      'src/flags.ts': `import { client } from './ld';\nconst isLocal = () => process.env.NODE_ENV === 'development';\nexport const jobsEnabled = (org: string): boolean =>\n  isLocal() || client.variation('jobs', { key: org }, false);\nexport const both = () => isLocal() && client.variation('a', {}, false) && client.variation('b', {}, false);\nexport const isKube = (app: { kind: string }) => app.kind === 'kube' || client.variation('kube', {}, false);\nexport function canWrite() {\n  const user = { admin: true };\n  return client.variation('write', {}, false) && !user.admin;\n}\nexport class Story {\n  mode = 'qa';\n  isQa() {\n    return client.variation('qa', {}, false) && this.mode === 'qa';\n  }\n}\n`,
      'src/queue.ts': `import { both, canWrite, isKube, jobsEnabled, Story } from './flags';\nexport const run = (org: string) => (jobsEnabled(org) ? 1 : both() ? 2 : isKube({ kind: org }) || canWrite() ? 3 : 0);\nexport const qa = (story: Story) => story.isQa();\n`,
    },
    references: [
      "a src/flags.ts:client.variation('a', {}, false)",
      "b src/flags.ts:client.variation('b', {}, false)",
      "jobs src/flags.ts:client.variation('jobs', { key: org }, false)",
      "kube src/flags.ts:client.variation('kube', {}, false)",
      "qa src/flags.ts:client.variation('qa', {}, false)",
      "write src/flags.ts:client.variation('write', {}, false)",
      'jobs src/queue.ts:jobsEnabled(org)',
    ],
  },
  {
    name: "a constant of a function's body that gives back a check is a helper called there; a call outside that body, or of a helper whose check a condition of the body joins, is none",
    files: {
      'src/ld.ts': CLIENT,
      'src/store.ts': `import { client } from './ld';
export function setupStore(user: object, isAdmin: boolean) {
  const useV2 = () => client.variation('categorization-v2', user, false);
  const adminBeta = () => isAdmin && client.variation('admin-beta', user, false);
  function load() { return useV2() ? 'v2' : 'v1'; }
  return { load, save: () => (!useV2() ? 1 : 2), beta: adminBeta() };
}
export function other() { return useV2(); }
const useV2 = () => false;
`,
    },
    references: [
      "admin-beta src/store.ts:client.variation('admin-beta', user, false)",
      "categorization-v2 src/store.ts:client.variation('categorization-v2', user, false)",
      'categorization-v2 src/store.ts:useV2()',
      'categorization-v2 src/store.ts:useV2()',
    ],
  },
];

describe('helpers of one flag', () => {
  for (const row of ROWS) {
    it(row.name, async () => {
      const { root, index } = await indexed(row.files);
      assert.deepEqual(referencesOf(index, root), [...row.references].sort());
    });
  }

  it("are inferred, as wrappers are: a configured workspace's index looks for the patterns it names", async () => {
    const { root, index } = await indexed(ROWS[0].files, false);
    assert.deepEqual(referencesOf(index, root), ["new-nav src/flags.ts:client.variation('new-nav', user, false)"]);
  });

  it('a call names the helper and its check, and the clean-up leaves it for the check inside the helper', async () => {
    const { root, index } = await indexed({
      'src/ld.ts': CLIENT,
      'src/flags.ts': `import { client } from './ld';\nexport function isNewNavEnabled() {\n  return client.variation('new-nav', {}, false);\n}\n`,
      'src/page.ts': `import { isNewNavEnabled } from './flags';\nexport const a = isNewNavEnabled();\n`,
    });
    const [call] = index.checksIn(`${root}/src/page.ts`);
    const [inside] = index.checksIn(`${root}/src/flags.ts`);
    assert.deepEqual(call.helperCall, { name: 'isNewNavEnabled', file: `${root}/src/flags.ts`, start: inside.callSpan.start });
    assert.equal(call.sdk, 'launchdarkly');
    assert.equal(call.evidence, '`isNewNavEnabled` gives back a check of the flag, client.variation() in flags.ts');
    const whole = { removable: true as const, kept: { kind: 'value' as const, value: true }, verdict: { state: 'released' as const, summary: 'on everywhere', value: true, servesCodeDefault: false } };
    const atCall = removabilityAtCheck(whole, call);
    assert.equal(atCall.removable, false);
    assert.match(atCall.removable ? '' : atCall.why, /calls isNewNavEnabled \(in flags\.ts\), a helper that gives back a check of 'new-nav'; clean up the check inside the helper/);
    assert.equal(removabilityAtCheck(whole, inside).removable, true);
  });
});

describe('which files the index scans again for helpers of one flag', () => {
  const patterns = withFlagFunctionNames(buildPatternSet([]), ['hasBeta', 'isCheckoutEnabled']);
  const ROWS: ReadonlyArray<{ name: string; text: string; declared?: Record<string, number>; again: boolean }> = [
    { name: 'a module that declares its helper and calls it nowhere', text: 'export const hasBeta = () => client.variation("beta", {}, false);\n', declared: { hasBeta: 0 }, again: false },
    { name: 'a module that declares its helper and calls it', text: 'const hasBeta = () => client.variation("beta", {}, false);\nexport const a = hasBeta();\n', declared: { hasBeta: 0 }, again: true },
    { name: "a class's helper called on itself", text: 'class F {\n  isCheckoutEnabled() { return client.variation("c", {}, false); }\n  b() { return this.isCheckoutEnabled(); }\n}\n', declared: { 'F.isCheckoutEnabled': 0 }, again: true },
    { name: "a module that names another module's helper", text: 'import { hasBeta } from "./flags";\nexport const a = hasBeta();\n', again: true },
    { name: 'a module that names none', text: 'export const hasBetaTester = 1;\n', again: false },
  ];
  for (const row of ROWS) {
    it(row.name, () => {
      assert.equal(callsFlagFunction(row.text, patterns, row.declared), row.again);
    });
  }
});
