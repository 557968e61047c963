import { Migration } from '@mikro-orm/migrations';

export class Migration20261204144435_vendor_documents extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "vendor_document" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "vendor_id" uuid not null, "kind" text check ("kind" in ('NIB', 'NPWP')) not null, "upload_id" uuid not null, "attached_by_id" uuid not null, constraint "vendor_document_pkey" primary key ("id"));`);
    this.addSql(`create index "vendor_document_vendor_id_kind_created_at_index" on "vendor_document" ("vendor_id", "kind", "created_at");`);

    this.addSql(`alter table "vendor_document" add constraint "vendor_document_vendor_id_foreign" foreign key ("vendor_id") references "vendor" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "vendor_document" add constraint "vendor_document_upload_id_foreign" foreign key ("upload_id") references "upload" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "vendor_document" add constraint "vendor_document_attached_by_id_foreign" foreign key ("attached_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "vendor_document" cascade;`);
  }

}
