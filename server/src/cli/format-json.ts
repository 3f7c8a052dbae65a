// `--format json`: the scan as one JSON document for scripts. The shape is versioned; fields are only
// ever added under the same version.

import type { ScanReport } from './scan';

/** The scan as `{"version": 1, "checks": [...], "findings": [...], "flags": [...]}`, pretty-printed. */
export function formatJson(report: ScanReport): string {
  const document = {
    version: 1,
    checks: report.checks.map(({ file, line, column, check }) => ({
      file,
      line,
      column,
      key: check.key,
      resolved: check.resolved,
      sdk: check.sdk,
      method: check.method,
      // A key passed in by each caller (a wrapper's parameter): not known here, and never reported as unknown.
      ...(check.dynamic === true ? { dynamic: true } : {}),
      // Where the flag is declared (Vercel Flags' `flag({ key })`), which checks nothing.
      ...(check.declaration === true ? { declaration: true } : {}),
      // Why the call is a check: "`client` is created from @openfeature/server-sdk".
      ...(check.evidence === undefined ? {} : { evidence: check.evidence }),
    })),
    findings: report.findings.map(({ file, line, column, finding }) => ({
      file,
      line,
      column,
      key: finding.key ?? null,
      kind: finding.code,
      severity: finding.severity,
      message: finding.message,
    })),
    flags: report.flags.map(({ key, state, references }) => ({ key, state, references })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
