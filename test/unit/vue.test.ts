// Vue single-file components (server/src/analysis/vue.ts): the script view the parser reads, the checks found in
// `<script>` blocks and template expressions at the component's own lines and columns, and a clean-up that leaves
// components as they are and says so.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { buildPatternSet } from '../../server/src/analysis/patterns';
import { removeFlagFromFile } from '../../server/src/analysis/remove/plan';
import { removeFlagFromWorkspace } from '../../server/src/analysis/remove/workspace';
import { scanDocument, scanFile } from '../../server/src/analysis/scan';
import { vueScriptView } from '../../server/src/analysis/vue';
import { isSourceFile } from '../../server/src/workspace/files';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { writeWorkspace } from './workspace-builders';

interface ViewRow {
  name: string;
  text: string;
  view: string;
}

const VIEW_ROWS: ViewRow[] = [
  {
    name: 'a script block is kept as it is, its tags blank; the `>` before it ends what came before',
    text: '<script setup lang="ts">\nconst a = useFlag(\'x\');\n</script>',
    view: '                       ;\nconst a = useFlag(\'x\');\n         ',
  },
  {
    name: 'both script blocks of a component are kept',
    text: '<script>\nexport default {}\n</script>\n<script setup>\nuse()\n</script>',
    view: '       ;\nexport default {}\n         \n             ;\nuse()\n         ',
  },
  {
    name: 'a directive\'s value is an expression in parentheses, after a `;` where its `=` was',
    text: '<div v-if="isOn(\'a\') && b">',
    view: '         ;(isOn(\'a\') && b) ',
  },
  {
    name: 'a bound prop\'s object is an expression, not a block',
    text: '<p :class="{ wide: flags.wide }"/>',
    view: '         ;({ wide: flags.wide })  ',
  },
  {
    name: 'an event handler\'s value is statements',
    text: '<b @click="open = true; track()">',
    view: '          ;open = true; track()  ',
  },
  {
    name: 'v-for binds names and a slot takes parameters: both blank',
    text: '<li v-for="item in items" #default="{ row }" v-slot:x="y">',
    view: ' '.repeat(58),
  },
  {
    name: 'an interpolation is an expression where its braces were',
    text: '<p>{{ isOn(\'a\') ? 1 : 2 }}</p>',
    view: '   ;( isOn(\'a\') ? 1 : 2 )     ',
  },
  {
    name: 'plain attributes, comments and styles are blank, whatever they hold',
    text: '<p title="useFlag(\'no\')"><!-- useFlag(\'no\') --></p><style>.a{b:c}</style>',
    view: ' '.repeat(73),
  },
  {
    name: 'a template in another language is blank',
    text: '<template lang="pug">\ndiv(v-if="isOn(\'a\')") {{ x }}\n</template>',
    view: `${' '.repeat(21)}\n${' '.repeat(29)}\n${' '.repeat(11)}`,
  },
  {
    name: 'a value with `>` in its quotes does not end the tag',
    text: '<a :x="a > b" :y="c">',
    view: '     ;(a > b)   ;(c) ',
  },
  {
    name: 'a directive on a line of its own: the `;` never takes the place of a line break',
    text: '<div\n  v-if="a"\n  :b="c"\n>',
    view: '    \n      ;(a)\n    ;(c)\n ',
  },
  {
    name: 'an interpolation left open is blank to the end',
    text: '<p>{{ a',
    view: '       ',
  },
  {
    name: 'Windows line breaks are kept',
    text: '<div\r\n v-if="a">\r\n</div>',
    view: '    \r\n     ;(a) \r\n      ',
  },
];

describe('vueScriptView', () => {
  for (const row of VIEW_ROWS) {
    it(row.name, () => {
      const view = vueScriptView(row.text);
      assert.equal(view, row.view);
      assert.equal(view.length, row.text.length);
      assert.deepEqual([...view.matchAll(/\r?\n/g)].map((match) => match.index), [...row.text.matchAll(/\r?\n/g)].map((match) => match.index));
    });
  }
});

const COMPONENT = `<template>
  <nav v-if="features.isOn(Feature.NewNav)" :class="{ wide: isOn(Feature.Wide) }">
    <li v-for="item in items" :key="item">{{ item }}</li>
  </nav>
  <p>{{ isOn(Feature.Promo) ? 'promo' : '' }}</p>
</template>

<script setup lang="ts">
import { useFeatureClient } from '@/features-client';
import { Feature } from '@/features';
const features = useFeatureClient();
const isOn = features.isOn;
const legacy = features.isOn(Feature.Legacy);
</script>

<style>
nav { display: flex; }
</style>
`;

const FILES: Record<string, string> = {
  'src/features.ts': `export enum Feature { NewNav = 'new-nav', Wide = 'wide-layout', Promo = 'promo-banner', Legacy = 'legacy-checkout' }`,
  'src/features-client.ts': `import { OpenFeature } from '@openfeature/web-sdk';
import type { Feature } from './features';
const client = OpenFeature.getClient();
export function useFeatureClient() {
  return { isOn: (flag: Feature) => client.getBooleanValue(flag, false) };
}`,
  'src/App.vue': COMPONENT,
  // As Vue's project templates set it up: `@/` is the source folder.
  'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] } } }),
};

describe('a Vue component\'s checks', () => {
  const patterns = buildPatternSet([{ callee: 'features.isOn', keyArg: 0 }, { callee: 'isOn', keyArg: 0 }]);

  it('are found in its script and its template, at its own lines and columns', () => {
    const scan = scanFile('/w/src/App.vue', COMPONENT, patterns);
    const lines = COMPONENT.split('\n');
    const found = scan.checks.map((check) => {
      const line = COMPONENT.slice(0, check.callSpan.start).split('\n').length;
      const column = check.callSpan.start - COMPONENT.lastIndexOf('\n', check.callSpan.start - 1) - 1;
      return { key: check.key, line, text: lines[line - 1].slice(column, column + 12) };
    });
    assert.deepEqual(found, [
      { key: 'Feature.NewNav', line: 2, text: 'features.isO' },
      { key: 'Feature.Wide', line: 2, text: 'isOn(Feature' },
      { key: 'Feature.Promo', line: 5, text: 'isOn(Feature' },
      { key: 'Feature.Legacy', line: 13, text: 'features.isO' },
    ]);
  });

  it("take a key from the component's props as a function takes one from its parameters: the element rendering it decides", () => {
    const gate = `<template>
  <slot v-if="active" />
</template>
<script setup lang="ts">
const props = defineProps<{ name: string }>();
const { other } = withDefaults(defineProps<{ other?: string }>(), { other: 'x' });
const settings = useSettings();
const active = isOn(props.name) && isOn(other) && isOn(settings.name);
</script>
`;
    const checks = scanFile('/w/src/FeatureGate.vue', gate, patterns).checks;
    assert.deepEqual(checks.map((check) => [check.key, check.dynamic === true]), [['props.name', true], ['other', true], ['settings.name', false]]);
  });

  it('are the same for an open component as edited, scanned whole each time', () => {
    const first = scanDocument('/w/src/App.vue', COMPONENT, patterns);
    const edited = COMPONENT.replace('Feature.Promo', 'Feature.Wide');
    const second = scanDocument('/w/src/App.vue', edited, patterns, first);
    assert.deepEqual(second.scan.checks, scanFile('/w/src/App.vue', edited, patterns).checks);
    assert.equal(second.scan.checks[2].key, 'Feature.Wide');
  });

  it('resolve through the registry its script imports, in a workspace indexed with no configuration', async () => {
    const root = writeWorkspace('flaglens-vue-', FILES);
    assert.ok(isSourceFile(path.join(root, 'src/App.vue')));
    const index = new WorkspaceIndex(root, { patterns: buildPatternSet([]), ignore: [], maxFileSize: 1_000_000, log: () => undefined, infer: true });
    await index.indexAll();
    const checks = index.allChecks().get(`${root}/src/App.vue`) ?? [];
    assert.deepEqual(checks.map(({ key, resolved }) => ({ key, resolved })), [
      { key: 'new-nav', resolved: true },
      { key: 'wide-layout', resolved: true },
      { key: 'promo-banner', resolved: true },
      { key: 'legacy-checkout', resolved: true },
    ]);
  });
});

describe("a Vue component's template before its script", () => {
  // As zero-config proposes it for a Pinia store of flags whose fields are filled from flags of other names.
  const patterns = buildPatternSet([], [{ bag: 'useFeatureFlagsStore()', keys: ['SIMPLE_SOCKET_UI', 'MODULES_TAB'], names: { SIMPLE_SOCKET_UI: 'simple-socket-ui' } }]);
  const text = `<template>
  <Panel v-if="featureFlagsStore.SIMPLE_SOCKET_UI" :tabs="ffStore.MODULES_TAB" />
  <p v-else>{{ other.SIMPLE_SOCKET_UI }}</p>
</template>

<script setup lang="ts">
const featureFlagsStore = useFeatureFlagsStore();
const ffStore = useFeatureFlagsStore();
const other = useOtherStore();
const wide = featureFlagsStore.MODULES_TAB;
</script>
`;

  it("reads the names the script declares at its top, each check in the component's order, a field under the flag it is filled from", () => {
    const scan = scanFile('/w/src/Panel.vue', text, patterns);
    assert.deepEqual(scan.checks.map((check) => `${check.key} <- ${text.slice(check.callSpan.start, check.callSpan.end)}`), [
      'simple-socket-ui <- featureFlagsStore.SIMPLE_SOCKET_UI',
      'MODULES_TAB <- ffStore.MODULES_TAB',
      'MODULES_TAB <- featureFlagsStore.MODULES_TAB',
    ]);
    assert.match(scan.checks[0].evidence ?? '', /; its SIMPLE_SOCKET_UI holds the flag simple-socket-ui$/);
    assert.equal(scan.checks[1].evidence?.includes('holds the flag'), false);
  });
});

describe('the clean-up of a flag checked in a Vue component', () => {
  const patterns = buildPatternSet([{ callee: 'features.isOn', keyArg: 0 }, { callee: 'isOn', keyArg: 0 }]);

  it('leaves the component as it was, and says where and why', () => {
    const checks = scanFile('/w/src/App.vue', COMPONENT, patterns).checks.filter((check) => check.key === 'Feature.Legacy');
    const removal = removeFlagFromFile('/w/src/App.vue', COMPONENT, checks, { kind: 'value', value: true }, 'legacy-checkout');
    assert.equal(removal.text, COMPONENT);
    assert.deepEqual(removal.edits, []);
    assert.deepEqual(removal.problems, [{ line: 13, message: "'legacy-checkout' is checked in a Vue single-file component, which the clean-up does not rewrite: remove it here by hand" }]);
  });

  it('keeps a key constant a component declares, and one a component still reads', () => {
    const constants = `export const LEGACY = 'legacy-checkout';\n`;
    const component = `<template><p v-if="isOn(LEGACY)"/></template>\n<script setup>\nimport { LEGACY } from './keys';\nexport const OWN = 'legacy-checkout';\n</script>\n`;
    const checks = scanFile('/w/src/App.vue', component, patterns).checks;
    assert.equal(checks.length, 1);
    const removal = removeFlagFromWorkspace('legacy-checkout', { kind: 'value', value: true }, [{ fileName: '/w/src/App.vue', text: component, checks }], [{ fileName: '/w/src/keys.ts', text: constants }]);
    assert.deepEqual(removal.files.map((file) => ({ fileName: file.fileName, edits: file.edits.length })), [{ fileName: '/w/src/App.vue', edits: 0 }]);
    assert.deepEqual(removal.deletedConstants, []);
  });
});
