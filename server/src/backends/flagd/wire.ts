// The flagd flag file format (https://flagd.dev/reference/flag-definitions/) read into flag definitions:
// pure parsing, no IO. The file is validated here for the fields FlagLens relies on, because flagd's own
// validation is loose; every problem points at the JSON node to fix. Targeting is read in targeting.ts.

import * as path from 'node:path';
import { getNodeValue, type Node } from 'jsonc-parser';
import type { EnvironmentFlagState, FileProblem, FlagDefinition } from '../../analysis/types';
import { describeNodeType, parseJsonText, propertiesOf, propertyValue, refuseText, spanOf } from '../../analysis/json';
import { readTargeting, type Report } from './targeting';

/** Flag files larger than this are refused rather than parsed. */
export const MAX_FLAG_FILE_LENGTH = 20_000_000;

/** Where a flag's fields are read from, and where its problems go. */
interface FlagContext {
  key: string;
  keyNode: Node;
  file: string;
  environment: string;
  evaluators: Node | undefined;
  problems: FileProblem[];
}

/** Reads one flagd file's text into one definition per valid flag, for one environment. Never throws. */
export function parseFlagdFile(text: string, file: string, environment: string): { definitions: FlagDefinition[]; problems: FileProblem[] } {
  const { definitions, problems } = readFlagdText(text, file, environment);
  return { definitions, problems };
}

/** As `parseFlagdFile`, and whether the text was a JSON object at all (rather than broken or refused). */
export function readFlagdText(text: string, file: string, environment: string): { definitions: FlagDefinition[]; problems: FileProblem[]; readable: boolean } {
  const refusal = refuseText(text, file, MAX_FLAG_FILE_LENGTH, 'flag file');
  if (refusal) return { definitions: [], problems: [refusal], readable: false };
  const { root, problems } = parseJsonText(text, file, { allowComments: false });
  if (problems.length > 0) return { definitions: [], problems, readable: false };
  if (!root || root.type !== 'object') {
    const span = root ? spanOf(root) : { start: 0, end: 0 };
    return { definitions: [], problems: [{ file, span, message: 'A flagd file must be a JSON object with a "flags" object in it.' }], readable: false };
  }
  const flagsNode = propertyValue(root, 'flags');
  if (!flagsNode || (flagsNode.type !== 'object' && flagsNode.type !== 'array')) {
    const message = flagsNode
      ? `"flags" is ${describeNodeType(flagsNode)}: it must be an object from flag key to flag.`
      : 'This file has no "flags" object: a flagd file lists its flags under "flags".';
    return { definitions: [], problems: [{ file, span: spanOf(flagsNode ?? root), message }], readable: true };
  }

  const evaluators = propertyValue(root, '$evaluators');
  const definitions = new Map<string, FlagDefinition>();
  const seen = new Set<string>();
  for (const { key, keyNode, flagNode } of flagEntries(flagsNode, file, problems)) {
    if (seen.has(key)) {
      problems.push({ file, span: spanOf(keyNode), message: `flag '${key}' is defined twice in this file: the later definition is used.` });
    }
    seen.add(key);
    const definition = readFlag(flagNode, { key, keyNode, file, environment, evaluators, problems });
    if (definition) definitions.set(key, definition);
    else definitions.delete(key);
  }
  return { definitions: [...definitions.values()], problems, readable: true };
}

/** The flags of a `flags` object (key to flag), or of a `flags` list whose items carry a `key`. */
function flagEntries(flagsNode: Node, file: string, problems: FileProblem[]): Array<{ key: string; keyNode: Node; flagNode: Node }> {
  if (flagsNode.type === 'object') {
    return propertiesOf(flagsNode).map(({ name, nameNode, valueNode }) => ({ key: name, keyNode: nameNode, flagNode: valueNode }));
  }
  return (flagsNode.children ?? []).flatMap((flagNode) => {
    const keyNode = flagNode.type === 'object' ? propertyValue(flagNode, 'key') : undefined;
    if (!keyNode || keyNode.type !== 'string' || keyNode.value === '') {
      problems.push({ file, span: spanOf(flagNode), message: 'A flag in the "flags" list needs a "key" with the flag\'s name.' });
      return [];
    }
    return [{ key: String(keyNode.value), keyNode, flagNode }];
  });
}

/** A flag's definition for one environment, or undefined (with problems) when a field it needs is wrong. */
function readFlag(flagNode: Node, context: FlagContext): FlagDefinition | undefined {
  const report = (node: Node, message: string) => context.problems.push({ file: context.file, span: spanOf(node), message: `flag '${context.key}': ${message}` });
  if (flagNode.type !== 'object') {
    report(flagNode, `is ${describeNodeType(flagNode)}; a flag is an object with "state", "variants" and "defaultVariant".`);
    return undefined;
  }
  const problemsBefore = context.problems.length;

  const stateNode = propertyValue(flagNode, 'state');
  if (!stateNode) report(context.keyNode, 'has no "state": add "state": "ENABLED" or "state": "DISABLED".');
  else if (stateNode.value !== 'ENABLED' && stateNode.value !== 'DISABLED') {
    report(stateNode, `state ${JSON.stringify(getNodeValue(stateNode))} is neither "ENABLED" nor "DISABLED".`);
  }

  const variants = readVariants(flagNode, context.keyNode, report);
  const variantNames = Object.keys(variants);
  const defaultVariant = readDefaultVariant(flagNode, variantNames, report);
  const targeting = readTargeting(propertyValue(flagNode, 'targeting'), variantNames, context.evaluators, report);
  if (context.problems.length > problemsBefore || !targeting) return undefined;

  // Metadata problems are reported but keep the flag: a wrong `owner` must not hide its rollout.
  const metadata = readMetadata(propertyValue(flagNode, 'metadata'), report);
  const state: EnvironmentFlagState = {
    environment: context.environment,
    enabled: stateNode?.value === 'ENABLED',
    variants,
    defaultVariant,
    rollout: targeting.rollout,
    hasRules: targeting.hasRules,
    rulesSummary: targeting.rulesSummary,
    lastModified: metadata.lastModified,
  };
  return {
    key: context.key,
    description: metadata.description,
    owner: metadata.owner,
    ...(metadata.type === undefined ? {} : { flagType: metadata.type }),
    createdAt: metadata.createdAt,
    stale: metadata.stale ?? false,
    archived: metadata.archived ?? false,
    tags: metadata.tags ?? [],
    source: path.basename(context.file),
    environments: [state],
  };
}

/** The variants object; all variants of a flag must share one type, as flagd's schema requires. */
function readVariants(flagNode: Node, keyNode: Node, report: Report): Record<string, unknown> {
  const variantsNode = propertyValue(flagNode, 'variants');
  if (!variantsNode) {
    report(keyNode, 'has no "variants": add an object from variant name to value, e.g. {"on": true, "off": false}.');
    return {};
  }
  if (variantsNode.type !== 'object' || (variantsNode.children ?? []).length === 0) {
    const what = variantsNode.type === 'object' ? 'empty' : describeNodeType(variantsNode);
    report(variantsNode, `"variants" is ${what}; it must map each variant name to its value, e.g. {"on": true, "off": false}.`);
    return {};
  }
  const variants: Record<string, unknown> = {};
  let firstType: { name: string; type: string } | undefined;
  for (const { name, valueNode } of propertiesOf(variantsNode)) {
    const type = valueNode.type === 'array' ? 'list' : valueNode.type;
    if (type === 'null' || type === 'list') {
      report(valueNode, `variant '${name}' is ${describeNodeType(valueNode)}; a variant is a boolean, string, number or object.`);
      continue;
    }
    if (firstType && firstType.type !== type) {
      report(valueNode, `variant '${name}' is ${describeNodeType(valueNode)} but '${firstType.name}' is ${withArticle(firstType.type)}; all variants of a flag must have the same type.`);
      continue;
    }
    firstType ??= { name, type };
    variants[name] = getNodeValue(valueNode);
  }
  return variants;
}

function withArticle(type: string): string {
  return `${type === 'object' ? 'an' : 'a'} ${type}`;
}

/** The default variant's name; undefined when absent or null (flagd then serves the code's default). */
function readDefaultVariant(flagNode: Node, variantNames: string[], report: Report): string | undefined {
  const node = propertyValue(flagNode, 'defaultVariant');
  if (!node || node.type === 'null') return undefined;
  if (node.type !== 'string') {
    report(node, `defaultVariant is ${describeNodeType(node)}; it must name one of the flag's variants (${variantNames.join(', ')}).`);
    return undefined;
  }
  const name = String(node.value);
  if (variantNames.length > 0 && !variantNames.includes(name)) {
    report(node, `defaultVariant '${name}' is not one of its variants (${variantNames.join(', ')}).`);
  }
  return name;
}

interface Metadata {
  description?: string;
  owner?: string;
  /** The flag's type (release, kill-switch...), for the policy's lifetimes. */
  type?: string;
  createdAt?: string;
  lastModified?: string;
  stale?: boolean;
  archived?: boolean;
  tags?: string[];
}

/** The metadata fields FlagLens shows; a field of the wrong type is reported and left out. */
function readMetadata(node: Node | undefined, report: Report): Metadata {
  if (!node) return {};
  if (node.type !== 'object') {
    report(node, `metadata is ${describeNodeType(node)}; it must be an object.`);
    return {};
  }
  const metadata: Metadata = {};
  for (const { name, valueNode } of propertiesOf(node)) {
    const value: unknown = getNodeValue(valueNode);
    switch (name) {
      case 'description':
      case 'owner':
      case 'type':
        if (typeof value === 'string') metadata[name] = value;
        else report(valueNode, `metadata.${name} must be a string.`);
        break;
      case 'createdAt':
      case 'lastModified':
        if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) metadata[name] = value;
        else report(valueNode, `metadata.${name} must be a date such as "2025-01-10" or "2025-01-10T09:30:00Z".`);
        break;
      case 'stale':
      case 'archived':
        if (typeof value === 'boolean') metadata[name] = value;
        else report(valueNode, `metadata.${name} must be true or false.`);
        break;
      case 'tags':
        // flagd's schema allows only scalar metadata, so tags may also be one comma-separated string.
        if (typeof value === 'string') metadata.tags = value.split(',').map((tag) => tag.trim()).filter(Boolean);
        else if (Array.isArray(value) && value.every((tag) => typeof tag === 'string')) metadata.tags = value;
        else report(valueNode, 'metadata.tags must be a list of strings or one comma-separated string.');
        break;
    }
  }
  return metadata;
}
