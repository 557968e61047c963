import { Migration } from '@mikro-orm/migrations';

export class Migration20261203175947_job_schedule extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "job_schedule" ("name" varchar(255) not null, "next_run_at" timestamptz not null, "last_started_at" timestamptz null, "last_finished_at" timestamptz null, "last_error" text null, "last_run_by" varchar(255) null, "runs" int not null default 0, "failures" int not null default 0, constraint "job_schedule_pkey" primary key ("name"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "job_schedule" cascade;`);
  }

}
