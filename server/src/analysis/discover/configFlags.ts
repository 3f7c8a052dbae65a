// Checks that a team's node-config settings vouch for (see nodeConfig.ts), whatever its code calls them:
// - a call given, as an argument written in place, a name that a flag section maps to a backend's key is a check of that
//   flag, and its callee a pattern with that argument as the key
//   (`featureToggle.callCheckToggle(req, res, next, launchDarkly, 'ft_pcq', callback)`, where the team's class looks the
//   name up and asks LaunchDarkly through a singleton no rule follows);
// - a flag section read by a name it declares is a bag of those names (`ctx.featureToggles.ft_pcq`, `config.features.idam`).
// The settings are the evidence: a name is a flag because the team's flag section says so, not because of its words.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { escapeRegex } from '../regex';
import { mayEvaluate } from './anchors';
import type { SourceTrees } from './sourceTrees';
import type { DiscoveredBag, DiscoveredWrapper } from './types';
import { isTestFile } from './wrappers';

/** The calls given a name that node-config's flag sections map to a key, one pattern per callee and argument. */
export function configNamedCalls(root: string, trees: SourceTrees, keyNames: ReadonlyMap<string, string> | undefined): DiscoveredWrapper[] {
  if (keyNames === undefined || keyNames.size === 0) return [];
  const written = new RegExp(`['"\`](?:${[...keyNames.keys()].map(escapeRegex).join('|')})['"\`]`);
  const found = new Map<string, DiscoveredWrapper>();
  for (const source of trees.sources) {
    const file = posix.relative(root, source.file);
    if (isTestFile(file) || !written.test(source.text)) continue;
    const sourceFile = trees.tree(source);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = calleeText(node.expression);
        const keyArg = node.arguments.findIndex((argument) => ts.isStringLiteralLike(argument) && keyNames.has(argument.text));
        if (callee !== undefined && keyArg >= 0 && mayEvaluate(callee.slice(callee.lastIndexOf('.') + 1)) && !found.has(callee)) {
          const name = (node.arguments[keyArg] as ts.StringLiteralLike).text;
          const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
          found.set(callee, {
            pattern: { callee, keyArg }, at: { file, line }, evidence: 'keys', level: 0,
            reason: `given '${name}', a name the flag section of node-config's settings maps to the flag '${keyNames.get(name) ?? name}'`,
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return [...found.values()];
}

/** The callee as a pattern names it: `checkToggle`, `featureToggle.checkToggle` (also for `this.featureToggle.checkToggle`). */
function calleeText(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text === 'require' ? undefined : expression.text;
  if (!ts.isPropertyAccessExpression(expression)) return undefined;
  const receiver = expression.expression;
  const receiverName = ts.isIdentifier(receiver) ? receiver.text : ts.isPropertyAccessExpression(receiver) ? receiver.name.text : undefined;
  return receiverName === undefined ? expression.name.text : `${receiverName}.${expression.name.text}`;
}

/** The flag sections of node-config's settings that the code reads by a name they declare, each a bag of those names. */
export function configSectionBags(root: string, trees: SourceTrees, sections: ReadonlyMap<string, ReadonlySet<string>> | undefined): DiscoveredBag[] {
  const bags: DiscoveredBag[] = [];
  for (const [section, members] of sections ?? []) {
    const read = new RegExp(`\\b${escapeRegex(section)}\\s*\\??\\.\\s*(?:${[...members].map(escapeRegex).join('|')})\\b`);
    for (const source of trees.sources) {
      const file = posix.relative(root, source.file);
      const match = isTestFile(file) ? null : read.exec(source.text);
      if (match === null) continue;
      const line = source.text.slice(0, match.index).split('\n').length;
      bags.push({ spec: section, at: { file, line }, keys: [...members], configSection: section });
      break;
    }
  }
  return bags;
}
