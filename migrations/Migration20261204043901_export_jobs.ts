import { Migration } from '@mikro-orm/migrations';

export class Migration20261204043901_export_jobs extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "export_job" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "pemda_id" uuid not null, "requested_by_id" uuid not null, "kind" text check ("kind" in ('ORDERS')) not null, "params" jsonb not null, "status" text check ("status" in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')) not null default 'QUEUED', "attempts" int not null default 0, "lease_until" timestamptz null, "error" text null, "finished_at" timestamptz null, "filename" varchar(255) null, "content_type" varchar(255) null, "content" bytea null, constraint "export_job_pkey" primary key ("id"));`);
    this.addSql(`create index "export_job_due_index" on "export_job" ("created_at") where "status" in ('QUEUED', 'RUNNING');`);

    this.addSql(`alter table "export_job" add constraint "export_job_pemda_id_foreign" foreign key ("pemda_id") references "pemda" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "export_job" add constraint "export_job_requested_by_id_foreign" foreign key ("requested_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "export_job" cascade;`);
  }

}
