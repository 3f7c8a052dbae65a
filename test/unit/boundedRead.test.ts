// The one bounded reader (server/src/io/boundedRead.ts): what each kind of path reads as. Every row
// would hang or exhaust memory with a plain `readFileSync` where it says "not a regular file".

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { openRegularFile, readBoundedSync, readBoundedTextSync, type BoundedRead, type BoundedReadOptions } from '../../server/src/io/boundedRead';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-bounded-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

const LIMIT = 16;
const at = (name: string) => path.join(root, name);
fs.writeFileSync(at('small.txt'), 'hello');
fs.writeFileSync(at('exact.txt'), 'x'.repeat(LIMIT));
fs.writeFileSync(at('over.txt'), 'x'.repeat(LIMIT + 1));
fs.writeFileSync(at('empty.txt'), '');
fs.symlinkSync(at('small.txt'), at('link-to-small'));
fs.symlinkSync('/dev/zero', at('link-to-zero'));
fs.symlinkSync(at('nowhere'), at('dangling'));
fs.mkdirSync(at('directory'));
execFileSync('mkfifo', [at('pipe')]);
fs.symlinkSync(at('pipe'), at('link-to-pipe'));

interface Row {
  name: string;
  file: string;
  /** The text read, or the refusal's kind and a pattern its reason matches. */
  expected: { text: string } | { kind: string; reason: RegExp };
}

const ROWS: Row[] = [
  { name: 'a regular file', file: at('small.txt'), expected: { text: 'hello' } },
  { name: 'an empty file', file: at('empty.txt'), expected: { text: '' } },
  { name: 'a file exactly at the limit', file: at('exact.txt'), expected: { text: 'x'.repeat(LIMIT) } },
  { name: 'a file one byte over the limit', file: at('over.txt'), expected: { kind: 'too large', reason: /^17 bytes is over the 16 bytes limit \(test\.limit\)$/ } },
  { name: 'a link to a regular file', file: at('link-to-small'), expected: { text: 'hello' } },
  { name: 'a link to /dev/zero', file: at('link-to-zero'), expected: { kind: 'not a regular file', reason: /^not a regular file \(a character device\)$/ } },
  { name: '/dev/zero', file: '/dev/zero', expected: { kind: 'not a regular file', reason: /\(a character device\)/ } },
  { name: '/dev/null', file: '/dev/null', expected: { kind: 'not a regular file', reason: /\(a character device\)/ } },
  { name: 'a named pipe without a writer', file: at('pipe'), expected: { kind: 'not a regular file', reason: /^not a regular file \(a named pipe\)$/ } },
  { name: 'a link to a named pipe', file: at('link-to-pipe'), expected: { kind: 'not a regular file', reason: /\(a named pipe\)/ } },
  { name: 'a directory', file: at('directory'), expected: { kind: 'not a regular file', reason: /\(a directory\)/ } },
  { name: 'a missing file', file: at('missing.txt'), expected: { kind: 'missing', reason: /does not exist/ } },
  { name: 'a link that leads nowhere', file: at('dangling'), expected: { kind: 'missing', reason: /does not exist/ } },
  { name: 'a path through a file', file: path.join(at('small.txt'), 'inside'), expected: { kind: 'missing', reason: /does not exist/ } },
];

describe('readBoundedTextSync', () => {
  for (const row of ROWS) {
    it(`reads ${row.name} as ${'text' in row.expected ? 'its text' : row.expected.kind}`, () => {
      const read = readBoundedTextSync(row.file, LIMIT, 'test.limit');
      if ('text' in row.expected) {
        assert.deepEqual(read, row.expected);
        return;
      }
      assert.ok('refused' in read, `expected a refusal, read ${JSON.stringify(read)}`);
      assert.equal(read.refused.kind, row.expected.kind);
      assert.match(read.refused.reason, row.expected.reason);
    });
  }

  it('reads a file that says it is empty but is not (as under /proc) up to the limit, and refuses it past', () => {
    const status = readBoundedTextSync('/proc/self/status', 1024 * 1024);
    assert.ok('text' in status && status.text.includes('Name:'), JSON.stringify(status).slice(0, 200));
    const refused = readBoundedTextSync('/proc/self/status', 10);
    assert.ok('refused' in refused && refused.refused.kind === 'too large', JSON.stringify(refused));
    assert.equal(refused.refused.reason, 'it is over the 10 bytes limit');
  });

  it('reads into a caller\'s buffer and tells it the status before reading', () => {
    const scratch = Buffer.alloc(64);
    let size: number | undefined;
    const read = readBoundedSync(at('small.txt'), LIMIT, { scratch: () => scratch, opened: (stats) => (size = stats.size) });
    assert.ok('bytes' in read);
    assert.equal(read.bytes.buffer, scratch.buffer, 'a view of the scratch buffer');
    assert.equal(read.bytes.toString(), 'hello');
    assert.equal(size, 5);
  });
});

describe('readBoundedSync with shortReadEnds (the scan\'s reads)', () => {
  const big = at('big.txt');
  fs.writeFileSync(big, 'y'.repeat(200 * 1024));
  // How many reads a file takes: every module's `fs` reads through node's one object, whose `readSync` can be counted.
  const readsOf = (file: string, limit: number, options: BoundedReadOptions): { calls: number; read: BoundedRead } => {
    const shared = createRequire(__filename)('node:fs') as { readSync: typeof fs.readSync };
    const original = shared.readSync;
    let calls = 0;
    shared.readSync = ((...args: Parameters<typeof fs.readSync>) => {
      calls += 1;
      return original(...args);
    }) as typeof fs.readSync;
    try {
      const read = readBoundedSync(file, limit, options);
      return { calls, read };
    } finally {
      shared.readSync = original;
    }
  };

  for (const row of ROWS) {
    it(`reads ${row.name} as it does without the option`, () => {
      const read = readBoundedSync(row.file, LIMIT, { limitName: 'test.limit', shortReadEnds: true });
      const plain = readBoundedSync(row.file, LIMIT, { limitName: 'test.limit' });
      assert.deepEqual('bytes' in read ? read.bytes.toString() : read.refused, 'bytes' in plain ? plain.bytes.toString() : plain.refused);
    });
  }

  it('reads a small file with one call, where without the option a second call finds the end', () => {
    assert.equal(readsOf(at('small.txt'), LIMIT, { shortReadEnds: true }).calls, 1);
    assert.equal(readsOf(at('small.txt'), LIMIT, {}).calls, 2);
  });

  it('reads a file larger than its first buffer whole: a full read is not a short one', () => {
    const { read, calls } = readsOf(big, 1024 * 1024, { shortReadEnds: true });
    assert.ok('bytes' in read);
    assert.equal(read.bytes.length, 200 * 1024);
    assert.ok(calls > 1, `${calls} calls`);
  });
});

describe('openRegularFile', () => {
  const rows: Array<[string, string, string | undefined]> = [
    ['a regular file', at('small.txt'), undefined],
    ['a named pipe', at('pipe'), 'not a regular file'],
    ['a link to /dev/zero', at('link-to-zero'), 'not a regular file'],
    ['a missing file', at('missing.txt'), 'missing'],
  ];
  for (const [name, file, refusal] of rows) {
    it(`${refusal === undefined ? 'opens' : 'refuses'} ${name}`, async () => {
      const opened = await openRegularFile(file);
      if ('handle' in opened) await opened.handle.close();
      assert.equal('refused' in opened ? opened.refused.kind : undefined, refusal);
    });
  }
});
