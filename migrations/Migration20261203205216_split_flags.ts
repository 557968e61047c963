import { Migration } from '@mikro-orm/migrations';

export class Migration20261203205216_split_flags extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "split_flag_group" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "pemda_id" uuid not null, "year" int not null, "opd_id" uuid not null, "basis" varchar(255) not null, "key_id" uuid not null, "flags" jsonb not null, constraint "split_flag_group_pkey" primary key ("id"));`);
    this.addSql(`alter table "split_flag_group" add constraint "split_flag_group_key" unique ("pemda_id", "year", "opd_id", "basis", "key_id");`);

    this.addSql(`create table "split_flag_year" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "pemda_id" uuid not null, "year" int not null, "window_days" int not null, "threshold" bigint not null, constraint "split_flag_year_pkey" primary key ("id"));`);
    this.addSql(`alter table "split_flag_year" add constraint "split_flag_year_key" unique ("pemda_id", "year");`);

    // A product's lowest agreed price walks its lines cheapest first and stops at the first recent one (price fairness).
    this.addSql(`create index "purchase_order_line_product_unit_price_index" on "purchase_order_line" ("product_id", "unit_price");`);
    // The open-data pages read each step's events in time order, per Pemda (server/opendata/ocds.ts).
    for (const stamp of ['submitted_at', 'accepted_at', 'received_at', 'paid_at', 'completed_at']) {
      this.addSql(`create index "purchase_order_pemda_${stamp}_index" on "purchase_order" ("pemda_id", "${stamp}", "id") where "${stamp}" is not null;`);
    }
  }

  override async down(): Promise<void> {
    for (const stamp of ['submitted_at', 'accepted_at', 'received_at', 'paid_at', 'completed_at']) this.addSql(`drop index if exists "purchase_order_pemda_${stamp}_index";`);
    this.addSql(`drop index if exists "purchase_order_line_product_unit_price_index";`);
    this.addSql(`drop table if exists "split_flag_group" cascade;`);

    this.addSql(`drop table if exists "split_flag_year" cascade;`);
  }

}
