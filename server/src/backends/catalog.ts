// Merges what each backend of a workspace folder loaded into the one catalog the features read.

import type { FlagCatalog, FlagDefinition } from '../analysis/types';
import type { BackendLoad } from './types';

/**
 * One catalog from the loads of a folder's backends, in configuration order: the first backend that
 * defines a key wins. The counted environments are always spelled out, so that a flag missing from
 * one of them reads as rolling out: the configured ones that some backend knows (all configured ones
 * when none is known, so every flag says "not defined in …"), else every known environment.
 */
export function buildCatalog(loads: readonly BackendLoad[], labels: readonly string[], countedEnvironments?: readonly string[]): FlagCatalog {
  const definitions = new Map<string, FlagDefinition>();
  const environments: string[] = [];
  const sources: string[] = [];
  loads.forEach((load, index) => {
    for (const definition of load.definitions) {
      if (!definitions.has(definition.key)) definitions.set(definition.key, definition);
    }
    for (const environment of load.environments) {
      if (!environments.includes(environment)) environments.push(environment);
    }
    const label = labels[index];
    if (load.definitions.length > 0 && label !== undefined && !sources.includes(label)) sources.push(label);
  });

  const syncs = new Map<string, { syncedAt?: number; offline: boolean }>();
  loads.forEach((load, index) => {
    const label = labels[index];
    if (label !== undefined) syncs.set(label, { syncedAt: load.syncedAt, offline: !load.ok });
  });
  const syncTimes = loads.flatMap((load) => load.syncedAt ?? []);
  const known = countedEnvironments?.filter((environment) => environments.includes(environment)) ?? [];
  const counted = countedEnvironments && countedEnvironments.length > 0
    ? (known.length > 0 ? known : [...countedEnvironments])
    : (environments.length > 0 ? [...environments] : undefined);
  return {
    definitions,
    environments,
    countedEnvironments: counted,
    loaded: definitions.size > 0,
    syncedAt: syncTimes.length > 0 ? Math.min(...syncTimes) : undefined,
    sources,
    syncs,
  };
}

/** A backend's message with its label in front, unless the message names the backend already. */
export function withLabel(label: string, message: string): string {
  return message.startsWith(`${label}:`) ? message : `${label}: ${message}`;
}
