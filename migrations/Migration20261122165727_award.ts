import { Migration } from '@mikro-orm/migrations';

export class Migration20261122165727_award extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "award_result" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "pemda_id" uuid not null, "period" varchar(255) not null, "version" int not null, "status" text check ("status" in ('DRAFT', 'PUBLISHED')) not null, "published_at" timestamptz null, "snapshot" jsonb not null, constraint "award_result_pkey" primary key ("id"));`);
    this.addSql(`create index "award_result_published_index" on "award_result" ("pemda_id", "status", "published_at");`);
    this.addSql(`alter table "award_result" add constraint "award_result_version_unique" unique ("pemda_id", "period", "version");`);

    // A published award is final: later corrections make a new version, never a changed one.
    this.addSql(`create or replace function award_result_frozen() returns trigger language plpgsql as $$
      begin
        if old.status = 'PUBLISHED' then raise exception 'award_result % is published and cannot change', old.id using errcode = 'insufficient_privilege'; end if;
        return case when tg_op = 'DELETE' then old else new end;
      end $$;`);
    this.addSql(`create trigger award_result_frozen before update or delete on "award_result" for each row execute function award_result_frozen();`);
    this.addSql(`alter table "award_result" add constraint "award_result_pemda_id_foreign" foreign key ("pemda_id") references "pemda" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "award_result" cascade;`);
    this.addSql(`drop function if exists award_result_frozen();`);
  }

}
