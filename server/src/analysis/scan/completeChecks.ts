// The checks' keys completed through the file's bindings once the whole file is read (see bindings.ts), each preset's
// draft kept only with evidence, and what is left to other files: imported keys, key types and evidence.

import { ts } from 'ts-morph';
import { readsComponentMembers } from '../components';
import { allKeys, type ImportedKeyType } from '../keyTypes';
import { kebabCaseFromCamelCase } from '../keys';
import { AUTO_IMPORTS } from '../packages';
import { isFromPackages, VENDOR_PACKAGES } from '../patterns';
import type { FlagCheck } from '../types';
import { followLocal, followOrigin, keyTypeMembersOf, lookupBinding, MAX_REFERENCE_DEPTH, type FoundOrigin } from './bindings';
import type { DraftCheck, EvidenceImport, ImportedKey, LocalReference, LocalValue, ModuleReference, OriginHow, ScanState } from './types';
import { THIS_PROP, unwrap } from './values';

// ts-morph re-exports the compiler API through getters; the hot paths read these once (see scanFile.ts).
const { isArrowFunction, isClassDeclaration, isClassExpression, isFunctionDeclaration, isFunctionExpression, isIdentifier, isObjectLiteralExpression, isVariableStatement } = ts;

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
  // Candidates of one call share their reference object: each is followed once.
  const origins = new Map<LocalReference, FoundOrigin | undefined>();
  // One check per call, whichever of a vendor's patterns of its name holds (Statsig's `checkGate(gate)` and `checkGate(user,
  // gate)`); a list of keys written there (`getTreatments(['a', 'b'])`) is a check of each.
  const checkedCalls = new Set<string>();
  for (const draft of state.drafts) {
    // A key that is every key of an object in turn (`for (const key in currentFlags) defaults[key]`) checks no one flag.
    const reference = draft.keyValue;
    if (typeof reference === 'object' && reference.kind === 'local' && reference.names.length === 1 && lookupBinding(state, reference.names[0], reference.position)?.everyKey === true) continue;
    const need = draft.evidence;
    let check = need?.chosenReceiver === true ? { ...draft.check, clientChosen: true as const } : draft.check;
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
      if (found === undefined) continue;
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
    const value = draft.keyValue === undefined ? undefined : followLocal(state, draft.keyValue, [], 0);
    const key = typeof value === 'string' ? value : carriedRegistryKey(state, draft.keyValue ?? thisPath(check.key, check.keySpan.end));
    // A bag that lists its keys read by another name's value (`features[DashTabItemType.GroupControl]`) holds no flag there.
    const { onlyKeys } = draft;
    if (key !== undefined && onlyKeys !== undefined && !onlyKeys.has(key)) continue;
    // A key another module gives: a name imported, or one nothing in the file binds that its framework imports by itself
    // (Nuxt's `Feature.X` from `utils/`).
    const imported = key !== undefined ? undefined
      : typeof value !== 'string' && value?.kind === 'import' ? value
      : draft.keyValue !== undefined && typeof draft.keyValue !== 'string' && draft.keyValue.kind === 'local' && lookupBinding(state, draft.keyValue.names[0], draft.keyValue.position) === undefined
        ? { kind: 'import' as const, specifier: AUTO_IMPORTS, names: draft.keyValue.names } : undefined;
    const completed = key !== undefined ? withKey(check, key) : withDynamicKey(state, { ...draft, check }, checks.length, importedKeyTypes);
    // A bag that lists its keys read by a local value nothing follows (`features?.[openedDialog]`, `data.features[i]`) is
    // another object of its name, or read by a key it does not list; by another module's constant, it holds a flag only
    // if it lists the key once followed (see `resolveChecks`).
    const unlisted = key === undefined && onlyKeys !== undefined && completed.dynamic !== true ? onlyKeys : undefined;
    if (unlisted !== undefined && imported === undefined) continue;
    if (pending !== undefined) evidenceImports.push(pending);
    if (imported !== undefined) importedKeys.push({ checkIndex: checks.length, reference: imported });
    checks.push(unlisted === undefined ? completed : { ...completed, keysOfBag: [...unlisted] });
  }
  return { checks, importedKeys, importedKeyTypes, evidenceImports };
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

/** The check with its key resolved: a key written `'!x'` is the flag `x`, negated (see `FlagCheck.negatedInKey`). */
export function withKey(check: FlagCheck, key: string): FlagCheck {
  const negated = key.length > 1 && key.startsWith('!') && !/[!\s]/.test(key.slice(1));
  if (negated) return { ...check, key: key.slice(1), resolved: true, negate: !check.negate, negatedInKey: true };
  // A name in camelCase that a camelCasing bag is read by names the flag as the bag's property of that name does.
  return check.camelCasedKey === true && CAMEL_CASE_NAME.test(key) ? { ...check, key: kebabCaseFromCamelCase(key), camelCaseName: key, resolved: true } : { ...check, key, resolved: true };
}

// A name in camelCase, with a capital after its first word: `freeCustomDomain`, not `pgp` nor `new-checkout`.
const CAMEL_CASE_NAME = /^[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*$/;
