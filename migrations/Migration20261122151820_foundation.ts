import { Migration } from '@mikro-orm/migrations';

export class Migration20261122151820_foundation extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "pemda" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(255) not null, "kind" text check ("kind" in ('KOTA', 'KABUPATEN')) not null, "province" varchar(255) not null, "kemendagri_code" varchar(255) not null, "time_zone" varchar(255) not null, "local_spend_target_percent" numeric(5,2) not null default 40, "catalogue_spend_target" bigint not null default 0, "listed_products_target" int not null default 0, constraint "pemda_pkey" primary key ("id"));`);
    this.addSql(`alter table "pemda" add constraint "pemda_kemendagri_code_unique" unique ("kemendagri_code");`);

    this.addSql(`create table "opd" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "pemda_id" uuid not null, "code" varchar(255) not null, "name" varchar(255) not null, "short_name" varchar(255) not null, "active" boolean not null default true, constraint "opd_pkey" primary key ("id"));`);
    this.addSql(`alter table "opd" add constraint "opd_pemda_id_code_unique" unique ("pemda_id", "code");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "email" varchar(255) not null, "password_hash" varchar(255) not null, "full_name" varchar(255) not null, "role" text check ("role" in ('PLATFORM_ADMIN', 'BPBJ', 'PP', 'PPK', 'VENDOR', 'ASN')) not null, "pemda_id" uuid null, "opd_id" uuid null, "active" boolean not null default true, "last_login_at" timestamptz null, constraint "app_user_pkey" primary key ("id"), constraint app_user_email_lowercase_check check (email = lower(email)), constraint app_user_scope_check check ((role = 'PLATFORM_ADMIN' and pemda_id is null and opd_id is null) or (role = 'BPBJ' and pemda_id is not null and opd_id is null) or (role = any (array['PP', 'PPK', 'ASN']) and pemda_id is not null and opd_id is not null) or (role = 'VENDOR' and opd_id is null)));`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);
    this.addSql(`create index "app_user_pemda_id_index" on "app_user" ("pemda_id");`);
    this.addSql(`create index "app_user_opd_id_index" on "app_user" ("opd_id");`);

    this.addSql(`alter table "opd" add constraint "opd_pemda_id_foreign" foreign key ("pemda_id") references "pemda" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "app_user" add constraint "app_user_pemda_id_foreign" foreign key ("pemda_id") references "pemda" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "app_user" add constraint "app_user_opd_id_foreign" foreign key ("opd_id") references "opd" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "opd" drop constraint "opd_pemda_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_pemda_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_opd_id_foreign";`);

    this.addSql(`drop table if exists "pemda" cascade;`);

    this.addSql(`drop table if exists "opd" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);
  }

}
