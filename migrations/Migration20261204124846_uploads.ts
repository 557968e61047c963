import { Migration } from '@mikro-orm/migrations';

export class Migration20261204124846_uploads extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "upload" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "pemda_id" uuid not null, "uploaded_by_id" uuid not null, "kind" text check ("kind" in ('PRODUCT_PHOTO', 'RECEIPT', 'LEGAL_DOCUMENT')) not null, "content_type" varchar(40) not null, "bytes" int not null, "sha256" varchar(64) not null, "width" int null, "height" int null, constraint "upload_pkey" primary key ("id"));`);
    this.addSql(`create index "upload_sha256_index" on "upload" ("sha256");`);

    this.addSql(`alter table "upload" add constraint "upload_pemda_id_foreign" foreign key ("pemda_id") references "pemda" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "upload" add constraint "upload_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "upload" cascade;`);
  }

}
