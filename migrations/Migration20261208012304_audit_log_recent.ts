import { Migration } from '@mikro-orm/migrations';

export class Migration20261208012304_audit_log_recent extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "audit_log_pemda_recent_index" on "audit_log" ("pemda_id", "created_at", "sequence");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "audit_log_pemda_recent_index";`);
  }

}
