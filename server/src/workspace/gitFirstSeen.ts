// When each flag key first appeared in the code, from git, for the age of a flag whose backend gives no
// creation date. One `git log -G` pass covers every key of interest: a `git log -S` per key walks the
// history once per flag, which on a large repository is minutes. The pass is bounded: at most
// `maxKeys` keys (the pattern git matches every added line against grows with them) and a deadline,
// after which git is stopped and no date is given, since a partial newest-first walk would give dates
// that are too recent.

import { spawn } from 'node:child_process';

/** The first-seen dates found, by key, and why there are none when git could not answer. */
export interface GitFirstSeen {
  /** ISO date of the oldest commit that added a line quoting the key. */
  dates: Map<string, string>;
  problem?: string;
}

/** Bounds of one pass. */
export interface GitFirstSeenOptions {
  timeoutMs?: number;
  maxKeys?: number;
}

/** The problem given when `root` is in no git repository. */
export const NOT_A_GIT_REPOSITORY = 'not a git repository';

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_KEYS = 200;
// A key inside quotes of any kind, as a check or a key constant writes it.
const QUOTE = '["\'`]';

/** The oldest commit under `root` that added each key in quotes, from one bounded `git log -G` pass. */
export async function gitFirstSeen(root: string, keys: readonly string[], options: GitFirstSeenOptions = {}): Promise<GitFirstSeen> {
  const wanted = [...new Set(keys)].sort().slice(0, options.maxKeys ?? DEFAULT_MAX_KEYS);
  if (wanted.length === 0) return { dates: new Map() };
  const shallow = await runGit(root, ['rev-parse', '--is-shallow-repository'], 5_000);
  if (shallow.code !== 0) return { dates: new Map(), problem: NOT_A_GIT_REPOSITORY };
  // In a shallow clone every file is added by its oldest commit, which would make every flag young.
  if (shallow.output.trim() === 'true') return { dates: new Map(), problem: 'a shallow clone: its history is cut short' };

  const alternatives = wanted.map(escapeExtendedRegex).join('|');
  const keyInQuotes = new RegExp(`${QUOTE}(${wanted.map(escapeJsRegex).join('|')})${QUOTE}`, 'g');
  const dates = new Map<string, string>();
  let commitDate: string | undefined;
  // git walks newest first, so the last date recorded for a key is its oldest.
  const onLine = (line: string): void => {
    if (line.startsWith('\0')) {
      commitDate = line.slice(1).trim();
    } else if (commitDate !== undefined && line.startsWith('+') && !line.startsWith('+++')) {
      for (const match of line.matchAll(keyInQuotes)) dates.set(match[1], commitDate);
    }
  };
  const args = ['log', '--format=%x00%aI', '-p', '--unified=0', '--no-color', '--no-renames', '--no-ext-diff', `-G${QUOTE}(${alternatives})${QUOTE}`, '--', '.'];
  const result = await runGit(root, args, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, onLine);
  if (result.timedOut) return { dates: new Map(), problem: `git log took longer than ${Math.round((options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} s` };
  if (result.code !== 0) return { dates: new Map(), problem: 'git log failed' };
  return { dates };
}

interface GitResult {
  code: number | null;
  output: string;
  timedOut: boolean;
}

// Runs git, streaming its output line by line to `onLine` when given (a history's patch can be large),
// else collecting it; never rejects.
function runGit(cwd: string, args: readonly string[], timeoutMs: number, onLine?: (line: string) => void): Promise<GitResult> {
  return new Promise((resolve) => {
    let output = '';
    let pending = '';
    let timedOut = false;
    const started = Date.now();
    const child = spawn('git', [...args], { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
    }, timeoutMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (onLine === undefined) {
        output += chunk;
        return;
      }
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    });
    child.on('error', () => {
      clearTimeout(timer);
      resolve({ code: null, output, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (onLine !== undefined && pending !== '') onLine(pending);
      // On a busy machine git may close before the timer's turn comes: a pass that ends past its deadline is late all the same.
      resolve({ code, output, timedOut: timedOut || Date.now() - started >= timeoutMs });
    });
  });
}

function escapeExtendedRegex(text: string): string {
  return text.replace(/[.[\]()*+?{}|^$\\]/g, '\\$&');
}

function escapeJsRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** How long the language server gathers asked keys before one git pass answers them all. */
const LAZY_BATCH_MS = 500;

/**
 * First-seen dates for the language server, asked of git only when a verdict needs one: `lookup` answers
 * from what earlier passes found and queues a key it has not asked yet; a pass runs for the queued keys
 * once a request's burst of lookups is over, and `found` is told when it dated any, so that views and
 * diagnostics are asked again. Each key is asked once: a key git cannot date stays undated.
 */
export class LazyGitFirstSeen {
  private readonly dates = new Map<string, string>();
  private readonly asked = new Set<string>();
  private queued: string[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(private readonly root: string, private readonly found: () => void, private readonly log: (message: string) => void) {}

  /** The key's date if a pass found it; queues the key when it was never asked. */
  readonly lookup = (key: string): string | undefined => {
    if (!this.asked.has(key)) {
      this.asked.add(key);
      this.queued.push(key);
      this.schedule();
    }
    return this.dates.get(key);
  };

  private schedule(): void {
    if (this.timer !== undefined || this.running) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.pass();
    }, LAZY_BATCH_MS);
    // A pending pass must not keep the process alive after the client has gone.
    this.timer.unref();
  }

  private async pass(): Promise<void> {
    const keys = this.queued;
    this.queued = [];
    this.running = true;
    const { dates, problem } = await gitFirstSeen(this.root, keys);
    this.running = false;
    if (problem !== undefined && problem !== NOT_A_GIT_REPOSITORY) this.log(`flag ages from git: ${problem}`);
    for (const [key, date] of dates) this.dates.set(key, date);
    // Keys asked while git ran get their own pass.
    if (this.queued.length > 0) this.schedule();
    if (dates.size > 0) this.found();
  }
}
