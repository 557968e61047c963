import { Migration } from '@mikro-orm/migrations';

export class Migration20261123022052_request_limits extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "login_throttle" ("key" text not null, "failures" int not null, "last_failure_at" timestamptz not null, "blocked_until" timestamptz null, constraint "login_throttle_pkey" primary key ("key"));`);

    this.addSql(`create table "rate_limit" ("key" varchar(255) not null, "points" int not null default 0, "expire" bigint null, constraint "rate_limit_pkey" primary key ("key"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "login_throttle" cascade;`);

    this.addSql(`drop table if exists "rate_limit" cascade;`);
  }

}
