import { Migration } from '@mikro-orm/migrations';

export class Migration20261122165121_asn_programmes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "asn_programme" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "pemda_id" uuid not null, "name" varchar(255) not null, "start_month" varchar(7) not null, "minimum_rule" text check ("minimum_rule" in ('BY_GRADE', 'PERCENT_OF_TPP')) not null, "grade_minimums" jsonb not null, "tpp_percent" numeric(5,2) null, "tpp_floor" bigint null, "report_deadline_day" int not null, "basic_needs_only" boolean not null, constraint "asn_programme_pkey" primary key ("id"), constraint asn_programme_deadline_check check (report_deadline_day >= 1 and report_deadline_day <= 28));`);
    this.addSql(`create index "asn_programme_pemda_id_index" on "asn_programme" ("pemda_id");`);

    this.addSql(`create table "asn_outlet" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "programme_id" uuid not null, "name" varchar(255) not null, "kind" text check ("kind" in ('PASAR_RAKYAT', 'GALERI_DEKRANASDA', 'PASAR_PEMERINTAH', 'LAINNYA')) not null, constraint "asn_outlet_pkey" primary key ("id"));`);
    this.addSql(`create index "asn_outlet_programme_id_index" on "asn_outlet" ("programme_id");`);

    this.addSql(`create table "asn" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "pemda_id" uuid not null, "opd_id" uuid not null, "nip" varchar(18) not null, "name" varchar(255) not null, "grade" text check ("grade" in ('PELAKSANA', 'ESELON_IV', 'ESELON_III', 'KEPALA_OPD', 'ESELON_II')) not null, "tpp_amount" bigint null, "exempt_months" jsonb not null default '[]', constraint "asn_pkey" primary key ("id"));`);
    this.addSql(`create index "asn_opd_id_index" on "asn" ("opd_id");`);
    this.addSql(`alter table "asn" add constraint "asn_nip_unique" unique ("nip");`);

    this.addSql(`create table "asn_purchase_report" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "programme_id" uuid not null, "asn_id" uuid not null, "outlet_id" uuid null, "vendor_id" uuid null, "purchased_on" date not null, "month" varchar(7) not null, "amount" bigint not null, "items" text not null, "basic_needs" boolean not null, "receipt_image_url" varchar(255) not null, "receipt_image_hash" varchar(255) not null, "reported_at" timestamptz not null, "status" text check ("status" in ('COUNTED', 'LATE', 'NOT_COUNTED', 'REJECTED')) not null, "rejection_reason" text null, constraint "asn_purchase_report_pkey" primary key ("id"), constraint asn_purchase_report_amount_check check (amount > 0), constraint asn_purchase_report_place_check check ((outlet_id is null) <> (vendor_id is null)));`);
    this.addSql(`create unique index "asn_purchase_report_receipt_unique" on "asn_purchase_report" ("asn_id", coalesce("outlet_id", "vendor_id"), "amount", "purchased_on", "receipt_image_hash");`);
    this.addSql(`create index "asn_purchase_report_asn_month_index" on "asn_purchase_report" ("asn_id", "month");`);

    this.addSql(`alter table "asn_programme" add constraint "asn_programme_pemda_id_foreign" foreign key ("pemda_id") references "pemda" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "asn_outlet" add constraint "asn_outlet_programme_id_foreign" foreign key ("programme_id") references "asn_programme" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "asn" add constraint "asn_pemda_id_foreign" foreign key ("pemda_id") references "pemda" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "asn" add constraint "asn_opd_id_foreign" foreign key ("opd_id") references "opd" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "asn_purchase_report" add constraint "asn_purchase_report_programme_id_foreign" foreign key ("programme_id") references "asn_programme" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "asn_purchase_report" add constraint "asn_purchase_report_asn_id_foreign" foreign key ("asn_id") references "asn" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "asn_purchase_report" add constraint "asn_purchase_report_outlet_id_foreign" foreign key ("outlet_id") references "asn_outlet" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "asn_purchase_report" add constraint "asn_purchase_report_vendor_id_foreign" foreign key ("vendor_id") references "vendor" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "app_user" drop constraint if exists "app_user_role_check";`);

    this.addSql(`alter table "app_user" drop constraint app_user_scope_check;`);

    this.addSql(`alter table "app_user" add column "asn_id" uuid null;`);
    this.addSql(`alter table "app_user" add constraint "app_user_asn_id_foreign" foreign key ("asn_id") references "asn" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "app_user" add constraint "app_user_role_check" check("role" in ('PLATFORM_ADMIN', 'BPBJ', 'PP', 'PPK', 'VENDOR', 'ASN', 'KEPALA_OPD'));`);
    this.addSql(`alter table "app_user" add constraint app_user_scope_check check((role = 'PLATFORM_ADMIN' and pemda_id is null and opd_id is null and vendor_id is null) or (role = 'BPBJ' and pemda_id is not null and opd_id is null and vendor_id is null) or (role = any (array['PP', 'PPK', 'ASN', 'KEPALA_OPD']) and pemda_id is not null and opd_id is not null and vendor_id is null) or (role = 'VENDOR' and pemda_id is not null and opd_id is null and vendor_id is not null));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "asn_outlet" drop constraint "asn_outlet_programme_id_foreign";`);

    this.addSql(`alter table "asn_purchase_report" drop constraint "asn_purchase_report_programme_id_foreign";`);

    this.addSql(`alter table "asn_purchase_report" drop constraint "asn_purchase_report_outlet_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_asn_id_foreign";`);

    this.addSql(`alter table "asn_purchase_report" drop constraint "asn_purchase_report_asn_id_foreign";`);

    this.addSql(`drop table if exists "asn_programme" cascade;`);

    this.addSql(`drop table if exists "asn_outlet" cascade;`);

    this.addSql(`drop table if exists "asn" cascade;`);

    this.addSql(`drop table if exists "asn_purchase_report" cascade;`);

    this.addSql(`alter table "app_user" drop constraint if exists "app_user_role_check";`);

    this.addSql(`alter table "app_user" drop constraint app_user_scope_check;`);
    this.addSql(`alter table "app_user" drop column "asn_id";`);

    this.addSql(`alter table "app_user" add constraint "app_user_role_check" check("role" in ('PLATFORM_ADMIN', 'BPBJ', 'PP', 'PPK', 'VENDOR', 'ASN'));`);
    this.addSql(`alter table "app_user" add constraint app_user_scope_check check(((role = 'PLATFORM_ADMIN'::text) AND (pemda_id IS NULL) AND (opd_id IS NULL) AND (vendor_id IS NULL)) OR ((role = 'BPBJ'::text) AND (pemda_id IS NOT NULL) AND (opd_id IS NULL) AND (vendor_id IS NULL)) OR ((role = ANY (ARRAY['PP'::text, 'PPK'::text, 'ASN'::text])) AND (pemda_id IS NOT NULL) AND (opd_id IS NOT NULL) AND (vendor_id IS NULL)) OR ((role = 'VENDOR'::text) AND (pemda_id IS NOT NULL) AND (opd_id IS NULL) AND (vendor_id IS NOT NULL)));`);
  }

}
