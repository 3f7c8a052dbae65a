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
import { mayHoldChecks } from '../../server/src/analysis/prefilter';
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
    name: 'a component\'s element is its name as a script writes it, where its tag is; its text props are strings in their quotes',
    text: '<feature-flag name="x" :params="p" class="c">',
    view: ';FeatureFlag      ;"x"        ;(p)      ;"c" ',
  },
  {
    name: 'a component named by a path keeps it; an HTML element\'s plain attributes stay blank',
    text: '<Flags.Gate name=\'y\'><div title="t">',
    view: ';Flags.Gate     ;\'y\'                ',
  },
  {
    name: 'a text prop with an escape or a line break is no string: blank',
    text: '<FeatureFlag name="a\\b" title="one\ntwo">',
    view: ';FeatureFlag                      \n     ',
  },
  {
    name: 'a custom directive is a call of it with its value; its argument and modifiers are blank',
    text: '<p v-feature-flag:x.once="Flags.X" v-model="m">',
    view: '  ;vFeatureFlag          (Flags.X)        ;(m) ',
  },
  {
    name: 'a tag no identifier writes, and an SVG element in camelCase, are blank',
    text: '<svg:rect x="1"/><linearGradient id="g"/>',
    view: ' '.repeat(41),
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

describe("a component's element in a Vue template", () => {
  const patterns = buildPatternSet([{ callee: 'FeatureFlag', keyArg: 0, keyPath: ['name'] }, { callee: 'FeatureToggle', keyArg: 0, keyPath: ['featureName'] }]);
  const text = `<template>
  <feature-flag name="new-nav">a</feature-flag>
  <FeatureFlag
    class="wide"
    :name="Flags.Wide"/>
  <feature-toggle feature-name="promo" />
  <feature-flag v-bind="options" name="after-spread" />
  <feature-flag name="before-spread" v-bind="options" />
  <other-gate name="other" />
  <div name="plain" />
</template>
<script setup lang="ts">
import FeatureFlag from './FeatureFlag.vue';
const Flags = { Wide: 'wide-layout' } as const;
</script>
`;

  it('is a check where a pattern names the component and the prop holds the key: a text, or code bound to it', () => {
    const checks = scanFile('/w/src/Page.vue', text, patterns).checks;
    assert.deepEqual(checks.map((check) => ({
      key: check.key,
      method: check.method,
      line: text.slice(0, check.keySpan.start).split('\n').length,
      tag: text.slice(check.callSpan.start, check.callSpan.end).split(/\s/)[0],
    })), [
      { key: 'new-nav', method: 'feature-flag', line: 2, tag: '<feature-flag' },
      { key: 'wide-layout', method: 'FeatureFlag', line: 5, tag: '<FeatureFlag' },
      { key: 'promo', method: 'feature-toggle', line: 6, tag: '<feature-toggle' },
      { key: 'after-spread', method: 'feature-flag', line: 7, tag: '<feature-flag' },
    ]);
    // What it gives is what it renders: the clean-up has no value to put in its place.
    assert.equal(checks[0].returns?.kind, 'other');
  });

  it('is found in a file that writes the component only in kebab-case (registered elsewhere)', () => {
    const page = '<template>\n  <feature-flag name="new-nav">a</feature-flag>\n</template>\n';
    assert.deepEqual(scanFile('/w/src/Page.vue', page, patterns).checks.map((check) => check.key), ['new-nav']);
    assert.equal(mayHoldChecks(page, patterns), true);
    assert.equal(mayHoldChecks(page.replace(/feature-flag/g, 'feature-flags'), patterns), false);
  });
});

describe('a Vue component that checks the flag its prop names, found with no configuration', () => {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'app', dependencies: { '@unleash/proxy-client-vue': '1', '@openfeature/web-sdk': '1' } }),
    'src/components/FeatureGuard.vue': `<template><slot v-if="enabled" /></template>
<script setup lang="ts">
import { useFlag } from '@unleash/proxy-client-vue';
const props = defineProps<{ name: string }>();
const enabled = useFlag(props.name);
</script>
`,
    // Options API, named by its folder, registered globally: templates write it in kebab-case with no import.
    'src/components/beta-gate/index.vue': `<template><div v-if="on"><slot /></div></template>
<script>
import { OpenFeature } from '@openfeature/web-sdk';
const client = OpenFeature.getClient();
export default {
  props: ['flag'],
  data() {
    return { on: false };
  },
  mounted() {
    const { flag } = this;
    this.on = client.getBooleanValue(flag, false);
  },
};
</script>
`,
    'src/App.vue': `<template>
  <FeatureGuard name="new-nav"><nav /></FeatureGuard>
  <beta-gate flag="beta"><p /></beta-gate>
</template>
<script setup lang="ts">
import FeatureGuard from './components/FeatureGuard.vue';
</script>
`,
  };

  it('is a wrapper by its name, keyed by that prop, whose elements are checks', async () => {
    const root = writeWorkspace('flaglens-vue-gates-', files);
    const index = new WorkspaceIndex(root, { patterns: buildPatternSet([]), ignore: [], maxFileSize: 1_000_000, log: () => undefined, infer: true });
    await index.indexAll();
    const checks = index.allChecks().get(`${root}/src/App.vue`) ?? [];
    assert.deepEqual(checks.map(({ key, method, dynamic }) => ({ key, method, dynamic })), [
      { key: 'new-nav', method: 'FeatureGuard', dynamic: undefined },
      { key: 'beta', method: 'beta-gate', dynamic: undefined },
    ]);
    // The gates' own checks are dynamic: each element decides their key.
    const inGates = [...index.allChecks()].filter(([file]) => file.includes('/components/')).flatMap(([, found]) => found);
    assert.deepEqual(inGates.map((check) => check.dynamic), [true, true]);
  });
});

describe('a Vue directive that checks the flag its value names, found with no configuration', () => {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'app', dependencies: { '@openfeature/web-sdk': '1' } }),
    'src/client.ts': `import { OpenFeature } from '@openfeature/web-sdk';\nexport const client = OpenFeature.getClient();\n`,
    'src/directives/feature.ts': `import { client } from '../client';
export const vFeature = {
  mounted(el: HTMLElement, binding: { value: string }) {
    if (!client.getBooleanValue(binding.value, false)) el.remove();
  },
};
`,
    // Registered by name, Vue 2's hook: templates write it with no import.
    'src/main.ts': `import Vue from 'vue';
import { client } from './client';
Vue.directive('beta-only', {
  bind(el: HTMLElement, binding: { value: string }) {
    if (!client.getBooleanValue(binding.value, false)) el.remove();
  },
});
`,
    'src/App.vue': `<template>
  <nav v-feature="'new-nav'" />
  <p v-beta-only.once="'beta'" v-if="shown" />
</template>
<script setup lang="ts">
import { vFeature } from './directives/feature';
const shown = true;
</script>
`,
  };

  it('is a wrapper by its name, and its attributes in templates are checks of their values', async () => {
    const root = writeWorkspace('flaglens-vue-directives-', files);
    const index = new WorkspaceIndex(root, { patterns: buildPatternSet([]), ignore: [], maxFileSize: 1_000_000, log: () => undefined, infer: true });
    await index.indexAll();
    const text = files['src/App.vue'];
    const checks = index.allChecks().get(`${root}/src/App.vue`) ?? [];
    assert.deepEqual(checks.map(({ key, method, keySpan }) => ({ key, method, line: text.slice(0, keySpan.start).split('\n').length })), [
      { key: 'new-nav', method: 'vFeature', line: 2 },
      { key: 'beta', method: 'vBetaOnly', line: 3 },
    ]);
    assert.deepEqual(index.inferred?.wrappers.map((wrapper) => wrapper.pattern.callee).sort(), ['vBetaOnly', 'vFeature']);
  });
});

describe("an options component's props", () => {
  const patterns = buildPatternSet([{ callee: 'service.isEnabled', keyArg: 0, keyPath: ['name'] }]);
  const text = `<script>
export default {
  props: { name: { type: String, required: true }, params: Object },
  data() {
    return { other: 'x' };
  },
  async mounted() {
    const { name, other } = this;
    this.on = await service.isEnabled({ name });
    this.other = await service.isEnabled({ name: other });
    this.direct = await service.isEnabled({ name: this.name });
  },
};
</script>
`;

  it('are what `this` holds of its element: a key destructured from it or read in place is dynamic, its data is not', () => {
    const checks = scanFile('/w/src/feature-flag.vue', text, patterns).checks;
    assert.deepEqual(checks.map((check) => [check.key, check.dynamic === true]), [['name', true], ['other', false], ['this.name', true]]);
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
