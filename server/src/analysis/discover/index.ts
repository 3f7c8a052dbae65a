// Zero-config discovery for `flaglens init` and the editor's proposal: wrappers, bag functions and the flag
// registry in code (see discover.ts).

export { describeDiscovery, discover, inferredBag, inferredPattern } from './discover';
export { bagEntryOf, proposeConfig } from './proposedConfig';
export { clientParametersOf } from './clientParameters';
export { keysAsWrittenFolders } from './keyNaming';
export { registryPropertyPattern } from './registryProperties';
export { SourceTrees, type Prescanned } from './sourceTrees';
export type {
  DiscoveredAt, DiscoveredBag, DiscoveredProvider, DiscoveredRegistry, DiscoveredRegistryProperty, DiscoveredWrapper, Discovery, ProposedConfig, SourceText,
} from './types';
