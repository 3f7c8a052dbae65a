// Long synchronous work in the server's thread (a listing, a pass over every file) broken into slices,
// between which the event loop runs: the editor's requests wait one slice at most.

/** Work in slices of `ms` milliseconds: check `due` between units of work, and `await pause()` when it is. */
export class TimeSlice {
  private end: number;

  constructor(private readonly ms: number) {
    this.end = performance.now() + ms;
  }

  get due(): boolean {
    return performance.now() >= this.end;
  }

  /** Let the event loop run, then start a new slice. */
  async pause(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.end = performance.now() + this.ms;
  }
}
