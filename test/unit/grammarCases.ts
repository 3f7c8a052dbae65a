// Lines of code and the flag keys the injection grammar should scope in them, shared by the regex
// test (test/unit/grammar.test.ts) and the TextMate test in a real VS Code's tokenizer (test/e2e).

/** One line of TypeScript and the keys (quotes included) that should get the flag-key scope. */
export interface GrammarCase {
  line: string;
  keys: string[];
  /** Set when the line is a comment or string: only the injection selector can keep it out. */
  inside?: 'comment' | 'string';
}

export const GRAMMAR_CASES: readonly GrammarCase[] = [
  { line: "if (await client.getBooleanValue('new-checkout', false)) {", keys: ["'new-checkout'"] },
  { line: 'const darkMode = useBooleanFlagValue("dark-mode", false);', keys: ['"dark-mode"'] },
  { line: 'const v2 = await ldClient.variation(`search-v2`, context, false);', keys: ['`search-v2`'] },
  { line: "if (unleash.isEnabled('legacy-search', { userId: shopper.id })) {", keys: ["'legacy-search'"] },
  { line: "const both = useFlag('a') && growthbook.isOn('b');", keys: ["'a'", "'b'"] },
  { line: "const spaced = client.getStringValue( 'theme', 'light');", keys: ["'theme'"] },
  { line: "const notOurs = myvariation('not-a-flag');", keys: [] },
  { line: 'const viaConstant = client.getBooleanValue(FLAGS.NEW_CHECKOUT, false);', keys: [] },
  { line: 'const built = useFlag(`prefix-${name}`);', keys: [] },
  { line: "console.log('dark-mode');", keys: [] },
  { line: "// client.getBooleanValue('in-a-comment', false)", keys: [], inside: 'comment' },
  { line: `const text = "getBooleanValue('in-a-string', false)";`, keys: [], inside: 'string' },
];
