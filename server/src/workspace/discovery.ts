// `flaglens init` and the server's "propose a configuration" command share this: read a folder's source
// files, discover its wrappers, bags and registry, and render the proposed `.flaglens.json`.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { discover, proposeConfig, type Discovery, type ProposedConfig, type SourceText } from '../analysis/discover';
import { DEFAULT_MAX_FILE_SIZE } from '../settings';
import { listSourceFiles, toPosixPath } from './files';

/** What discovery found in a folder, and the configuration it proposes. */
export interface FolderDiscovery {
  root: string;
  discovery: Discovery;
  config: ProposedConfig;
  filesRead: number;
}

/** Reads every source file of `folder` (ignore rules and size limit as for scanning) and discovers what it can. */
export async function discoverFolder(folder: string, log: (message: string) => void): Promise<FolderDiscovery> {
  const root = toPosixPath(path.resolve(folder));
  const files = await listSourceFiles(root, { ignore: [], maxFileSize: DEFAULT_MAX_FILE_SIZE, log });
  const sources: SourceText[] = [];
  for (const file of files) {
    const text = await fs.promises.readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined) sources.push({ file, text });
  }
  const discovery = discover(root, sources);
  return { root, discovery, config: proposeConfig(discovery), filesRead: sources.length };
}

/** The proposed configuration as the text of a `.flaglens.json`. */
export function configFileText(config: ProposedConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** True when discovery found anything worth writing down. */
export function foundAnything(discovery: Discovery): boolean {
  return discovery.wrappers.length > 0 || discovery.bags.length > 0 || discovery.registry !== undefined;
}
