// The seeded fuzz run over the scanner and the clean-up (inputs and checks in fuzzCases.ts). The inputs
// run in one worker thread, so an input that hangs is stopped (the worker is ended and started again
// after it) and reported instead of stopping the run. Each failing input is written to a JSON file with
// its seed and index; `--replay FILE` runs it again.
// Usage: npm run fuzz -- [--seed N] [--inputs N] [--time-limit S] [--input-limit S] [--out DIR] | --replay FILE
// Exit codes: 0 no failure, 1 a failure, 2 bad arguments.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { checkInput, fuzzInput, loadSeeds, type FuzzFailure, type FuzzInput, type FuzzOutcome } from './fuzzCases';

interface WorkerTask {
  seed: number;
  from: number;
  to: number;
}

type WorkerMessage = { kind: 'start'; index: number } | { kind: 'done'; index: number; outcome: FuzzOutcome };

interface Figures {
  inputs: number;
  parsed: number;
  withChecks: number;
  cleanups: number;
  rewritten: number;
  failures: Record<string, number>;
  slowest: { index: number; milliseconds: number };
}

function runWorker(): void {
  const task = workerData as WorkerTask;
  const seeds = loadSeeds();
  // The first input would otherwise also pay for compiling the scanner and the clean-up, and could be cut off for it.
  checkInput({ ...fuzzInput(seeds, task.seed, task.from), text: seeds[0].text, original: seeds[0].text });
  for (let index = task.from; index < task.to; index++) {
    parentPort?.postMessage({ kind: 'start', index } satisfies WorkerMessage);
    parentPort?.postMessage({ kind: 'done', index, outcome: checkInput(fuzzInput(seeds, task.seed, index)) } satisfies WorkerMessage);
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      inputs: { type: 'string', default: '10000' },
      'time-limit': { type: 'string' },
      'input-limit': { type: 'string', default: '60' },
      out: { type: 'string', default: path.join(os.tmpdir(), 'flaglens-fuzz') },
      replay: { type: 'string' },
    },
  });
  if (values.replay !== undefined) return replay(values.replay);
  const seed = Number(values.seed);
  const inputs = Number(values.inputs);
  const timeLimit = values['time-limit'] === undefined ? Infinity : Number(values['time-limit']) * 1000;
  const inputLimit = Number(values['input-limit']) * 1000;
  if (![seed, inputs, timeLimit, inputLimit].every((value) => value >= 0) || !Number.isInteger(seed) || !Number.isInteger(inputs)) {
    process.stderr.write('usage: npm run fuzz -- [--seed N] [--inputs N] [--time-limit S] [--input-limit S] [--out DIR] | --replay FILE\n');
    return 2;
  }
  const started = performance.now();
  const seeds = loadSeeds();
  const figures: Figures = { inputs: 0, parsed: 0, withChecks: 0, cleanups: 0, rewritten: 0, failures: {}, slowest: { index: -1, milliseconds: 0 } };
  const failed: string[] = [];
  const record = (index: number, failures: readonly FuzzFailure[]): void => {
    if (failures.length === 0) return;
    for (const failure of failures) figures.failures[failure.kind] = (figures.failures[failure.kind] ?? 0) + 1;
    fs.mkdirSync(values.out, { recursive: true });
    const file = path.join(values.out, `seed-${seed}-input-${index}.json`);
    fs.writeFileSync(file, `${JSON.stringify({ ...fuzzInput(seeds, seed, index), failures }, null, 2)}\n`);
    failed.push(file);
    process.stderr.write(`fuzz: input ${index} (seed ${seed}): ${failures.map((failure) => failure.kind).join(', ')}: ${file}\n`);
  };

  const { stoppedByTime } = await runInputs({ seed, from: 0, to: inputs }, { inputLimit, deadline: started + timeLimit }, (index, outcome) => {
    figures.inputs++;
    if (outcome === 'hang') {
      record(index, [{ kind: 'hang', detail: `stopped after ${inputLimit / 1000} s` }]);
      return;
    }
    if (outcome.parsed) figures.parsed++;
    if (outcome.checks > 0) figures.withChecks++;
    figures.cleanups += outcome.cleanups;
    figures.rewritten += outcome.rewritten;
    if (outcome.milliseconds > figures.slowest.milliseconds) figures.slowest = { index, milliseconds: Math.round(outcome.milliseconds) };
    record(index, outcome.failures);
  });
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const failures = Object.entries(figures.failures).map(([kind, count]) => `${count} ${kind}`).join(', ') || 'none';
  process.stdout.write([
    `fuzz: seed ${seed}, ${figures.inputs} inputs in ${seconds} s${stoppedByTime ? ` (stopped by --time-limit before ${inputs})` : ''}`,
    `  ${figures.parsed} parsed, ${figures.withChecks} with flag checks; ${figures.cleanups} clean-ups, ${figures.rewritten} rewrote the file`,
    `  slowest input: ${figures.slowest.index} (${figures.slowest.milliseconds} ms)`,
    `  failures: ${failures}${failed.length > 0 ? ` (inputs in ${values.out})` : ''}`,
    '',
  ].join('\n'));
  return failed.length > 0 ? 1 : 0;
}

/**
 * Runs inputs [from, to) in a worker. An input that runs past `inputLimit` ends the worker, and a new one
 * goes on after it; past `deadline` the run stops where it is.
 */
async function runInputs(task: WorkerTask, limits: { inputLimit: number; deadline: number }, done: (index: number, outcome: FuzzOutcome | 'hang') => void): Promise<{ stoppedByTime: boolean }> {
  let from = task.from;
  while (from < task.to) {
    const next = await new Promise<number | 'deadline'>((resolve, reject) => {
      // Node 20 does not carry `--import tsx` into a worker; the worker registers it for itself.
      const worker = new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(__filename)});`, { eval: true, workerData: { ...task, from } });
      let timer: NodeJS.Timeout | undefined;
      let stopped = false;
      const stop = (then: number | 'deadline'): void => {
        stopped = true;
        clearTimeout(timer);
        void worker.terminate().then(() => resolve(then));
      };
      worker.on('message', (message: WorkerMessage) => {
        if (stopped) return;
        clearTimeout(timer);
        if (message.kind === 'done') {
          done(message.index, message.outcome);
          if (performance.now() > limits.deadline && message.index + 1 < task.to) stop('deadline');
          return;
        }
        timer = setTimeout(() => {
          done(message.index, 'hang');
          stop(message.index + 1);
        }, limits.inputLimit);
      });
      worker.on('error', reject);
      // Ended by itself: every input ran.
      worker.on('exit', () => {
        if (!stopped) resolve(task.to);
      });
    });
    if (next === 'deadline') return { stoppedByTime: true };
    from = next;
  }
  return { stoppedByTime: false };
}

function replay(file: string): number {
  const input = JSON.parse(fs.readFileSync(file, 'utf8')) as FuzzInput;
  const outcome = checkInput(input);
  process.stdout.write(`input ${input.index} of seed ${input.seed} (${input.mutations.join(', ')}): ${Math.round(outcome.milliseconds)} ms\n`);
  for (const failure of outcome.failures) process.stdout.write(`${failure.kind}: ${failure.detail}\n`);
  if (outcome.failures.length === 0) process.stdout.write('no failure\n');
  return outcome.failures.length > 0 ? 1 : 0;
}

if (isMainThread) {
  void main().then((code) => {
    process.exitCode = code;
  });
} else {
  runWorker();
}
