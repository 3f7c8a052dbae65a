// Zero-config inference outside the thread that answers the editor: discovery parses and walks files for
// seconds on a large folder, which in the server's thread would hold every request back. The texts go to
// the thread in chunks, so that copying them never blocks for long either. Without the thread's script
// (a packaging mistake) or when the thread fails, inference runs in this thread, as before.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SourceText } from '../analysis/discover';
import type { InferRequest, InferredData } from './inference';

/** What this thread sends the inference thread: the texts, in chunks, then what inference starts from. */
export type InferMessage =
  | { kind: 'sources'; sources: SourceText[] }
  | { kind: 'infer'; request: InferRequest };

/** What the inference thread sends back: what it found (the scans the inferred patterns changed), or why it failed. */
export type InferResponse =
  | ({ kind: 'inferred' } & InferredData)
  | { kind: 'failed'; message: string };

// Texts sent at once: about 4.5 MB of the generated 20,000-file workspace, copied in a few milliseconds.
const SOURCES_PER_MESSAGE = 1000;

/** One inference thread, started before the texts are all read so that it has loaded its code by then. */
export class InferenceThread {
  private readonly worker: Worker;
  private failure: string | undefined;
  private settle: ((response: InferResponse | undefined) => void) | undefined;

  private constructor(script: ThreadScript) {
    // The thread's stdout is its own stream: in the server, this process's stdout is the LSP channel.
    this.worker = new Worker(script.code, { eval: script.eval, stdout: true, stderr: true });
    this.worker.on('message', (response: InferResponse) => this.settle?.(response));
    this.worker.on('error', (error) => this.failed(error.message));
    this.worker.on('exit', (code) => this.failed(`exit code ${code}`));
  }

  /** A thread, or undefined when its script is not there (said in `log`; then inference runs in this thread). */
  static start(log: (message: string) => void): InferenceThread | undefined {
    const script = threadScript();
    // A packaging mistake, not a state to run in quietly: everything still works, with the editor waiting meanwhile.
    if (script === undefined) log(`no inference thread could start: inferWorker.js is not beside ${path.basename(__filename)}; inferring in the index's thread`);
    return script === undefined ? undefined : new InferenceThread(script);
  }

  /** Why the thread stopped, when it did before answering. */
  get stopped(): string | undefined {
    return this.failure;
  }

  /**
   * Infers from `sources` in the thread; undefined when the thread stopped before it answered (the caller
   * then infers in its own thread). A failure of inference itself is an answer.
   */
  async infer(sources: readonly SourceText[], request: InferRequest): Promise<InferResponse | undefined> {
    const answered = new Promise<InferResponse | undefined>((resolve) => {
      this.settle = resolve;
      if (this.failure !== undefined) resolve(undefined);
    });
    for (let start = 0; start < sources.length && this.failure === undefined; start += SOURCES_PER_MESSAGE) {
      this.worker.postMessage({ kind: 'sources', sources: sources.slice(start, start + SOURCES_PER_MESSAGE) } satisfies InferMessage);
      // Let the editor's requests in between two chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (this.failure === undefined) this.worker.postMessage({ kind: 'infer', request } satisfies InferMessage);
    return answered;
  }

  stop(): void {
    this.failure ??= 'stopped';
    this.settle = undefined;
    void this.worker.terminate();
  }

  private failed(reason: string): void {
    this.failure ??= reason;
    this.settle?.(undefined);
  }
}

/** How to start the thread: the bundled script next to the server, or the TypeScript source through tsx (tests, benchmarks). */
interface ThreadScript {
  code: string;
  eval: boolean;
}

function threadScript(): ThreadScript | undefined {
  const bundled = path.join(__dirname, 'inferWorker.js');
  if (fs.existsSync(bundled)) return { code: bundled, eval: false };
  const source = path.join(__dirname, 'inferWorker.ts');
  // A worker does not inherit tsx's loader from `node --import tsx`: it registers tsx itself.
  if (fs.existsSync(source)) return { code: `require('tsx/cjs'); require(${JSON.stringify(source)});`, eval: true };
  return undefined;
}
