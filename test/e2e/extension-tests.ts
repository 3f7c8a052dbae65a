// Runs the Mocha suite (test/e2e/out/suite) inside code-server's real extension host: the workbench URL's
// `payload` names the extension under development and the tests, and the smoke-test driver hands the
// extension host's log and exit code to the page's `codeAutomationLog` / `codeAutomationExit`.
// Started by run.sh; exits with the suite's exit code.

import * as path from 'node:path';
import { format } from 'node:util';
import { launchBrowser, remoteUri, setting, workbenchUrl } from './browser';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const DEADLINE_MS = 5 * 60_000;

async function main(): Promise<number> {
  const { context, page } = await launchBrowser('extension-tests');
  try {
    let exited: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => {
      exited = resolve;
    });
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
      // The extension host logs as console.log does: a format string, then its arguments.
      console.log(format(...args));
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => exited(code));
    await page.goto(workbenchUrl(setting('FLAGLENS_E2E_SUITE_WORKSPACE'), [
      ['extensionDevelopmentPath', remoteUri(REPO_ROOT)],
      ['extensionTestsPath', remoteUri(path.join(REPO_ROOT, 'test', 'e2e', 'out', 'suite', 'index.js'))],
    ]));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`the extension-host suite did not finish within ${DEADLINE_MS / 1000} s`)), DEADLINE_MS);
    });
    try {
      return await Promise.race([exitCode, deadline]);
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await context.close();
  }
}

main().then(
  (code) => {
    console.log(code === 0 ? 'extension-host suite passed' : `extension-host suite failed (exit ${code})`);
    process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack ?? error.message : error);
    process.exit(1);
  },
);
