import { Migration } from '@mikro-orm/migrations';

export class Migration20261122163235_spend extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "opd_budget" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "pemda_id" uuid not null, "opd_id" uuid not null, "fiscal_year" int not null, "goods_services_budget" bigint not null, "planned_umkk" bigint not null, "allocated_umkk" bigint not null, constraint "opd_budget_pkey" primary key ("id"), constraint opd_budget_amounts_check check (goods_services_budget >= 0 and planned_umkk >= 0 and allocated_umkk >= 0));`);
    this.addSql(`create index "opd_budget_pemda_id_index" on "opd_budget" ("pemda_id");`);
    this.addSql(`alter table "opd_budget" add constraint "opd_budget_opd_year_unique" unique ("opd_id", "fiscal_year");`);

    this.addSql(`create table "external_spend" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "pemda_id" uuid not null, "opd_id" uuid not null, "external_ref" varchar(255) not null, "spent_on" date not null, "vendor_name" varchar(255) not null, "vendor_nib" varchar(255) null, "amount" bigint not null, "channel" text check ("channel" in ('CATALOGUE', 'TENDER', 'DIRECT', 'NATIONAL_CATALOGUE', 'ONLINE_SHOP', 'OTHER')) not null, "is_umkk" boolean not null, "is_pdn" boolean not null, "is_local" boolean not null, constraint "external_spend_pkey" primary key ("id"), constraint external_spend_amount_check check (amount > 0));`);
    this.addSql(`create index "external_spend_opd_date_index" on "external_spend" ("opd_id", "spent_on");`);
    this.addSql(`alter table "external_spend" add constraint "external_spend_pemda_ref_unique" unique ("pemda_id", "external_ref");`);

    this.addSql(`create table "spend_rollup" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "pemda_id" uuid not null, "opd_id" uuid not null, "month" varchar(7) not null, "catalogue" boolean not null, "total" bigint not null, "umkk" bigint not null, "pdn" bigint not null, "local" bigint not null, "transactions" int not null, constraint "spend_rollup_pkey" primary key ("id"));`);
    this.addSql(`create index "spend_rollup_pemda_month_index" on "spend_rollup" ("pemda_id", "month");`);
    this.addSql(`alter table "spend_rollup" add constraint "spend_rollup_key" unique ("opd_id", "month", "catalogue");`);

    this.addSql(`alter table "opd_budget" add constraint "opd_budget_pemda_id_foreign" foreign key ("pemda_id") references "pemda" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "opd_budget" add constraint "opd_budget_opd_id_foreign" foreign key ("opd_id") references "opd" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "external_spend" add constraint "external_spend_pemda_id_foreign" foreign key ("pemda_id") references "pemda" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "external_spend" add constraint "external_spend_opd_id_foreign" foreign key ("opd_id") references "opd" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "spend_rollup" add constraint "spend_rollup_pemda_id_foreign" foreign key ("pemda_id") references "pemda" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "spend_rollup" add constraint "spend_rollup_opd_id_foreign" foreign key ("opd_id") references "opd" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "pemda" add column "spend_recognition" text check ("spend_recognition" in ('RECEIVED', 'PAID')) not null default 'RECEIVED';`);

    this.addSql(`alter table "purchase_order" add column "vendor_is_umkk" boolean not null default false, add column "vendor_is_local" boolean not null default false;`);

    this.addSql(`alter table "purchase_order_line" add column "is_pdn" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "opd_budget" cascade;`);

    this.addSql(`drop table if exists "external_spend" cascade;`);

    this.addSql(`drop table if exists "spend_rollup" cascade;`);

    this.addSql(`alter table "pemda" drop column "spend_recognition";`);

    this.addSql(`alter table "purchase_order" drop column "vendor_is_umkk", drop column "vendor_is_local";`);

    this.addSql(`alter table "purchase_order_line" drop column "is_pdn";`);
  }

}
