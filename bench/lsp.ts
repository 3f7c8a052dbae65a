// Figures through the real language server over stdio (server/out/server.js, built first): time from
// start to indexed, hover and diagnostics latency on a file with checks, and the server's peak RSS.

import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { positionAt, ServerSession, waitFor } from '../test/server/harness';
import { peakRssMb } from './inProcess';

/** Server figures; latencies in milliseconds, one entry per request. */
export interface ServerFigures {
  startToIndexedMs: number;
  /** The first hovers after indexing, JIT of both processes still cold. */
  firstHoverMs: number[];
  hoverMs: number[];
  /** Requests no handler of FlagLens answers (JSON-RPC's "method not found"), sent between the hovers. */
  floorMs: number[];
  diagnosticsMs: number[];
  peakRssMb: number;
}

// A method the server has no handler for: vscode-languageserver answers it without FlagLens code, so its
// round trip is what any request costs on this machine (pipe, JSON-RPC, scheduling of two processes).
const NO_HANDLER = 'flaglens/benchmarkRoundTrip';

/** Start the server on `root` and wait until it has indexed it. */
async function startIndexed(root: string): Promise<ServerSession> {
  const session = await ServerSession.start({ folders: [root] });
  // The folder logs "N source files indexed" once its index and flag definitions are loaded.
  await waitFor('the index', () => session.messages('window/logMessage')
    .find((message) => /source files indexed/.test((message.params as { message: string }).message)), 120_000);
  return session;
}

let codeCacheWritten = false;

/**
 * Start the server on `root`, wait until it has indexed, then ask `requests` hovers and diagnostics of
 * `file` at `keyOffset`. The first call starts and stops a server once beforehand, so that every start
 * measured has the V8 code cache an earlier start wrote, as in an editor after the first start.
 */
export async function measureServer(root: string, file: string, keyOffset: number, requests: number): Promise<ServerFigures> {
  if (!codeCacheWritten) {
    await (await startIndexed(root)).stop();
    codeCacheWritten = true;
  }
  const started = performance.now();
  const session = await startIndexed(root);
  try {
    const startToIndexedMs = performance.now() - started;
    const document = await session.open(file);
    const position = positionAt(document.text, keyOffset);
    await session.hover(document.uri, position);
    await session.diagnostics(document.uri);

    const roundTrip = async (): Promise<number> => {
      const before = performance.now();
      await session.connection.sendRequest(NO_HANDLER).catch(() => undefined);
      return performance.now() - before;
    };
    const hover = async (): Promise<number> => {
      const before = performance.now();
      await session.hover(document.uri, position);
      return performance.now() - before;
    };
    // Right after indexing, then in the steady state that follows; the no-op requests between the
    // steady-state hovers are measured the same way, so a tail both share is the machine's.
    const firstHoverMs: number[] = [];
    for (let request = 0; request < requests; request++) firstHoverMs.push(await hover());
    const hoverMs: number[] = [];
    const floorMs: number[] = [];
    for (let request = 0; request < requests; request++) {
      hoverMs.push(await hover());
      floorMs.push(await roundTrip());
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
    return { startToIndexedMs, firstHoverMs, hoverMs, floorMs, diagnosticsMs, peakRssMb: child.pid === undefined ? 0 : peakRssMb(child.pid) };
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
