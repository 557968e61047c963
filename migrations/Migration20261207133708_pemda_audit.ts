import { Migration } from '@mikro-orm/migrations';

export class Migration20261207133708_pemda_audit extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "audit_log" drop constraint if exists "audit_log_subject_type_check";`);

    this.addSql(`alter table "audit_log" add constraint "audit_log_subject_type_check" check("subject_type" in ('VENDOR', 'SPEND_PERIOD', 'EXTERNAL_SPEND', 'PRODUCT', 'ORDER', 'ASN_ORDER', 'CALENDAR', 'ACCOUNT', 'ASN_REPORT', 'PEMDA'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "audit_log" drop constraint if exists "audit_log_subject_type_check";`);

    this.addSql(`alter table "audit_log" add constraint "audit_log_subject_type_check" check("subject_type" in ('VENDOR', 'SPEND_PERIOD', 'EXTERNAL_SPEND', 'PRODUCT', 'ORDER', 'ASN_ORDER', 'CALENDAR', 'ACCOUNT', 'ASN_REPORT'));`);
  }

}
