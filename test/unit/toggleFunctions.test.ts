// A team's toggles given out as functions (`export function passkeysEnabled(): boolean { return process.env.PASSKEYS ===
// "1"; }`): several declared to give a boolean in a module of the app's settings, or one in a module of flags, make each an environment switch of its variable, called
// where the feature is gated. Scanned as the index does: declarations with the presets, then the reads.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mayDeclareSettingsFlags } from '../../server/src/analysis/prefilter';
import type { FileScan } from '../../server/src/analysis/scan';
import { scanWithSwitches } from './switch-builders';

const scanWorkspace = (files: Record<string, string>): Map<string, FileScan> => scanWithSwitches(files);

/** `key <- read as written` of each check of `file`, each an environment switch's. */
function readsIn(files: Record<string, string>, file: string): string[] {
  return (scanWorkspace(files).get(file)?.checks ?? []).map((check) => {
    assert.equal(check.environmentSwitch, true);
    assert.equal(check.setInCode, undefined);
    return `${check.key} <- ${files[file].slice(check.callSpan.start, check.callSpan.end)}`;
  });
}

const CONFIG = `export function getApiBaseUrl(): string {
  return process.env.API_BASE_URL;
}
export function passkeysEnabled(): boolean {
  return process.env.PASSKEYS === "1";
}
export const supportGlobalLogout = (): boolean => process.env.SUPPORT_GLOBAL_LOGOUT === 'true';
export function supportSearchableList(): boolean {
  return process.env.SUPPORT_SEARCHABLE_LIST === "1";
}
export function googleAnalytics4Enabled(): boolean {
  return process.env.GA4_ENABLED === "true";
}
export function isProduction(): boolean {
  return process.env.APP_ENV === "production";
}
export function supportFor(service: string): boolean {
  return process.env[service] === "1";
}
function localOnly(): boolean {
  return process.env.LOCAL_ONLY === "1";
}
export const sessionExpiry = Number(process.env.SESSION_EXPIRY);
`;

const APP = `import { passkeysEnabled, supportGlobalLogout, supportSearchableList, googleAnalytics4Enabled, isProduction, supportFor, getApiBaseUrl } from './config';
import * as config from './config';
export function routes(app) {
  if (passkeysEnabled()) app.use('/passkeys');
  const model = { logout: supportGlobalLogout(), list: config.supportSearchableList(), ga: googleAnalytics4Enabled(), prod: isProduction() };
  return [model, supportFor('X'), getApiBaseUrl(), supportSearchableList];
}
`;

describe('toggle functions: an environment variable given as a boolean by a function', () => {
  it('in a module of several, each exported one is a switch of its variable, whatever its words; analytics, other values, arguments and private ones are not', () => {
    assert.deepEqual(readsIn({ '/ws/src/config.ts': CONFIG, '/ws/src/app.ts': APP }, '/ws/src/app.ts'), [
      'PASSKEYS <- passkeysEnabled',
      'SUPPORT_GLOBAL_LOGOUT <- supportGlobalLogout',
      'SUPPORT_SEARCHABLE_LIST <- config.supportSearchableList',
      'SUPPORT_SEARCHABLE_LIST <- supportSearchableList',
    ]);
    const evidence = scanWorkspace({ '/ws/src/config.ts': CONFIG, '/ws/src/app.ts': APP }).get('/ws/src/app.ts')?.checks[0].evidence;
    assert.equal(evidence, '`passkeysEnabled`, imported from ./config, is an environment switch, set from the environment variable PASSKEYS (config.ts:4)');
    // The declarations set the switches; they read none.
    assert.deepEqual(readsIn({ '/ws/src/config.ts': CONFIG, '/ws/src/app.ts': APP }, '/ws/src/config.ts'), []);
  });

  it("a module of settings' constants made functions, not declared to give a boolean, has none", () => {
    const constants = `export const IS_BILLING_ENABLED = () => env('NEXT_PUBLIC_FEATURE_BILLING_ENABLED') === 'true';
export const IS_CLOUD = () => env('NEXT_PUBLIC_IS_CLOUD') === 'true';
export const USE_PLAYWRIGHT_PDF = () => env('NEXT_PRIVATE_USE_PLAYWRIGHT_PDF') === 'true';
export const WEBAPP_URL = () => env('NEXT_PUBLIC_WEBAPP_URL') ?? 'http://localhost:3000';
`;
    const app = `import { IS_BILLING_ENABLED, IS_CLOUD, USE_PLAYWRIGHT_PDF } from './constants/app';\nexport const on = [IS_BILLING_ENABLED(), IS_CLOUD(), USE_PLAYWRIGHT_PDF()];\n`;
    assert.deepEqual(readsIn({ '/ws/src/constants/app.ts': constants, '/ws/src/app.ts': app }, '/ws/src/app.ts'), []);
  });

  it('two in a module of settings are not enough; one in a module of flags is, keyed by its variable rather than set in code', () => {
    const two = `export function passkeysEnabled(): boolean {\n  return process.env.PASSKEYS === "1";\n}\nexport const useSsl = () => process.env.USE_SSL === "true";\nexport const port = Number(process.env.PORT);\n`;
    const app = `import { passkeysEnabled, useSsl } from './config';\nexport const on = [passkeysEnabled(), useSsl()];\n`;
    assert.deepEqual(readsIn({ '/ws/src/config.ts': two, '/ws/src/app.ts': app }, '/ws/src/app.ts'), []);
    const flags = `export function passkeysEnabled(): boolean {\n  return process.env.PASSKEYS === "1";\n}\n`;
    const fromFlags = `import { passkeysEnabled } from './feature-flags';\nexport const on = passkeysEnabled();\n`;
    assert.deepEqual(readsIn({ '/ws/src/feature-flags.ts': flags, '/ws/src/app.ts': fromFlags }, '/ws/src/app.ts'), ['PASSKEYS <- passkeysEnabled']);
  });

  it("only a module named for the app's settings is asked, and the prefilter lets it through", () => {
    const app = APP.replaceAll("'./config'", "'./helpers'");
    assert.deepEqual(readsIn({ '/ws/src/helpers.ts': CONFIG, '/ws/src/app.ts': app }, '/ws/src/app.ts'), []);
    assert.deepEqual(['/ws/src/config.ts', '/ws/src/app.config.ts', '/ws/src/appSettings.ts', '/ws/src/lib/env.ts', '/ws/src/features.ts', '/ws/src/config.test.ts', '/ws/src/helpers.ts', '/ws/src/reconfig.ts'].filter((name) => mayDeclareSettingsFlags(name, CONFIG)),
      ['/ws/src/config.ts', '/ws/src/app.config.ts', '/ws/src/appSettings.ts', '/ws/src/lib/env.ts', '/ws/src/features.ts']);
    assert.equal(mayDeclareSettingsFlags('/ws/src/config.ts', 'export const port = Number(process.env.PORT);\n'), false);
  });
});
