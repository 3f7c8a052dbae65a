// What a discovery proposes to write to `.flaglens.json` (`flaglens init`, the editor's proposal): its wrappers as
// patterns, its bag functions, its registry and the clients it found passed around.

import { posix } from 'node:path';
import type { BagEntry } from '../bags';
import type { DiscoveredBag, Discovery, ProposedConfig } from './types';

/** The configuration a discovery proposes: its wrappers as patterns, its bag functions, its registry. */
export function proposeConfig(discovery: Discovery, root: string, keysAsWritten: readonly string[] = []): ProposedConfig {
  const config: ProposedConfig = {};
  if (discovery.wrappers.length > 0) {
    config.patterns = discovery.wrappers.map(({ pattern, declaredIn, sharesName }) => {
      if (pattern.option === true) return { option: pattern.callee };
      const { keyPath, keyArg, callee, returns, ...rest } = pattern;
      const argument = keyArg ?? 0;
      const from = sharesName === true ? declaredIn?.map((file) => posix.relative(root, file)) : undefined;
      // What the call gives is written as `.flaglens.json` reads it: "value", "other", or the value's path.
      const given = returns === undefined ? {} : { returns: returns.kind === 'object' ? { path: returns.valuePath.join('.') } : returns.kind };
      return { callee, keyArg: keyPath && keyPath.length > 0 ? [argument, ...keyPath].join('.') : argument, ...rest, ...given, ...(from === undefined ? {} : { from: from.length === 1 ? from[0] : from }) };
    });
  }
  if (discovery.bags.length > 0) config.bags = discovery.bags.map(bagEntryOf);
  if (discovery.registry) {
    const properties = (discovery.registryProperties ?? []).map((carried) => carried.property);
    config.registry = { file: discovery.registry.file, symbol: discovery.registry.symbol, ...(properties.length > 0 ? { properties } : {}) };
  }
  if (keysAsWritten.length > 0) config.keysAsWritten = [...keysAsWritten];
  if (discovery.clients !== undefined && discovery.clients.length > 0) {
    config.clients = discovery.clients.map((client) => ({
      file: client.at.file, function: client.function,
      parameter: client.property === undefined ? client.parameter : `${client.parameter}.${client.property}`, package: client.specifier,
    }));
  }
  return config;
}

/** A bag function as `.flaglens.json` lists it: its call, with how it names flags when it returns an SDK's bag. */
export function bagEntryOf(bag: DiscoveredBag): BagEntry {
  if (bag.camelCaseKeys !== true && bag.sdk === undefined && bag.keys === undefined && bag.locals !== true && bag.keysArg === undefined) return bag.spec;
  return {
    bag: bag.spec, ...(bag.camelCaseKeys === true ? { camelCaseKeys: true } : {}), ...(bag.sdk ? { sdk: bag.sdk } : {}), ...(bag.keys ? { keys: bag.keys } : {}),
    ...(bag.locals === true ? { locals: true } : {}), ...(bag.store === true ? { store: true } : {}), ...(bag.keyNames ? { names: bag.keyNames } : {}),
    ...(bag.accessors === true ? { accessors: true } : {}), ...(bag.keysArg === undefined ? {} : { keysArg: bag.keysArg }),
  };
}
