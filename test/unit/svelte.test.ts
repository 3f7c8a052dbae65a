// Svelte components (server/src/analysis/svelte.ts): the script view the parser reads, the checks found in `<script>`
// blocks and the markup's braces at the component's own lines and columns, and a clean-up that leaves components as
// they are and says so.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildPatternSet } from '../../server/src/analysis/patterns';
import { removeFlagFromFile } from '../../server/src/analysis/remove/plan';
import { scanFile } from '../../server/src/analysis/scan';
import { svelteScriptView } from '../../server/src/analysis/svelte';
import { isSourceFile } from '../../server/src/workspace/files';

interface ViewRow {
  name: string;
  text: string;
  view: string;
}

const blank = (text: string): string => text.replace(/[^\r\n]/g, ' ');

const VIEW_ROWS: ViewRow[] = [
  {
    name: 'both script blocks are kept as they are, their tags blank',
    text: '<script context="module">\nexport const a = 1;\n</script>\n<script lang="ts">\nuse()\n</script>',
    view: '                        ;\nexport const a = 1;\n         \n                 ;\nuse()\n         ',
  },
  {
    name: 'an expression in text is a statement in parentheses where its braces were',
    text: '<p>{isOn(\'a\') ? 1 : 2}</p>',
    view: '  ;(isOn(\'a\') ? 1 : 2)    ',
  },
  {
    name: 'an if block\'s condition, and an else-if\'s; the tags that part and end blocks are blank',
    text: '{#if isOn(\'a\')}x{:else if b}y{:else}z{/if}',
    view: '   ;(isOn(\'a\'))         ;(b)              ',
  },
  {
    name: 'an each block keeps its list, not the names it binds',
    text: '{#each flags.items as item, i (item.id)}{item}{/each}',
    view: '     ;(flags.items)                    ;(item)       ',
  },
  {
    name: 'an await block keeps its promise, not the name its then binds',
    text: '{#await load() then value}{value}{/await}',
    view: '      ;(load())          ;(value)        ',
  },
  {
    name: 'attribute values, event handlers, bindings and spreads are expressions',
    text: '<b disabled={!flags.v2} on:click={() => go()} {...rest} class="a {c}">',
    view: '           ;(!flags.v2)         ;(() => go())   ;(rest)         ;(c)  ',
  },
  {
    name: 'braces inside strings and template literals do not end the expression; at the very start there is no room for a `;`',
    text: '{fmt(\'}\', `${a}}`)}',
    view: '(fmt(\'}\', `${a}}`))',
  },
  {
    name: 'a const tag keeps its value',
    text: '{@const on = isOn(\'a\')}',
    view: '           ;(isOn(\'a\'))',
  },
  {
    name: 'styles and comments are blank, whatever braces they hold',
    text: '<style>.a { color: red; }</style><!-- {isOn(\'no\')} -->',
    view: blank('<style>.a { color: red; }</style><!-- {isOn(\'no\')} -->'),
  },
  {
    name: 'an expression on a line of its own: the `;` never takes the place of a line break',
    text: '<div\n{a}\n>',
    view: '   ;\n(a)\n ',
  },
  {
    name: 'a brace left open is blank to the end',
    text: '<p>{isOn(\'a\'</p>',
    view: blank('<p>{isOn(\'a\'</p>'),
  },
];

describe('svelteScriptView', () => {
  for (const row of VIEW_ROWS) {
    it(row.name, () => {
      const view = svelteScriptView(row.text);
      assert.equal(view, row.view);
      assert.equal(view.length, row.text.length);
      assert.deepEqual([...view.matchAll(/\r?\n/g)].map((match) => match.index), [...row.text.matchAll(/\r?\n/g)].map((match) => match.index));
    });
  }
});

const COMPONENT = `<script lang="ts">
  import { features } from '$lib/features';
  const legacy = features.isOn(Feature.Legacy);
</script>

{#if features.isOn(Feature.NewNav)}
  <Nav wide={features.isOn(Feature.Wide)} />
{:else}
  <OldNav />
{/if}
<p>{features.isOn(Feature.Promo) ? 'promo' : ''}</p>

<style>
  nav { display: flex; }
</style>
`;

describe('a Svelte component\'s checks', () => {
  const patterns = buildPatternSet([{ callee: 'features.isOn', keyArg: 0 }]);

  it('are found in its script and its markup, at its own lines and columns', () => {
    assert.ok(isSourceFile('/w/src/App.svelte'));
    const scan = scanFile('/w/src/App.svelte', COMPONENT, patterns);
    const found = scan.checks.map((check) => {
      const line = COMPONENT.slice(0, check.callSpan.start).split('\n').length;
      const column = check.callSpan.start - COMPONENT.lastIndexOf('\n', check.callSpan.start - 1) - 1;
      return { key: check.key, line, text: COMPONENT.split('\n')[line - 1].slice(column, column + 14) };
    });
    assert.deepEqual(found, [
      { key: 'Feature.Legacy', line: 3, text: 'features.isOn(' },
      { key: 'Feature.NewNav', line: 6, text: 'features.isOn(' },
      { key: 'Feature.Wide', line: 7, text: 'features.isOn(' },
      { key: 'Feature.Promo', line: 11, text: 'features.isOn(' },
    ]);
  });

  it('are left by the clean-up, which says where and why', () => {
    const checks = scanFile('/w/src/App.svelte', COMPONENT, patterns).checks.filter((check) => check.key === 'Feature.NewNav');
    const removal = removeFlagFromFile('/w/src/App.svelte', COMPONENT, checks, { kind: 'value', value: true }, 'new-nav');
    assert.equal(removal.text, COMPONENT);
    assert.deepEqual(removal.problems, [{ line: 6, message: "'new-nav' is checked in a Svelte component, which the clean-up does not rewrite: remove it here by hand" }]);
  });
});
