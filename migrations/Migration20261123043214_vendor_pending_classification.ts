import { Migration } from '@mikro-orm/migrations';

export class Migration20261123043214_vendor_pending_classification extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "vendor" add column "pending_classification" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "vendor" drop column "pending_classification";`);
  }

}
