import { Migration } from '@mikro-orm/migrations';

export class Migration20261122160640_search extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create table "search_outbox" ("id" bigserial primary key, "product_id" uuid not null, "pemda_id" uuid not null, "created_at" timestamptz not null default now(), "attempts" int not null default 0, "next_attempt_at" timestamptz not null default now(), "last_error" text null);`);
    this.addSql(`create index "search_outbox_due_index" on "search_outbox" ("next_attempt_at", "id");`);

    this.addSql(`create table "search_synonym" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "pemda_id" uuid not null, "term" varchar(255) not null, "expansions" text[] not null, constraint "search_synonym_pkey" primary key ("id"));`);
    this.addSql(`alter table "search_synonym" add constraint "search_synonym_pemda_term_unique" unique ("pemda_id", "term");`);

    this.addSql(`alter table "search_synonym" add constraint "search_synonym_pemda_id_foreign" foreign key ("pemda_id") references "pemda" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "product" add column "search_vector" tsvector null, add column "search_text" text null;`);
    this.addSql(`create index "product_search_vector_index" on "product" using gin ("search_vector");`);
    this.addSql(`create index "product_search_text_index" on "product" using gin ("search_text" gin_trgm_ops);`);

    // The searchable view of a product, recomputed in the same statement that changes it: never stale.
    this.addSql(`create or replace function product_search_refresh() returns trigger language plpgsql as $$
      declare category_name text; vendor_name text;
      begin
        select name into category_name from category where id = new.category_id;
        select business_name into vendor_name from vendor where id = new.vendor_id;
        new.search_vector :=
          setweight(to_tsvector('indonesian', coalesce(new.name, '')), 'A') ||
          setweight(to_tsvector('indonesian', coalesce(category_name, '')), 'B') ||
          setweight(to_tsvector('indonesian', coalesce(new.description, '')), 'C') ||
          setweight(to_tsvector('indonesian', coalesce(vendor_name, '')), 'D');
        new.search_text := lower(new.name || ' ' || coalesce(category_name, ''));
        return new;
      end $$;`);
    this.addSql(`create trigger product_search_refresh before insert or update of name, description, category_id, vendor_id on product
      for each row execute function product_search_refresh();`);
    // A renamed category or vendor refreshes its products (touching name fires the trigger above).
    this.addSql(`create or replace function category_search_refresh() returns trigger language plpgsql as $$
      begin update product set name = name where category_id = new.id; return null; end $$;`);
    this.addSql(`create trigger category_search_refresh after update of name on category
      for each row when (old.name is distinct from new.name) execute function category_search_refresh();`);
    this.addSql(`create or replace function vendor_search_refresh() returns trigger language plpgsql as $$
      begin update product set name = name where vendor_id = new.id; return null; end $$;`);
    this.addSql(`create trigger vendor_search_refresh after update of business_name on vendor
      for each row when (old.business_name is distinct from new.business_name) execute function vendor_search_refresh();`);

    // Outbox for the external engine: every change that can alter what buyers find, in the same transaction.
    this.addSql(`create or replace function search_outbox_product() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then insert into search_outbox (product_id, pemda_id) values (old.id, old.pemda_id);
        else insert into search_outbox (product_id, pemda_id) values (new.id, new.pemda_id); end if;
        return null;
      end $$;`);
    this.addSql(`create trigger search_outbox_product after insert or update or delete on product for each row execute function search_outbox_product();`);
    this.addSql(`create or replace function search_outbox_vendor() returns trigger language plpgsql as $$
      begin
        insert into search_outbox (product_id, pemda_id) select id, pemda_id from product where vendor_id = new.id;
        return null;
      end $$;`);
    this.addSql(`create trigger search_outbox_vendor after update of status, is_local, is_umkk on vendor
      for each row execute function search_outbox_vendor();`);
    this.addSql(`create or replace function search_outbox_category() returns trigger language plpgsql as $$
      begin
        insert into search_outbox (product_id, pemda_id) select id, pemda_id from product where category_id = new.id;
        return null;
      end $$;`);
    this.addSql(`create trigger search_outbox_category after update of basic_needs, parent_id on category
      for each row execute function search_outbox_category();`);

    // Existing products get their searchable view now.
    this.addSql(`update product set name = name;`);
  }

  override async down(): Promise<void> {
    for (const table of ['product', 'category', 'vendor']) {
      this.addSql(`drop trigger if exists ${table}_search_refresh on ${table};`);
    }
    this.addSql(`drop trigger if exists search_outbox_product on product;`);
    this.addSql(`drop trigger if exists search_outbox_vendor on vendor;`);
    this.addSql(`drop trigger if exists search_outbox_category on category;`);
    this.addSql(`drop table if exists "search_outbox" cascade;`);

    this.addSql(`drop table if exists "search_synonym" cascade;`);

    this.addSql(`drop index "product_search_vector_index";`);
    this.addSql(`drop index "product_search_text_index";`);
    this.addSql(`alter table "product" drop column "search_vector", drop column "search_text";`);
  }

}
