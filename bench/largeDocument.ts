// A 10 MB document opened in the editor: how long hovers on another document take, and what the server
// holds, before, while and after it is open. Run by hand (not part of `npm run bench`):
//   node --import tsx bench/largeDocument.ts [path/to/server.js] [hovers]
// The server bundle defaults to this checkout's server/out/server.js (`npm run build` first); pass an
// older bundle to compare. Figures go to stdout; bench/RESULTS.md keeps the ones worth keeping.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type Position,
} from 'vscode-languageserver-protocol';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const REPO = path.resolve(__dirname, '..');
const SERVER = path.resolve(process.argv[2] ?? path.join(REPO, 'server/out/server.js'));
const HOVERS = Number(process.argv[3] ?? 20);
const DOCUMENT_BYTES = 10 * 1024 * 1024;

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-large-document-'));
  fs.cpSync(path.join(REPO, 'examples/demo'), root, { recursive: true });
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const messages: string[] = [];
  connection.onNotification('window/showMessage', (params: { message: string }) => {
    messages.push(params.message);
  });
  connection.onRequest(() => null);
  connection.listen();
  const rss = (): string => {
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const field = (name: string) => Math.round(Number(/\d+/.exec(status.split('\n').find((line) => line.startsWith(name)) ?? '')?.[0] ?? 0) / 1024);
    return `RSS ${field('VmRSS:')} MB (peak ${field('VmHWM:')} MB)`;
  };

  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(root).href, workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'demo' }], capabilities: {} });
  await connection.sendNotification(InitializedNotification.type, {});
  const open = async (file: string, text: string): Promise<string> => {
    const uri = pathToFileURL(file).href;
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'typescriptreact', version: 1, text } });
    return uri;
  };
  const appFile = path.join(root, 'src/web/App.tsx');
  const appText = fs.readFileSync(appFile, 'utf8');
  const app = await open(appFile, appText);
  const offset = appText.indexOf("useBooleanFlagValue('dark-mode'") + "useBooleanFlagValue('dark-".length;
  const at: Position = { line: appText.slice(0, offset).split('\n').length - 1, character: offset - appText.lastIndexOf('\n', offset - 1) - 1 };
  const hoverTimes = async (count: number): Promise<string> => {
    const times: number[] = [];
    for (let index = 0; index < count; index++) {
      const started = performance.now();
      await connection.sendRequest(HoverRequest.type, { textDocument: { uri: app }, position: at });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return `p50 ${times[Math.floor(times.length / 2)].toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`;
  };

  await hoverTimes(5);
  console.log(`before: hover on App.tsx ${await hoverTimes(HOVERS)}; ${rss()}`);

  const bannerFile = path.join(root, 'src/web/PromoBanner.tsx');
  const banner = fs.readFileSync(bannerFile, 'utf8');
  // Code, not comment: a flag check on every line, as generated code or a bundle checked in by mistake has.
  const lines: string[] = [banner];
  for (let index = 0, size = banner.length; size < DOCUMENT_BYTES; index++) {
    const line = `export const promo${index} = useFeatureFlagEnabled('holiday-promo');\n`;
    lines.push(line);
    size += line.length;
  }
  const big = lines.join('');
  const opened = performance.now();
  const bigUri = await open(bannerFile, big);
  await connection.sendRequest(HoverRequest.type, { textDocument: { uri: app }, position: at });
  console.log(`first hover on App.tsx after opening ${(big.length / 1024 / 1024).toFixed(1)} MB: ${(performance.now() - opened).toFixed(0)} ms`);
  console.log(`while open: hover on App.tsx ${await hoverTimes(HOVERS)}; ${rss()}; messages: ${JSON.stringify(messages)}`);

  await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: bigUri } });
  await connection.sendRequest(HoverRequest.type, { textDocument: { uri: app }, position: at });
  await new Promise((resolve) => setTimeout(resolve, 5000));
  console.log(`5 s after closing: hover on App.tsx ${await hoverTimes(HOVERS)}; ${rss()}`);

  child.kill();
  fs.rmSync(root, { recursive: true, force: true });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
