// LaunchDarkly's React SDK hands flags out under camelCased names (lodash `camelCase` of the key).
// The scanner sees the camelCased name and needs the key; the mapping loses information (`new-checkout`
// and `new_checkout` both become `newCheckout`), so the kebab-case key is a guess that callers can
// confirm by comparing `camelCaseFromFlagKey(definedKey)` with the name as written.

/**
 * The kebab-case flag key behind a camelCased name: `newCheckout` → `new-checkout`, `newHTTPClient` →
 * `new-http-client`. Digits stay with the word before them: `enableV2Api` → `enable-v2-api`.
 */
export function kebabCaseFromCamelCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

/** The camelCased name LaunchDarkly's React SDK gives a flag key: `new-checkout` → `newCheckout`. */
export function camelCaseFromFlagKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
  return words
    .map((word, index) => (index === 0 ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()))
    .join('');
}
