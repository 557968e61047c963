import { Migration } from '@mikro-orm/migrations';

export class Migration20261204183138_payment_delays extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "payment_delay_rollup" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "pemda_id" uuid not null, "opd_id" uuid not null, "month" varchar(7) not null, "days" int not null, "payments" int not null, constraint "payment_delay_rollup_pkey" primary key ("id"));`);
    this.addSql(`create index "payment_delay_rollup_pemda_month_index" on "payment_delay_rollup" ("pemda_id", "month");`);
    this.addSql(`alter table "payment_delay_rollup" add constraint "payment_delay_rollup_key" unique ("opd_id", "month", "days");`);

    this.addSql(`alter table "payment_delay_rollup" add constraint "payment_delay_rollup_pemda_id_foreign" foreign key ("pemda_id") references "pemda" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "payment_delay_rollup" add constraint "payment_delay_rollup_opd_id_foreign" foreign key ("opd_id") references "opd" ("id") on update cascade on delete restrict;`);

    this.addSql(`create index "purchase_order_unpaid_bast_index" on "purchase_order" ("pemda_id", "bast_date") where "paid_at" is null and "bast_date" is not null;`);

    this.addSql(`create index "payment_paid_on_index" on "payment" ("paid_on");`);

    // The payments recorded so far, counted as recordPayment counts each new one.
    this.addSql(`insert into "payment_delay_rollup" ("id", "pemda_id", "opd_id", "month", "days", "payments")
      select gen_random_uuid(), po.pemda_id, po.opd_id, to_char(pay.paid_on, 'YYYY-MM'), pay.paid_on - po.bast_date, count(*)
        from payment pay join purchase_order po on po.id = pay.order_id
       where po.bast_date is not null
       group by po.pemda_id, po.opd_id, to_char(pay.paid_on, 'YYYY-MM'), pay.paid_on - po.bast_date;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payment_delay_rollup" cascade;`);

    this.addSql(`drop index "payment_paid_on_index";`);

    this.addSql(`drop index "purchase_order_unpaid_bast_index";`);
  }

}
