import { Migration } from '@mikro-orm/migrations';

export class Migration20261203174942_holidays extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "holiday" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "pemda_id" uuid null, "date" date not null, "name" varchar(255) not null, "kind" text check ("kind" in ('NATIONAL', 'CUTI_BERSAMA', 'REGIONAL')) not null, constraint "holiday_pkey" primary key ("id"));`);
    this.addSql(`create index "holiday_date_index" on "holiday" ("date");`);

    this.addSql(`alter table "holiday" add constraint "holiday_pemda_id_foreign" foreign key ("pemda_id") references "pemda" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "audit_log" drop constraint if exists "audit_log_subject_type_check";`);
    this.addSql(`alter table "audit_log" add constraint "audit_log_subject_type_check" check("subject_type" in ('VENDOR', 'SPEND_PERIOD', 'EXTERNAL_SPEND', 'PRODUCT', 'ORDER', 'ASN_ORDER', 'CALENDAR'));`);
    // One entry per day and place: a national day once, a Pemda's own day once per Pemda.
    this.addSql(`alter table "holiday" add constraint "holiday_day_unique" unique nulls not distinct ("pemda_id", "date");`);

    // 2026 from SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025: 17 national
    // days and 8 days of cuti bersama. Later years are added the same way when their decree is signed.
    const days: [string, string, string][] = [
      ['2026-01-01', 'NATIONAL', 'Tahun Baru 2026 Masehi'], ['2026-01-16', 'NATIONAL', 'Isra Mikraj Nabi Muhammad SAW'],
      ['2026-02-16', 'CUTI_BERSAMA', 'Cuti bersama Tahun Baru Imlek'], ['2026-02-17', 'NATIONAL', 'Tahun Baru Imlek 2577 Kongzili'],
      ['2026-03-18', 'CUTI_BERSAMA', 'Cuti bersama Hari Suci Nyepi'], ['2026-03-19', 'NATIONAL', 'Hari Suci Nyepi (Tahun Baru Saka 1948)'],
      ['2026-03-20', 'CUTI_BERSAMA', 'Cuti bersama Idul Fitri 1447 H'], ['2026-03-21', 'NATIONAL', 'Idul Fitri 1447 H'], ['2026-03-22', 'NATIONAL', 'Idul Fitri 1447 H'],
      ['2026-03-23', 'CUTI_BERSAMA', 'Cuti bersama Idul Fitri 1447 H'], ['2026-03-24', 'CUTI_BERSAMA', 'Cuti bersama Idul Fitri 1447 H'],
      ['2026-04-03', 'NATIONAL', 'Wafat Yesus Kristus'], ['2026-04-05', 'NATIONAL', 'Kebangkitan Yesus Kristus (Paskah)'],
      ['2026-05-01', 'NATIONAL', 'Hari Buruh Internasional'], ['2026-05-14', 'NATIONAL', 'Kenaikan Yesus Kristus'], ['2026-05-15', 'CUTI_BERSAMA', 'Cuti bersama Kenaikan Yesus Kristus'],
      ['2026-05-27', 'NATIONAL', 'Idul Adha 1447 H'], ['2026-05-28', 'CUTI_BERSAMA', 'Cuti bersama Idul Adha 1447 H'], ['2026-05-31', 'NATIONAL', 'Hari Raya Waisak 2570 BE'],
      ['2026-06-01', 'NATIONAL', 'Hari Lahir Pancasila'], ['2026-06-16', 'NATIONAL', 'Tahun Baru Islam 1448 H'], ['2026-08-17', 'NATIONAL', 'Proklamasi Kemerdekaan RI'],
      ['2026-08-25', 'NATIONAL', 'Maulid Nabi Muhammad SAW'], ['2026-12-24', 'CUTI_BERSAMA', 'Cuti bersama Kelahiran Yesus Kristus'], ['2026-12-25', 'NATIONAL', 'Kelahiran Yesus Kristus'],
    ];
    this.addSql(`insert into "holiday" ("id", "date", "kind", "name") values ${days.map(([date, kind, name]) => `(gen_random_uuid(), '${date}', '${kind}', '${name.replace(/'/g, "''")}')`).join(', ')};`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "audit_log" drop constraint if exists "audit_log_subject_type_check";`);
    this.addSql(`alter table "audit_log" add constraint "audit_log_subject_type_check" check("subject_type" in ('VENDOR', 'SPEND_PERIOD', 'EXTERNAL_SPEND', 'PRODUCT', 'ORDER', 'ASN_ORDER'));`);
    this.addSql(`drop table if exists "holiday" cascade;`);
  }

}
