// Entry point of the FlagLens language server (`flaglens-lsp`). Without a transport flag it speaks
// LSP over stdio, so any editor can start it as a plain command.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
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
  const hasTransport = args.some((arg) => TRANSPORT_FLAGS.some((flag) => arg === flag || arg.startsWith(`${flag}=`)));
  const connection = hasTransport
    ? createConnection(ProposedFeatures.all)
    : createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startServer(connection);
}

main(process.argv.slice(2));
