import { Migration } from '@mikro-orm/migrations';

export class Migration20261122163548_search_vocabulary extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "search_vocabulary" ("word" text not null, constraint "search_vocabulary_pkey" primary key ("word"));`);
    this.addSql(`create index "search_vocabulary_word_trgm_index" on "search_vocabulary" using gin ("word" gin_trgm_ops);`);

    // The product trigger now feeds the vocabulary instead of a per-row trigram column.
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
        insert into search_vocabulary (word)
          select distinct w from regexp_split_to_table(lower(new.name || ' ' || coalesce(category_name, '')), '[^[:alnum:]]+') w
           where length(w) >= 5
          on conflict do nothing;
        return new;
      end $$;`);
    this.addSql(`insert into search_vocabulary (word)
      select distinct w from product p join category c on c.id = p.category_id,
        regexp_split_to_table(lower(p.name || ' ' || c.name), '[^[:alnum:]]+') w
       where length(w) >= 5 on conflict do nothing;`);
    this.addSql(`drop index "product_search_text_index";`);
    this.addSql(`alter table "product" drop column "search_text";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "search_vocabulary" cascade;`);

    this.addSql(`alter table "product" add column "search_text" text null;`);
    this.addSql(`create index "product_search_text_index" on "product" using gin ("search_text" gin_trgm_ops);`);
  }

}
