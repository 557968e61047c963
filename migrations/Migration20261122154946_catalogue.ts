import { Migration } from '@mikro-orm/migrations';

export class Migration20261122154946_catalogue extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "category" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "pemda_id" uuid not null, "parent_id" uuid null, "code" varchar(255) not null, "name" varchar(255) not null, "kbki_code" varchar(255) null, "basic_needs" boolean not null default false, "depth" int not null, "path" text not null, constraint "category_pkey" primary key ("id"));`);
    this.addSql(`create index "category_path_index" on "category" ("path" text_pattern_ops);`);
    this.addSql(`alter table "category" add constraint "category_pemda_code_unique" unique ("pemda_id", "code");`);

    this.addSql(`create table "audit_log" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "sequence" bigserial, "pemda_id" uuid not null, "subject_type" text check ("subject_type" in ('VENDOR', 'PRODUCT', 'ORDER')) not null, "subject_id" uuid not null, "action" varchar(255) not null, "from_status" varchar(255) null, "to_status" varchar(255) not null, "reason" text null, "actor_id" uuid null, "actor_role" varchar(255) null, constraint "audit_log_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_log_subject_index" on "audit_log" ("subject_type", "subject_id", "sequence");`);
    // History is append-only: the database itself refuses to rewrite or erase it.
    this.addSql(`create or replace function audit_log_refuse_change() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege'; end $$;`);
    this.addSql(`create trigger audit_log_no_update_delete before update or delete on "audit_log" for each row execute function audit_log_refuse_change();`);
    this.addSql(`create trigger audit_log_no_truncate before truncate on "audit_log" for each statement execute function audit_log_refuse_change();`);

    this.addSql(`create table "vendor" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "pemda_id" uuid not null, "business_name" varchar(255) not null, "owner_name" varchar(255) not null, "nib" varchar(13) not null, "npwp" varchar(16) not null, "scale" text check ("scale" in ('MIKRO', 'KECIL', 'MENENGAH', 'BESAR')) not null, "is_koperasi" boolean not null default false, "domicile_region_code" varchar(255) not null, "domicile_region_name" varchar(255) not null, "district" varchar(255) not null, "address" text not null, "phone" varchar(255) not null, "email" varchar(255) not null, "bank_name" varchar(255) null, "bank_account_number" varchar(255) null, "bank_account_name" varchar(255) null, "status" text check ("status" in ('PENDING', 'VERIFIED', 'REJECTED', 'SUSPENDED')) not null default 'PENDING', "status_reason" text null, "verified_at" timestamptz null, "is_local" boolean not null, "is_umkk" boolean not null, constraint "vendor_pkey" primary key ("id"), constraint vendor_npwp_check check (npwp ~ '^[0-9]{15,16}\$'), constraint vendor_nib_check check (nib ~ '^[0-9]{13}\$'));`);
    this.addSql(`create index "vendor_status_index" on "vendor" ("status");`);
    this.addSql(`alter table "vendor" add constraint "vendor_pemda_nib_unique" unique ("pemda_id", "nib");`);

    this.addSql(`create table "product" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "vendor_id" uuid not null, "pemda_id" uuid not null, "category_id" uuid not null, "name" varchar(255) not null, "description" text not null, "unit" varchar(255) not null, "price" bigint not null, "stock" int not null, "min_order_quantity" int not null, "image_urls" text[] not null default '{}', "is_pdn" boolean not null default false, "tkdn_percent" numeric(5,2) null, "status" text check ("status" in ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'REJECTED', 'SUSPENDED', 'ARCHIVED')) not null default 'DRAFT', "status_reason" text null, "published_at" timestamptz null, "pending_revision" jsonb null, "submitted_at" timestamptz null, "ever_ordered" boolean not null default false, constraint "product_pkey" primary key ("id"), constraint product_tkdn_check check (tkdn_percent >= 0 and tkdn_percent <= 100), constraint product_min_order_check check (min_order_quantity >= 1), constraint product_stock_check check (stock >= 0), constraint product_price_check check (price > 0));`);
    this.addSql(`create index "product_category_id_index" on "product" ("category_id");`);
    this.addSql(`create index "product_price_index" on "product" ("price");`);
    this.addSql(`create index "product_vendor_status_index" on "product" ("vendor_id", "status");`);
    this.addSql(`create index "product_pemda_status_published_index" on "product" ("pemda_id", "status", "published_at");`);

    this.addSql(`alter table "category" add constraint "category_pemda_id_foreign" foreign key ("pemda_id") references "pemda" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "category" add constraint "category_parent_id_foreign" foreign key ("parent_id") references "category" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "audit_log" add constraint "audit_log_pemda_id_foreign" foreign key ("pemda_id") references "pemda" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "vendor" add constraint "vendor_pemda_id_foreign" foreign key ("pemda_id") references "pemda" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "product" add constraint "product_vendor_id_foreign" foreign key ("vendor_id") references "vendor" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "product" add constraint "product_pemda_id_foreign" foreign key ("pemda_id") references "pemda" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "product" add constraint "product_category_id_foreign" foreign key ("category_id") references "category" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "app_user" drop constraint app_user_scope_check;`);

    this.addSql(`alter table "app_user" add column "vendor_id" uuid null;`);
    this.addSql(`alter table "app_user" add constraint "app_user_vendor_id_foreign" foreign key ("vendor_id") references "vendor" ("id") on update cascade on delete restrict;`);
    this.addSql(`create index "app_user_vendor_id_index" on "app_user" ("vendor_id");`);
    this.addSql(`alter table "app_user" add constraint app_user_scope_check check((role = 'PLATFORM_ADMIN' and pemda_id is null and opd_id is null and vendor_id is null) or (role = 'BPBJ' and pemda_id is not null and opd_id is null and vendor_id is null) or (role = any (array['PP', 'PPK', 'ASN']) and pemda_id is not null and opd_id is not null and vendor_id is null) or (role = 'VENDOR' and pemda_id is not null and opd_id is null and vendor_id is not null));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "category" drop constraint "category_parent_id_foreign";`);

    this.addSql(`alter table "product" drop constraint "product_category_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_vendor_id_foreign";`);

    this.addSql(`alter table "product" drop constraint "product_vendor_id_foreign";`);

    this.addSql(`drop table if exists "category" cascade;`);

    this.addSql(`drop table if exists "audit_log" cascade;`);
    this.addSql(`drop function if exists audit_log_refuse_change();`);

    this.addSql(`drop table if exists "vendor" cascade;`);

    this.addSql(`drop table if exists "product" cascade;`);

    this.addSql(`drop index "app_user_vendor_id_index";`);
    this.addSql(`alter table "app_user" drop constraint app_user_scope_check;`);
    this.addSql(`alter table "app_user" drop column "vendor_id";`);

    this.addSql(`alter table "app_user" add constraint app_user_scope_check check(((role = 'PLATFORM_ADMIN'::text) AND (pemda_id IS NULL) AND (opd_id IS NULL)) OR ((role = 'BPBJ'::text) AND (pemda_id IS NOT NULL) AND (opd_id IS NULL)) OR ((role = ANY (ARRAY['PP'::text, 'PPK'::text, 'ASN'::text])) AND (pemda_id IS NOT NULL) AND (opd_id IS NOT NULL)) OR ((role = 'VENDOR'::text) AND (opd_id IS NULL)));`);
  }

}
