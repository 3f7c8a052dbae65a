// A minimal LSP client for protocol tests: spawns the bundled server with `--stdio`, answers the
// requests a server sends to its client, records notifications, and finds positions by text.

import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  type CodeAction,
  type Command,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type FileEvent,
  type Hover,
  type InitializeResult,
  type Position,
  type Range,
} from 'vscode-languageserver-protocol';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver-protocol/node';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const DEMO = path.join(REPO_ROOT, 'examples', 'demo');
const SERVER = path.join(REPO_ROOT, 'server', 'out', 'server.js');
// The servers of one test process share a V8 code cache of their own, not the user's.
const CODE_CACHE = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-test-code-cache-'));
process.on('exit', () => fs.rmSync(CODE_CACHE, { recursive: true, force: true }));
const DEFAULT_TIMEOUT_MS = 10_000;

/** A message the server sent: a notification, or a request the harness answered. */
export interface Received {
  method: string;
  params: unknown;
}

/** An open document as the test sees it. */
export interface OpenDocument {
  uri: string;
  text: string;
  version: number;
}

export interface StartOptions {
  /** Workspace folders, as absolute paths; the first is also the root. */
  folders: string[];
  /** The `flaglens` settings section the server gets from `workspace/configuration`. */
  settings?: Record<string, unknown>;
  /** Command-line arguments of the server; `--stdio` unless given. */
  args?: string[];
  /** What the client sends as `initializationOptions` (trust, cache folder, tokens). */
  initializationOptions?: unknown;
  /** Extra environment variables of the server process. */
  env?: Record<string, string>;
  /** Answers to the server's custom requests (`flaglens/token`), by method. */
  answers?: Record<string, (params: unknown) => unknown>;
  /** Declare that the client answers `window/showMessageRequest` with a chosen action (off unless asked). */
  showMessageRequest?: boolean;
  /** Declare the `textDocument.diagnostic` capability (pull diagnostics); on unless false, as Neovim 0.7 has none. */
  pullDiagnostics?: boolean;
}

/** What the server published for one document (`textDocument/publishDiagnostics`). */
export interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

/** A running server and the client side of its connection. */
export class ServerSession {
  readonly received: Received[] = [];
  /** The `flaglens` settings section; change it, then send `workspace/didChangeConfiguration`. */
  settings: Record<string, unknown> = {};
  initializeResult: InitializeResult | undefined;

  private constructor(readonly connection: MessageConnection, private readonly child: ChildProcess, readonly stderr: string[]) {}

  static async start(options: StartOptions): Promise<ServerSession> {
    assertBundleExists();
    const child = spawn(process.execPath, [SERVER, ...(options.args ?? ['--stdio'])], {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, FLAGLENS_CODE_CACHE: CODE_CACHE, ...options.env },
    });
    const stderr: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new ServerSession(connection, child, stderr);
    session.settings = options.settings ?? {};

    connection.onRequest((method: string, params: unknown) => {
      session.received.push({ method, params });
      if (method === WorkDoneProgressCreateRequest.method) {
        // `$/progress` goes to a handler per token, not to the catch-all notification handler.
        const { token } = params as { token: string | number };
        connection.onProgress(WorkDoneProgress.type, token, (value) => {
          session.received.push({ method: '$/progress', params: { token, value } });
        });
      }
      const answer = options.answers?.[method];
      if (answer) return answer(params);
      if (method === 'workspace/configuration') {
        const items = (params as { items: Array<{ section?: string }> }).items;
        return items.map((item) => (item.section === 'flaglens' ? session.settings : null));
      }
      return null;
    });
    connection.onNotification((method: string, params: unknown) => {
      session.received.push({ method, params });
    });
    connection.listen();

    const folders = options.folders.map((folder) => ({ uri: uriOf(folder), name: path.basename(folder) }));
    session.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      initializationOptions: options.initializationOptions,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders,
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          diagnostics: { refreshSupport: true },
        },
        window: { workDoneProgress: true, ...(options.showMessageRequest ? { showMessage: { messageActionItem: { additionalPropertiesSupport: false } } } : {}) },
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: false } },
          ...(options.pullDiagnostics === false ? {} : { diagnostic: { dynamicRegistration: false } }),
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  /** Open a file of a workspace, with its text on disk unless given. */
  async open(file: string, text = fs.readFileSync(file, 'utf8')): Promise<OpenDocument> {
    const document = { uri: uriOf(file), text, version: 1 };
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: document.uri, languageId: languageIdOf(file), version: document.version, text },
    });
    return document;
  }

  /** Replace an open document's whole text. */
  async change(document: OpenDocument, text: string): Promise<void> {
    document.version++;
    document.text = text;
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: document.uri, version: document.version },
      contentChanges: [{ text }],
    });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    if (report.kind !== 'full') throw new Error(`expected a full diagnostic report, got ${report.kind}`);
    return report.items;
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result: CompletionList | CompletionItem[] | null = await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    if (result === null) return [];
    return Array.isArray(result) ? result : result.items;
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<Array<Command | CodeAction>> {
    return (await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } })) ?? [];
  }

  /** The messages of one method the server sent so far. */
  messages(method: string): Received[] {
    return this.received.filter((message) => message.method === method);
  }

  /** Wait until the latest diagnostics the server published for a document satisfy `predicate`. */
  async waitForPublished(uri: string, predicate: (published: Published) => boolean, what = 'published diagnostics'): Promise<Published> {
    return waitFor(`${what} of ${uri}`, () => {
      const latest = this.messages(PublishDiagnosticsNotification.method)
        .map((message) => message.params as Published)
        .filter((published) => published.uri === uri)
        .at(-1);
      return latest !== undefined && predicate(latest) ? latest : undefined;
    });
  }

  /** Close an open document. */
  async close(document: OpenDocument): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: document.uri } });
  }

  /** Wait until the server has sent a message that satisfies `predicate`. */
  async waitForMessage(method: string, predicate: (params: unknown) => boolean = () => true): Promise<Received> {
    return waitFor(`a ${method} message`, () => this.messages(method).find((message) => predicate(message.params)));
  }

  async stop(): Promise<void> {
    try {
      await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 2000);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // A server that does not shut down cleanly is still stopped below.
    }
    this.connection.dispose();
    if (this.child.exitCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => this.child.kill(), 2000);
        this.child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** True while the server process runs. */
  isRunning(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }
}

/** Poll `probe` until it returns something other than undefined; fail after the deadline. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The position of the `|` in `marked`, a piece of `text` with a `|` inserted where the cursor goes.
 * The piece without the bar must occur exactly once in the text.
 */
export function position(text: string, marked: string): Position {
  const bar = marked.indexOf('|');
  if (bar < 0) throw new Error(`no | cursor in ${JSON.stringify(marked)}`);
  const needle = marked.slice(0, bar) + marked.slice(bar + 1);
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`${JSON.stringify(needle)} is not in the text`);
  if (text.indexOf(needle, start + 1) >= 0) throw new Error(`${JSON.stringify(needle)} occurs more than once in the text`);
  return positionAt(text, start + bar);
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export function offsetAt(text: string, { line, character }: Position): number {
  let offset = 0;
  for (let current = 0; current < line; current++) offset = text.indexOf('\n', offset) + 1;
  return offset + character;
}

/** The text a range covers. */
export function textAt(text: string, range: Range): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

/** The text after applying edits (non-overlapping) to it. */
export function applyEdits(text: string, edits: Array<{ range: Range; newText: string }>): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  let result = text;
  for (const edit of sorted) {
    result = result.slice(0, offsetAt(result, edit.range.start)) + edit.newText + result.slice(offsetAt(result, edit.range.end));
  }
  return result;
}

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

/** A fresh copy of a workspace in a temp directory, for tests that change files. */
export function copyWorkspace(source: string): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-test-'));
  fs.cpSync(source, target, { recursive: true });
  return target;
}

/** A temp workspace made of the given files (relative path → text). */
export function makeWorkspace(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-test-'));
  for (const [relative, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  }
  return root;
}

function languageIdOf(file: string): string {
  if (file.endsWith('.json')) return 'json';
  if (file.endsWith('.vue')) return 'vue';
  if (/\.[mc]?tsx?$/.test(file)) return file.endsWith('x') ? 'typescriptreact' : 'typescript';
  return file.endsWith('x') ? 'javascriptreact' : 'javascript';
}

function assertBundleExists(): void {
  if (!fs.existsSync(SERVER)) {
    throw new Error(`${path.relative(REPO_ROOT, SERVER)} is missing: run \`node esbuild.mjs\` before the protocol tests`);
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A diagnostic's message as text (LSP 3.18 also allows markup). */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
