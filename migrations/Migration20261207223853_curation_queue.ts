import { Migration } from '@mikro-orm/migrations';

export class Migration20261207223853_curation_queue extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "product_curation_queue_index" on "product" ("pemda_id", "updated_at", "id") where "status" = 'SUBMITTED' or "pending_revision" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "product_curation_queue_index";`);
  }

}
