// The `policy` setting of `.flaglens.json`: flag types and their lifetimes, types by key pattern,
// naming rules, required metadata and what fails CI. Pure, like configFields.ts: every bad entry is
// reported at its JSON node and left out, so that the rest of the policy still applies.

import { getNodeValue, type Node } from 'jsonc-parser';
import { describeNodeType, propertiesOf } from '../analysis/json';
import { DEFAULT_POLICY, type FlagPolicy, type KeyCasing, type Lifetime, type NamingRule } from '../analysis/policy/policy';
import { DEFAULT_SEVERITIES, type FindingCode } from '../analysis/types';
import type { Report } from './configFields';

/** The metadata a policy may require of every flag. */
export const METADATA_FIELDS = ['owner', 'description', 'createdAt', 'tags', 'type'] as const;

const CASINGS: readonly KeyCasing[] = ['kebab', 'snake', 'camel'];
const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'];
const POLICY_FIELDS = ['lifetimes', 'defaultType', 'keyTypes', 'unusedAfterDays', 'unreleasedWithinDays', 'naming', 'requiredMetadata', 'failOn'];

/** Reads `policy`; the defaults fill whatever it leaves out. */
export function readPolicy(node: Node, report: Report): FlagPolicy {
  const policy: { -readonly [Field in keyof FlagPolicy]: FlagPolicy[Field] } = { ...DEFAULT_POLICY };
  if (node.type !== 'object') {
    report(node, `"policy" is ${describeNodeType(node)}; it must be an object such as {"lifetimes": {"release": 30}}.`);
    return policy;
  }
  const properties = propertiesOf(node);
  // Lifetimes first: the other fields name types, which must be known.
  const lifetimesNode = properties.find((property) => property.name === 'lifetimes')?.valueNode;
  if (lifetimesNode !== undefined) policy.lifetimes = { ...DEFAULT_POLICY.lifetimes, ...readLifetimes(lifetimesNode, report) };
  const knownType = (valueNode: Node, where: string): string | undefined => {
    const value: unknown = getNodeValue(valueNode);
    if (typeof value === 'string' && Object.hasOwn(policy.lifetimes, value)) return value;
    report(valueNode, `${where} must name a flag type: ${Object.keys(policy.lifetimes).join(', ')} (add others under "lifetimes").`);
    return undefined;
  };
  for (const { name, nameNode, valueNode } of properties) {
    switch (name) {
      case 'lifetimes':
        break;
      case 'defaultType': {
        const type = knownType(valueNode, '"policy.defaultType"');
        if (type !== undefined) policy.defaultType = type;
        break;
      }
      case 'keyTypes':
        policy.keyTypes = readKeyTypes(valueNode, report, knownType);
        break;
      case 'unusedAfterDays':
      case 'unreleasedWithinDays': {
        const value: unknown = getNodeValue(valueNode);
        if (isWholeDays(value)) policy[name] = value;
        else report(valueNode, `"policy.${name}" must be a whole number of days from 1 to 3650.`);
        break;
      }
      case 'naming': {
        const naming = readNaming(valueNode, report);
        if (naming !== undefined) policy.naming = naming;
        break;
      }
      case 'requiredMetadata':
        policy.requiredMetadata = readNames(valueNode, 'policy.requiredMetadata', METADATA_FIELDS, report);
        break;
      case 'failOn':
        policy.failOn = readNames(valueNode, 'policy.failOn', [...Object.keys(DEFAULT_SEVERITIES) as FindingCode[], ...SEVERITY_NAMES, 'none'], report);
        break;
      default:
        report(nameNode, `Unknown policy setting "${name}": "policy" knows ${POLICY_FIELDS.join(', ')}.`);
    }
  }
  return policy;
}

function readLifetimes(node: Node, report: Report): Record<string, Lifetime> {
  const lifetimes: Record<string, Lifetime> = {};
  if (node.type !== 'object') {
    report(node, '"policy.lifetimes" must map each flag type to its lifetime in days or "permanent", e.g. {"release": 30, "kill-switch": "permanent"}.');
    return lifetimes;
  }
  for (const { name, nameNode, valueNode } of propertiesOf(node)) {
    const value: unknown = getNodeValue(valueNode);
    if (!/^[A-Za-z][\w-]*$/.test(name)) report(nameNode, `"policy.lifetimes": "${name}" is not a type name; use letters, digits, - and _, e.g. "kill-switch".`);
    else if (value === 'permanent' || isWholeDays(value)) lifetimes[name] = value;
    else report(valueNode, `The lifetime of "${name}" must be a whole number of days from 1 to 3650, or "permanent".`);
  }
  return lifetimes;
}

function readKeyTypes(node: Node, report: Report, knownType: (valueNode: Node, where: string) => string | undefined): FlagPolicy['keyTypes'] {
  if (node.type !== 'object') {
    report(node, '"policy.keyTypes" must map key patterns to flag types, e.g. {"kill-*": "kill-switch"}.');
    return [];
  }
  return propertiesOf(node).flatMap(({ name, valueNode }) => {
    const type = knownType(valueNode, `The type of keys "${name}"`);
    return type === undefined ? [] : [{ pattern: name, type }];
  });
}

function readNaming(node: Node, report: Report): NamingRule | undefined {
  if (node.type !== 'object') {
    report(node, '"policy.naming" must be an object such as {"casing": "kebab", "prefixes": ["team-"]}.');
    return undefined;
  }
  const naming: NamingRule = {};
  for (const { name, nameNode, valueNode } of propertiesOf(node)) {
    const value: unknown = getNodeValue(valueNode);
    if (name === 'casing') {
      if (CASINGS.includes(value as KeyCasing)) naming.casing = value as KeyCasing;
      else report(valueNode, `"policy.naming.casing" must be one of ${CASINGS.join(', ')}.`);
    } else if (name === 'pattern') {
      if (typeof value === 'string' && isRegExp(value)) naming.pattern = value;
      else report(valueNode, '"policy.naming.pattern" must be a regular expression, e.g. "^[a-z][a-z0-9-]*$".');
    } else if (name === 'prefixes') {
      naming.prefixes = readNames(valueNode, 'policy.naming.prefixes', undefined, report);
    } else report(nameNode, `Unknown naming setting "${name}": "naming" has casing, pattern and prefixes.`);
  }
  return naming;
}

/** Distinct non-empty strings, each one of `allowed` when given; bad items are reported and left out. */
function readNames(node: Node, where: string, allowed: readonly string[] | undefined, report: Report): string[] {
  if (node.type !== 'array') {
    report(node, `"${where}" must be a list${allowed ? ` of ${allowed.join(', ')}` : ' of strings'}.`);
    return [];
  }
  const names: string[] = [];
  (node.children ?? []).forEach((item, index) => {
    const value: unknown = getNodeValue(item);
    if (typeof value !== 'string' || value === '' || (allowed !== undefined && !allowed.includes(value))) {
      report(item, `${where}[${index}] must be ${allowed ? `one of ${allowed.join(', ')}` : 'a non-empty string'}.`);
    } else if (names.includes(value)) report(item, `${where}[${index}]: "${value}" is listed twice.`);
    else names.push(value);
  });
  return names;
}

function isWholeDays(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 3650;
}

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
