// An SDK's function imported under a name of the file's choosing, `import { useFlag as useUnleashFlag } from
// '@unleash/proxy-client-react'`: its calls are the preset's calls, with the same import as evidence. So are a team's
// wrapper's, inferred where it is declared (`import { getValue as readFlag } from './flags'`), kept where the import
// leads to that module.

import { calleeLastName, isFromPackages, type PatternSet } from '../patterns';
import type { FlagPattern } from '../types';
import { patternIndex } from './checks';

// `import { a as b, c } from 'x'` and `import def, { a as b } from 'x'`, type-only ones too (they name no function).
const NAMED_IMPORTS = /\bimport\s+(?:[\w$]+\s*,\s*)?\{([^}]*)\}\s*from\s*(['"])([^'"\n]+)\2/g;
const RENAMED = /^\s*([\w$]+)\s+as\s+([\w$]+)\s*$/;

// One pattern set per base set and list of renames: files that rename alike share it, and with it its text test and index.
const derivedSets = new WeakMap<PatternSet, Map<string, PatternSet>>();

// What every file that renames an import has: `import {` with an ` as ` before the brace closes. The files that rename
// none (nearly all) cost one pass of this test, which starts at the word `import` and fails at the first `}`; a
// search for the preset functions' names followed by `as` tried an alternation of names at every character instead.
const RENAMING_IMPORT = /\bimport\s+(?:[\w$]+\s*,\s*)?\{[^}]*\sas\s/;

// `const useHook = a ? useDummyFlag : useFlagOriginal;`, a type written or not: the local name and the two names chosen.
const CHOSEN_NAME = /\b(?:const|let)\s+([\w$]+)\s*(?::[^=;\n]*)?=\s*[^;=?\n]+\?\s*([\w$]+)\s*:\s*([\w$]+)\s*(?:;|\n)/g;

/** `patterns`, or a set that adds the preset functions and wrappers this file imports under another name, under that name. */
export function withRenamedImports(text: string, patterns: PatternSet): PatternSet {
  if (!RENAMING_IMPORT.test(text)) return patterns;
  const index = patternIndex(patterns);
  const added: FlagPattern[] = [];
  for (const [, names, , specifier] of text.matchAll(NAMED_IMPORTS)) {
    for (const item of names.split(',')) {
      const renamed = RENAMED.exec(item);
      if (renamed === null || renamed[1] === renamed[2] || index.has(renamed[2])) continue;
      for (const pattern of index.get(renamed[1]) ?? []) {
        // Only a function, a preset's or a wrapper inferred where it is declared: a method is called on a receiver,
        // whatever the import is named. A wrapper's import, from a module of the workspace by its path, is followed to
        // its module as its calls' are; one from a package is another library's function of that name.
        if (pattern.callee.includes('.')) continue;
        if (pattern.packages === undefined ? pattern.modules === undefined || !specifier.startsWith('.') : !isFromPackages(specifier, pattern.packages)) continue;
        added.push({ ...pattern, callee: renamed[2] });
      }
    }
  }
  if (added.length === 0) return patterns;
  // A local name chosen between the renamed function and a stand-in, `const useHook = enableAll ? useDummyFlag :
  // useFlagOriginal`, is called as that function where the program runs with the SDK (the check says it is a stand-in).
  const renamed = new Set(added.map((pattern) => pattern.callee));
  for (const [, local, first, second] of text.matchAll(CHOSEN_NAME)) {
    if (index.has(local) || renamed.has(local)) continue;
    // The first branch that names a renamed function, with every pattern of its name.
    const chosen = renamed.has(first) ? first : second;
    added.push(...added.filter((pattern) => pattern.callee === chosen).map((pattern) => ({ ...pattern, callee: local })));
  }
  const signature = added.map((pattern) => `${pattern.sdk}:${pattern.callee}`).join(',');
  let bySignature = derivedSets.get(patterns);
  if (bySignature === undefined) derivedSets.set(patterns, bySignature = new Map());
  let derived = bySignature.get(signature);
  if (derived === undefined) {
    derived = { ...patterns, patterns: [...patterns.patterns, ...added], calleeNames: [...new Set([...patterns.calleeNames, ...added.map((pattern) => calleeLastName(pattern.callee))])] };
    bySignature.set(signature, derived);
  }
  return derived;
}
