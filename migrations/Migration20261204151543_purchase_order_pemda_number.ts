import { Migration } from '@mikro-orm/migrations';

export class Migration20261204151543_purchase_order_pemda_number extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "purchase_order_pemda_number_index" on "purchase_order" ("pemda_id", "number");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "purchase_order_pemda_number_index";`);
  }

}
