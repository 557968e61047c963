import { Migration } from '@mikro-orm/migrations';

export class Migration20261122160024_purchasing extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "idempotency_record" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "actor_id" uuid not null, "key" varchar(255) not null, "operation" varchar(255) not null, "result" jsonb not null, constraint "idempotency_record_pkey" primary key ("id"));`);
    this.addSql(`create unique index "idempotency_record_unique" on "idempotency_record" ("actor_id", "key");`);

    this.addSql(`create table "cart_item" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "opd_id" uuid not null, "product_id" uuid not null, "quantity" int not null, "unit_price_seen" bigint not null, "added_by" uuid not null, constraint "cart_item_pkey" primary key ("id"));`);
    this.addSql(`create unique index "cart_item_opd_product_unique" on "cart_item" ("opd_id", "product_id");`);

    this.addSql(`create table "purchase_order" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "number" bigserial, "pemda_id" uuid not null, "opd_id" uuid not null, "vendor_id" uuid not null, "created_by_id" uuid not null, "ppk_id" uuid not null, "status" text check ("status" in ('DRAFT', 'SUBMITTED', 'APPROVED', 'ACCEPTED', 'REJECTED', 'SHIPPED', 'RECEIVED', 'PAID', 'COMPLETED', 'CANCELLED')) not null default 'DRAFT', "negotiation" text check ("negotiation" in ('NONE', 'PROPOSED', 'ACCEPTED', 'COUNTERED')) not null default 'NONE', "delivery_address" text not null, "rup_code" varchar(255) null, "needed_by" date null, "notes" text null, "subtotal" bigint not null, "shipping_cost" bigint not null default 0, "total" bigint not null, "requires_ppk_approval" boolean not null default false, "submitted_at" timestamptz null, "approved_at" timestamptz null, "awaiting_vendor_since" timestamptz null, "accepted_at" timestamptz null, "shipped_at" timestamptz null, "delivery_reference" varchar(255) null, "received_at" timestamptz null, "bast_number" varchar(255) null, "bast_date" date null, "received_amount" bigint null, "paid_at" timestamptz null, "completed_at" timestamptz null, "status_reason" text null, constraint "purchase_order_pkey" primary key ("id"), constraint purchase_order_amounts_check check (subtotal >= 0 and shipping_cost >= 0 and total = subtotal + shipping_cost));`);
    this.addSql(`create index "purchase_order_awaiting_vendor_since_index" on "purchase_order" ("awaiting_vendor_since");`);
    this.addSql(`create index "purchase_order_vendor_status_index" on "purchase_order" ("vendor_id", "status");`);
    this.addSql(`create index "purchase_order_opd_status_index" on "purchase_order" ("opd_id", "status");`);
    this.addSql(`create index "purchase_order_pemda_status_index" on "purchase_order" ("pemda_id", "status");`);

    this.addSql(`create table "payment" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "order_id" uuid not null, "method" text check ("method" in ('TRANSFER', 'COD', 'KKPD', 'QRIS')) not null, "amount" bigint not null, "paid_on" date not null, "reference" varchar(255) null, "recorded_by" uuid not null, constraint "payment_pkey" primary key ("id"), constraint payment_amount_check check (amount > 0));`);
    this.addSql(`create index "payment_order_id_index" on "payment" ("order_id");`);

    this.addSql(`create table "purchase_order_line" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "order_id" uuid not null, "product_id" uuid not null, "position" int not null, "product_name" varchar(255) not null, "unit" varchar(255) not null, "list_unit_price" bigint not null, "proposed_unit_price" bigint null, "counter_unit_price" bigint null, "unit_price" bigint not null, "quantity" int not null, "quantity_received" int not null default 0, "line_total" bigint not null, constraint "purchase_order_line_pkey" primary key ("id"), constraint purchase_order_line_check check (quantity > 0 and quantity_received >= 0 and quantity_received <= quantity and unit_price > 0 and line_total = quantity * unit_price));`);
    this.addSql(`create index "purchase_order_line_order_id_index" on "purchase_order_line" ("order_id");`);
    this.addSql(`create index "purchase_order_line_product_id_index" on "purchase_order_line" ("product_id");`);

    this.addSql(`alter table "cart_item" add constraint "cart_item_opd_id_foreign" foreign key ("opd_id") references "opd" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "cart_item" add constraint "cart_item_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "purchase_order" add constraint "purchase_order_pemda_id_foreign" foreign key ("pemda_id") references "pemda" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "purchase_order" add constraint "purchase_order_opd_id_foreign" foreign key ("opd_id") references "opd" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "purchase_order" add constraint "purchase_order_vendor_id_foreign" foreign key ("vendor_id") references "vendor" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "purchase_order" add constraint "purchase_order_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "purchase_order" add constraint "purchase_order_ppk_id_foreign" foreign key ("ppk_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "payment" add constraint "payment_order_id_foreign" foreign key ("order_id") references "purchase_order" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "purchase_order_line" add constraint "purchase_order_line_order_id_foreign" foreign key ("order_id") references "purchase_order" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "purchase_order_line" add constraint "purchase_order_line_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "pemda" add column "ppk_approval_threshold" bigint not null default 200000000;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "payment" drop constraint "payment_order_id_foreign";`);

    this.addSql(`alter table "purchase_order_line" drop constraint "purchase_order_line_order_id_foreign";`);

    this.addSql(`drop table if exists "idempotency_record" cascade;`);

    this.addSql(`drop table if exists "cart_item" cascade;`);

    this.addSql(`drop table if exists "purchase_order" cascade;`);

    this.addSql(`drop table if exists "payment" cascade;`);

    this.addSql(`drop table if exists "purchase_order_line" cascade;`);

    this.addSql(`alter table "pemda" drop column "ppk_approval_threshold";`);
  }

}
