// The entry of server.js and cli.js: runs the bundle beside it (server-main.js, cli-main.js) with a V8
// code cache, so that every start after the first skips compiling 11 MB of JavaScript. On this machine
// compiling and first running the CLI bundle took 190-200 ms, and 50 ms with the cache.
//
// The cache is a file in a directory only the user can write (the extension's storage, or the user's
// cache directory), named after the bundle's content hash, the Node version and the architecture; V8
// checks it again and rejects what does not fit this script. Without a cache directory, or when
// anything about the cache fails, the bundle is loaded as a plain module.

import * as fs from 'node:fs';
import { createRequire, Module } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { userCacheDirectory } from '../workspace/userCache';

// Written in by esbuild.mjs: the bundle to run, and the hash of its content ('' while watching: no cache).
declare const FLAGLENS_MAIN: string;
declare const FLAGLENS_MAIN_HASH: string;

// The server writes its cache this long after it started (by then it has indexed), or when it exits.
const SERVER_SAVE_DELAY_MS = 30_000;

const main = path.join(__dirname, FLAGLENS_MAIN);
const directory = FLAGLENS_MAIN_HASH === '' ? undefined : cacheDirectory();
if (directory === undefined || !runCached(main, directory)) createRequire(__filename)(main);

/** `FLAGLENS_CODE_CACHE` (a directory, or `off`), else a `flaglens/code-cache` folder in the user's cache directory. */
function cacheDirectory(): string | undefined {
  const configured = process.env.FLAGLENS_CODE_CACHE;
  if (configured === 'off') return undefined;
  if (configured !== undefined && configured !== '') return configured;
  const base = userCacheDirectory();
  return base === undefined ? undefined : path.join(base, 'code-cache');
}

/** Compile and run `file` as a CommonJS module with the cache in `directory`; false when it could not be compiled so. */
function runCached(file: string, directory: string): boolean {
  const cacheFile = path.join(directory, `${path.basename(file, '.js')}-${FLAGLENS_MAIN_HASH}-${process.version}-${process.arch}.bin`);
  let script: vm.Script;
  let cachedData: Buffer | undefined;
  try {
    if (!isPrivate(directory)) return false;
    cachedData = readIfPresent(cacheFile);
    script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  } catch {
    return false;
  }
  if (cachedData === undefined || script.cachedDataRejected === true) saveLater(script, cacheFile);
  const mainModule = { exports: {}, filename: file, id: '.', loaded: false, children: [], paths: [] };
  // Outside the try: an error of the program itself is the program's, as under a plain `require`.
  (script.runInThisContext() as (...args: unknown[]) => void)(mainModule.exports, createRequire(file), mainModule, file, path.dirname(file));
  return true;
}

/**
 * True when only this user can write in `directory` (created so when missing): cached code from a folder
 * that others can write to would run as this user. Windows keeps a profile's folders private itself.
 */
function isPrivate(directory: string): boolean {
  fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32' || process.getuid === undefined) return true;
  const stats = fs.statSync(directory);
  return stats.uid === process.getuid() && (stats.mode & 0o022) === 0;
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Caches of other builds of the same bundle (an update, another Node): each is megabytes, and never read again. */
function removeOtherVersions(cacheFile: string): void {
  const directory = path.dirname(cacheFile);
  const prefix = `${path.basename(cacheFile).split('-')[0]}-`;
  for (const name of fs.readdirSync(directory)) {
    if (name.startsWith(prefix) && name.endsWith('.bin') && name !== path.basename(cacheFile)) fs.rmSync(path.join(directory, name), { force: true });
  }
}

/**
 * Write the cache once the program has run for a while, so that it holds the functions it compiled: at
 * exit (the CLI), or after SERVER_SAVE_DELAY_MS (the server, which may never exit cleanly).
 */
function saveLater(script: vm.Script, cacheFile: string): void {
  let saved = false;
  const save = (): void => {
    if (saved) return;
    saved = true;
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
      // A rename, so that a start never reads half a file.
      fs.renameSync(temporary, cacheFile);
      removeOtherVersions(cacheFile);
    } catch {
      // A cache that cannot be written only costs the next start its head start.
      fs.rmSync(temporary, { force: true });
    }
  };
  process.once('exit', save);
  setTimeout(save, SERVER_SAVE_DELAY_MS).unref();
}
