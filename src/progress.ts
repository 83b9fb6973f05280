/**
 * Progress on a terminal (the CLI's, not the API's): the stage of a run and, where it is counted,
 * a bar with done / total (cli-progress), shown only once a run has taken about a second, so short
 * runs print nothing extra. The CLI creates one only when stderr is a TTY and neither
 * `--format json` nor `--quiet` is given.
 *
 * @module
 */

import type { SingleBar } from 'cli-progress';

/** What a stage reports: its name and, when counted, how many of how many items are done. */
export type ProgressReport = (stage: string, done?: number, total?: number) => void;

/** Where the line is drawn: a terminal stream, or what stands for one (tests). */
export interface ProgressStream {
  write(text: string): boolean | void;
  /** Width of the terminal in columns (default 80). */
  columns?: number;
}

/** Words for the stages the pipeline reports. */
const STAGE_WORDS: Readonly<Record<string, string>> = {
  parse: 'reading docs',
  resolve: 'resolving models',
  emit: 'emitting files',
  format: 'formatting files',
  write: 'writing files',
};

/**
 * A progress line for one run: `report` as the pipeline's `onProgress`; `stop` clears the line
 * before the run prints its result.
 */
export class ProgressLine {
  private stage = '';
  private done = 0;
  private total = 0;
  private bar: SingleBar | null = null;
  private readonly timer: NodeJS.Timeout;
  private stopped = false;

  /**
   * @param stream the terminal (stderr)
   * @param delayMs how long a run goes before the line appears (default about a second)
   */
  constructor(
    private readonly stream: ProgressStream,
    delayMs = 1000,
  ) {
    this.due = Date.now() + delayMs;
    this.timer = setTimeout(() => this.start(), delayMs);
    this.timer.unref();
  }

  private readonly due: number;
  private starting = false;

  /** Draw the line from now on (once); a line that cannot be drawn is no reason to fail the run. */
  private start(): void {
    if (this.starting || this.stopped) return;
    this.starting = true;
    void this.show().catch(() => this.stop());
  }

  /** The pipeline's `onProgress`: a new stage, or the count of the current one. */
  readonly report: ProgressReport = (stage, done, total) => {
    this.stage = STAGE_WORDS[stage] ?? stage;
    this.done = done ?? 0;
    this.total = total ?? 0;
    // A run that does not let the timer fire (long synchronous stretches) starts the line here.
    if (!this.starting && Date.now() >= this.due) this.start();
    if (this.bar) {
      this.bar.setTotal(this.total);
      this.bar.update(this.done, { stage: this.stage });
    }
  };

  private async show(): Promise<void> {
    // A CommonJS module: its exports are `default` when bundled.
    const loaded = await import('cli-progress');
    const { SingleBar } = 'SingleBar' in loaded && loaded.SingleBar ? loaded : (loaded as unknown as { default: typeof loaded }).default;
    if (this.stopped) return;
    const terminal = Object.assign(Object.create(null) as object, {
      isTTY: true,
      columns: this.stream.columns ?? 80,
      write: (t: string) => this.stream.write(t),
    });
    this.bar = new SingleBar({
      stream: terminal as unknown as NodeJS.WritableStream,
      noTTYOutput: false,
      hideCursor: false,
      clearOnComplete: true,
      barsize: 24,
      fps: 10,
      format: (options, params, payload: { stage?: string }) => {
        const stage = `docs2ts: ${payload.stage ?? ''}`;
        if (params.total <= 0) return `${stage}…`;
        const filled = Math.round(params.progress * (options.barsize ?? 24));
        const bar = `${(options.barCompleteString ?? '').slice(0, filled)}${(options.barIncompleteString ?? '').slice(0, (options.barsize ?? 24) - filled)}`;
        return `${stage} ${bar} ${params.value}/${params.total}`;
      },
    });
    this.bar.start(this.total, this.done, { stage: this.stage });
  }

  /** Clear the line (it never appeared when the run was short). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.bar) {
      this.bar.stop();
      this.bar = null;
    }
  }
}
