/** Something progress text can be written to (process.stderr by default). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * A one-line progress bar: label, bar, percent, items per second, ETA. Redrawn with "\r" at most
 * every `intervalMs`; `done()` prints the final line and a newline. Silent when not enabled.
 */
export class ProgressBar {
  private readonly t0 = Date.now();
  private last = 0;
  private current = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly stream: ProgressStream | null,
    private readonly unit = "runs",
    private readonly intervalMs = 200,
  ) {}

  /** Whether to show progress: when asked (true/false), else when stderr is a terminal. */
  static enabled(option: boolean | undefined, stream: ProgressStream = process.stderr): boolean {
    return option ?? stream.isTTY === true;
  }

  /** Sets the number of items done; redraws if due. */
  update(done: number): void {
    this.current = done;
    if (!this.stream) return;
    const now = Date.now();
    if (now - this.last < this.intervalMs && done < this.total) return;
    this.last = now;
    this.stream.write(`\r${this.line(now)}`);
  }

  /** Final line. */
  done(): void {
    if (!this.stream) return;
    this.stream.write(`\r${this.line(Date.now())}\n`);
  }

  /** The text of the bar at time `now` (ms). */
  line(now: number): string {
    const frac = this.total > 0 ? Math.min(1, this.current / this.total) : 1;
    const width = 24;
    const filled = Math.round(frac * width);
    const elapsed = (now - this.t0) / 1000;
    const rate = elapsed > 0 ? this.current / elapsed : 0;
    const eta = rate > 0 ? (this.total - this.current) / rate : NaN;
    return `${this.label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${(frac * 100).toFixed(1).padStart(5)}%  ${this.current}/${this.total} ${this.unit}  ${rate.toFixed(0)} ${this.unit}/s  ETA ${formatSeconds(eta)}  `;
  }
}

/** "1m05s", "12s", "--" for an unknown time. */
export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return "--";
  const r = Math.max(0, Math.round(s));
  return r >= 60 ? `${Math.floor(r / 60)}m${String(r % 60).padStart(2, "0")}s` : `${r}s`;
}
