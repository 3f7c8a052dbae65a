// Work-done progress while the workspace folders are first indexed: one progress for all folders,
// reported at most once per percent so that a large workspace does not flood the client.

import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';

/** Progress of the first index of every folder; does nothing when the client cannot show progress. */
export class IndexingProgress {
  private readonly reporter: Promise<WorkDoneProgressServerReporter | undefined>;
  private readonly counts = new Map<string, { done: number; total: number }>();
  private lastPercent = -1;

  constructor(connection: Connection, clientSupportsProgress: boolean, log: (message: string) => void) {
    this.reporter = clientSupportsProgress
      ? connection.window.createWorkDoneProgress().then(
        (reporter) => {
          reporter.begin('FlagLens', 0, 'Indexing flag checks', false);
          return reporter;
        },
        (error: unknown) => {
          log(`The client refused a progress report: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        },
      )
      : Promise.resolve(undefined);
  }

  /** A callback for one folder's `indexAll`. */
  forFolder(name: string): (done: number, total: number) => void {
    return (done, total) => {
      this.counts.set(name, { done, total });
      let allDone = 0;
      let allTotal = 0;
      for (const count of this.counts.values()) {
        allDone += count.done;
        allTotal += count.total;
      }
      const percent = allTotal === 0 ? 100 : Math.floor((allDone / allTotal) * 100);
      if (percent === this.lastPercent) return;
      this.lastPercent = percent;
      void this.reporter.then((reporter) => reporter?.report(percent, `${allDone}/${allTotal} files`));
    };
  }

  /** End the progress. */
  done(): void {
    void this.reporter.then((reporter) => reporter?.done());
  }
}
