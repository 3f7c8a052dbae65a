// Which receivers a switch declared as a property is read through: `Config.getConfig().FEATURE.ENABLE_SSO` and
// `features.sso` read it, `FeatureEnum.FEATURE_OPEN_STATS` and `PROPERTIES_TYPE.CALL.ENABLE_SSO` do not.

import { ts } from 'ts-morph';
import type { DeclaredSwitch } from '../patterns';
import { lastNameOf } from './settingReads';
import { unwrap } from './values';

const { isCallExpression, isElementAccessExpression, isIdentifier, isNonNullExpression, isParenthesizedExpression, isPropertyAccessExpression } = ts;

// A class's or object's property is found by name in every file: only a name that says what it switches, or one of an
// object or class named so.
export const MEMBER_NAME = /feature|flag/i;

/**
 * True when a property read through this receiver may be the switch: not through an upper-case constant table of other
 * keys, nor through a class, enum or namespace other than the one that declares it (`FeatureEnum.FEATURE_OPEN_STATS`
 * names a flag where `environment.FEATURE_OPEN_STATS` reads the switch); for a property known by its object's name
 * alone, through a receiver named for features or flags; for a member of an object of flags set in code, through that object.
 */
export function readsSwitch(receiver: ts.Expression, declared: DeclaredSwitch): boolean {
  if (throughOtherConstants(receiver)) return false;
  const inner = unwrap(receiver);
  if (isIdentifier(inner) && /^[A-Z]/.test(inner.text) && inner.text !== declared.owner) return false;
  if (declared.ownerOnly === true) return lastNameOf(receiver) === declared.owner;
  return declared.byObject !== true || MEMBER_NAME.test(lastNameOf(receiver) ?? '');
}

/**
 * True when a receiver chain passes a constant namespace of another kind (`PROPERTIES_TYPE.CALL.X`,
 * `WebAppEvents.PROPERTIES.UPDATE.X`): an upper-case name that does not say feature or flag holds keys of its own that
 * share the switch's name, where `Config.getConfig().FEATURE.X`, `features.X` and `EnvSet.values.x` read the switch.
 */
function throughOtherConstants(receiver: ts.Expression): boolean {
  for (let node: ts.Node = receiver; ; ) {
    const name = isIdentifier(node) ? node.text : isPropertyAccessExpression(node) ? node.name.text : undefined;
    if (name !== undefined && /^[A-Z][A-Z0-9_]+$/.test(name) && !MEMBER_NAME.test(name)) return true;
    if (isPropertyAccessExpression(node) || isElementAccessExpression(node) || isNonNullExpression(node) || isParenthesizedExpression(node)) node = node.expression;
    else if (isCallExpression(node)) node = node.expression;
    else return false;
  }
}
