import { Migration } from '@mikro-orm/migrations';

export class Migration20261123022253_vendor_contact_email extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "vendor" add column "contact_email" varchar(255) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "vendor" drop column "contact_email";`);
  }

}
