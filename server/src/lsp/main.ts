// Entry point of the FlagLens language server (`flaglens-lsp`). Without a transport flag it speaks
// LSP over stdio, so any editor can start it as a plain command.

import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { version } from '../../../package.json';
import { startServer } from './server';

const TRANSPORT_FLAGS = ['--stdio', '--node-ipc', '--socket', '--pipe'];

function main(args: string[]): void {
  if (args.includes('--version')) {
    process.stdout.write(`flaglens-lsp ${version}\n`);
    return;
  }
  if (args.includes('--help')) {
    process.stdout.write('Usage: flaglens-lsp [--stdio | --node-ipc]\nThe FlagLens language server; speaks LSP over stdio by default.\n');
    return;
  }
  const otherTransport = args.some((arg) => TRANSPORT_FLAGS.some((flag) => flag !== '--stdio' && (arg === flag || arg.startsWith(`${flag}=`))));
  if (otherTransport) {
    startServer(createConnection(ProposedFeatures.all));
    return;
  }
  const reader = new StreamMessageReader(process.stdin);
  // A header the reader cannot frame leaves the stream out of step for good: every later message would
  // be read from the wrong offset. Exit, so that the client starts a fresh server.
  reader.onError((error) => {
    process.stderr.write(`flaglens-lsp: ${error.message.split('\n')[0].replace(/\.$/, '')}; exiting so that the editor restarts the server\n`);
    process.exit(1);
  });
  startServer(createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout)));
}

main(process.argv.slice(2));
