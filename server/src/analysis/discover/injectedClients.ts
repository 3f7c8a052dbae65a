// Clients put on every component: a vendor's client a plugin hands Nuxt's `inject('unleash', client)` is `$unleash` in every
// component, page and middleware (`this.$unleash.isEnabled('x')`, `({ $unleash }) => $unleash.isEnabled('x')`), and one
// assigned to Vue's `Vue.prototype.$ld` or `app.config.globalProperties.$growthbook` likewise. Nothing at those calls says
// where the name comes from: the plugin does. Each vendor method the workspace calls on that name is the preset's method on
// it, a pattern of the receiver's name, with the preset's key, default and type (what a call gives back is left to the
// clean-up's own caution, as for any pattern of `.flaglens.json` that does not say).

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { calleeLastName, isFromPackages } from '../patterns';
import { valueOrigins } from '../scan/valueOrigins';
import { escapeRegex } from '../regex';
import { isParameterAround } from './functions';
import type { SourceTrees } from './sourceTrees';
import type { DiscoveredWrapper } from './types';
import { isTestFile } from './wrappers';

// What a plugin that puts a value on every component writes.
const PUTS_ON_COMPONENTS = /\binject\s*\(|\.prototype\.\$|globalProperties\.\$/;

/** The vendor methods called on each name a plugin gives a vendor's client, as patterns on that name. */
export function injectedClientPatterns(root: string, trees: SourceTrees): DiscoveredWrapper[] {
  const found: DiscoveredWrapper[] = [];
  for (const source of trees.sources) {
    const file = posix.relative(root, source.file);
    if (!PUTS_ON_COMPONENTS.test(source.text) || isTestFile(file)) continue;
    const sourceFile = trees.tree(source);
    const puts: Array<{ name: string; value: ts.Expression; at: ts.Node }> = [];
    const visit = (node: ts.Node): void => {
      const put = putOnComponents(node);
      if (put !== undefined) puts.push({ ...put, at: node });
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    if (puts.length === 0) continue;
    const origins = valueOrigins(sourceFile, puts.map((put) => put.value));
    puts.forEach((put, index) => {
      const specifier = origins[index]?.specifier;
      if (specifier === undefined) return;
      const line = sourceFile.getLineAndCharacterOfPosition(put.at.getStart(sourceFile)).line + 1;
      const called = methodsCalledOn(trees, put.name);
      for (const preset of trees.base.patterns) {
        if (preset.kind !== 'call' || preset.packages === undefined || !isFromPackages(specifier, preset.packages)) continue;
        const method = calleeLastName(preset.callee);
        const callee = `${put.name}.${method}`;
        if (!called.has(method) || found.some((wrapper) => wrapper.pattern.callee === callee)) continue;
        found.push({
          pattern: {
            callee, keyArg: preset.keyArg, ...(preset.keyPath === undefined ? {} : { keyPath: [...preset.keyPath] }),
            ...(preset.defaultArg === undefined ? {} : { defaultArg: preset.defaultArg }), ...(preset.valueType === 'unknown' ? {} : { type: preset.valueType }),
            ...(preset.negate ? { negate: true } : {}),
          },
          at: { file, line },
          reason: `\`${put.name}\` is a client made from ${specifier} that this plugin puts on every component; ${method} is its method`,
          evidence: 'named',
          level: 1,
        });
      }
    });
  }
  return found;
}

/**
 * The name a value is put under on every component, and the value: Nuxt's `inject('unleash', value)` (the plugin's
 * parameter, not Vue's imported `inject`), `Vue.prototype.$ld = value`, `app.config.globalProperties.$growthbook = value`.
 */
function putOnComponents(node: ts.Node): { name: string; value: ts.Expression } | undefined {
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'inject' && node.arguments.length === 2) {
    const [name, value] = node.arguments;
    if (!ts.isStringLiteralLike(name) || !/^[A-Za-z_][\w]*$/.test(name.text) || !isParameterAround(node, node.expression.text)) return undefined;
    return { name: `$${name.text}`, value };
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && node.left.name.text.startsWith('$')) {
    const owner = node.left.expression;
    const onEvery = ts.isPropertyAccessExpression(owner) && (owner.name.text === 'prototype' || owner.name.text === 'globalProperties');
    return onEvery ? { name: node.left.name.text, value: node.right } : undefined;
  }
  return undefined;
}

/** The methods the workspace's files call on the name (`$unleash.isEnabled(`, also after `this.` or with `?.`). */
function methodsCalledOn(trees: SourceTrees, name: string): Set<string> {
  const call = new RegExp(`${escapeRegex(name)}\\s*\\??\\.\\s*([\\w$]+)\\s*\\(`, 'g');
  const methods = new Set<string>();
  for (const source of trees.sources) {
    if (source.text.includes(name)) for (const [, method] of source.text.matchAll(call)) methods.add(method);
  }
  return methods;
}
