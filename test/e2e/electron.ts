// Runs the extension-host suite in the desktop VS Code through @vscode/test-electron (`npm run test:electron`).
// It downloads VS Code, so it needs a display and internet access: it cannot run on machines that reach
// only package registries; there `npm run test:e2e` runs the same suite in code-server instead.
// FLAGLENS_VSCODE_VERSION picks the version; the default is the oldest that package.json's engines allow.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<void> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-electron-'));
  fs.cpSync(path.join(REPO_ROOT, 'examples', 'demo'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.FLAGLENS_VSCODE_VERSION ?? '1.91.0',
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
