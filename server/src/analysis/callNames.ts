// What a function's name says it does to a flag it is given, shared by registry anchoring (discover/anchors.ts) and the
// options a wrapper reads (scan/flagOptions.ts).

// A name whose first word changes, checks or reports the flag itself, not its value: `setFlag({ key: Flags.X, value })`,
// `validateFeatureFlagValue(Flags.X, input)`, `toggleFlag(Flags.X)`, `logEnrollmentEvent(Flags.X, isOn)`,
// `recordError(error, { flagKey })`, `forceEnableFlagsOnce(['x'])`, `{ excludeFeatureFlags: ['x'] }`, a query library's
// mutation (`setFlags.mutateAsync({ flag: Flag.X, checked })`, its `mutationFn`) take a flag as an evaluation does, and are none.
// Words that make something gated by a flag (`commands.register({ flag: Flags.X })`, `defineRoute`) are not among them,
// nor is set up (`setUpLaunchDarklyForFeature(name, default)`), which prepares what reads the flag.
const NOT_EVALUATING = /^(?:set(?!Up)|update|delete|remove|save|write|store|reset|clear|persist|upsert|put|patch|toggle|enable|disable|force|exclude|increment|decrement|validate|parse|archive|rename|log|track|report|record|mutate|mutation)(?![a-z])/;

// Making a flag (`addFeatureFlag(userId, type)`, `createToggle(name)`) is none either. Adding something else may be gated
// by the flag it is given (`menu.addItem({ flag: Flags.X })`), as registering is.
const MAKING_A_FLAG = /^(?:add|create|insert)(?:[A-Z][a-z0-9]*)*(?:Flag|Toggle)s?$/;

// Nor is describing one: a name whose last word is what it gives of the flag for people to read (`getFeatureDescription(f)`,
// `flagLabel(Flags.X)`, `describeFlag(key)`) gives text about the flag, whatever its state.
const DESCRIBING_A_FLAG = /^describe(?![a-z])|[a-z](?:Description|Label|Title)s?$/;

/** True when a function of this name says it does something else to a flag than evaluate it. */
export function saysNotEvaluating(name: string): boolean {
  return NOT_EVALUATING.test(name) || MAKING_A_FLAG.test(name) || DESCRIBING_A_FLAG.test(name);
}

// What follows a noun to say it is that thing's name: `toggleID`, `toggleKey`.
const NAME_WORDS = /^(?:I[dD]|Ids|IDs|Keys?|Names?)$/;

/**
 * True when a property's name says what is done to the flags it holds (`excludeFeatureFlags`, `disableFlags`): such a verb
 * followed by more words. The word alone (`toggle`), or with only a word that makes it a name (`toggleID`), is a noun,
 * and names the flag.
 */
export function optionSaysNotEvaluating(name: string): boolean {
  const verb = NOT_EVALUATING.exec(name);
  const rest = verb === null ? '' : name.slice(verb[0].length);
  return rest !== '' && !NAME_WORDS.test(rest);
}
