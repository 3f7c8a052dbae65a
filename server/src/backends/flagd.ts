// The default backend: OpenFeature flagd flag files, one per environment
// (https://flagd.dev/reference/flag-definitions/). The file is validated here for the fields FlagLens
// relies on, because flagd's own validation is loose; every problem points at the JSON node to fix.

import { promises as fsPromises, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { getNodeValue, type Node } from 'jsonc-parser';
import type { EnvironmentFlagState, FileProblem, FlagDefinition } from '../analysis/types';
import { describeNodeType, parseJsonText, propertiesOf, propertyValue, refuseText, spanOf, tooLargeProblem } from '../analysis/json';
import type { BackendLoad, FlagBackend } from './types';

/** One flag file and the environment it describes. */
export interface FlagdFile {
  environment: string;
  /** Absolute path. */
  path: string;
}

/** Flag files larger than this are refused rather than parsed. */
const MAX_FLAG_FILE_LENGTH = 20_000_000;

const FLAGD_SUFFIX = '.flagd.json';

/** Environment names listed first by discovery, because they are the ones people care about most. */
const PRODUCTION_NAMES = ['production', 'prod'];

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
function readFlagdText(text: string, file: string, environment: string): { definitions: FlagDefinition[]; problems: FileProblem[]; readable: boolean } {
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

/** The flag files of a folder: `<folder>/flags/*.flagd.json`; production first, then by name. */
export function discoverFlagdFiles(folder: string): FlagdFile[] {
  const directory = path.join(folder, 'flags');
  let names: string[];
  try {
    names = readdirSync(directory, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith(FLAGD_SUFFIX) && entry.name.length > FLAGD_SUFFIX.length)
      .map((entry) => entry.name);
  } catch {
    return [];
  }
  const rank = (environment: string) => (PRODUCTION_NAMES.includes(environment) ? 0 : 1);
  return names
    .map((name) => ({ environment: name.slice(0, -FLAGD_SUFFIX.length), path: path.join(directory, name) }))
    .sort((a, b) => rank(a.environment) - rank(b.environment) || (a.environment < b.environment ? -1 : a.environment > b.environment ? 1 : 0));
}

/** Flag definitions from local flagd files; keeps each file's last good flags while it is broken. */
export class FlagdBackend implements FlagBackend {
  /** Per file: the flags last in use, and when the file was last read without any problem. */
  private readonly lastGood = new Map<string, { definitions: FlagDefinition[]; cleanReadAt?: number }>();

  constructor(private readonly files: FlagdFile[], readonly label: string) {}

  /** Reads every file; a broken file falls back to its last good flags and reports where it is broken. */
  async load(): Promise<BackendLoad> {
    const environments = [...new Set(this.files.map((file) => file.environment))];
    if (this.files.length === 0) {
      return { definitions: [], environments, problems: [], ok: false, message: 'No flag files are configured.' };
    }
    const results = await Promise.all(this.files.map((file) => this.loadFile(file)));
    const readAts = this.files.flatMap((file) => this.lastGood.get(file.path)?.cleanReadAt ?? []);
    const notes = results.flatMap((result) => result.note ?? []);
    return {
      definitions: mergeEnvironments(results.flatMap((result) => result.definitions), this.label),
      environments,
      problems: results.flatMap((result) => result.problems),
      ok: results.some((result) => result.readable),
      message: notes.length > 0 ? notes.join('; ') : undefined,
      syncedAt: readAts.length > 0 ? Math.min(...readAts) : undefined,
    };
  }

  /** The flag files, so that an edit to any of them triggers a reload. */
  watchedFiles(): string[] {
    return this.files.map((file) => file.path);
  }

  private async loadFile(file: FlagdFile): Promise<{ definitions: FlagDefinition[]; problems: FileProblem[]; readable: boolean; note?: string }> {
    const name = `${path.basename(file.path)} (${file.environment})`;
    const lastGood = this.lastGood.get(file.path);
    const fallback = lastGood ? 'its last good flags stay in use until it is fixed' : 'its flags are not loaded until it is fixed';
    let text: string;
    try {
      const stats = await fsPromises.stat(file.path);
      // A named pipe or a device would block the read for good.
      if (!stats.isFile()) return { definitions: lastGood?.definitions ?? [], problems: [], readable: false, note: `${name} is not a regular file: ${fallback}` };
      if (stats.size > MAX_FLAG_FILE_LENGTH) {
        const problem = tooLargeProblem(file.path, MAX_FLAG_FILE_LENGTH, 'flag file');
        return { definitions: lastGood?.definitions ?? [], problems: [problem], readable: false, note: `${name} is too large to read` };
      }
      text = await fsPromises.readFile(file.path, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'was not found' : `could not be read (${(error as Error).message})`;
      return { definitions: lastGood?.definitions ?? [], problems: [], readable: false, note: `${name} ${reason}: ${fallback}` };
    }

    const { definitions, problems, readable } = readFlagdText(text, file.path, file.environment);
    if (problems.length === 0) {
      this.lastGood.set(file.path, { definitions, cleanReadAt: Date.now() });
      return { definitions, problems, readable };
    }
    // Flags the broken file does not yield now (bad JSON, or a flag with errors) keep their last good definition.
    const keys = new Set(definitions.map((definition) => definition.key));
    const kept = (lastGood?.definitions ?? []).filter((definition) => !keys.has(definition.key));
    const inUse = [...definitions, ...kept];
    if (readable) this.lastGood.set(file.path, { definitions: inUse, cleanReadAt: lastGood?.cleanReadAt });
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    const keptText = kept.length === 1 ? `'${kept[0].key}' keeps its last good definition` : `${kept.length} flags keep their last good definitions`;
    const consequence = !readable ? `: ${fallback}` : kept.length > 0 ? `: ${keptText}` : '';
    return { definitions: inUse, problems, readable, note: `${name} has ${count}${consequence}` };
  }
}

/** One definition per key: the environments of every file side by side, metadata from the first file that has it. */
function mergeEnvironments(definitions: FlagDefinition[], source: string): FlagDefinition[] {
  const merged = new Map<string, FlagDefinition>();
  for (const definition of definitions) {
    const existing = merged.get(definition.key);
    if (!existing) {
      merged.set(definition.key, { ...definition, source, tags: [...definition.tags], environments: [...definition.environments] });
      continue;
    }
    existing.environments.push(...definition.environments);
    existing.description ??= definition.description;
    existing.owner ??= definition.owner;
    existing.createdAt ??= definition.createdAt;
    existing.stale ||= definition.stale;
    existing.archived ||= definition.archived;
    if (existing.tags.length === 0) existing.tags = [...definition.tags];
  }
  return [...merged.values()];
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
    createdAt: metadata.createdAt,
    stale: metadata.stale ?? false,
    archived: metadata.archived ?? false,
    tags: metadata.tags ?? [],
    source: path.basename(context.file),
    environments: [state],
  };
}

type Report = (node: Node, message: string) => void;

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

interface Targeting {
  rollout: Array<{ variant: string; percent: number }>;
  hasRules: boolean;
  rulesSummary?: string;
}

const NO_TARGETING: Targeting = { rollout: [], hasRules: false };

/** A top-level `fractional` is a percentage split; anything else is rules. Undefined when invalid. */
function readTargeting(node: Node | undefined, variantNames: string[], evaluators: Node | undefined, report: Report): Targeting | undefined {
  if (!node || node.type === 'null') return NO_TARGETING;
  if (node.type !== 'object') {
    report(node, `targeting is ${describeNodeType(node)}; it must be a JsonLogic object, or {} for none.`);
    return undefined;
  }
  const properties = propertiesOf(node);
  if (properties.length === 0) return NO_TARGETING;

  // A targeting that is only a reference to a shared evaluator is read as that evaluator.
  let effective = node;
  const reference = properties.length === 1 && properties[0].name === '$ref' ? properties[0].valueNode : undefined;
  if (reference) {
    const evaluator = reference.type === 'string' && evaluators?.type === 'object' ? propertyValue(evaluators, String(reference.value)) : undefined;
    if (!evaluator) {
      report(reference, `targeting refers to evaluator ${JSON.stringify(getNodeValue(reference))}, which "$evaluators" does not define.`);
      return undefined;
    }
    effective = evaluator;
  }

  let valid = true;
  forEachFractional(effective, (argumentsNode) => {
    valid = checkFractional(argumentsNode, variantNames, report) && valid;
  });
  if (!valid) return undefined;

  const effectiveProperties = effective.type === 'object' ? propertiesOf(effective) : [];
  if (effectiveProperties.length === 1 && effectiveProperties[0].name === 'fractional') {
    const rollout = fractionalShares(effectiveProperties[0].valueNode);
    if (rollout) return { rollout, hasRules: false };
    return { rollout: [], hasRules: true, rulesSummary: 'fractional split with computed variants' };
  }
  return { rollout: [], hasRules: true, rulesSummary: summarizeRules(getNodeValue(effective)) };
}

/** Calls `visit` with the arguments node of every `fractional` operation in a JsonLogic tree. */
function forEachFractional(node: Node, visit: (argumentsNode: Node) => void): void {
  if (node.type === 'property') {
    const [nameNode, valueNode] = node.children ?? [];
    if (nameNode?.value === 'fractional' && valueNode) visit(valueNode);
  }
  for (const child of node.children ?? []) forEachFractional(child, visit);
}

/** The buckets of a `fractional`: its arguments after an optional bucketing expression (anything not a list). */
function fractionalBuckets(argumentsNode: Node): Node[] {
  const children = argumentsNode.children ?? [];
  return children.length > 0 && children[0].type !== 'array' ? children.slice(1) : children;
}

/** Checks that a `fractional`'s literal variants exist and its literal weights are usable. */
function checkFractional(argumentsNode: Node, variantNames: string[], report: Report): boolean {
  if (argumentsNode.type !== 'array') {
    report(argumentsNode, 'fractional needs a list of [variant, weight] pairs, e.g. [["on", 30], ["off", 70]].');
    return false;
  }
  const buckets = fractionalBuckets(argumentsNode);
  if (buckets.length === 0) {
    report(argumentsNode, 'fractional has no [variant, weight] pairs, e.g. [["on", 30], ["off", 70]].');
    return false;
  }
  let valid = true;
  let totalWeight = 0;
  let everyWeightLiteral = true;
  for (const bucket of buckets) {
    const [variantNode, weightNode] = bucket.children ?? [];
    if (bucket.type !== 'array' || !variantNode) {
      report(bucket, 'each fractional entry must be a [variant, weight] pair, e.g. ["on", 30].');
      valid = false;
      continue;
    }
    if (variantNode.type === 'string' && variantNames.length > 0 && !variantNames.includes(String(variantNode.value))) {
      report(variantNode, `fractional variant '${String(variantNode.value)}' is not one of its variants (${variantNames.join(', ')}).`);
      valid = false;
    }
    if (!weightNode) totalWeight += 1;
    else if (weightNode.type === 'number') {
      if (Number(weightNode.value) < 0) {
        report(weightNode, `fractional weight ${String(weightNode.value)} is negative; weights are relative shares of 0 or more.`);
        valid = false;
      }
      totalWeight += Number(weightNode.value);
    } else if (weightNode.type === 'object') everyWeightLiteral = false;
    else {
      report(weightNode, `fractional weight is ${describeNodeType(weightNode)}; it must be a number.`);
      valid = false;
    }
  }
  if (valid && everyWeightLiteral && totalWeight <= 0) {
    report(argumentsNode, 'fractional weights add up to 0, so no variant can be served.');
    valid = false;
  }
  return valid;
}

/** Percent per variant (merged, in order of first mention), or undefined when a variant or weight is computed. */
function fractionalShares(argumentsNode: Node): Array<{ variant: string; percent: number }> | undefined {
  const weights = new Map<string, number>();
  for (const bucket of fractionalBuckets(argumentsNode)) {
    const [variantNode, weightNode] = bucket.children ?? [];
    if (variantNode?.type !== 'string' || (weightNode && weightNode.type !== 'number')) return undefined;
    const variant = String(variantNode.value);
    // An entry without a weight counts as weight 1, as flagd does.
    weights.set(variant, (weights.get(variant) ?? 0) + (weightNode ? Number(weightNode.value) : 1));
  }
  const total = [...weights.values()].reduce((sum, weight) => sum + weight, 0);
  // Multiplying before dividing keeps round shares exact: 30 * 100 / 100 is 30, 30 / 100 * 100 is not.
  return [...weights].map(([variant, weight]) => ({ variant, percent: (weight * 100) / total }));
}

/** Comparison operators whose JsonLogic form `{op: [left, right]}` reads well as `left op right`. */
const BINARY_OPERATORS = new Set(['==', '===', '!=', '!==', '<', '<=', '>', '>=', 'starts_with', 'ends_with']);
const MAX_SUMMARY_LENGTH = 80;

/** A short reading of JsonLogic targeting: "if email ends_with @example.com", else "targeting rules". */
function summarizeRules(logic: unknown): string {
  const ifArguments = operation(logic, 'if');
  if (Array.isArray(ifArguments) && ifArguments.length >= 2) {
    const conditions = ifArguments.filter((_argument, index) => index % 2 === 0 && index < ifArguments.length - 1);
    const first = describeCondition(conditions[0]);
    if (first !== undefined) {
      const more = conditions.length > 1 ? ` (+${conditions.length - 1} more)` : '';
      const text = `if ${first}`;
      return (text.length > MAX_SUMMARY_LENGTH ? `${text.slice(0, MAX_SUMMARY_LENGTH - 1)}…` : text) + more;
    }
  }
  return 'targeting rules';
}

/** The arguments of `{name: arguments}` when `logic` is exactly that operation. */
function operation(logic: unknown, name: string): unknown {
  if (typeof logic !== 'object' || logic === null || Array.isArray(logic)) return undefined;
  const entries = Object.entries(logic);
  return entries.length === 1 && entries[0][0] === name ? entries[0][1] : undefined;
}

function describeCondition(condition: unknown): string | undefined {
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) return undefined;
  const entries = Object.entries(condition);
  if (entries.length !== 1) return undefined;
  const [operator, operands] = entries[0];
  const list = Array.isArray(operands) ? operands : [operands];
  if (operator === 'and' || operator === 'or') {
    const parts = list.map(describeCondition);
    return parts.every((part) => part !== undefined) ? parts.join(` ${operator} `) : undefined;
  }
  if (operator === '!') {
    const inner = describeCondition(list[0]);
    return inner === undefined ? undefined : `not (${inner})`;
  }
  if (operator === 'in' && list.length === 2) {
    const [needle, haystack] = list.map(describeOperand);
    if (needle === undefined || haystack === undefined) return undefined;
    return Array.isArray(list[1]) ? `${needle} in ${haystack}` : `${haystack} contains ${needle}`;
  }
  if (operator === 'sem_ver' && list.length === 3) {
    const [version, comparison, target] = list.map(describeOperand);
    return version === undefined || target === undefined ? undefined : `${version} ${comparison} ${target} (semver)`;
  }
  if (BINARY_OPERATORS.has(operator) && list.length === 2) {
    const [left, right] = list.map(describeOperand);
    return left === undefined || right === undefined ? undefined : `${left} ${operator} ${right}`;
  }
  return undefined;
}

function describeOperand(operand: unknown): string | undefined {
  const variable = operation(operand, 'var');
  if (typeof variable === 'string') return variable;
  if (Array.isArray(variable) && typeof variable[0] === 'string') return variable[0];
  if (Array.isArray(operand)) {
    const items = operand.map(describeOperand);
    return items.every((item) => item !== undefined) ? `[${items.join(', ')}]` : undefined;
  }
  if (typeof operand === 'string' || typeof operand === 'number' || typeof operand === 'boolean') return String(operand);
  return undefined;
}

interface Metadata {
  description?: string;
  owner?: string;
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
