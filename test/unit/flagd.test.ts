// flagd flag files: what each flag means per environment, where each problem points, and the
// backend's memory of the last good flags while a file is broken.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv';
import { classifyRelease } from '../../server/src/analysis/release';
import type { EnvironmentFlagState } from '../../server/src/analysis/types';
import { buildCatalog } from '../../server/src/backends/catalog';
import { discoverFlagdFiles, FlagdBackend } from '../../server/src/backends/flagd/backend';
import { parseFlagdFile } from '../../server/src/backends/flagd/wire';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'flagd');
const FILE = '/workspace/flags/production.flagd.json';

/** A flagd file holding one flag `f` with boolean variants and the given extra fields. */
function oneFlag(fields: string): string {
  return `{"flags": {"f": {"state": "ENABLED", "variants": {"on": true, "off": false}, "defaultVariant": "off"${fields ? `, ${fields}` : ''}}}}`;
}

describe('parseFlagdFile: targeting', () => {
  type Expected = Pick<EnvironmentFlagState, 'rollout' | 'hasRules'> & { rulesSummary?: string };
  const cases: Array<{ name: string; targeting: string; expected: Expected; evaluators?: string }> = [
    { name: 'none', targeting: '{}', expected: { rollout: [], hasRules: false } },
    { name: 'fractional without bucketing expression', targeting: '{"fractional": [["on", 30], ["off", 70]]}', expected: { rollout: [{ variant: 'on', percent: 30 }, { variant: 'off', percent: 70 }], hasRules: false } },
    { name: 'fractional with a var bucketing expression', targeting: '{"fractional": [{"var": "email"}, ["on", 50], ["off", 50]]}', expected: { rollout: [{ variant: 'on', percent: 50 }, { variant: 'off', percent: 50 }], hasRules: false } },
    { name: 'fractional with a cat bucketing expression', targeting: '{"fractional": [{"cat": [{"var": "$flagd.flagKey"}, {"var": "email"}]}, ["on", 10], ["off", 90]]}', expected: { rollout: [{ variant: 'on', percent: 10 }, { variant: 'off', percent: 90 }], hasRules: false } },
    { name: 'relative weights', targeting: '{"fractional": [["on", 1], ["off", 3]]}', expected: { rollout: [{ variant: 'on', percent: 25 }, { variant: 'off', percent: 75 }], hasRules: false } },
    { name: 'a missing weight counts as 1', targeting: '{"fractional": [["on"], ["off", 3]]}', expected: { rollout: [{ variant: 'on', percent: 25 }, { variant: 'off', percent: 75 }], hasRules: false } },
    { name: 'repeated variants add up', targeting: '{"fractional": [["on", 10], ["off", 80], ["on", 10]]}', expected: { rollout: [{ variant: 'on', percent: 20 }, { variant: 'off', percent: 80 }], hasRules: false } },
    { name: 'a rule', targeting: '{"if": [{"ends_with": [{"var": "email"}, "@example.com"]}, "on", "off"]}', expected: { rollout: [], hasRules: true, rulesSummary: 'if email ends_with @example.com' } },
    { name: 'several rules', targeting: '{"if": [{"in": ["@acme.com", {"var": "email"}]}, "on", {"==": [{"var": "plan"}, "pro"]}, "on", "off"]}', expected: { rollout: [], hasRules: true, rulesSummary: 'if email contains @acme.com (+1 more)' } },
    { name: 'an and of conditions', targeting: '{"if": [{"and": [{"in": [{"var": "country"}, ["DE", "FR"]]}, {">=": [{"var": "age"}, 18]}]}, "on", "off"]}', expected: { rollout: [], hasRules: true, rulesSummary: 'if country in [DE, FR] and age >= 18' } },
    { name: 'a rule it cannot put in words', targeting: '{"if": [{"some_operator": [1]}, "on", "off"]}', expected: { rollout: [], hasRules: true, rulesSummary: 'targeting rules' } },
    { name: 'a fractional inside a rule', targeting: '{"if": [{"==": [{"var": "tier"}, "beta"]}, {"fractional": [["on", 50], ["off", 50]]}, "off"]}', expected: { rollout: [], hasRules: true, rulesSummary: 'if tier == beta' } },
    { name: 'a reference to a shared fractional', targeting: '{"$ref": "half"}', evaluators: '{"half": {"fractional": [["on", 50], ["off", 50]]}}', expected: { rollout: [{ variant: 'on', percent: 50 }, { variant: 'off', percent: 50 }], hasRules: false } },
    { name: 'a reference to shared rules', targeting: '{"$ref": "staff"}', evaluators: '{"staff": {"if": [{"ends_with": [{"var": "email"}, "@acme.com"]}, "on", null]}}', expected: { rollout: [], hasRules: true, rulesSummary: 'if email ends_with @acme.com' } },
  ];
  for (const { name, targeting, expected, evaluators } of cases) {
    it(name, () => {
      const text = evaluators
        ? `{"$evaluators": ${evaluators}, "flags": {"f": {"state": "ENABLED", "variants": {"on": true, "off": false}, "defaultVariant": "off", "targeting": ${targeting}}}}`
        : oneFlag(`"targeting": ${targeting}`);
      const { definitions, problems } = parseFlagdFile(text, FILE, 'production');
      assert.deepEqual(problems, []);
      const { rollout, hasRules, rulesSummary } = definitions[0].environments[0];
      assert.deepEqual({ rollout, hasRules, ...(rulesSummary === undefined ? {} : { rulesSummary }) }, expected);
    });
  }
});

describe('parseFlagdFile: problems point at the node to fix', () => {
  const cases: Array<{ name: string; text: string; at: string; says: string; keeps?: string[] }> = [
    { name: 'a missing comma', text: '{"flags": {"f": {"state": "ENABLED" "variants": {}}}}', at: '"variants"', says: "Not valid JSON: expected ','" },
    { name: 'a trailing comma', text: '{"flags": {"f": {"state": "ENABLED",}}}', at: '}}}', says: 'Not valid JSON' },
    { name: 'a comment', text: '{\n// flags\n"flags": {}}', at: '// flags', says: 'comments are not allowed' },
    { name: 'an unclosed object', text: '{"flags": {"f": {"state": "ENABLED"', at: '', says: "expected '}'" },
    { name: 'no flags object', text: '{"flag": {}}', at: '{"flag"', says: 'no "flags" object' },
    { name: 'a list at the top', text: '[]', at: '[]', says: 'must be a JSON object' },
    { name: 'a bad state', text: oneFlag('').replace('"ENABLED"', '"ON"'), at: '"ON"', says: `flag 'f': state "ON" is neither "ENABLED" nor "DISABLED"` },
    { name: 'no state', text: '{"flags": {"f": {"variants": {"on": true}, "defaultVariant": "on"}}}', at: '"f"', says: `flag 'f': has no "state"` },
    { name: 'no variants', text: '{"flags": {"f": {"state": "ENABLED"}}}', at: '"f"', says: `flag 'f': has no "variants"` },
    { name: 'variants as a list', text: '{"flags": {"f": {"state": "ENABLED", "variants": [true]}}}', at: '[true]', says: '"variants" is a list' },
    { name: 'variants of mixed types', text: '{"flags": {"f": {"state": "ENABLED", "variants": {"on": true, "half": "0.5"}, "defaultVariant": "on"}}}', at: '"0.5"', says: "variant 'half' is a string but 'on' is a boolean" },
    {
      name: 'an unknown default variant',
      text: '{"flags": {"dark-mode": {"state": "ENABLED", "variants": {"on": true, "off": false}, "defaultVariant": "blue"}, "ok": {"state": "DISABLED", "variants": {"on": true}, "defaultVariant": "on"}}}',
      at: '"blue"',
      says: "flag 'dark-mode': defaultVariant 'blue' is not one of its variants (on, off).",
      keeps: ['ok'],
    },
    { name: 'an unknown fractional variant', text: oneFlag('"targeting": {"fractional": [["on", 50], ["blue", 50]]}'), at: '"blue"', says: "fractional variant 'blue' is not one of its variants (on, off)" },
    { name: 'an unknown variant in a nested fractional', text: oneFlag('"targeting": {"if": [true, {"fractional": [["onn", 1]]}, "off"]}'), at: '"onn"', says: "fractional variant 'onn'" },
    { name: 'a negative weight', text: oneFlag('"targeting": {"fractional": [["on", -5], ["off", 50]]}'), at: '-5', says: 'weight -5 is negative' },
    { name: 'a weight as text', text: oneFlag('"targeting": {"fractional": [["on", "50"], ["off", 50]]}'), at: '"50"', says: 'weight is a string; it must be a number' },
    { name: 'weights adding up to 0', text: oneFlag('"targeting": {"fractional": [["on", 0], ["off", 0]]}'), at: '[["on", 0]', says: 'add up to 0' },
    { name: 'targeting as a string', text: oneFlag('"targeting": "on"'), at: '"on"}}}', says: 'targeting is a string' },
    { name: 'an unknown evaluator', text: oneFlag('"targeting": {"$ref": "nobody"}'), at: '"nobody"', says: 'evaluator "nobody", which "$evaluators" does not define' },
    { name: 'a flag defined twice', text: '{"flags": {"f": {"state": "DISABLED", "variants": {"on": true}}, "f": {"state": "ENABLED", "variants": {"on": true}, "defaultVariant": "on"}}}', at: '"f": {"state": "ENABLED"', says: "flag 'f' is defined twice", keeps: ['f'] },
    { name: 'metadata of the wrong type keeps the flag', text: oneFlag('"metadata": {"stale": "yes", "owner": "web"}'), at: '"yes"', says: 'metadata.stale must be true or false', keeps: ['f'] },
    { name: 'a type that is not a string', text: oneFlag('"metadata": {"type": 3}'), at: '3}', says: 'metadata.type must be a string', keeps: ['f'] },
    { name: 'a date that is not a date', text: oneFlag('"metadata": {"createdAt": "last week"}'), at: '"last week"', says: 'metadata.createdAt must be a date', keeps: ['f'] },
    { name: 'a flags list item without a key', text: '{"flags": [{"state": "ENABLED", "variants": {"on": true}, "defaultVariant": "on"}]}', at: '{"state"', says: 'needs a "key"' },
    { name: 'binary content', text: '\u0000\u0001PNG', at: '', says: 'holds binary data' },
  ];
  for (const { name, text, at, says, keeps = [] } of cases) {
    it(name, () => {
      const { definitions, problems } = parseFlagdFile(text, FILE, 'production');
      const problem = problems.find((candidate) => candidate.message.includes(says));
      assert.ok(problem, `expected a problem saying "${says}", got ${JSON.stringify(problems.map((p) => p.message))}`);
      assert.equal(problem.file, FILE);
      const offset = at === '' ? (says === 'holds binary data' ? 0 : text.length) : text.indexOf(at);
      assert.ok(offset >= 0, `"${at}" is not in the text`);
      assert.equal(problem.span.start, offset, `the problem should start at ${JSON.stringify(at)}: ${text.slice(problem.span.start, problem.span.end + 1)}`);
      assert.deepEqual(definitions.map((definition) => definition.key), keeps);
    });
  }

  it('refuses a huge file without parsing it', () => {
    const { definitions, problems } = parseFlagdFile(' '.repeat(20_000_001), FILE, 'production');
    assert.deepEqual(definitions, []);
    assert.match(problems[0].message, /larger than 20 MB/);
  });
});

describe('parseFlagdFile: a whole file', () => {
  const file = path.join(FIXTURES, 'flags', 'production.flagd.json');
  const { definitions, problems } = parseFlagdFile(readFileSync(file, 'utf8'), file, 'production');
  const byKey = new Map(definitions.map((definition) => [definition.key, definition]));

  it('has no problems and every flag', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual([...byKey.keys()], ['new-checkout', 'dark-mode', 'theme', 'beta-search', 'old-banner']);
  });
  it('reads metadata', () => {
    const flag = byKey.get('new-checkout');
    assert.ok(flag);
    assert.equal(flag.description, 'New checkout flow');
    assert.equal(flag.owner, 'payments');
    assert.equal(flag.createdAt, '2025-01-10');
    assert.deepEqual(flag.tags, ['checkout', 'payments']);
    assert.equal(flag.environments[0].lastModified, '2025-11-20T10:00:00Z');
    assert.deepEqual(flag.environments[0].variants, { on: true, off: false });
  });
  it('reads disabled, stale and archived', () => {
    const flag = byKey.get('old-banner');
    assert.ok(flag);
    assert.equal(flag.environments[0].enabled, false);
    assert.equal(flag.stale, true);
    assert.equal(flag.archived, true);
  });
  it("reads metadata.type as the flag's type", () => {
    const parsed = parseFlagdFile('{"flags": {"f": {"state": "ENABLED", "variants": {"on": true}, "defaultVariant": "on", "metadata": {"type": "kill-switch"}}}}', FILE, 'production');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.definitions[0].flagType, 'kill-switch');
  });
  it('keeps a null default variant as none', () => {
    const parsed = parseFlagdFile('{"flags": {"f": {"state": "ENABLED", "variants": {"a": 1, "b": 2}, "defaultVariant": null}}}', FILE, 'production');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.definitions[0].environments[0].defaultVariant, undefined);
  });
  it('reads the flags list form', () => {
    const parsed = parseFlagdFile('{"flags": [{"key": "f", "state": "ENABLED", "variants": {"on": true}, "defaultVariant": "on", "metadata": {"tags": ["a", "b"]}}]}', FILE, 'production');
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.definitions.map((definition) => [definition.key, definition.tags]), [['f', ['a', 'b']]]);
  });
});

describe('discoverFlagdFiles', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'flaglens-discover-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('lists production first, then the others by name, and skips other files', () => {
    mkdirSync(path.join(folder, 'flags'));
    for (const name of ['staging.flagd.json', 'dev.flagd.json', 'production.flagd.json', 'notes.json', '.flagd.json']) {
      writeFileSync(path.join(folder, 'flags', name), '{"flags": {}}');
    }
    mkdirSync(path.join(folder, 'flags', 'nested.flagd.json'));
    assert.deepEqual(discoverFlagdFiles(folder), ['production', 'dev', 'staging'].map((environment) => ({
      environment, path: path.join(folder, 'flags', `${environment}.flagd.json`),
    })));
  });
  it('finds nothing in a folder without flags/', () => {
    assert.deepEqual(discoverFlagdFiles(path.join(folder, 'missing')), []);
  });
});

describe('flag files behind symlinks', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'flaglens-flagd-links-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const released = JSON.stringify({ flags: { 'new-nav': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on' } } });
  const off = JSON.stringify({ flags: { 'new-nav': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'off' } } });

  /** A workspace whose staging file is a plain file and whose production file is a link to `target`. */
  function workspace(name: string, target: string | undefined): string {
    const folder = path.join(root, name);
    mkdirSync(path.join(folder, 'flags'), { recursive: true });
    writeFileSync(path.join(folder, 'flags', 'staging.flagd.json'), released);
    if (target !== undefined) symlinkSync(target, path.join(folder, 'flags', 'production.flagd.json'));
    return folder;
  }

  async function verdictOf(folder: string): Promise<{ environments: string[]; production?: boolean }> {
    const load = await new FlagdBackend(discoverFlagdFiles(folder), 'flags/*.flagd.json').load();
    const definition = load.definitions.find((candidate) => candidate.key === 'new-nav');
    const production = definition?.environments.find((state) => state.environment === 'production');
    return { environments: load.environments, production: production === undefined ? undefined : production.defaultVariant === 'on' };
  }

  it('reads a production file reached through a link outside the workspace, read-only', async () => {
    mkdirSync(path.join(root, 'envs'));
    writeFileSync(path.join(root, 'envs', 'production.json'), off);
    const folder = workspace('outside', path.join('..', '..', 'envs', 'production.json'));
    assert.deepEqual(await verdictOf(folder), { environments: ['production', 'staging'], production: false });
    assert.equal(readFileSync(path.join(root, 'envs', 'production.json'), 'utf8'), off);
  });

  it('keeps the environment of a link that leads nowhere, so its flags are not taken as released', async () => {
    const folder = workspace('broken', path.join('..', 'nowhere.json'));
    const load = await new FlagdBackend(discoverFlagdFiles(folder), 'flags/*.flagd.json').load();
    assert.deepEqual(load.environments, ['production', 'staging']);
    assert.match(load.message ?? '', /production\.flagd\.json \(production\) was not found/);
    const catalog = buildCatalog([load], ['flags/*.flagd.json']);
    const verdict = classifyRelease(catalog.definitions.get('new-nav')!, catalog.countedEnvironments);
    assert.equal(verdict.state, 'rolling-out');
    assert.match(verdict.summary, /not defined in production/);
  });
});

describe('FlagdBackend', () => {
  it('puts every environment of a flag side by side, metadata from the first file', async () => {
    const files = discoverFlagdFiles(FIXTURES);
    const backend = new FlagdBackend(files, 'flags/*.flagd.json');
    assert.deepEqual(backend.watchedFiles(), files.map((file) => file.path));
    const load = await backend.load();
    assert.equal(load.ok, true);
    assert.deepEqual(load.problems, []);
    assert.equal(load.message, undefined);
    assert.deepEqual(load.environments, ['production', 'staging']);
    assert.ok(load.syncedAt !== undefined && load.syncedAt <= Date.now());
    const checkout = load.definitions.find((definition) => definition.key === 'new-checkout');
    assert.ok(checkout);
    assert.equal(checkout.description, 'New checkout flow');
    assert.equal(checkout.source, 'flags/*.flagd.json');
    assert.deepEqual(checkout.environments.map((state) => [state.environment, state.lastModified]), [
      ['production', '2025-11-20T10:00:00Z'],
      ['staging', '2025-11-11T10:00:00Z'],
    ]);
    const stagingOnly = load.definitions.find((definition) => definition.key === 'staging-only');
    assert.deepEqual(stagingOnly?.environments.map((state) => state.environment), ['staging']);
  });

  it('keeps the last good flags of a broken file, and reports where it is broken', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'flaglens-backend-'));
    try {
      const production = path.join(folder, 'production.flagd.json');
      const staging = path.join(folder, 'staging.flagd.json');
      const flag = (key: string, defaultVariant: string) => `"${key}": {"state": "ENABLED", "variants": {"on": true, "off": false}, "defaultVariant": "${defaultVariant}"}`;
      writeFileSync(production, `{"flags": {${flag('a', 'on')}, ${flag('b', 'on')}}}`);
      writeFileSync(staging, `{"flags": {${flag('a', 'off')}}}`);
      const backend = new FlagdBackend([{ environment: 'production', path: production }, { environment: 'staging', path: staging }], 'test');
      const defaults = async () => {
        const load = await backend.load();
        const served = load.definitions.map((definition) => `${definition.key}:${definition.environments.map((state) => `${state.environment}=${state.defaultVariant}`).join(',')}`);
        return { load, served };
      };
      const good = await defaults();
      assert.deepEqual(good.served, ['a:production=on,staging=off', 'b:production=on']);

      const broken = `{"flags": {${flag('a', 'off')} ${flag('b', 'off')}}}`;
      writeFileSync(production, broken);
      const afterBreak = await defaults();
      assert.deepEqual(afterBreak.served, good.served);
      assert.equal(afterBreak.load.ok, true, 'the staging file still loads');
      assert.equal(afterBreak.load.problems.length, 1);
      assert.equal(afterBreak.load.problems[0].file, production);
      assert.equal(afterBreak.load.problems[0].span.start, broken.indexOf('"b"'));
      assert.match(afterBreak.load.message ?? '', /production\.flagd\.json \(production\) has 1 problem: its last good flags stay in use/);
      assert.equal(afterBreak.load.syncedAt, good.load.syncedAt);

      // One bad flag: the other flags of the file update, the bad one keeps its last good definition.
      writeFileSync(production, `{"flags": {${flag('a', 'off')}, ${flag('b', 'blue')}}}`);
      const oneBadFlag = await defaults();
      assert.deepEqual(oneBadFlag.served, ['a:production=off,staging=off', 'b:production=on']);
      assert.match(oneBadFlag.load.message ?? '', /'b' keeps its last good definition/);

      writeFileSync(production, `{"flags": {${flag('a', 'off')}}}`);
      const fixed = await defaults();
      assert.deepEqual(fixed.served, ['a:production=off,staging=off']);
      assert.deepEqual(fixed.load.problems, []);
      assert.equal(fixed.load.message, undefined);

      rmSync(staging);
      const missing = await defaults();
      assert.deepEqual(missing.served, ['a:production=off,staging=off']);
      assert.match(missing.load.message ?? '', /staging\.flagd\.json \(staging\) was not found: its last good flags stay in use/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('is not ok when no file can be read', async () => {
    const load = await new FlagdBackend([{ environment: 'production', path: path.join(tmpdir(), 'flaglens-none', 'x.flagd.json') }], 'test').load();
    assert.equal(load.ok, false);
    assert.deepEqual(load.definitions, []);
    assert.match(load.message ?? '', /was not found: its flags are not loaded until it is fixed/);
    assert.equal(load.syncedAt, undefined);
  });
});

describe('flagd.schema.json', () => {
  const schemaFile = path.join(import.meta.dirname, '..', '..', 'schemas', 'flagd.schema.json');
  const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
  const cases: Array<[string, string, boolean]> = [
    ['the production fixture', readFileSync(path.join(FIXTURES, 'flags', 'production.flagd.json'), 'utf8'), true],
    ['the staging fixture', readFileSync(path.join(FIXTURES, 'flags', 'staging.flagd.json'), 'utf8'), true],
    ['variants of mixed types', '{"flags": {"f": {"state": "ENABLED", "variants": {"on": true, "half": "0.5"}}}}', false],
    ['a bad state', oneFlag('').replace('"ENABLED"', '"ON"'), false],
    ['stale as text', oneFlag('"metadata": {"stale": "yes"}'), false],
  ];
  for (const [name, text, valid] of cases) {
    it(`${valid ? 'accepts' : 'rejects'} ${name}`, () => assert.equal(validate(JSON.parse(text)), valid, JSON.stringify(validate.errors)));
  }
});
