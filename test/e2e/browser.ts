// Headless Debian Chromium driven by playwright-core, pointed at the code-server that run.sh started.
// run.sh passes everything through the environment, so these scripts never start or stop servers.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** A variable run.sh sets; a clear error when a script is started by hand without it. */
export function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests with \`npm run test:e2e\``);
  return value;
}

/** The code-server base URL, e.g. http://127.0.0.1:41234. */
export const SERVER_URL = (): string => setting('FLAGLENS_E2E_URL');

/** A fresh browser profile in the run's temp dir, so no state carries over between runs. */
export async function launchBrowser(name: string): Promise<{ context: BrowserContext; page: Page }> {
  const profile = path.join(setting('FLAGLENS_E2E_TMP'), `browser-${name}`);
  fs.mkdirSync(profile, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.FLAGLENS_E2E_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? await context.newPage();
  return { context, page };
}

/** The workbench URL for a folder, with optional `payload` entries (VS Code's `--<name> <value>` options). */
export function workbenchUrl(folder: string, payload?: Array<[string, string]>): string {
  const url = new URL(SERVER_URL());
  url.searchParams.set('folder', folder);
  if (payload) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

/** A `vscode-remote://` URI for a path on this machine, as the payload's paths must be. */
export function remoteUri(file: string): string {
  return `vscode-remote://${new URL(SERVER_URL()).host}${file}`;
}

/** Where screenshots go (artifacts/e2e, gitignored). */
export function artifactPath(name: string): string {
  const directory = setting('FLAGLENS_E2E_ARTIFACTS');
  fs.mkdirSync(directory, { recursive: true });
  return path.join(directory, name);
}
