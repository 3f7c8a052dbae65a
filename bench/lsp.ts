// Figures through the real language server over stdio (server/out/server.js, built first): time from
// start to indexed, hover and diagnostics latency on a file with checks, and the server's peak RSS.

import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { positionAt, ServerSession, waitFor } from '../test/server/harness';
import { peakRssMb } from './inProcess';

/** Server figures; latencies in milliseconds, one entry per request. */
export interface ServerFigures {
  startToIndexedMs: number;
  hoverMs: number[];
  diagnosticsMs: number[];
  peakRssMb: number;
}

/** Start the server on `root`, wait until it has indexed, then ask `requests` hovers and diagnostics of `file` at `keyOffset`. */
export async function measureServer(root: string, file: string, keyOffset: number, requests: number): Promise<ServerFigures> {
  const started = performance.now();
  const session = await ServerSession.start({ folders: [root] });
  try {
    // The folder logs "N source files indexed" once its index and flag definitions are loaded.
    await waitFor('the index', () => session.messages('window/logMessage')
      .find((message) => /source files indexed/.test((message.params as { message: string }).message)), 120_000);
    const startToIndexedMs = performance.now() - started;
    const document = await session.open(file);
    const position = positionAt(document.text, keyOffset);
    await session.hover(document.uri, position);
    await session.diagnostics(document.uri);

    const hoverMs: number[] = [];
    for (let request = 0; request < requests; request++) {
      const before = performance.now();
      await session.hover(document.uri, position);
      hoverMs.push(performance.now() - before);
    }
    // Each pull follows an edit (a space at the end and back), so the server cannot answer from a cache.
    const diagnosticsMs: number[] = [];
    const original = document.text;
    for (let request = 0; request < requests; request++) {
      const before = performance.now();
      await session.change(document, request % 2 === 0 ? `${original} ` : original);
      await session.diagnostics(document.uri);
      diagnosticsMs.push(performance.now() - before);
    }
    const child = (session as unknown as { child: ChildProcess }).child;
    return { startToIndexedMs, hoverMs, diagnosticsMs, peakRssMb: child.pid === undefined ? 0 : peakRssMb(child.pid) };
  } finally {
    await session.stop();
  }
}

/** A file with a flag check whose key is a string literal, and the offset of that key, for hovers. */
export function fileWithLiteralCheck(files: readonly string[], calleeName: string): { file: string; keyOffset: number } | undefined {
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const call = text.indexOf(`${calleeName}('`);
    if (call >= 0) return { file, keyOffset: call + calleeName.length + 2 };
  }
  return undefined;
}
