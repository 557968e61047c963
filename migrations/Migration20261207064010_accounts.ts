import { Migration } from '@mikro-orm/migrations';

export class Migration20261207064010_accounts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "audit_log" drop constraint if exists "audit_log_subject_type_check";`);

    this.addSql(`alter table "audit_log" add constraint "audit_log_subject_type_check" check("subject_type" in ('VENDOR', 'SPEND_PERIOD', 'EXTERNAL_SPEND', 'PRODUCT', 'ORDER', 'ASN_ORDER', 'CALENDAR', 'ACCOUNT'));`);

    this.addSql(`alter table "app_user" add column "session_generation" int not null default 0, add column "must_change_password" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "audit_log" drop constraint if exists "audit_log_subject_type_check";`);

    this.addSql(`alter table "app_user" drop column "session_generation", drop column "must_change_password";`);

    this.addSql(`alter table "audit_log" add constraint "audit_log_subject_type_check" check("subject_type" in ('VENDOR', 'SPEND_PERIOD', 'EXTERNAL_SPEND', 'PRODUCT', 'ORDER', 'ASN_ORDER', 'CALENDAR'));`);
  }

}
