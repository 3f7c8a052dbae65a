// The server offers, by itself, what `flaglens init` proposes: when a workspace folder has no `.flaglens.json`
// and discovery finds the team's wrappers, flag bags or registry, one message asks whether to create the file.
// Once per folder per session, only when the client can ask and `flaglens.proposeConfig` allows.

import { MessageType, ShowMessageNotification, type ClientCapabilities, type Connection, type MessageActionItem } from 'vscode-languageserver';
import type { Discovery } from '../analysis/discover';
import { CONFIG_FILE_NAME } from '../workspace/config';
import type { EditorFolder, ProposalSettings } from './folder';
import { discoverFolder, foundAnything } from '../workspace/discovery';
import { proposeConfig } from './init';

const CREATE: MessageActionItem = { title: 'Create' };
const NOT_NOW: MessageActionItem = { title: 'Not now' };

/** What the offer needs from the server around it. */
export interface ProposalHost {
  connection: Connection;
  settings(): ProposalSettings;
  folders(): readonly EditorFolder[];
  log(message: string): void;
}

/** Offers `.flaglens.json` to folders without one; remembers each folder it considered for the session. */
export class ConfigProposer {
  private readonly considered = new Set<string>();
  private clientCanAsk = false;

  constructor(private readonly host: ProposalHost) {}

  /** Reads whether the client answers `window/showMessageRequest` with a choice. */
  setClientCapabilities(capabilities: ClientCapabilities): void {
    this.clientCanAsk = capabilities.window?.showMessage !== undefined;
  }

  /** Once the folder has loaded, offer the file if it has none and discovery finds something; never twice per folder. */
  async offer(folder: EditorFolder): Promise<void> {
    if (!this.clientCanAsk || this.considered.has(folder.uri)) return;
    this.considered.add(folder.uri);
    const { log } = this.host;
    const state = await folder.state();
    if (state.configFile !== undefined) {
      log(`${folder.name}: uses ${CONFIG_FILE_NAME}; nothing to propose`);
      return;
    }
    if ((await this.host.settings().get(folder.uri)).proposeConfig === false) {
      log(`${folder.name}: has no ${CONFIG_FILE_NAME}; not proposing one (flaglens.proposeConfig is off)`);
      return;
    }
    const found = await discoverFolder(folder.root, (message) => log(`${folder.name}: ${message}`));
    if (!foundAnything(found.discovery)) {
      log(`${folder.name}: has no ${CONFIG_FILE_NAME}, and no wrapper, flag bag or flag registry was found to put in one`);
      return;
    }
    const question = `FlagLens found ${describeFound(found.discovery)} in ${folder.name}. Create ${CONFIG_FILE_NAME}?`;
    const answer = this.host.connection.window.showInformationMessage(question, CREATE, NOT_NOW);
    log(`${folder.name}: proposed a ${CONFIG_FILE_NAME}: ${describeFound(found.discovery)}`);
    const choice = await answer;
    if (choice?.title !== CREATE.title) {
      log(`${folder.name}: ${CONFIG_FILE_NAME} not created (later: the command "FlagLens: Propose .flaglens.json from the Code", or flaglens init)`);
      return;
    }
    // Discovery runs again: files may have changed while the question was open.
    const result = await proposeConfig(this.host.folders(), [folder.uri], log);
    // A notification: this message offers no choice, so the client need not answer.
    void this.host.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: result.message });
  }
}

/** "2 flag wrappers, a flag bag and a flag registry". */
function describeFound(discovery: Discovery): string {
  const count = (n: number, one: string): string => (n === 1 ? `a ${one}` : `${n} ${one}s`);
  const parts = [
    discovery.wrappers.length > 0 ? count(discovery.wrappers.length, 'flag wrapper') : '',
    discovery.bags.length > 0 ? count(discovery.bags.length, 'flag bag') : '',
    discovery.registry !== undefined ? 'a flag registry' : '',
  ].filter((part) => part !== '');
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
