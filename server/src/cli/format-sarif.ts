// `--format sarif`: SARIF 2.1.0 for code scanning services (GitHub code scanning and others).

import { pathToFileURL } from 'node:url';
import { version } from '../../../package.json';
import { FINDING_CODES, FINDING_DESCRIPTIONS } from '../analysis/findings';
import { DEFAULT_SEVERITIES, type Severity } from '../analysis/types';
import type { ScanReport } from './scan';

const SARIF_LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** The scan as a SARIF 2.1.0 log with one run; locations are relative to `%SRCROOT%`, the scanned folder. */
export function formatSarif(report: ScanReport): string {
  const rules = FINDING_CODES.map((code) => ({
    id: code,
    name: code.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: FINDING_DESCRIPTIONS[code] },
    // No help URI: the project has no public home yet; the README's "Diagnostics" section explains each code.
    help: { text: `${FINDING_DESCRIPTIONS[code]} See the "${code}" section of FlagLens's README.` },
    defaultConfiguration: { level: SARIF_LEVELS[DEFAULT_SEVERITIES[code]] },
  }));
  const results = report.findings.map(({ file, line, column, endLine, endColumn, finding }) => ({
    ruleId: finding.code,
    ruleIndex: FINDING_CODES.indexOf(finding.code),
    level: SARIF_LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
        region: { startLine: line, startColumn: column, endLine, endColumn },
      },
    }],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'FlagLens', version, rules } },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(`${report.root}/`).href } },
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
