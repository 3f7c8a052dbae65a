// Pull diagnostics (`textDocument/diagnostic`): findings for a source file's flag checks, problems in
// a flag file, and problems in `.flaglens.json`, each with a code that links to the README.

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findingsForChecks, findingsForFlagFile, findingsForProblems } from '../analysis/findings';
import { flagFileKeys } from '../analysis/policy/flagFileKeys';
import type { Finding, FindingCode, Severity } from '../analysis/types';
import type { LoadedFolder } from '../workspace/loadFolder';
import { folderPolicyContext } from '../workspace/policyContext';
import { uriToPath } from '../workspace/uris';
import { isSourceFile, toPosixPath } from '../workspace/files';
import { registryFindingsFor } from './registry';

/** What a FlagLens diagnostic carries for code actions: the key, the suggested key, and the text version it was computed on. */
export interface DiagnosticData {
  key?: string;
  suggestion?: string;
  version: number;
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

// The server runs from server/out/server.js; the README ships two levels up, in the package root.
const README_URL = pathToFileURL(path.resolve(__dirname, '..', '..', 'README.md')).href;

/** Where the README explains a diagnostic code. */
export function diagnosticHelpUrl(code: FindingCode): string {
  return `${README_URL}#${code}`;
}

/** The diagnostics of one document of a loaded folder. */
export function diagnosticsFor(document: TextDocument, state: LoadedFolder): Diagnostic[] {
  const file = uriToPath(document.uri);
  const findings: Finding[] = [];
  const problemsHere = [...state.configProblems, ...state.loads.flatMap((load) => load.problems)]
    .filter((problem) => toPosixPath(problem.file) === file);
  findings.push(...findingsForProblems(problemsHere, state.severities));
  if (isFlagFile(file, state)) {
    findings.push(...findingsForFlagFile(file, flagFileKeys(document.getText(), file), state.catalog, state.config.policy, state.severities));
  }
  if (isSourceFile(file)) {
    findings.push(...findingsForChecks(file, state.index.checksIn(file), state.catalog, state.severities, folderPolicyContext(state)));
    findings.push(...registryFindingsFor(file, document.getText(), state));
  }
  return findings.map((finding) => toDiagnostic(finding, document));
}

/** True for a local flag file one of the folder's backends reads. */
export function isFlagFile(file: string, state: Pick<LoadedFolder, 'backends'>): boolean {
  return file.endsWith('.json') && state.backends.some((backend) => backend.watchedFiles().some((watched) => toPosixPath(watched) === file));
}

function toDiagnostic(finding: Finding, document: TextDocument): Diagnostic {
  const data: DiagnosticData = { version: document.version };
  if (finding.key !== undefined) data.key = finding.key;
  if (finding.suggestion !== undefined) data.suggestion = finding.suggestion;
  const diagnostic: Diagnostic = {
    range: { start: document.positionAt(finding.span.start), end: document.positionAt(finding.span.end) },
    severity: SEVERITIES[finding.severity],
    code: finding.code,
    codeDescription: { href: diagnosticHelpUrl(finding.code) },
    source: 'flaglens',
    message: finding.message,
    data,
  };
  // An archived flag is gone from the backend: editors strike the check through.
  if (finding.code === 'archived-flag') diagnostic.tags = [DiagnosticTag.Deprecated];
  return diagnostic;
}
