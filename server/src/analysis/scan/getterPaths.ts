// Vuex getters called by their path: `this.$store.getters['features/isEnabled'](name)`, `rootGetters['isEnabled'](name)`,
// `this.$rootGetters['harvester-common/getFeatureEnabled'](name)`. What is called is the function the getter gives
// back, known by the getter's own name, the path's last segment (see `vuexGetterName` in discover/functions.ts): a
// pattern of that name matches the call.

import { ts } from 'ts-morph';

// What holds a store's getters: `store.getters`, `rootGetters` in a module, `this.$rootGetters` in a resource model.
const GETTERS = /^\$?(?:root)?[gG]etters$/;

/** The name of the getter a callee reads by its path (`getters['features/isEnabled']` → `isEnabled`); undefined for any other callee. */
export function getterPathName(callee: ts.Expression): string | undefined {
  if (!ts.isElementAccessExpression(callee) || !ts.isStringLiteralLike(callee.argumentExpression)) return undefined;
  const holder = callee.expression;
  const holderName = ts.isIdentifier(holder) ? holder.text : ts.isPropertyAccessExpression(holder) ? holder.name.text : undefined;
  if (holderName === undefined || !GETTERS.test(holderName)) return undefined;
  const path = callee.argumentExpression.text;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : undefined;
}
