// How many flag checks FlagLens finds in a repository with the SDK presets alone, and with the
// configuration `flaglens init` proposes: the count, the share whose key is resolved, and the share
// that is dynamic (a key passed in by each caller).
// Usage: node --import tsx bench/detection.ts --repo PATH [--json]

import * as path from 'node:path';
import { bagEntryOf, describeDiscovery, type ProposedConfig } from '../server/src/analysis/discover';
import { buildPatternSet, type PatternSet } from '../server/src/analysis/patterns';
import { DEFAULT_MAX_FILE_SIZE } from '../server/src/workspace/config';
import { discoverFolder } from '../server/src/workspace/discovery';
import { WorkspaceIndex } from '../server/src/workspace/index';

/** The checks found with one pattern set. */
export interface DetectionCounts {
  checks: number;
  resolved: number;
  dynamic: number;
  /** resolved / checks, 0 when there is no check. */
  resolvedShare: number;
  dynamicShare: number;
  /** Distinct resolved keys. */
  keys: number;
}

/** The same repository scanned without and with the proposed configuration. */
export interface DetectionReport {
  repo: string;
  filesScanned: number;
  without: DetectionCounts;
  with: DetectionCounts;
  proposed: ProposedConfig;
  /** What discovery found and why, one line each. */
  found: string[];
  discoveryMs: number;
}

/** Discovers the configuration for `repo`, then counts the checks found with the presets alone and with it. */
export async function detectionReport(repo: string): Promise<DetectionReport> {
  const root = path.resolve(repo);
  const started = performance.now();
  const found = await discoverFolder(root, () => undefined);
  const discoveryMs = performance.now() - started;
  const presetsOnly = await countChecks(root, buildPatternSet([]));
  const proposed = buildPatternSet(found.discovery.wrappers.map((wrapper) => wrapper.pattern), found.discovery.bags.map(bagEntryOf));
  const withProposal = await countChecks(root, proposed);
  return {
    repo: root,
    filesScanned: withProposal.files,
    without: presetsOnly.counts,
    with: withProposal.counts,
    proposed: found.config,
    found: describeDiscovery(found.discovery),
    discoveryMs,
  };
}

async function countChecks(root: string, patterns: PatternSet): Promise<{ files: number; counts: DetectionCounts }> {
  const index = new WorkspaceIndex(root, { patterns, ignore: [], maxFileSize: DEFAULT_MAX_FILE_SIZE, log: () => undefined });
  await index.indexAll();
  const checks = [...index.allChecks().values()].flat();
  const resolved = checks.filter((check) => check.resolved);
  const dynamic = checks.filter((check) => check.dynamic === true).length;
  const share = (part: number) => (checks.length === 0 ? 0 : part / checks.length);
  return {
    files: index.files().length,
    counts: {
      checks: checks.length,
      resolved: resolved.length,
      dynamic,
      resolvedShare: share(resolved.length),
      dynamicShare: share(dynamic),
      keys: new Set(resolved.map((check) => check.key)).size,
    },
  };
}

/** The report as a short Markdown table and the discovery lines. */
export function formatDetectionReport(report: DetectionReport): string {
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
  const row = (name: string, counts: DetectionCounts) =>
    `| ${name} | ${counts.checks} | ${counts.keys} | ${percent(counts.resolvedShare)} | ${percent(counts.dynamicShare)} |`;
  return [
    `Detection in ${report.repo} (${report.filesScanned} files; discovery ${Math.round(report.discoveryMs)} ms)`,
    '',
    '| configuration | checks | keys | resolved | dynamic |',
    '|---|---|---|---|---|',
    row('SDK presets only', report.without),
    row('proposed by flaglens init', report.with),
    '',
    ...(report.found.length > 0 ? report.found.map((line) => `- ${line}`) : ['- discovery found nothing to add']),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const repoIndex = args.indexOf('--repo');
  const repo = repoIndex >= 0 ? args[repoIndex + 1] : undefined;
  if (repo === undefined) {
    process.stderr.write('usage: node --import tsx bench/detection.ts --repo PATH [--json]\n');
    process.exitCode = 2;
    return;
  }
  const report = await detectionReport(repo);
  process.stdout.write(args.includes('--json') ? `${JSON.stringify(report, null, 2)}\n` : formatDetectionReport(report));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
