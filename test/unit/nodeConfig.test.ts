// The flag names a team's node-config settings map to its backend's keys (analysis/nodeConfig.ts), as a table of files.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configFlagsOf } from '../../server/src/analysis/nodeConfig';

const rows: Array<{ name: string; file: string; text: string; expected: Record<string, string> }> = [
  {
    name: "a YAML section's texts at its first indent; booleans, nested blocks, comments and other sections are none",
    file: 'config/default.yaml',
    text: `featureToggles:
  enabled: true
  launchDarklyUser:
    key: 'LAUNCHDARKLY_USER_KEY'
  ft_pcq: 'probate-pcq'
  ft_will_condition : "probate-will-condition" # renamed in 2023
  ft_plain: probate-plain
# a comment at the top
services:
  ft_other: 'not-a-flag'
`,
    expected: { ft_pcq: 'probate-pcq', ft_will_condition: 'probate-will-condition', ft_plain: 'probate-plain' },
  },
  {
    name: "environment variables' names (custom-environment-variables' style) and URLs name no flag",
    file: 'config/default.yml',
    text: `featureFlags:\n  c100Rebuild: C100_REBUILD_FLAG\n  url: 'https://flags.example.com/api'\n  newNav: new-nav\n`,
    expected: { newNav: 'new-nav' },
  },
  {
    name: 'a JSON section of texts; numbers and objects are none, and a file that does not parse gives nothing',
    file: 'config/default.json',
    text: `{ "featureToggles": { "ft_a": "service-a", "timeout": 30, "user": { "key": "x" } }, "app": { "ft_b": "service-b" } }`,
    expected: { ft_a: 'service-a' },
  },
  { name: 'broken JSON', file: 'config/default.json', text: '{ "featureToggles": ', expected: {} },
  {
    name: "a setting of the flag system, named for it, names no flag; a flag's name ending in any word does",
    file: 'config/default.yaml',
    text: `featureToggles:\n  launchDarklyKey: 'LAUNDARKLEY-KEY'\n  unleashUrlPath: api-path\n  sdkKey: sdk-123\n  ft_pcq_token: 'probate-pcq-token'\n`,
    expected: { ft_pcq_token: 'probate-pcq-token' },
  },
];

describe("node-config's flag names", () => {
  for (const { name, file, text, expected } of rows) {
    it(name, () => assert.deepEqual(Object.fromEntries(configFlagsOf(file, text).keyNames), expected));
  }
});

// Each flag section's members: the names it maps to keys, and its switches (booleans; a section's own master switch aside).
const sectionRows: Array<{ name: string; file: string; text: string; expected: Record<string, string[]> }> = [
  {
    name: "a features section's booleans are switches; its texts, numbers and master switch are none; a toggles section lists its names",
    file: 'config/default.yaml',
    text: `features:
  idam: false
  webchat: 'true'
  supportUrl: 'https://help.example.org'
  retries: 3
  enabled: true
featureToggles:
  enabled: true
  ft_pcq: 'petitioner-pcq'
  launchDarklyUser:
    key: 'LD_USER'
server:
  secure: true
`,
    expected: { features: ['idam', 'webchat'], featureToggles: ['ft_pcq'] },
  },
  {
    name: 'a JSON flags section of booleans and keys; a section of another name is none',
    file: 'config/default.json',
    text: `{ "flags": { "newNav": true, "beta": "beta-program", "disabled": false }, "app": { "dark": true } }`,
    expected: { flags: ['newNav', 'beta'] },
  },
];

describe("node-config's flag sections", () => {
  for (const { name, file, text, expected } of sectionRows) {
    it(name, () => assert.deepEqual(Object.fromEntries([...configFlagsOf(file, text).sections].map(([section, members]) => [section, [...members]])), expected));
  }
});
