import { Migration } from '@mikro-orm/migrations';

export class Migration20261203175615_notifications extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notification" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "recipient_id" uuid not null, "kind" varchar(255) not null, "title" varchar(255) not null, "body" text not null, "link" varchar(255) null, "read_at" timestamptz null, "email_state" text check ("email_state" in ('PENDING', 'SENT', 'FAILED', 'SKIPPED')) not null default 'PENDING', "email_attempts" int not null default 0, "email_next_attempt_at" timestamptz null, "email_sent_at" timestamptz null, "email_error" text null, constraint "notification_pkey" primary key ("id"));`);
    this.addSql(`create index "notification_email_due_index" on "notification" ("email_next_attempt_at") where "email_state" = 'PENDING';`);
    this.addSql(`create index "notification_recipient_index" on "notification" ("recipient_id", "created_at");`);

    this.addSql(`alter table "notification" add constraint "notification_recipient_id_foreign" foreign key ("recipient_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "app_user" add column "email_notifications" boolean not null default true;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(`alter table "app_user" drop column "email_notifications";`);
  }

}
