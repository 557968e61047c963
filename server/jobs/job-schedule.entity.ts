import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One row per recurring job, shared by every process on the database: a process runs a job only by moving its
 * `next_run_at` forward in one statement, so each period's run is claimed by exactly one process.
 */
@Entity({ tableName: 'job_schedule' })
export class JobSchedule {
  @PrimaryKey()
  name!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  nextRunAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastStartedAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastFinishedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ nullable: true })
  lastRunBy?: string | null;

  @Property({ default: 0 })
  runs: number = 0;

  @Property({ default: 0 })
  failures: number = 0;
}
