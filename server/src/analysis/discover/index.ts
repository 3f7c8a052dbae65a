// Zero-config discovery for `flaglens init` and the editor's proposal: wrappers, bag functions and the flag
// registry in code (see discover.ts).

export { bagEntryOf, describeDiscovery, discover, inferredBag, inferredPattern, proposeConfig } from './discover';
export { clientParametersOf } from './clientParameters';
export { keysAsWrittenFolders } from './keyNaming';
export { registryPropertyPattern } from './registryProperties';
export { SourceTrees, type Prescanned } from './sourceTrees';
export type {
  DiscoveredAt, DiscoveredBag, DiscoveredProvider, DiscoveredRegistry, DiscoveredRegistryProperty, DiscoveredWrapper, Discovery, ProposedConfig, SourceText,
} from './types';
