import { Migration } from '@mikro-orm/migrations';

export class Migration20261207195805_export_job_list extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "export_job_pemda_created_index" on "export_job" ("pemda_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "export_job_pemda_created_index";`);
  }

}
