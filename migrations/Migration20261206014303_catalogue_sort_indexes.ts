import { Migration } from '@mikro-orm/migrations';

export class Migration20261206014303_catalogue_sort_indexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "product_catalogue_name_index" on "product" ("pemda_id", "status", "name", "id");`);
    this.addSql(`create index "product_catalogue_price_index" on "product" ("pemda_id", "status", "price", "id");`);
    this.addSql(`create index "product_catalogue_newest_index" on "product" ("pemda_id", "status", "created_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "product_catalogue_name_index";`);
    this.addSql(`drop index "product_catalogue_price_index";`);
    this.addSql(`drop index "product_catalogue_newest_index";`);
  }

}
