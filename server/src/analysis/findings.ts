// Findings: what is worth telling a person about flag checks and flag files, as plain data that the
// language server turns into diagnostics and the CLI into text, JSON or SARIF.

import { camelCaseFromFlagKey } from './keys';
import { findDefinition } from './match';
import type { FlagFileKey } from './policy/flagFileKeys';
import { flagHygiene, reportedStale, type PolicyContext } from './policy/hygiene';
import { conformingKey, namingViolation } from './policy/naming';
import type { FlagPolicy, NamingRule } from './policy/policy';
import { removabilityAtCheck } from './removability';
import { closestKey } from './suggest';
import {
  DEFAULT_SEVERITIES,
  type FileProblem,
  type FindingCode,
  type Finding,
  type FlagCatalog,
  type FlagCheck,
  type FlagDefinition,
  type Severity,
} from './types';

/** Per-code severities from settings or `.flaglens.json`; `off` drops the finding. */
export type SeverityOverrides = Partial<Record<FindingCode, Severity | 'off'>>;

/** Every finding code, in the order the documentation lists them. */
export const FINDING_CODES: readonly FindingCode[] = [
  'unknown-flag',
  'archived-flag',
  'stale-flag',
  'released-flag',
  'dead-flag',
  'malformed-flag-file',
  'unregistered-flag',
  'unused-flag',
  'backend-unreachable',
  'naming-violation',
  'missing-metadata',
];

/** One sentence per finding code, for rule lists (SARIF) and documentation. */
export const FINDING_DESCRIPTIONS: Record<FindingCode, string> = {
  'unknown-flag': 'A flag check asks for a key that no environment defines.',
  'archived-flag': 'A flag check asks for a flag that is archived.',
  'stale-flag': 'A flag check asks for a flag that is marked stale.',
  'released-flag': 'A flag serves one value to everyone in every environment: it can be removed.',
  'dead-flag': 'A flag serves its off value to everyone in every environment: it can be removed.',
  'malformed-flag-file': 'A flag file is not valid JSON or not a valid flag definition.',
  'unregistered-flag': 'A flag check asks for a key that the flag registry in code does not list.',
  'unused-flag': 'The flag registry in code lists a key that no flag check uses.',
  'backend-unreachable': 'A flag backend could not be read: its flags are shown from the cache, or not at all.',
  'naming-violation': "A flag key does not follow the policy's naming rule.",
  'missing-metadata': 'A flag lacks metadata the policy requires, such as its owner.',
};

/** The findings for one file's flag checks against the catalog, under the folder's policy. */
export function findingsForChecks(
  file: string,
  checks: readonly FlagCheck[],
  catalog: FlagCatalog,
  severities: SeverityOverrides,
  context: PolicyContext,
): Finding[] {
  const findings: Finding[] = [];
  const add = (code: FindingCode, check: FlagCheck, message: string, suggestion?: string): void => {
    const severity = severities[code] ?? DEFAULT_SEVERITIES[code];
    if (severity === 'off') return;
    const finding: Finding = { code, severity, message, file, span: check.keySpan, key: check.key };
    if (suggestion !== undefined) finding.suggestion = suggestion;
    findings.push(finding);
  };

  const { naming, requiredMetadata } = context.policy;
  for (const check of checks) {
    // A key that could not be worked out is not known to be wrong; the hover explains instead.
    if (!check.resolved) continue;
    const definition = findDefinition(check, catalog);
    // An environment switch's key is its variable's name: no backend is asked for it, nor does a naming rule for flags apply.
    if (check.environmentSwitch === true && definition === undefined) continue;
    // A camelCased bag property names its flag as the SDK requires; the flag's own key is what is named.
    const violation = naming === undefined || check.camelCaseName !== undefined ? undefined : namingViolation(check.key, naming);
    if (violation !== undefined && naming !== undefined) add('naming-violation', check, namingMessage(check.key, violation, naming), conformingKey(check.key, naming));
    const missing = definition === undefined ? [] : missingMetadata(definition, requiredMetadata);
    if (missing.length > 0) add('missing-metadata', check, `'${definition?.key ?? check.key}' has no ${missing.join(' and no ')}: the policy requires it of every flag; add it in ${definition?.source ?? 'its backend'}`);
    if (definition === undefined) {
      if (!catalog.loaded) continue;
      const unknown = describeUnknownKey(check, catalog);
      add('unknown-flag', check, unknown.message, unknown.suggestion);
      continue;
    }
    const key = definition.key;
    if (definition.archived) {
      add('archived-flag', check, `'${key}' is archived but still checked here: remove the check or restore the flag`);
    }
    const hygiene = flagHygiene(definition, catalog, context);
    const removability = removabilityAtCheck(hygiene.removability, check);
    const { verdict } = removability;
    const settled = verdict.state === 'released' || verdict.state === 'dead';
    if (reportedStale(hygiene, definition)) {
      add('stale-flag', check, definition.stale
        ? `'${key}' is marked stale: remove the check and the flag, or clear the stale mark if it is still needed`
        : `'${key}' is stale (${hygiene.staleness.reasons.join('; ')}): remove it, or give it a permanent type if it must stay`);
    }
    // A permanent flag that serves one value (a kill switch that is on) is as it should be.
    if (!settled || (!removability.removable && removability.permanent)) continue;
    const advice = removability.removable ? ': remove the flag and its dead branch' : `, but ${removability.why}`;
    add(verdict.state === 'released' ? 'released-flag' : 'dead-flag', check, `'${key}' ${asPredicate(verdict.summary)}${advice}`);
  }
  return findings;
}

/** The required metadata a flag lacks: `owner`, `description`, `createdAt`, `tags` or `type`. */
export function missingMetadata(definition: FlagDefinition, required: readonly string[]): string[] {
  const present: Record<string, boolean> = {
    owner: Boolean(definition.owner?.trim()),
    description: Boolean(definition.description?.trim()),
    createdAt: definition.createdAt !== undefined,
    tags: definition.tags.length > 0,
    type: definition.flagType !== undefined,
  };
  return required.filter((field) => present[field] === false);
}

/** "'NewCheckout' is not kebab-case: the policy names flags like 'new-checkout'". */
export function namingMessage(key: string, violation: string, rule: NamingRule): string {
  const renamed = conformingKey(key, rule);
  return `'${key}' ${violation}: ${renamed === undefined ? 'rename it to follow the policy\'s naming rule' : `rename it to '${renamed}' here and in the flag files`}`;
}

/** Naming and required-metadata findings on the keys of a local flag file. */
export function findingsForFlagFile(file: string, keys: readonly FlagFileKey[], catalog: FlagCatalog, policy: FlagPolicy, severities: SeverityOverrides): Finding[] {
  const findings: Finding[] = [];
  const add = (code: FindingCode, key: FlagFileKey, message: string, suggestion?: string): void => {
    const severity = severities[code] ?? DEFAULT_SEVERITIES[code];
    if (severity === 'off') return;
    findings.push({ code, severity, message, file, span: key.span, key: key.key, ...(suggestion === undefined ? {} : { suggestion }) });
  };
  for (const key of keys) {
    const violation = policy.naming === undefined ? undefined : namingViolation(key.key, policy.naming);
    if (violation !== undefined && policy.naming !== undefined) add('naming-violation', key, namingMessage(key.key, violation, policy.naming), conformingKey(key.key, policy.naming));
    const definition = catalog.definitions.get(key.key);
    const missing = definition === undefined ? [] : missingMetadata(definition, policy.requiredMetadata);
    if (missing.length > 0) add('missing-metadata', key, `'${key.key}' has no ${missing.join(' and no ')}: the policy requires it of every flag; add it to the flag's "metadata"`);
  }
  return findings;
}

// Verdict summaries read as predicates ("serves true in every environment") or as states
// ("off in every environment"); a state needs an "is" after the flag's name.
function asPredicate(summary: string): string {
  return /^(serves|is|has)\b/.test(summary) ? summary : `is ${summary}`;
}

/** The findings for problems in flag files (malformed JSON, invalid definitions). */
export function findingsForProblems(problems: readonly FileProblem[], severities: SeverityOverrides): Finding[] {
  return findingsOfCode('malformed-flag-file', problems, severities);
}

/** A backend that could not be read, and the file its finding points at (its configuration, or its flag file). */
export interface UnreadBackend {
  label: string;
  message: string;
  file: string;
}

/** One `backend-unreachable` finding per backend that could not be read, so that CI can fail on it. */
export function findingsForUnreadBackends(backends: readonly UnreadBackend[], severities: SeverityOverrides): Finding[] {
  const places = backends.map((backend) => ({ message: `${backend.label} could not be read: ${backend.message}`, file: backend.file, span: { start: 0, end: 0 } }));
  return findingsOfCode('backend-unreachable', places, severities);
}

// Findings of one code at places in files, with that code's severity; none when it is off.
function findingsOfCode(code: FindingCode, places: ReadonlyArray<Pick<Finding, 'message' | 'file' | 'span'>>, severities: SeverityOverrides): Finding[] {
  const severity = severities[code] ?? DEFAULT_SEVERITIES[code];
  if (severity === 'off') return [];
  return places.map(({ message, file, span }) => ({ code, severity, message, file, span }));
}

/**
 * The sentence for a check whose key no environment defines, and the closest defined key.
 * A camelCased bag property (`flags.newChekout`) is named and corrected as written.
 */
export function describeUnknownKey(check: FlagCheck, catalog: FlagCatalog): { message: string; suggestion?: string } {
  const definedKeys = [...catalog.definitions.keys()];
  const name = check.camelCaseName ?? check.key;
  const suggestion = check.camelCaseName === undefined
    ? closestKey(check.key, definedKeys)
    : closestKey(check.camelCaseName, definedKeys.map(camelCaseFromFlagKey));
  const environments = catalog.environments.length > 0 ? ` (${catalog.environments.join(', ')})` : '';
  const advice = suggestion === undefined
    ? ' Check the key for a typo, or define the flag.'
    : ` Did you mean '${suggestion}'?`;
  return { message: `'${name}' is not defined in any environment${environments}.${advice}`, suggestion };
}
