// Bindings: the names a file declares and the keys they hold (const, enum, `as const` object, class statics,
// imports), looked up by scope, and the checks' keys completed through them once the whole file is read.

import { ts } from 'ts-morph';
import { readsComponentMembers } from '../components';
import { allKeys, keyTypeMembers, type ImportedKeyType, type KeyTypeMember } from '../keyTypes';
import { isFromPackages, VENDOR_PACKAGES } from '../patterns';
import { AUTO_IMPORTS } from '../packages';
import type { FlagCheck, Span } from '../types';
import type { BagSource, Binding, DraftCheck, EvidenceImport, ImportedKey, LocalObject, LocalReference, LocalValue, ModuleReference, Origin, OriginHow, ScanState } from './types';
import { evaluate, propertyNameText, setMember, THIS_PROP, unwrap } from './values';

// ts-morph re-exports the compiler API through getters; the hot paths read these once (see scanFile.ts).
const {
  SyntaxKind, isArrowFunction, isBinaryExpression, isClassDeclaration, isClassExpression, isFunctionDeclaration, isFunctionExpression, isFunctionLike,
  isEnumDeclaration, isIdentifier, isImportDeclaration, isNamespaceImport, isObjectLiteralExpression, isOmittedExpression,
  isPropertyAccessExpression, isPropertyDeclaration, isStringLiteral, isTypeAliasDeclaration, isVariableStatement,
} = ts;

// Enough for any real chain of constants; stops self-referencing ones.
const MAX_REFERENCE_DEPTH = 32;

/** Imports, enums and classes a constant key may come from; the full walk and the exports-only pass share them. */
export function declareStatement(state: ScanState, node: ts.Node): void {
  if (isImportDeclaration(node)) declareImports(state, node);
  else if (isEnumDeclaration(node)) declare(state, node.name.text, enumValue(node));
  else if (isClassDeclaration(node) && node.name !== undefined) declare(state, node.name.text, classStaticsValue(node));
  else if (isTypeAliasDeclaration(node)) state.typeAliases.set(node.name.text, node.type);
}

/**
 * A module's object of keys filled after it is declared, `const FEATURES = {}; FEATURES.DARK_MODE = 'dark_mode';`: from
 * the statement on, the name holds the object as it was with that member too. Only a module's own statement, of a
 * name it declares. The object as it was is read where it is needed, by its name just before the statement,
 * so that a walk reads nothing of another statement's but its names (see incremental.ts).
 */
export function declareAssignedMember(state: ScanState, statement: ts.ExpressionStatement): void {
  const assignment = statement.expression;
  if (!isBinaryExpression(assignment) || assignment.operatorToken.kind !== SyntaxKind.EqualsToken) return;
  const { left, right } = assignment;
  if (!isPropertyAccessExpression(left) || !isIdentifier(left.expression) || !state.bindings.has(left.expression.text)) return;
  const member = evaluate(right);
  if (member === undefined) return;
  const name = left.expression.text;
  const members: Record<string, LocalValue> = {};
  setMember(members, left.name.text, member);
  const before: LocalReference = { kind: 'local', names: [name], position: statement.pos };
  declare(state, name, { kind: 'object', members, spreads: [before] }, undefined, undefined, undefined, { start: statement.end, end: state.scopes[0]?.end ?? state.text.length });
}

/** Declares `name` in the innermost open scope, or in `scope` when given (a class's `this.name`). */
export function declare(state: ScanState, name: string, value: LocalValue | undefined, bag?: BagSource, parameter?: Binding['parameter'], origin?: Origin, scope?: Span): void {
  bind(state, name, { value, ...(bag ? { bag } : {}), ...(parameter ? { parameter } : {}), ...(origin ? { origin } : {}) }, scope);
}

/**
 * A class component's props destructured (`const { treatmentName } = this.props`): each is what the element rendering
 * it passes, as a function component's destructured parameter is, so a key read from one is dynamic.
 */
export function declareProps(state: ScanState, pattern: ts.ObjectBindingPattern): void {
  for (const element of pattern.elements) {
    if (element.dotDotDotToken === undefined && isIdentifier(element.name)) declare(state, element.name.text, undefined, undefined, { type: undefined });
    else declareOpaqueNames(state, element.name);
  }
}

/** A name a loop over an object's keys binds (`for (const key in flags)`), in the scope the walk is in. */
export function declareEveryKey(state: ScanState, name: string): void {
  bind(state, name, { value: undefined, everyKey: true });
}

function bind(state: ScanState, name: string, what: Omit<Binding, 'scopeStart' | 'scopeEnd'>, scope?: Span): void {
  if (name === '') return;
  const { start, end } = scope ?? state.scopes[state.scopes.length - 1] ?? { start: 0, end: state.text.length };
  const binding: Binding = { scopeStart: start, scopeEnd: end, ...what };
  addBinding(state.bindings, name, binding);
  state.declared?.push([name, binding]);
}

/** Adds a binding to the table, kept in order of scope start. */
export function addBinding(bindings: Map<string, Binding[]>, name: string, binding: Binding): void {
  const existing = bindings.get(name);
  if (existing === undefined) bindings.set(name, [binding]);
  // Kept in order of scope start (ties in declaration order): almost always an append.
  else existing.splice(firstStartingAfter(existing, binding.scopeStart), 0, binding);
}

/** The index of the first binding whose scope starts after `position`. */
function firstStartingAfter(bindings: readonly Binding[], position: number): number {
  let low = 0;
  let high = bindings.length;
  if (high > 0 && bindings[high - 1].scopeStart <= position) return high;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (bindings[middle].scopeStart <= position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Names that hold no known key; a destructured parameter's names are parameters of no known type. `origin` is what
 * the value was made from or typed by; destructured names keep what the whole was made from.
 */
export function declareOpaqueNames(state: ScanState, name: ts.BindingName, parameter?: Binding['parameter'], origin?: Origin): void {
  if (isIdentifier(name)) {
    declare(state, name.text, undefined, undefined, parameter, origin);
    return;
  }
  for (const element of name.elements) {
    // Each name its own copy: an open document's re-scan moves a binding's origin in place.
    const own = origin && { ...origin, reference: { ...origin.reference } };
    if (isOmittedExpression(element)) continue;
    const defaultName = parameter === undefined ? undefined : defaultNameOf(element.initializer);
    declareOpaqueNames(state, element.name, parameter && { type: undefined, ...(defaultName === undefined ? {} : { defaultName }) }, own);
  }
}

/** The last name of a parameter's default when it is a name (`flags = featureFlagService`, `client = deps.client`). */
export function defaultNameOf(initializer: ts.Expression | undefined): string | undefined {
  if (initializer === undefined) return undefined;
  if (isIdentifier(initializer)) return initializer.text;
  return isPropertyAccessExpression(initializer) && isIdentifier(initializer.name) ? initializer.name.text : undefined;
}

function declareImports(state: ScanState, node: ts.ImportDeclaration): void {
  const clause = node.importClause;
  if (clause === undefined || !isStringLiteral(node.moduleSpecifier)) return;
  const specifier = node.moduleSpecifier.text;
  if (clause.name !== undefined) declare(state, clause.name.text, { kind: 'import', specifier, names: ['default'] });
  const named = clause.namedBindings;
  if (named === undefined) return;
  if (isNamespaceImport(named)) {
    declare(state, named.name.text, { kind: 'import', specifier, names: [] });
    return;
  }
  for (const element of named.elements) {
    const imported = element.propertyName ?? element.name;
    declare(state, element.name.text, { kind: 'import', specifier, names: [imported.text] });
  }
}

function enumValue(node: ts.EnumDeclaration): LocalObject {
  const members: Record<string, LocalValue> = {};
  for (const member of node.members) {
    const name = propertyNameText(member.name);
    const value = member.initializer === undefined ? undefined : evaluate(member.initializer);
    if (name !== undefined && value !== undefined) setMember(members, name, value);
  }
  return { kind: 'object', members };
}

/** `class Flags { static readonly NEW_CHECKOUT = 'new-checkout' }` */
function classStaticsValue(node: ts.ClassDeclaration): LocalObject {
  const members: Record<string, LocalValue> = {};
  for (const member of node.members) {
    if (!isPropertyDeclaration(member) || member.initializer === undefined) continue;
    if (!member.modifiers?.some((modifier) => modifier.kind === SyntaxKind.StaticKeyword)) continue;
    const name = propertyNameText(member.name);
    const value = evaluate(member.initializer);
    if (name !== undefined && value !== undefined) setMember(members, name, value);
  }
  return { kind: 'object', members };
}

/** The binding of `name` in the innermost scope around `position`. */
export function lookupBinding(state: ScanState, name: string, position: number): Binding | undefined {
  const candidates = state.bindings.get(name);
  if (candidates === undefined) return undefined;
  // The innermost scope around `position` is the one that starts last among those that contain it (the
  // last declared on a tie): a binary search, then back past the scopes that ended before `position`.
  for (let index = firstStartingAfter(candidates, position) - 1; index >= 0; index--) {
    if (position <= candidates[index].scopeEnd) return candidates[index];
  }
  return undefined;
}

/** Follows local names to a key, an object of keys or an import, then walks `path` into it. */
export function followLocal(state: ScanState, value: LocalValue, path: readonly string[], depth: number): string | LocalObject | ModuleReference | undefined {
  if (depth > MAX_REFERENCE_DEPTH) return undefined;
  if (typeof value === 'string') return path.length === 0 ? value : undefined;
  switch (value.kind) {
    case 'object': {
      if (path.length === 0) return value;
      const [first, ...rest] = path;
      if (Object.hasOwn(value.members, first)) return followLocal(state, value.members[first], rest, depth + 1);
      // A member of an object spread into it; the last spread that has one gives it, as at run time.
      for (const spread of [...(value.spreads ?? [])].reverse()) {
        const found = followLocal(state, spread, path, depth + 1);
        if (found !== undefined) return found;
      }
      return value.mirror === true && rest.length === 0 ? first : undefined;
    }
    case 'import':
      return path.length === 0 ? value : { ...value, names: [...value.names, ...path] };
    case 'local': {
      const [first, ...rest] = value.names;
      const bound = lookupBinding(state, first, value.position)?.value;
      return bound === undefined ? undefined : followLocal(state, bound, [...rest, ...path], depth + 1);
    }
  }
}

/**
 * The checks a preset matched by name that another module's evidence may still drop. An inferred wrapper's call whose
 * import is followed the same way is not among them: it stands unless that import leads elsewhere.
 */
export function awaitingEvidence(evidenceImports: readonly EvidenceImport[] | undefined): Set<number> {
  return new Set(evidenceImports?.flatMap((entry) => (entry.modules === undefined ? [entry.checkIndex] : [])));
}

/** What completing a file's checks gives: its checks, and what is left to other files. */
export interface CompletedChecks {
  checks: FlagCheck[];
  importedKeys: ImportedKey[];
  importedKeyTypes: ImportedKeyType[];
  evidenceImports: EvidenceImport[];
  /** True when a preset's call on `this.name` found no evidence: a skeleton may have blanked the constructor that holds it. */
  lacksClassEvidence: boolean;
}

/**
 * The file's checks with their keys followed through its bindings, and what is left to other files. A preset's
 * draft is kept only with evidence: its function or receiver is imported from one of its packages, made from
 * such an import, or declared with a type from one; when that import names a module of the workspace, other
 * files decide (`evidenceImports`). One check is kept per call.
 */
export function completeChecks(state: ScanState): CompletedChecks {
  const checks: FlagCheck[] = [];
  const importedKeys: ImportedKey[] = [];
  const importedKeyTypes: ImportedKeyType[] = [];
  const evidenceImports: EvidenceImport[] = [];
  let lacksClassEvidence = false;
  // Candidates of one call share their reference object: each is followed once.
  const origins = new Map<LocalReference, FoundOrigin | undefined>();
  // One check per call, whichever of a vendor's patterns of its name holds (Statsig's `checkGate(gate)` and `checkGate(user,
  // gate)`); a list of keys written there (`getTreatments(['a', 'b'])`) is a check of each.
  const checkedCalls = new Set<string>();
  for (const draft of state.drafts) {
    // A key that is every key of an object in turn (`for (const key in currentFlags) defaults[key]`) checks no one flag.
    const reference = draft.keyValue;
    if (typeof reference === 'object' && reference.kind === 'local' && reference.names.length === 1 && lookupBinding(state, reference.names[0], reference.position)?.everyKey === true) continue;
    let check = draft.check;
    const need = draft.evidence;
    let pending: EvidenceImport | undefined;
    if (need?.modules !== undefined) {
      // An inferred wrapper's call: kept unless its callee is declared here or imported, and other files decide.
      if (!need.modules.includes(state.sourceFile.fileName)) {
        const origin = wrapperOrigin(state, need.reference, need.calledName, 0);
        if (origin === 'here') continue;
        if (origin !== undefined) {
          const reference = origin.names.length === 0 && need.calledName !== undefined ? { ...origin, names: [need.calledName] } : origin;
          pending = { checkIndex: checks.length, reference, packages: [], subject: need.subject, modules: need.modules };
        }
      }
    } else if (need !== undefined) {
      let found = origins.get(need.reference);
      if (found === undefined && !origins.has(need.reference)) {
        found = followOrigin(state, need.reference, undefined, 0);
        origins.set(need.reference, found);
      }
      if (found === undefined) {
        if (need.reference.names[0].startsWith('this.')) lacksClassEvidence = true;
        continue;
      }
      const { specifier } = found.reference;
      if (isFromPackages(specifier, VENDOR_PACKAGES)) {
        const at = draft.listed === true ? `${check.callSpan.start}:${check.keySpan.start}` : `${check.callSpan.start}`;
        if (!isFromPackages(specifier, need.packages) || checkedCalls.has(at)) continue;
        checkedCalls.add(at);
        check = { ...check, evidence: evidenceText(found.subject ?? need.subject, found.how, specifier), ...(found.how === 'chosen' ? { standIn: true as const } : {}) };
      } else {
        pending = { checkIndex: checks.length, reference: found.reference, packages: need.packages, subject: found.subject ?? need.subject };
      }
    }
    if (pending !== undefined) evidenceImports.push(pending);
    const value = draft.keyValue === undefined ? undefined : followLocal(state, draft.keyValue, [], 0);
    const key = typeof value === 'string' ? value : carriedRegistryKey(state, draft.keyValue ?? thisPath(check.key, check.keySpan.end));
    if (key !== undefined) {
      checks.push(withKey(check, key));
    } else {
      if (typeof value !== 'string' && value?.kind === 'import') importedKeys.push({ checkIndex: checks.length, reference: value });
      // A name nothing in the file binds may be one its framework imports by itself (Nuxt's `Feature.X` from `utils/`).
      else if (draft.keyValue !== undefined && typeof draft.keyValue !== 'string' && draft.keyValue.kind === 'local' && lookupBinding(state, draft.keyValue.names[0], draft.keyValue.position) === undefined) {
        importedKeys.push({ checkIndex: checks.length, reference: { kind: 'import', specifier: AUTO_IMPORTS, names: draft.keyValue.names } });
      }
      const completed = withDynamicKey(state, { ...draft, check }, checks.length, importedKeyTypes);
      // A key a field holds (`this._flagName`) may be set from the constructor's parameters, which a skeleton blanks.
      if (completed.dynamic !== true && completed.key.startsWith('this.')) lacksClassEvidence = true;
      checks.push(completed);
    }
  }
  return { checks, importedKeys, importedKeyTypes, evidenceImports, lacksClassEvidence };
}

// A member read off `this` (`this.$featureKeys.X`), as its key's text writes it.
const THIS_PATH = /^this(?:\.[\w$]+)+$/;

/**
 * The path of a member read off `this`, as a reference no binding completes (no name is bound to `this`): only a carried
 * registry's property reads a key from it.
 */
function thisPath(keyText: string, position: number): LocalReference | undefined {
  return THIS_PATH.test(keyText) ? { kind: 'local', names: keyText.split('.'), position } : undefined;
}

/**
 * The key of a registry's member read off an object that carries the registry as a property: `features.Gate.SearchV2`,
 * where a client class says `Gate = Gate`. The object is a parameter or a call's result more often than not, so its
 * path is all there is to go on; the property's name and the member's are both the registry's own.
 */
function carriedRegistryKey(state: ScanState, written: LocalValue | undefined): string | undefined {
  if (state.registryProperties === undefined || written === undefined || typeof written === 'string' || written.kind === 'object') return undefined;
  const { names } = written;
  // A receiver, the property, the member: `Gate.SearchV2` alone is the registry itself, followed as any import is. In a
  // component's markup, the receiver is the component: `featureFlags.x` reads its property `featureFlags`, and a Vue
  // template's `$featureKeys.X` the property a plugin puts on every component.
  const ofComponent = names.length === 2 && written.kind === 'local' && readsComponentMembers(state.sourceFile.fileName) && lookupBinding(state, names[0], written.position) === undefined;
  if (names.length < 3 && !ofComponent) return undefined;
  const property = names[names.length - 2];
  const member = names[names.length - 1];
  for (const carried of state.registryProperties) {
    if (carried.property === property && Object.hasOwn(carried.keyOfMember, member)) return carried.keyOfMember[member];
  }
  return undefined;
}

/**
 * Where a callee's name comes from, for an inferred wrapper's call: the import it names ('here' when the file declares
 * it, a function, class or object of its own); undefined when nothing says (a parameter, a value a call made, a global).
 * A method of an object the file writes (`calledName` on it) comes from where that member's value does.
 */
function wrapperOrigin(state: ScanState, reference: LocalReference, calledName: string | undefined, depth: number): ModuleReference | 'here' | undefined {
  if (depth > MAX_REFERENCE_DEPTH) return undefined;
  const [first, ...rest] = reference.names;
  const binding = lookupBinding(state, first, reference.position);
  if (binding === undefined) return declaresAtTopLevel(state.sourceFile, first) ? 'here' : undefined;
  if (binding.parameter !== undefined || binding.origin !== undefined || binding.bag !== undefined) return undefined;
  const value = binding.value;
  if (value === undefined) return binding.scopeStart === 0 && declaresAtTopLevel(state.sourceFile, first) ? 'here' : undefined;
  if (typeof value === 'string') return 'here';
  if (value.kind === 'object') {
    // `const flags = { getValue }`: the member's value is the function; one the walk did not follow is the object's own.
    const path = calledName === undefined ? rest : [...rest, calledName];
    const member = path.length === 1 && Object.hasOwn(value.members, path[0]) ? value.members[path[0]] : undefined;
    if (member === undefined || typeof member === 'string' || member.kind === 'object') return 'here';
    return member.kind === 'import' ? member : wrapperOrigin(state, member, undefined, depth + 1);
  }
  if (value.kind === 'import') return { ...value, names: [...value.names, ...rest] };
  return wrapperOrigin(state, { ...value, names: [...value.names, ...rest] }, calledName, depth + 1);
}

/** True when a statement of the module declares `name` as a function, a class, or a const of a function, class or object. */
function declaresAtTopLevel(sourceFile: ts.SourceFile, name: string): boolean {
  return sourceFile.statements.some((statement) => {
    if (isFunctionDeclaration(statement) || isClassDeclaration(statement)) return statement.name?.text === name;
    if (!isVariableStatement(statement)) return false;
    return statement.declarationList.declarations.some((declaration) => {
      if (!isIdentifier(declaration.name) || declaration.name.text !== name || declaration.initializer === undefined) return false;
      const value = unwrap(declaration.initializer);
      return isArrowFunction(value) || isFunctionExpression(value) || isClassExpression(value) || isObjectLiteralExpression(value);
    });
  });
}

/** Where a name's value comes from: the import it ends at (with the path read into it), and how the name holds it. */
interface FoundOrigin {
  readonly reference: ModuleReference;
  readonly how: OriginHow;
  /** The name the evidence is about, when not the first of the reference's (`LaunchDarklyClient.client`, a static field). */
  readonly subject?: string;
}

/** Follows a name through the file's bindings to the import its value comes from; `how` is how the first name holds it. */
export function followOrigin(state: ScanState, reference: LocalReference, how: OriginHow | undefined, depth: number): FoundOrigin | undefined {
  if (depth > MAX_REFERENCE_DEPTH) return undefined;
  const [first, ...named] = reference.names;
  // A class's static field named through its class, in the class (`LaunchDarklyClient.client`), is declared so.
  const ownStatic = named.length > 0 ? lookupBinding(state, `${first}.${named[0]}`, reference.position) : undefined;
  if (ownStatic !== undefined) {
    const found = originOf(state, ownStatic, named.slice(1), how, depth);
    return found === undefined ? undefined : { ...found, subject: `${first}.${named[0]}` };
  }
  const binding = lookupBinding(state, first, reference.position);
  return binding === undefined ? undefined : originOf(state, binding, named, how, depth);
}

/** Where a binding's value comes from, with the rest of the path read off it. */
function originOf(state: ScanState, binding: Binding, rest: readonly string[], how: OriginHow | undefined, depth: number): FoundOrigin | undefined {
  const value = binding.value;
  if (value !== undefined && typeof value !== 'string') {
    if (value.kind === 'import') return { reference: { ...value, names: [...value.names, ...rest] }, how: how ?? 'imported' };
    return value.kind === 'local' ? followOrigin(state, { ...value, names: [...value.names, ...rest] }, how, depth + 1) : undefined;
  }
  if (binding.origin === undefined) {
    // A vendor's bag a call made (`const flags = useLDFlags()`) comes from where the call's function does; its
    // properties are flags, not clients.
    const made = binding.bag?.origin?.reference;
    if (made === undefined || rest.length > 0) return undefined;
    return followOrigin(state, made, how ?? 'created', depth + 1);
  }
  // `req.gb` with `req: AuthRequest` is `AuthRequest`'s property `gb`: the path read into the name goes along.
  const { reference: origin } = binding.origin;
  if (origin.kind === 'import') return { reference: { ...origin, names: [...origin.names, ...rest] }, how: how ?? binding.origin.how };
  return followOrigin(state, rest.length === 0 ? origin : { ...origin, names: [...origin.names, ...rest] }, how ?? binding.origin.how, depth + 1);
}

/**
 * Why a check counts, for people: "`client` is created from @openfeature/server-sdk"; with `through`, the module
 * of the workspace it was imported from: "`ldClient` comes from launchdarkly-node-server-sdk (through ./ld)".
 */
export function evidenceText(subject: string, how: OriginHow, specifier: string, through?: string): string {
  if (how === 'chosen') return `\`${subject}\` is a function of ${specifier} only where the program runs with it, and a stand-in elsewhere${through === undefined ? '' : ` (through ${through})`}`;
  if (through !== undefined) return `\`${subject}\` comes from ${specifier} (through ${through})`;
  if (how === 'passed') return `\`${subject}\` is passed a client from ${specifier} by every call of its function`;
  if (how === 'injected') return `\`${subject}\` is a service injected with ${specifier}`;
  const verb = how === 'imported' ? 'is imported from' : how === 'created' ? 'is created from' : 'is declared with a type from';
  return `\`${subject}\` ${verb} ${specifier}`;
}

/**
 * A check whose key is a parameter (or a member of one) of the enclosing function, also through constants taken from
 * it (`const { key } = options`): dynamic, with the keys its type allows. A type that names another module is left
 * in `importedKeyTypes` for `resolveChecks`.
 */
function withDynamicKey(state: ScanState, draft: DraftCheck, checkIndex: number, importedKeyTypes: ImportedKeyType[]): FlagCheck {
  // A class component's prop read in place (`names={[this.props.treatmentName]}`): the element rendering it decides.
  if (draft.keyValue === undefined && THIS_PROP.test(draft.check.key)) return { ...draft.check, dynamic: true };
  // A constructor's parameter property, or a field it sets from its parameters, read in place (`this.overrides.pollInterval`,
  // `this._flagName`): each `new` decides it.
  const held = draft.keyValue === undefined ? /^this\.([\w$]+)(?:\.|$)/.exec(draft.check.key) : null;
  if (held !== null && lookupBinding(state, `this.${held[1]}`, draft.check.keySpan.start)?.parameter !== undefined) return { ...draft.check, dynamic: true };
  let reference = draft.keyValue;
  if (reference === undefined || typeof reference === 'string' || reference.kind !== 'local') return draft.check;
  let binding = lookupBinding(state, reference.names[0], reference.position);
  for (let depth = 0; binding?.parameter === undefined && depth < MAX_REFERENCE_DEPTH; depth++) {
    const value = binding?.value;
    if (value === undefined || typeof value === 'string' || value.kind !== 'local') return draft.check;
    reference = { ...value, names: [...value.names, ...reference.names.slice(1)] };
    binding = lookupBinding(state, reference.names[0], reference.position);
  }
  const parameter = binding?.parameter;
  if (parameter === undefined) return draft.check;
  const members = reference.names.length === 1 && parameter.type !== undefined ? keyTypeMembersOf(state, parameter.type, reference.position) : undefined;
  if (members !== undefined && !allKeys(members)) importedKeyTypes.push({ checkIndex, members });
  const possibleKeys = members !== undefined && allKeys(members) && members.length > 0 ? [...members] : undefined;
  return { ...draft.check, dynamic: true, ...(possibleKeys ? { possibleKeys } : {}) };
}

/** The keys a type allows, its names read at `position`: local aliases and enums expanded, imported names kept as references. */
export function keyTypeMembersOf(state: ScanState, type: ts.TypeNode, position: number): KeyTypeMember[] | undefined {
  // Names being expanded, so that a self-referencing alias ends.
  const open = new Set<string>();
  const resolveName = (names: readonly string[]): readonly KeyTypeMember[] | undefined => {
    const key = names.join('.');
    if (open.has(key)) return undefined;
    open.add(key);
    try {
      const alias = names.length === 1 ? state.typeAliases.get(names[0]) : undefined;
      if (alias !== undefined) return keyTypeMembers(alias, resolveName);
      const value = followLocal(state, { kind: 'local', names, position }, [], 0);
      if (value === undefined || typeof value === 'string') return value === undefined ? undefined : [value];
      return value.kind === 'import' ? [value] : stringMembers(state, value);
    } finally {
      open.delete(key);
    }
  };
  return keyTypeMembers(type, resolveName);
}

/** The keys of an enum's members; undefined when one is not a key. */
function stringMembers(state: ScanState, object: LocalObject): string[] | undefined {
  const keys: string[] = [];
  for (const name of Object.keys(object.members)) {
    const key = followLocal(state, object.members[name], [], 0);
    if (typeof key !== 'string') return undefined;
    keys.push(key);
  }
  return keys;
}

/** True for a node that opens a scope of its own: a file, a block, a loop's head, a catch clause, a function. */
export function isScope(node: ts.Node): boolean {
  switch (node.kind) {
    case SyntaxKind.SourceFile:
    case SyntaxKind.Block:
    case SyntaxKind.ModuleBlock:
    case SyntaxKind.CaseBlock:
    case SyntaxKind.ForStatement:
    case SyntaxKind.ForInStatement:
    case SyntaxKind.ForOfStatement:
    case SyntaxKind.CatchClause:
      return true;
    default:
      return isFunctionLike(node);
  }
}

/** The check with its key resolved: a key written `'!x'` is the flag `x`, negated (see `FlagCheck.negatedInKey`). */
export function withKey(check: FlagCheck, key: string): FlagCheck {
  const negated = key.length > 1 && key.startsWith('!') && !/[!\s]/.test(key.slice(1));
  return negated ? { ...check, key: key.slice(1), resolved: true, negate: !check.negate, negatedInKey: true } : { ...check, key, resolved: true };
}
