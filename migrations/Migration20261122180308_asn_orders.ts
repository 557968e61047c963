import { Migration } from '@mikro-orm/migrations';

export class Migration20261122180308_asn_orders extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "asn_order" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "pemda_id" uuid not null, "asn_id" uuid not null, "vendor_id" uuid not null, "status" text check ("status" in ('PLACED', 'COMPLETED', 'CANCELLED')) not null default 'PLACED', "lines" jsonb not null, "total" bigint not null, "completed_at" timestamptz null, "status_reason" text null, constraint "asn_order_pkey" primary key ("id"), constraint asn_order_total_check check (total > 0));`);
    this.addSql(`create index "asn_order_asn_id_index" on "asn_order" ("asn_id");`);
    this.addSql(`create index "asn_order_vendor_id_index" on "asn_order" ("vendor_id");`);

    this.addSql(`alter table "asn_order" add constraint "asn_order_pemda_id_foreign" foreign key ("pemda_id") references "pemda" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "asn_order" add constraint "asn_order_asn_id_foreign" foreign key ("asn_id") references "asn" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "asn_order" add constraint "asn_order_vendor_id_foreign" foreign key ("vendor_id") references "vendor" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "audit_log" drop constraint if exists "audit_log_subject_type_check";`);

    this.addSql(`alter table "audit_log" add constraint "audit_log_subject_type_check" check("subject_type" in ('VENDOR', 'PRODUCT', 'ORDER', 'ASN_ORDER'));`);

    this.addSql(`alter table "asn_purchase_report" add column "order_id" uuid null;`);
    this.addSql(`alter table "asn_purchase_report" alter column "receipt_image_url" type varchar(255) using ("receipt_image_url"::varchar(255));`);
    this.addSql(`alter table "asn_purchase_report" alter column "receipt_image_url" drop not null;`);
    this.addSql(`alter table "asn_purchase_report" alter column "receipt_image_hash" type varchar(255) using ("receipt_image_hash"::varchar(255));`);
    this.addSql(`alter table "asn_purchase_report" alter column "receipt_image_hash" drop not null;`);
    this.addSql(`alter table "asn_purchase_report" add constraint "asn_purchase_report_order_id_foreign" foreign key ("order_id") references "asn_order" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "asn_purchase_report" add constraint "asn_purchase_report_order_unique" unique ("order_id", "programme_id");`);
    this.addSql(`alter table "asn_purchase_report" add constraint asn_purchase_report_receipt_check check(order_id is not null or (receipt_image_url is not null and receipt_image_hash is not null));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "asn_purchase_report" drop constraint "asn_purchase_report_order_id_foreign";`);

    this.addSql(`drop table if exists "asn_order" cascade;`);

    this.addSql(`alter table "audit_log" drop constraint if exists "audit_log_subject_type_check";`);

    this.addSql(`alter table "asn_purchase_report" drop constraint "asn_purchase_report_order_unique";`);
    this.addSql(`alter table "asn_purchase_report" drop constraint asn_purchase_report_receipt_check;`);
    this.addSql(`alter table "asn_purchase_report" drop column "order_id";`);

    this.addSql(`alter table "asn_purchase_report" alter column "receipt_image_url" type varchar(255) using ("receipt_image_url"::varchar(255));`);
    this.addSql(`alter table "asn_purchase_report" alter column "receipt_image_url" set not null;`);
    this.addSql(`alter table "asn_purchase_report" alter column "receipt_image_hash" type varchar(255) using ("receipt_image_hash"::varchar(255));`);
    this.addSql(`alter table "asn_purchase_report" alter column "receipt_image_hash" set not null;`);

    this.addSql(`alter table "audit_log" add constraint "audit_log_subject_type_check" check("subject_type" in ('VENDOR', 'PRODUCT', 'ORDER'));`);
  }

}
