// The policy context of a loaded folder: its `.flaglens.json` policy, the time now, every check of a
// flag from the index, and the first commit of a key where the front end asks git, for the verdicts of
// analysis/policy.

import type { PolicyContext } from '../analysis/policy/hygiene';
import type { LoadedFolder } from './loadFolder';

/** The context in which the folder's flags are judged now. */
export function folderPolicyContext(state: Pick<LoadedFolder, 'config' | 'index' | 'firstSeenInCode'>, now: number = Date.now()): PolicyContext {
  return {
    policy: state.config.policy,
    now,
    checksOf: (key) => state.index.references(key).map((reference) => reference.check),
    firstSeenInCode: state.firstSeenInCode,
  };
}
