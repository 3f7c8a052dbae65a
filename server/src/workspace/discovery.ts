// `flaglens init` and the server's "propose a configuration" command share this: read a folder's source
// files, discover its wrappers, bags and registry, and render the proposed `.flaglens.json`.

import * as path from 'node:path';
import { discover, keysAsWrittenFolders, proposeConfig, type Discovery, type ProposedConfig, type SourceText } from '../analysis/discover';
import { packageDirOf } from '../analysis/packages';
import { DEFAULT_MAX_FILE_SIZE } from './config';
import { readSourceFileSync, toPosixPath } from './files';
import { IgnoreRules } from './ignore';
import { listFolder } from './listing';
import { PACKAGE_TABLE_FILES, readPackageTable, withPackageResolution } from './packages';

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
  const { files, named } = await listFolder(root, { ignore: [], maxFileSize: DEFAULT_MAX_FILE_SIZE, log }, PACKAGE_TABLE_FILES);
  const packages = readPackageTable(root, named, log, files);
  const rules = new IgnoreRules(root, []);
  const sources: SourceText[] = [];
  // One read per file, which also says whether it is too large or binary.
  for (const file of files) {
    const bytes = readSourceFileSync(file, DEFAULT_MAX_FILE_SIZE);
    if (Buffer.isBuffer(bytes)) sources.push({ file, text: bytes.toString('utf8') });
    else if (!bytes.quiet) log(`skipped ${rules.relative(file)}: ${bytes.reason}`);
  }
  const known = new Set(files);
  const host = withPackageResolution({ fileExists: (file) => known.has(file) }, () => packages);
  const discovery = discover(root, sources, { ...(host.resolvePackage === undefined ? {} : { resolvePackage: host.resolvePackage }), configFlags: packages });
  // The folders are the packages the providers are in, which only the package table knows.
  const keysAsWritten = keysAsWrittenFolders(root, discovery.providers ?? [], (file) => packageDirOf(file, packages)).map((folder) => path.posix.relative(root, folder) || '.');
  return { root, discovery, config: proposeConfig(discovery, root, keysAsWritten), filesRead: sources.length };
}

/** The proposed configuration as the text of a `.flaglens.json`. */
export function configFileText(config: ProposedConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** True when discovery found anything worth writing down. */
export function foundAnything(discovery: Discovery): boolean {
  return discovery.wrappers.length > 0 || discovery.bags.length > 0 || discovery.registry !== undefined || (discovery.clients ?? []).length > 0
    || (discovery.providers ?? []).some((provider) => !provider.camelCaseKeys);
}
