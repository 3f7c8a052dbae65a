// A flag's type (release, experiment, operational, kill-switch, permission...) and where it comes from:
// the code's own comment at a check first, since whoever wrote `// flaglens: kill-switch` knows what the
// flag is for; then the backend's type; then a tag that names a type; then the policy's key patterns;
// then a backend's "not temporary" mark; else the policy's default type.

import type { FlagCheck, FlagDefinition } from '../types';
import { keyMatchesPattern, type FlagPolicy, type Lifetime } from './policy';

/** A flag's type, its lifetime under the policy, and where the type was read, for people. */
export interface FlagTypeVerdict {
  type: string;
  lifetime: Lifetime;
  /** "the comment at the check", "Unleash (https://…)", "the tag 'kill-switch'", "the key pattern 'ops-*'", "the default type". */
  from: string;
  /** True when nothing gave the type and it is the policy's default. */
  assumed: boolean;
}

// `// flaglens: kill-switch` or `/* flaglens: permission */`, on the check's line or the line above it.
const ANNOTATION = /\/[/*]\s*flaglens:\s*([A-Za-z][\w-]*)/;

/** The type named by a `flaglens:` comment on the line of `offset` or on the line just above it. */
export function flagTypeAnnotation(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const previousStart = lineStart === 0 ? 0 : text.lastIndexOf('\n', lineStart - 2) + 1;
  const here = ANNOTATION.exec(text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd));
  if (here) return here[1];
  const above = text.slice(previousStart, lineStart);
  // Only a line that is a comment and nothing else speaks for the line below it.
  return /^\s*(\/\/|\/\*)/.test(above) ? ANNOTATION.exec(above)?.[1] : undefined;
}

/** The flag's type under the policy, from the checks' annotations, the definition and the key. */
export function flagTypeOf(key: string, definition: FlagDefinition | undefined, checks: readonly FlagCheck[], policy: FlagPolicy): FlagTypeVerdict {
  const known = (type: string | undefined): type is string => type !== undefined && Object.hasOwn(policy.lifetimes, type);
  const verdict = (type: string, from: string, assumed = false): FlagTypeVerdict => ({ type, lifetime: policy.lifetimes[type] ?? 'permanent', from, assumed });

  const annotated = checks.map((check) => check.typeAnnotation).find(known);
  if (annotated !== undefined) return verdict(annotated, 'the comment at the check');
  if (definition !== undefined) {
    if (known(definition.flagType)) return verdict(definition.flagType, definition.source);
    const tag = definition.tags.find(known);
    if (tag !== undefined) return verdict(tag, `the tag '${tag}'`);
  }
  const rule = policy.keyTypes.find((candidate) => keyMatchesPattern(key, candidate.pattern));
  if (rule !== undefined) return verdict(rule.type, `the key pattern '${rule.pattern}'`);
  if (definition?.temporary === false && known('permanent')) return verdict('permanent', `${definition.source}: not temporary`);
  return verdict(policy.defaultType, 'the default type', true);
}

/** True when the type is never stale and never removed. */
export function isPermanent(type: FlagTypeVerdict): boolean {
  return type.lifetime === 'permanent';
}

/** "kill-switch flag (from the comment at the check)". */
export function describeFlagType(type: FlagTypeVerdict): string {
  return `${type.type} flag (from ${type.from})`;
}
