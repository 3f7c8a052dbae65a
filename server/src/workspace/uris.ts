// Paths of the `file:` URIs editors name documents and folders by.

import { URI } from 'vscode-uri';
import { toPosixPath } from './files';

/** The absolute POSIX path of a `file:` URI. */
export function uriToPath(uri: string): string {
  return toPosixPath(URI.parse(uri).fsPath).replace(/(?<=.)\/+$/, '');
}
