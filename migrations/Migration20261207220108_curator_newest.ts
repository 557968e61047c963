import { Migration } from '@mikro-orm/migrations';

export class Migration20261207220108_curator_newest extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "product_curator_newest_index" on "product" ("pemda_id", "created_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "product_curator_newest_index";`);
  }

}
