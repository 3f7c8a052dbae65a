// The server's "propose a configuration" command: in a workspace folder without `.flaglens.json`, discover
// the team's wrappers, flag bags and registry (as `flaglens init` does) and write the file they make.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeDiscovery } from '../analysis/discover';
import { CONFIG_FILE_NAME } from '../workspace/config';
import type { EditorFolder } from './folder';
import { configFileText, discoverFolder, foundAnything } from '../workspace/discovery';

/** The command's id, as the server advertises it in `executeCommandProvider`. */
export const PROPOSE_CONFIG_COMMAND = 'flaglens.proposeConfig';

/** What the command did, for the client to show. */
export interface ProposeConfigResult {
  /** The folder it looked at, absolute. */
  folder?: string;
  /** The `.flaglens.json` it wrote, when it wrote one. */
  written?: string;
  /** One line per discovery: what, where, why. */
  found: string[];
  /** One sentence for people. */
  message: string;
}

/**
 * Runs the command for the folder whose URI is the first argument, else for the first folder without
 * `.flaglens.json`. A folder that has one keeps it; the folder reloads after the file is written.
 */
export async function proposeConfig(folders: readonly EditorFolder[], args: readonly unknown[] | undefined, log: (message: string) => void): Promise<ProposeConfigResult> {
  const asked = typeof args?.[0] === 'string' ? folders.find((folder) => folder.uri === args[0]) : undefined;
  let target = asked;
  if (target === undefined) {
    for (const folder of folders) {
      if ((await folder.state()).configFile === undefined) {
        target = folder;
        break;
      }
    }
  }
  if (target === undefined) {
    return { found: [], message: folders.length === 0 ? 'Open a folder first: FlagLens proposes a .flaglens.json per workspace folder.' : `Every workspace folder has a ${CONFIG_FILE_NAME} already; FlagLens keeps them.` };
  }
  if ((await target.state()).configFile !== undefined) {
    return { folder: target.root, found: [], message: `${target.name} has a ${CONFIG_FILE_NAME} already; FlagLens keeps it. Run flaglens init --dry-run to see a proposal.` };
  }
  const found = await discoverFolder(target.root, log);
  const lines = describeDiscovery(found.discovery);
  if (!foundAnything(found.discovery)) {
    return { folder: target.root, found: lines, message: `FlagLens found no wrapper, flag bag or flag registry in ${target.name}: the SDK presets cover its code as it is.` };
  }
  const file = path.join(target.root, CONFIG_FILE_NAME);
  // `wx` refuses to replace a file created meanwhile.
  fs.writeFileSync(file, configFileText(found.config), { flag: 'wx' });
  await target.reload();
  return { folder: target.root, written: file, found: lines, message: `FlagLens wrote ${CONFIG_FILE_NAME} in ${target.name}: ${summary(found.discovery.wrappers.length, found.discovery.bags.length, found.discovery.registry?.symbol)}.` };
}

function summary(wrappers: number, bags: number, registry: string | undefined): string {
  const parts = [
    wrappers > 0 ? `${wrappers} wrapper${wrappers === 1 ? '' : 's'}` : '',
    bags > 0 ? `${bags} flag bag${bags === 1 ? '' : 's'}` : '',
    registry !== undefined ? `the flag registry ${registry}` : '',
  ].filter((part) => part !== '');
  return parts.join(', ');
}
