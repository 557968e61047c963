import { Migration } from '@mikro-orm/migrations';

export class Migration20261203201945_repeat_vendor_rule extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "pemda" add column "repeat_vendor_limit" int not null default 0, add column "repeat_vendor_window_days" int not null default 30;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "pemda" drop column "repeat_vendor_limit", drop column "repeat_vendor_window_days";`);
  }

}
