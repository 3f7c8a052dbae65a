// `--format text`: findings for people, grouped by file, with a short summary; colour only on a terminal.

import type { Severity } from '../analysis/types';
import type { ScanReport } from './scan';

export interface TextOptions {
  color: boolean;
  /** The `--fail-on` value as given, and how many findings match it. */
  failOn: { spec: string; matches: number };
}

const SEVERITY_COLORS: Record<Severity, string> = {
  error: '31',
  warning: '33',
  information: '36',
  hint: '2',
};
const SEVERITY_WIDTH = Math.max(...Object.keys(SEVERITY_COLORS).map((severity) => severity.length));

/** The flags with their state, then findings as `file:line:col  severity  message  [code]` grouped by file, then the summary. */
export function formatText(report: ScanReport, options: TextOptions): string {
  const paint = (code: string, text: string): string => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = flagLines(report, paint);
  let previousFile: string | undefined;
  for (const { file, line, column, finding } of report.findings) {
    if (previousFile !== undefined && file !== previousFile) lines.push('');
    previousFile = file;
    const severity = paint(SEVERITY_COLORS[finding.severity], finding.severity.padEnd(SEVERITY_WIDTH));
    lines.push(`${paint('1', `${file}:${line}:${column}`)}  ${severity}  ${finding.message}  ${paint('2', `[${finding.code}]`)}`);
  }
  if (lines.length > 0) lines.push('');
  lines.push(...summaryLines(report, options));
  return `${lines.join('\n')}\n`;
}

const STATE_ORDER = ['unknown', 'released', 'dead', 'rolling-out'] as const;

/** One line per flag, the removable and the unknown first, so the list reads as a to-do list. */
function flagLines(report: ScanReport, paint: (code: string, text: string) => string): string[] {
  if (report.flags.length === 0) return [];
  const flags = [...report.flags].sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state));
  const keyWidth = Math.max(...flags.map((flag) => flag.key.length));
  const stateWidth = Math.max(...flags.map((flag) => flag.state.length));
  const lines = [paint('1', 'Flags')];
  for (const flag of flags) {
    const references = count(flag.references, 'reference').padEnd(13);
    lines.push(`  ${flag.key.padEnd(keyWidth)}  ${flag.state.replace('-', ' ').padEnd(stateWidth)}  ${references}  ${paint('2', flag.summary)}`);
  }
  lines.push('', paint('1', 'Findings'));
  return lines;
}

function summaryLines(report: ScanReport, options: TextOptions): string[] {
  const filesWithChecks = new Set(report.checks.map((located) => located.file)).size;
  // A flag's declaration (Vercel Flags' `flag({ key })`) is where its key is written, not a check of it.
  const declarations = report.checks.filter((located) => located.check.declaration === true).length;
  const checked = `${count(report.checks.length - declarations, 'flag check')}${declarations > 0 ? ` and ${count(declarations, 'flag declaration')}` : ''}`;
  const lines = [`${checked} in ${count(filesWithChecks, 'file')} (${count(report.filesScanned, 'file')} scanned)`];

  const { catalog } = report;
  const defined = report.flags.filter((flag) => flag.state !== 'unknown');
  const unknown = report.flags.length - defined.length;
  if (catalog.loaded) {
    const states = (['released', 'dead', 'rolling-out'] as const)
      .map((state) => [state, defined.filter((flag) => flag.state === state).length] as const)
      .filter(([, number]) => number > 0)
      .map(([state, number]) => `${number} ${state.replace('-', ' ')}`);
    const where = `${catalog.sources.join(', ')} (${catalog.environments.join(', ')})`;
    const unknownText = unknown > 0 ? `; ${count(unknown, 'key')} checked but not defined` : '';
    lines.push(`${count(defined.length, 'flag')} from ${where}: ${states.join(', ')}${unknownText}`);
  }

  if (report.findings.length === 0) {
    lines.push('No findings.');
  } else {
    const severities = (['error', 'warning', 'information', 'hint'] as const)
      .map((severity) => [severity, report.findings.filter((located) => located.finding.severity === severity).length] as const)
      .filter(([, number]) => number > 0)
      .map(([severity, number]) => (severity === 'information' ? `${number} information` : count(number, severity)));
    const failing = options.failOn.matches > 0 ? ` · ${options.failOn.matches} matching --fail-on ${options.failOn.spec}` : '';
    lines.push(`${count(report.findings.length, 'finding')}: ${severities.join(', ')}${failing}`);
  }
  return lines;
}

function count(number: number, noun: string): string {
  return `${number} ${noun}${number === 1 ? '' : 's'}`;
}
