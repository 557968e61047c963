import { Migration } from '@mikro-orm/migrations';

export class Migration20261203202932_vendor_spend_rollup extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "vendor_spend_rollup" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "pemda_id" uuid not null, "opd_id" uuid not null, "vendor_id" uuid not null, "month" varchar(7) not null, "amount" bigint not null, "orders" int not null, constraint "vendor_spend_rollup_pkey" primary key ("id"));`);
    this.addSql(`create index "vendor_spend_rollup_pemda_month_index" on "vendor_spend_rollup" ("pemda_id", "month");`);
    this.addSql(`alter table "vendor_spend_rollup" add constraint "vendor_spend_rollup_key" unique ("opd_id", "vendor_id", "month");`);

    this.addSql(`alter table "vendor_spend_rollup" add constraint "vendor_spend_rollup_pemda_id_foreign" foreign key ("pemda_id") references "pemda" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "vendor_spend_rollup" add constraint "vendor_spend_rollup_opd_id_foreign" foreign key ("opd_id") references "opd" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "vendor_spend_rollup" add constraint "vendor_spend_rollup_vendor_id_foreign" foreign key ("vendor_id") references "vendor" ("id") on update cascade on delete restrict;`);

    // The orders already recognised, placed as the recap places them (BAST date, or payment date where the Pemda
    // counts at payment), before the guard: closed months are filled once, here, and never again.
    this.addSql(`insert into "vendor_spend_rollup" (id, pemda_id, opd_id, vendor_id, month, amount, orders)
      select gen_random_uuid(), po.pemda_id, po.opd_id, po.vendor_id,
             to_char(case when pe.spend_recognition = 'PAID' then pay.paid_on else po.bast_date end, 'YYYY-MM'), sum(po.received_amount), count(*)
        from purchase_order po join pemda pe on pe.id = po.pemda_id left join payment pay on pay.order_id = po.id
       where (pe.spend_recognition = 'RECEIVED' and po.status in ('RECEIVED', 'PAID', 'COMPLETED'))
          or (pe.spend_recognition = 'PAID' and po.status in ('PAID', 'COMPLETED'))
       group by 2, 3, 4, 5;`);
    this.addSql(`create trigger vendor_spend_rollup_closed_guard before insert or update or delete on "vendor_spend_rollup" for each row execute function spend_rollup_closed_guard();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists vendor_spend_rollup_closed_guard on "vendor_spend_rollup";`);
    this.addSql(`drop table if exists "vendor_spend_rollup" cascade;`);
  }

}
