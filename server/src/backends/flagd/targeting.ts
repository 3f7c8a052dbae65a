// A flagd flag's `targeting` (JsonLogic): a top-level `fractional` read as a percentage split, anything
// else summed up as rules; pure, and apart from wire.ts because JsonLogic is a language of its own.

import { getNodeValue, type Node } from 'jsonc-parser';
import { describeNodeType, propertiesOf, propertyValue } from '../../analysis/json';

/** Reports a problem at a JSON node of the flag being read. */
export type Report = (node: Node, message: string) => void;

/** What a flag's `targeting` serves: a percentage split, or rules summed up for people. */
export interface Targeting {
  rollout: Array<{ variant: string; percent: number }>;
  hasRules: boolean;
  rulesSummary?: string;
}

const NO_TARGETING: Targeting = { rollout: [], hasRules: false };

/** A top-level `fractional` is a percentage split; anything else is rules. Undefined when invalid. */
export function readTargeting(node: Node | undefined, variantNames: string[], evaluators: Node | undefined, report: Report): Targeting | undefined {
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
