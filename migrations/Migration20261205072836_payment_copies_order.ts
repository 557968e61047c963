import { Migration } from '@mikro-orm/migrations';

export class Migration20261205072836_payment_copies_order extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "purchase_order" add column "payment_confirmed_at" timestamptz null;`);

    this.addSql(`drop index "payment_paid_on_index";`);

    // Added empty, filled from each payment's order (its Pemda, OPD and BAST date, fixed before any payment) and its
    // own date (no vendor has confirmed one yet), then required.
    this.addSql(`alter table "payment" add column "pemda_id" uuid null, add column "opd_id" uuid null, add column "bast_date" date null, add column "vendor_received_on" date null, add column "counted_on" date null;`);
    this.addSql(`update "payment" pay set "pemda_id" = po."pemda_id", "opd_id" = po."opd_id", "bast_date" = po."bast_date", "counted_on" = pay."paid_on" from "purchase_order" po where po."id" = pay."order_id";`);
    this.addSql(`alter table "payment" alter column "pemda_id" set not null, alter column "opd_id" set not null, alter column "bast_date" set not null, alter column "counted_on" set not null;`);
    this.addSql(`alter table "payment" add constraint "payment_pemda_id_foreign" foreign key ("pemda_id") references "pemda" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "payment" add constraint "payment_opd_id_foreign" foreign key ("opd_id") references "opd" ("id") on update cascade on delete restrict;`);
    this.addSql(`create index "payment_pemda_counted_on_index" on "payment" ("pemda_id", "counted_on") include ("opd_id", "bast_date");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "payment" drop constraint "payment_pemda_id_foreign";`);
    this.addSql(`alter table "payment" drop constraint "payment_opd_id_foreign";`);

    this.addSql(`drop index "payment_pemda_counted_on_index";`);
    this.addSql(`alter table "payment" drop column "pemda_id", drop column "opd_id", drop column "bast_date", drop column "vendor_received_on", drop column "counted_on";`);

    this.addSql(`create index "payment_paid_on_index" on "payment" ("paid_on");`);

    this.addSql(`alter table "purchase_order" drop column "payment_confirmed_at";`);
  }

}
