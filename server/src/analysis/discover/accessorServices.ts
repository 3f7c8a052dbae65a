// Services of flag accessors: an interface or class named for feature flags whose every public method takes nothing and
// is declared to give a boolean, or an observable, promise or signal of one (`abstract isTraceEnabled():
// Observable<boolean>`). Each method is one flag's accessor, and the flag is named by it: the service keeps no list of
// keys, its methods are the list. What holds the service, the field Angular names for it (`featureFlagService`) or one
// declared with its type or injected with it, is a bag of accessors: `this.featureFlagService.isTraceEnabled()` checks
// `isTraceEnabled`. A service with one method that takes a flag's name is a wrapper, found as any other.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { saysFeatureFlags } from './flagRecords';
import type { SourceTrees } from './sourceTrees';
import type { PatternSet } from '../patterns';
import type { Span } from '../types';
import type { DiscoveredBag, SourceText } from './types';
import { isTestFile } from './wrappers';

// The cheap text test: an interface or class whose name may say feature flags is declared here.
const SERVICE_TEXT = /\b(?:interface|class)\s+[\w$]*(?:Flag|Toggle)/;
// What an accessor may give: the flag's value, now or later.
const LATER = new Set(['Observable', 'Promise', 'Signal', 'BehaviorSubject', 'Subject', 'ReadonlySignal']);
// Fewer accessors than this is as likely a helper class as a service of flags.
const MIN_ACCESSORS = 3;

/**
 * The holders of the workspace's services of flag accessors, as bags of those accessors. A method whose body checks a
 * flag of a key it writes (`isHelpWithFeesEnabled() { return this.ld.serviceVariation('help-with-fees', false) }` with
 * `patterns`' checks) names its flag there: it is no accessor, and its name is no flag's.
 */
export function accessorServiceBags(root: string, trees: SourceTrees, patterns: PatternSet): DiscoveredBag[] {
  const services: Array<{ name: string; accessors: string[]; file: string; line: number }> = [];
  for (const source of trees.sources) {
    const file = posix.relative(root, source.file);
    // A search for a capitalised word is far cheaper than the expression, which tries every `class` and `interface`.
    if (!(source.text.includes('Flag') || source.text.includes('Toggle')) || !SERVICE_TEXT.test(source.text) || isTestFile(file)) continue;
    const sourceFile = trees.tree(source);
    for (const statement of sourceFile.statements) {
      if ((!ts.isInterfaceDeclaration(statement) && !ts.isClassDeclaration(statement)) || statement.name === undefined) continue;
      const name = statement.name.text;
      if (!saysFeatureFlags(name) || services.some((service) => service.name === name)) continue;
      const accessors = accessorsOf(statement, keyedSpans(trees, source, patterns));
      if (accessors !== undefined) services.push({ name, accessors, file, line: sourceFile.getLineAndCharacterOfPosition(statement.getStart(sourceFile)).line + 1 });
    }
  }
  if (services.length === 0) return [];
  const bags: DiscoveredBag[] = [];
  for (const service of services) {
    for (const holder of holdersOf(service.name, trees)) {
      if (bags.some((bag) => bag.spec === holder)) continue;
      bags.push({ spec: holder, at: { file: service.file, line: service.line }, keys: service.accessors, accessors: true, service: service.name });
    }
  }
  return bags;
}

/** The names of its accessors, when every public method of the type is one (and there are enough); undefined otherwise. */
function accessorsOf(declaration: ts.InterfaceDeclaration | ts.ClassDeclaration, keyed: readonly Span[]): string[] | undefined {
  const accessors: string[] = [];
  const checksItself = (member: ts.MethodDeclaration): boolean => member.body !== undefined && keyed.some((span) => span.start >= member.body!.pos && span.end <= member.body!.end);
  for (const member of declaration.members) {
    if (ts.isConstructorDeclaration(member) || ts.isPropertyDeclaration(member) || ts.isPropertySignature(member) || ts.isIndexSignatureDeclaration(member)) continue;
    if (!ts.isMethodDeclaration(member) && !ts.isMethodSignature(member)) return undefined;
    const modifiers = ts.canHaveModifiers(member) ? ts.getModifiers(member) ?? [] : [];
    if (modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.PrivateKeyword || modifier.kind === ts.SyntaxKind.ProtectedKeyword || modifier.kind === ts.SyntaxKind.StaticKeyword)) continue;
    if (!ts.isIdentifier(member.name) || member.parameters.length > 0 || !givesBoolean(member.type)) return undefined;
    if (ts.isMethodDeclaration(member) && checksItself(member)) continue;
    accessors.push(member.name.text);
  }
  return accessors.length >= MIN_ACCESSORS ? accessors : undefined;
}

/** The spans of the checks in a source whose key is known where they are written. */
function keyedSpans(trees: SourceTrees, source: SourceText, patterns: PatternSet): Span[] {
  if (!trees.mayHoldChecks(source, patterns)) return [];
  return trees.scan(source, patterns).checks.filter((check) => check.resolved && check.dynamic !== true).map((check) => check.callSpan);
}

/** `boolean`, `Observable<boolean>`, `Promise<boolean>`, `Signal<boolean>`. */
function givesBoolean(type: ts.TypeNode | undefined): boolean {
  if (type === undefined) return false;
  if (type.kind === ts.SyntaxKind.BooleanKeyword) return true;
  return ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && LATER.has(type.typeName.text)
    && type.typeArguments?.length === 1 && type.typeArguments[0].kind === ts.SyntaxKind.BooleanKeyword;
}

/**
 * The names that hold a service: the one Angular gives it by convention (`featureFlagService`), and those of the fields,
 * parameters and variables declared with its type or given it by `inject` (its class, or a token made for it).
 */
export function holdersOf(service: string, trees: SourceTrees): string[] {
  const holders = new Set([service[0].toLowerCase() + service.slice(1)]);
  const tokens = new Set<string>();
  const named = trees.filesNaming(service);
  for (const file of named) {
    const source = trees.byFile.get(file);
    if (source === undefined) continue;
    // `export const FEATURE_FLAG_SERVICE = new InjectionToken<FeatureFlagService>('…')`.
    for (const match of source.text.matchAll(/\b([\w$]+)\s*=\s*new\s+InjectionToken\s*<\s*([\w$]+)\s*>/g)) if (match[2] === service) tokens.add(match[1]);
  }
  const given = new Set([service, ...tokens]);
  const files = new Set([...named, ...[...tokens].flatMap((token) => [...trees.filesNaming(token)])]);
  for (const file of files) {
    const source = trees.byFile.get(file);
    if (source === undefined || isTestFile(file)) continue;
    const visit = (node: ts.Node): void => {
      if ((ts.isPropertyDeclaration(node) || ts.isParameter(node) || ts.isVariableDeclaration(node)) && ts.isIdentifier(node.name)) {
        if (namesService(node.type, given) || injects(node.initializer, given)) holders.add(node.name.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(trees.tree(source));
  }
  return [...holders];
}

function namesService(type: ts.TypeNode | undefined, given: ReadonlySet<string>): boolean {
  return type !== undefined && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && given.has(type.typeName.text);
}

/** `inject(FEATURE_FLAG_SERVICE)`, `inject<FeatureFlagService>(…)`, `inject(FeatureFlagService)`. */
function injects(initializer: ts.Expression | undefined, given: ReadonlySet<string>): boolean {
  if (initializer === undefined || !ts.isCallExpression(initializer) || !ts.isIdentifier(initializer.expression) || initializer.expression.text !== 'inject') return false;
  const [argument] = initializer.arguments;
  return (argument !== undefined && ts.isIdentifier(argument) && given.has(argument.text)) || initializer.typeArguments?.some((type) => namesService(type, given)) === true;
}
