// Hover, diagnostics and the remove-flag code action give one answer for every release verdict and
// check shape: "ready to remove" exactly where the action is offered and the diagnostic says remove.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { makeWorkspace, messageOf, position, ServerSession, textAt, type OpenDocument } from './harness';

const FLAGS = {
  flags: {
    released: { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on' },
    'dead-with-value': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'off' },
    'dead-code-default': { state: 'DISABLED', variants: { on: true, off: false }, defaultVariant: 'on' },
    rolling: { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'off', targeting: { fractional: [['on', 30], ['off', 70]] } },
  },
};

// `isOn(key)` passes no default; `isOnOr(key, fallback)` passes one; `variantOf(key)` gives a variant, not the value.
const CONFIG = {
  patterns: [
    { callee: 'isOn', keyArg: 0, type: 'boolean' },
    { callee: 'isOnOr', keyArg: 0, defaultArg: 1, type: 'boolean' },
    { callee: 'variantOf', keyArg: 0, returns: 'other' },
  ],
};

interface Row {
  key: string;
  shape: 'no default' | 'default' | 'a variant';
  /** Whether every surface should say the flag can be removed at this check. */
  removable: boolean;
  /** The diagnostic code at the check, if any. */
  code?: string;
}

const ROWS: Row[] = [
  { key: 'released', shape: 'default', removable: true, code: 'released-flag' },
  { key: 'released', shape: 'no default', removable: true, code: 'released-flag' },
  { key: 'dead-with-value', shape: 'default', removable: true, code: 'dead-flag' },
  { key: 'dead-with-value', shape: 'no default', removable: true, code: 'dead-flag' },
  { key: 'dead-code-default', shape: 'default', removable: true, code: 'dead-flag' },
  { key: 'dead-code-default', shape: 'no default', removable: false, code: 'dead-flag' },
  { key: 'rolling', shape: 'default', removable: false },
  { key: 'rolling', shape: 'no default', removable: false },
  { key: 'released', shape: 'a variant', removable: false, code: 'released-flag' },
  { key: 'dead-with-value', shape: 'a variant', removable: false, code: 'dead-flag' },
  { key: 'rolling', shape: 'a variant', removable: false },
];

// Why a settled flag is not removable at a check, as the hover and the diagnostic say it.
const WHY: Record<Row['shape'], RegExp> = {
  'no default': /this check passes no default/,
  default: /$^/,
  'a variant': /this check of '[a-z-]+' gives something other than the flag's value/,
};

function callFor(row: Row): string {
  if (row.shape === 'a variant') return `variantOf('${row.key}') === 'on'`;
  return row.shape === 'default' ? `isOnOr('${row.key}', false)` : `isOn('${row.key}')`;
}

describe('removability agrees across hover, diagnostics and code actions', () => {
  let session: ServerSession;
  let root: string;
  let document: OpenDocument;

  before(async () => {
    const source = [
      "import { isOn, isOnOr, variantOf } from './flags';",
      ...ROWS.map((row, index) => `export function f${index}(): string {\n  if (${callFor(row)}) {\n    return 'on';\n  }\n  return 'off';\n}`),
      '',
    ].join('\n');
    root = makeWorkspace({
      '.flaglens.json': JSON.stringify(CONFIG),
      'flags/production.flagd.json': JSON.stringify(FLAGS),
      'src/flags.ts': 'export declare function isOn(key: string): boolean;\nexport declare function isOnOr(key: string, fallback: boolean): boolean;\nexport declare function variantOf(key: string): string;\n',
      'src/app.ts': source,
    });
    session = await ServerSession.start({ folders: [root] });
    document = await session.open(path.join(root, 'src/app.ts'));
  });

  after(async () => {
    await session.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  for (const row of ROWS) {
    it(`${row.key} at a check with ${row.shape}: ${row.removable ? 'removable' : 'not removable'}`, async () => {
      const marked = `${callFor(row).replace(`'${row.key}'`, `'${row.key.slice(0, 2)}|${row.key.slice(2)}'`)}`;
      const at = position(document.text, marked);
      const hover = await session.hover(document.uri, at) as Hover;
      const markdown = (hover.contents as MarkupContent).value;
      assert.equal(/· ready to remove/.test(markdown), row.removable, markdown);

      const diagnostics = (await session.diagnostics(document.uri))
        .filter((diagnostic) => textAt(document.text, diagnostic.range) === `'${row.key}'` && diagnostic.range.start.line === at.line);
      assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), row.code === undefined ? [] : [row.code]);
      if (row.code !== undefined) {
        const message = messageOf(diagnostics[0]);
        assert.equal(/remove the flag and its dead branch/.test(message), row.removable, message);
        if (!row.removable) assert.match(markdown, new RegExp(`not removable here: ${WHY[row.shape].source}`));
        if (!row.removable) assert.match(message, new RegExp(`but ${WHY[row.shape].source}`));
      }

      const actions = (await session.codeActions(document.uri, { start: at, end: at }, diagnostics) as CodeAction[])
        .filter((action) => action.title.startsWith('Remove flag'));
      assert.equal(actions.length > 0, row.removable, JSON.stringify(actions.map((action) => action.title)));
    });
  }
});
