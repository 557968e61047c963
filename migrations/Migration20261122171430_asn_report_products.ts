import { Migration } from '@mikro-orm/migrations';

export class Migration20261122171430_asn_report_products extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "asn_purchase_report" add column "product_ids" jsonb not null default '[]';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "asn_purchase_report" drop column "product_ids";`);
  }

}
