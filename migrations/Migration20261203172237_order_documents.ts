import { Migration } from '@mikro-orm/migrations';

export class Migration20261203172237_order_documents extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "document_counter" ("pemda_id" uuid not null, "kind" varchar(255) not null, "year" int not null, "last" int not null, constraint "document_counter_pkey" primary key ("pemda_id", "kind", "year"));`);

    this.addSql(`create table "order_document" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "pemda_id" uuid not null, "order_id" uuid not null, "kind" text check ("kind" in ('SURAT_PESANAN', 'BAST')) not null, "number" varchar(255) not null, "year" int not null, "sequence" int not null, "issued_at" timestamptz not null, "issued_by_id" uuid not null, "signed_by_id" uuid not null, "sha256" varchar(64) not null, "content" bytea not null, "replaces_number" varchar(255) null, "reason" text null, constraint "order_document_pkey" primary key ("id"));`);
    this.addSql(`create index "order_document_order_id_index" on "order_document" ("order_id");`);
    this.addSql(`alter table "order_document" add constraint "order_document_sequence_unique" unique ("pemda_id", "kind", "year", "sequence");`);
    this.addSql(`alter table "order_document" add constraint "order_document_number_unique" unique ("pemda_id", "number");`);

    this.addSql(`alter table "order_document" add constraint "order_document_pemda_id_foreign" foreign key ("pemda_id") references "pemda" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "order_document" add constraint "order_document_order_id_foreign" foreign key ("order_id") references "purchase_order" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "order_document" add constraint "order_document_issued_by_id_foreign" foreign key ("issued_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "order_document" add constraint "order_document_signed_by_id_foreign" foreign key ("signed_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "pemda" add column "document_number_pattern" varchar(255) not null default '{JENIS}/{NOMOR}/{OPD}/{TAHUN}';`);

    // An issued document is on record as issued: no statement rewrites or removes it, whatever path it comes by.
    this.addSql(`create or replace function order_document_immutable() returns trigger language plpgsql as $$
      begin raise exception 'order_document is issued once: % refused', tg_op using errcode = 'insufficient_privilege'; end $$;`);
    this.addSql(`create trigger order_document_immutable before update or delete on "order_document" for each row execute function order_document_immutable();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists order_document_immutable() cascade;`);
    this.addSql(`drop table if exists "document_counter" cascade;`);

    this.addSql(`drop table if exists "order_document" cascade;`);

    this.addSql(`alter table "pemda" drop column "document_number_pattern";`);
  }

}
