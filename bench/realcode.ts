// How much of a real repository's flag checks FlagLens finds, measured against a census counted by
// hand (bench/census/*.json): site recall, resolved-key precision, and the misses and false positives,
// once with no `.flaglens.json` (what the scan infers by itself) and once with the configuration
// `flaglens init` proposes, which is written to a temporary file and never into the repository.
// Usage: npm run bench:realcode -- --repo PATH --census FILE [--json]
//        npm run bench:realcode -- --all [--repos DIR] [--json]   (every census file against DIR/<owner>-<name>, else DIR/<name>; DIR defaults to $FLAGLENS_REPOS)

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { camelCaseFromFlagKey } from '../server/src/analysis/keys';
import type { FlagCheck } from '../server/src/analysis/types';
import { Locator, scanFolder } from '../server/src/cli/scan';
import { CONFIG_FILE_NAME, MAX_FILE_SIZE_LIMIT } from '../server/src/workspace/config';
import { configFileText, discoverFolder } from '../server/src/workspace/discovery';
import { toPosixPath } from '../server/src/workspace/files';

/** One flag check counted by reading the code. */
export interface CensusSite {
  /** Relative to the repository, with `/`. */
  file: string;
  /**
   * 1-based line where the evaluating call (or the property read from a flag bag) starts; when the key is
   * written as a property of an object literal inside the call (`execute(Command.create({ key: FLAG }))`),
   * the line of that property.
   */
  line: number;
  /** The key as the flag service knows it; null when the code decides it at run time. */
  key: string | null;
  /** The callee as written: `useUiFlag`, `posthog.isFeatureEnabled`, `useLaunchDarkly`. */
  callee: string;
}

/** A flag registry in code: where it is and the flag keys it lists. */
export interface CensusRegistry {
  file: string;
  name: string;
  keys: string[];
}

/** A repository's census: every check site in its scope, counted by hand. */
export interface Census {
  /** owner/name on GitHub. */
  repo: string;
  commit: string;
  /** The folders counted, relative to the repository; a site or a report outside them is not compared. */
  scope: string | string[];
  /** Globs (relative to the repository, `*` and `**`) of files inside the scope that were not counted. */
  exclude?: string[];
  sites: CensusSite[];
  /** The team's own list of flags in code, when there is one (or one per part of a repository); its keys are real flags too. */
  registry?: CensusRegistry | CensusRegistry[];
  notes: string;
}

/** A check FlagLens reported, with the lines it spans. */
interface ReportedSite {
  file: string;
  /** The line of the key (or bag property), and the line where the whole check starts. */
  keyLine: number;
  callLine: number;
  check: FlagCheck;
  /** True for the check a helper of one flag gives back, which a reported call of the helper names. */
  insideHelper: boolean;
}

/** What one mode of scanning found, compared with the census. */
export interface ModeResult {
  mode: 'zero-config' | 'init';
  censusSites: number;
  found: number;
  /** found / censusSites; null for an empty census. */
  recall: number | null;
  /** Reported checks in scope that no census site accounts for (dynamic checks inside wrappers excluded). */
  extra: number;
  /** Checks whose key is a parameter of the enclosing function (a wrapper's own body): not compared. */
  dynamicInScope: number;
  /** Where flags are declared (Vercel Flags' `flag({ key })`), which checks nothing: not compared. */
  declarationsInScope: number;
  /**
   * The checks helpers of one flag give back that no census site accounts for: a census counts the helper's calls, and
   * may count the check inside it or not (bench/census/README.md), so these are not compared.
   */
  helperChecksAside: number;
  reportedOutsideScope: number;
  /** Distinct resolved keys reported in scope, and how many of them are real flags. */
  resolvedKeys: number;
  realResolvedKeys: number;
  /** realResolvedKeys / resolvedKeys; null when no key was resolved (which is not 100% precise). */
  keyPrecision: number | null;
  /** Matched sites whose reported key is resolved and equals the census key. */
  matchedWithRightKey: number;
  /** Found sites whose census key is null (decided at run time): no key to compare. */
  foundWithoutKey: number;
  /** Census sites that name a key. */
  keyedSites: number;
  misses: string[];
  falsePositives: string[];
  wrongKeys: string[];
  /** Found sites whose reported key is not the census key (unresolved, or resolved to another). */
  keyMismatches: string[];
  /** For `init`: what discovery proposed, one line each. */
  proposal?: string;
  seconds: number;
}

/** The census of one repository measured in both modes. */
export interface RepositoryResult {
  repo: string;
  commit: string;
  checkout: string;
  scope: string[];
  keys: number;
  modes: ModeResult[];
}

const LIST_LIMIT = Number(process.env.LIST_LIMIT ?? 20);

/** Reads and checks a census file; throws with the first thing wrong. */
export function readCensus(file: string): Census {
  const census = JSON.parse(fs.readFileSync(file, 'utf8')) as Census;
  if (typeof census.repo !== 'string' || typeof census.commit !== 'string' || !Array.isArray(census.sites)) {
    throw new Error(`${file}: a census needs repo, commit, scope and sites`);
  }
  for (const site of census.sites) {
    if (typeof site.file !== 'string' || !Number.isInteger(site.line) || (site.key !== null && typeof site.key !== 'string') || typeof site.callee !== 'string') {
      throw new Error(`${file}: a site needs file, line, key (or null) and callee: ${JSON.stringify(site)}`);
    }
  }
  return census;
}

/** Measures `census` against the checkout at `repo`, with no configuration and with init's proposal. */
export async function measureRepository(repo: string, census: Census): Promise<RepositoryResult> {
  const root = toPosixPath(path.resolve(repo));
  if (fs.existsSync(path.join(root, CONFIG_FILE_NAME))) {
    throw new Error(`${root} has its own ${CONFIG_FILE_NAME}: zero-config would not be zero-config there`);
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-realcode-'));
  try {
    const zero = await measureMode(root, census, 'zero-config', scratch);
    const init = await measureMode(root, census, 'init', scratch);
    return {
      repo: census.repo,
      commit: census.commit,
      checkout: root,
      scope: scopesOf(census),
      keys: censusKeys(census).size,
      modes: [zero, init],
    };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function measureMode(root: string, census: Census, mode: ModeResult['mode'], scratch: string): Promise<ModeResult> {
  const started = performance.now();
  const log = (): void => undefined;
  // Each mode gets fresh cache files, so that neither reads an index the other wrote.
  const cacheFile = path.join(scratch, mode, 'flag-definitions.json');
  fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
  let configFile: string | undefined;
  let proposal: string | undefined;
  if (mode === 'init') {
    const found = await discoverFolder(root, log);
    proposal = configFileText(found.config);
    configFile = path.join(scratch, mode, CONFIG_FILE_NAME);
    fs.writeFileSync(configFile, proposal);
  }
  const scan = await scanFolder(root, { configFile, cacheFile, log, environmentVariables: {} });
  // The scan locates each check's key; the call may start lines above it.
  const locator = new Locator(root, MAX_FILE_SIZE_LIMIT);
  const helperChecks = new Set(scan.checks.flatMap(({ check }) => (check.helperCall === undefined ? [] : [`${toPosixPath(path.relative(root, check.helperCall.file))}\0${check.helperCall.start}`])));
  const reported: ReportedSite[] = scan.checks.map((located) => ({
    insideHelper: helperChecks.has(`${located.file}\0${located.check.callSpan.start}`),
    file: located.file,
    keyLine: located.line,
    callLine: locator.locate(path.join(root, located.file), located.check.callSpan).line,
    check: located.check,
  }));
  return { ...compare(census, reported), mode, proposal, seconds: (performance.now() - started) / 1000 };
}

/** Matches reported checks to census sites one to one: same file, and the census line is where the key or the call is. */
function compare(census: Census, reported: readonly ReportedSite[]): Omit<ModeResult, 'mode' | 'seconds' | 'proposal'> {
  const inScope = inScopeTest(census);
  const scoped = reported.filter((site) => inScope(site.file));
  const unmatched = new Set(scoped.filter((site) => site.check.declaration !== true));
  const misses: CensusSite[] = [];
  let matchedWithRightKey = 0;
  const mismatches: string[] = [];
  const sites = [...census.sites].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  for (const site of sites) {
    // The census line is where the call starts, or where its key is written: anywhere from the reported
    // check's first line to its key's line matches.
    const candidates = [...unmatched].filter((found) => found.file === site.file
      && ((found.callLine <= site.line && site.line <= found.keyLine) || found.keyLine === site.line || found.callLine === site.line));
    // Several checks can start on one line (`const { a, b } = useFlags()`): prefer the one with the census key.
    const match = candidates.find((found) => site.key !== null && names(found.check, site.key)) ?? candidates[0];
    if (match === undefined) {
      misses.push(site);
      continue;
    }
    unmatched.delete(match);
    if (site.key !== null && names(match.check, site.key)) matchedWithRightKey++;
    else if (site.key !== null) mismatches.push(`${site.file}:${site.line}  ${match.check.method}  ${describeKey(match.check)}, census '${site.key}'`);
  }
  const extras = [...unmatched].filter((found) => found.check.dynamic !== true && !found.insideHelper);
  const registries = census.registry === undefined ? [] : Array.isArray(census.registry) ? census.registry : [census.registry];
  const real = new Set([...censusKeys(census), ...registries.flatMap((registry) => registry.keys)]);
  const resolved = scoped.filter((found) => found.check.resolved && found.check.dynamic !== true);
  // A camelCased bag property names the flag whose key camelCases to it, whichever that is; it is one key.
  const resolvedKeys = new Map(resolved.map((found) => [found.check.camelCaseName ?? found.check.key, found.check]));
  const wrong = [...resolvedKeys].filter(([, check]) => ![...real].some((key) => names(check, key))).map(([key]) => key).sort();
  const found = census.sites.length - misses.length;
  return {
    censusSites: census.sites.length,
    found,
    recall: census.sites.length === 0 ? null : found / census.sites.length,
    extra: extras.length,
    dynamicInScope: scoped.filter((site) => site.check.dynamic === true).length,
    declarationsInScope: scoped.filter((site) => site.check.declaration === true).length,
    helperChecksAside: [...unmatched].filter((found) => found.check.dynamic !== true && found.insideHelper).length,
    reportedOutsideScope: reported.length - scoped.length,
    resolvedKeys: resolvedKeys.size,
    realResolvedKeys: resolvedKeys.size - wrong.length,
    keyPrecision: resolvedKeys.size === 0 ? null : (resolvedKeys.size - wrong.length) / resolvedKeys.size,
    matchedWithRightKey,
    foundWithoutKey: found - matchedWithRightKey - mismatches.length,
    keyedSites: census.sites.filter((site) => site.key !== null).length,
    misses: misses.slice(0, LIST_LIMIT).map((site) => `${site.file}:${site.line}  ${site.callee}(${site.key ?? '<decided at run time>'})`),
    falsePositives: extras.slice(0, LIST_LIMIT).map((site) => `${site.file}:${site.keyLine}  ${site.check.method}  ${describeKey(site.check)}`),
    keyMismatches: mismatches.slice(0, LIST_LIMIT),
    wrongKeys: wrong.slice(0, LIST_LIMIT).map((key) => {
      const first = resolved.find((site) => (site.check.camelCaseName ?? site.check.key) === key)!;
      return `${key}  (${first.file}:${first.keyLine} ${first.check.method})`;
    }),
  };
}

/**
 * Whether a resolved check names this key: its own, or, for a property of LaunchDarkly's camelCased bag, any key that
 * camelCases to the property (`dbaasV2` is the flag `dbaas-v2` or `dbaasV2`: the code cannot tell, a backend can).
 */
function names(check: FlagCheck, key: string): boolean {
  if (!check.resolved) return false;
  return check.key === key || (check.camelCaseName !== undefined && camelCaseFromFlagKey(key) === check.camelCaseName);
}

function describeKey(check: FlagCheck): string {
  if (check.dynamic === true) return `dynamic ${check.key}`;
  return check.resolved ? `'${check.key}'` : `unresolved ${check.key}`;
}

function censusKeys(census: Census): Set<string> {
  return new Set(census.sites.flatMap((site) => (site.key === null ? [] : [site.key])));
}

function scopesOf(census: Census): string[] {
  return (Array.isArray(census.scope) ? census.scope : [census.scope]).map((scope) => scope.replace(/\/+$/, ''));
}

/** Whether a relative path is inside the census's scope and not excluded. */
function inScopeTest(census: Census): (file: string) => boolean {
  const scopes = scopesOf(census);
  const excluded = (census.exclude ?? []).map(globToRegExp);
  return (file) => scopes.some((scope) => scope === '' || scope === '.' || file === scope || file.startsWith(`${scope}/`))
    && !excluded.some((pattern) => pattern.test(file));
}

/** `**` crosses folders, `*` does not; a pattern matches the whole path. */
function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let at = 0; at < glob.length; at++) {
    if (glob.startsWith('**/', at)) {
      source += '(?:.*/)?';
      at += 2;
    } else if (glob.startsWith('**', at)) {
      source += '.*';
      at += 1;
    } else if (glob[at] === '*') source += '[^/]*';
    else source += glob[at].replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** A share as `part/whole = N%`, or n/a when there is nothing to divide (no resolved key at all is not 100% precise). */
function ratio(part: number, whole: number): string {
  return whole === 0 ? `n/a (0/0)` : `${percent(part / whole)} (${part}/${whole})`;
}

/** One repository's figures and lists, for a developer looking for why. */
export function formatRepository(result: RepositoryResult): string {
  const out = [`${result.repo} @ ${result.commit.slice(0, 12)} (${result.checkout}), scope ${result.scope.join(', ')}: ${result.modes[0].censusSites} sites, ${result.keys} keys`];
  for (const mode of result.modes) {
    out.push('', `  ${mode.mode} (${mode.seconds.toFixed(1)} s)`);
    out.push(`    site recall     ${ratio(mode.found, mode.censusSites)} of the census sites are reported`);
    out.push(`    site precision  ${ratio(mode.found, mode.found + mode.extra)} of the checks reported in scope (dynamic ones inside wrappers and declarations aside) are census sites`);
    out.push(`    key precision   ${ratio(mode.realResolvedKeys, mode.resolvedKeys)} of the distinct resolved keys reported are real flags`);
    out.push(`    right key       ${ratio(mode.matchedWithRightKey, mode.keyedSites)} of the census sites with a key are reported with that key`);
    out.push(`    not in census   ${mode.extra} reported in scope (plus ${mode.dynamicInScope} dynamic checks inside wrappers,${mode.declarationsInScope > 0 ? ` ${mode.declarationsInScope} flag declarations,` : ''}${mode.helperChecksAside > 0 ? ` ${mode.helperChecksAside} checks inside helpers of one flag,` : ''} ${mode.reportedOutsideScope} outside the scope)`);
    if (mode.proposal !== undefined) out.push(`    init proposed   ${mode.proposal.trim().split('\n').join(' ').replace(/\s+/g, ' ')}`);
    pushList(out, 'misses', mode.misses, mode.censusSites - mode.found);
    pushList(out, 'false positives', mode.falsePositives, mode.extra);
    pushList(out, 'keys that are not flags', mode.wrongKeys, mode.resolvedKeys - mode.realResolvedKeys);
    pushList(out, 'found, but not with the census key', mode.keyMismatches, mode.found - mode.matchedWithRightKey - mode.foundWithoutKey);
  }
  return `${out.join('\n')}\n`;
}

function pushList(out: string[], title: string, lines: readonly string[], total: number): void {
  if (total === 0) return;
  out.push(`    ${title} (${total}${total > lines.length ? `, first ${lines.length}` : ''}):`);
  out.push(...lines.map((line) => `      ${line}`));
}

/** One row per repository: recall, key precision and right-key recall in both modes. */
export function formatSummary(results: readonly RepositoryResult[]): string {
  const out = [
    '| repository | commit | scope | sites | keys | zero-config: site recall | site precision | key precision | right key | init: site recall | site precision | key precision | right key |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const cells = (mode: ModeResult): string[] => [
    ratio(mode.found, mode.censusSites),
    ratio(mode.found, mode.found + mode.extra),
    ratio(mode.realResolvedKeys, mode.resolvedKeys),
    ratio(mode.matchedWithRightKey, mode.keyedSites),
  ];
  for (const result of results) {
    const [zero, init] = result.modes;
    out.push(`| ${result.repo} | ${result.commit.slice(0, 12)} | ${result.scope.join(', ')} | ${zero.censusSites} | ${result.keys} | ${[...cells(zero), ...cells(init)].join(' | ')} |`);
  }
  // Pooled over every site and every repository's distinct keys, so that a large census weighs more.
  const total = (mode: number, part: (result: ModeResult) => number): number => results.reduce((sum, result) => sum + part(result.modes[mode]), 0);
  const pooled = (mode: number): ModeResult => ({
    ...results[0].modes[mode],
    censusSites: total(mode, (result) => result.censusSites),
    found: total(mode, (result) => result.found),
    extra: total(mode, (result) => result.extra),
    resolvedKeys: total(mode, (result) => result.resolvedKeys),
    realResolvedKeys: total(mode, (result) => result.realResolvedKeys),
    matchedWithRightKey: total(mode, (result) => result.matchedWithRightKey),
    foundWithoutKey: total(mode, (result) => result.foundWithoutKey),
    keyedSites: total(mode, (result) => result.keyedSites),
  });
  if (results.length > 0) out.push(`| all (pooled) | | | ${total(0, (result) => result.censusSites)} | | ${[...cells(pooled(0)), ...cells(pooled(1))].join(' | ')} |`);
  return `${out.join('\n')}\n`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      repo: { type: 'string' },
      census: { type: 'string' },
      all: { type: 'boolean' },
      repos: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const jobs: Array<{ repo: string; census: Census }> = [];
  if (values.all === true) {
    const censusFolder = path.join(__dirname, 'census');
    const checkouts = values.repos ?? process.env.FLAGLENS_REPOS;
    if (checkouts === undefined) {
      process.stderr.write('realcode: --all needs --repos DIR (or FLAGLENS_REPOS), the folder holding a checkout per census, named as the repository (or OWNER-NAME)\n');
      process.exit(2);
    }
    for (const name of fs.readdirSync(censusFolder).filter((entry) => entry.endsWith('.json')).sort()) {
      const census = readCensus(path.join(censusFolder, name));
      // Named as the repository, or as its owner and name where two repositories share a name (`Uniswap-wallet`).
      const [owner, repository] = census.repo.split('/');
      const qualified = path.join(checkouts, `${owner}-${repository}`);
      const checkout = fs.existsSync(qualified) ? qualified : path.join(checkouts, repository);
      if (!fs.existsSync(checkout)) {
        process.stderr.write(`realcode: no checkout of ${census.repo} at ${checkout}; skipped\n`);
        continue;
      }
      jobs.push({ repo: checkout, census });
    }
  } else if (values.repo !== undefined && values.census !== undefined) {
    jobs.push({ repo: values.repo, census: readCensus(values.census) });
  } else {
    process.stderr.write('usage: npm run bench:realcode -- --repo PATH --census FILE [--json]\n       npm run bench:realcode -- --all [--repos DIR] [--json]\n');
    return 2;
  }
  const results: RepositoryResult[] = [];
  for (const job of jobs) {
    const result = await measureRepository(job.repo, job.census);
    results.push(result);
    if (values.json !== true) process.stdout.write(`${formatRepository(result)}\n`);
  }
  if (values.json === true) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else if (results.length > 1) process.stdout.write(formatSummary(results));
  return 0;
}

if (require.main === module) {
  main().then((code) => {
    process.exitCode = code;
  }, (error: unknown) => {
    process.stderr.write(`realcode: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
