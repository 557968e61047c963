import { hostname } from 'node:os';
import type { EntityManager } from '@mikro-orm/postgresql';
import { jobRuns } from '../observability/metrics.js';

export interface RecurringJob {
  name: string;
  everyMs: number;
  /** The first run is due this long after the job's row is made (default: at once). */
  firstAfterMs?: number;
  /** Idempotent work (a sweep of what is due): a run lost with a dying process is simply the next period's work. */
  run(): Promise<string | void>;
}

/**
 * Runs recurring jobs once per period across every process on one database. Why not pg-boss or graphile-worker: both
 * need a pool of `pg` connections (and LISTEN), which the embedded database (PGlite, one connection in this process)
 * cannot give; this needs one table and one UPDATE, and works the same on both.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<string[]> | null = null;
  readonly processName = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

  constructor(
    private readonly em: () => EntityManager,
    private readonly jobs: RecurringJob[],
    private readonly now: () => Date,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** Makes sure every job has its row; the first run is due at once, or `firstAfterMs` later. */
  async register(): Promise<void> {
    for (const job of this.jobs) {
      const due = new Date(this.now().getTime() + (job.firstAfterMs ?? 0));
      await this.em().execute(`insert into job_schedule (name, next_run_at) values (?, ?) on conflict (name) do nothing`, [job.name, due]);
    }
  }

  /** Claims and runs the jobs that are due; returns the names this process ran. One tick at a time per process. */
  tick(): Promise<string[]> {
    this.ticking ??= this.runDue().finally(() => (this.ticking = null));
    return this.ticking;
  }

  private async runDue(): Promise<string[]> {
    const ran: string[] = [];
    for (const job of this.jobs) {
      const now = this.now();
      const claimed = await this.em().execute<{ name: string }[]>(
        `update job_schedule set next_run_at = ?, last_started_at = ?, last_run_by = ?, runs = runs + 1 where name = ? and next_run_at <= ? returning name`,
        [new Date(now.getTime() + job.everyMs), now, this.processName, job.name, now],
      );
      if (!claimed.length) continue;
      ran.push(job.name);
      try {
        const outcome = await job.run();
        if (outcome) this.log(`${job.name}: ${outcome}`);
        await this.em().execute(`update job_schedule set last_finished_at = ?, last_error = null where name = ?`, [this.now(), job.name]);
        jobRuns.inc({ job: job.name, outcome: 'ok' });
      } catch (error) {
        this.log(`${job.name} failed, will run again next period: ${(error as Error).message}`);
        jobRuns.inc({ job: job.name, outcome: 'failed' });
        await this.em().execute(`update job_schedule set last_finished_at = ?, last_error = ?, failures = failures + 1 where name = ?`, [this.now(), String((error as Error).message).slice(0, 500), job.name]);
      }
    }
    return ran;
  }

  start(everyMs = 1_000): void {
    this.timer = setInterval(() => void this.tick().catch((error) => this.log(`scheduler: ${(error as Error).message}`)), everyMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
  }
}
