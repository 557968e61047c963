import { Migration } from '@mikro-orm/migrations';

export class Migration20261207224725_price_market extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "product_market_index" on "product" ("pemda_id", "category_id", lower("unit"), "price", "id") where "status" = 'PUBLISHED';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "product_market_index";`);
  }

}
