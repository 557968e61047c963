import { Migration } from '@mikro-orm/migrations';

export class Migration20261122174412_searchable_product extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "searchable_product" ("product_id" uuid not null, "pemda_id" uuid not null, "vendor_id" uuid not null, "category_id" uuid not null, "name" varchar(255) not null, "price" bigint not null, "tkdn_percent" numeric(5,2) null, "is_local" boolean not null, "is_umkk" boolean not null, "is_pdn" boolean not null, "basic_needs" boolean not null, "created_at" timestamptz not null, "search_vector" tsvector not null, constraint "searchable_product_pkey" primary key ("product_id"));`);
    this.addSql(`create index "searchable_product_facets_index" on "searchable_product" ("pemda_id", "category_id", "is_local", "is_umkk", "is_pdn", "basic_needs", "price");`);
    this.addSql(`create index "searchable_product_price_index" on "searchable_product" ("pemda_id", "price", "product_id");`);
    this.addSql(`create index "searchable_product_newest_index" on "searchable_product" ("pemda_id", "created_at" desc, "product_id" desc);`);
    this.addSql(`create index "searchable_product_text_index" on "searchable_product" using gin ("search_vector");`);

    // One definition of a product's searchable row, used by every trigger below and by the backfill: visible to
    // buyers (published, vendor verified), facet values of its vendor and category, and the weighted text
    // (name A, category B, description C, vendor D). Rows that stop being visible are deleted.
    // Ids are joined as a set (unnest), not tested with = any(ids): a bulk import passes thousands, and a
    // per-row scan of the array would make it quadratic.
    this.addSql(`create or replace function searchable_product_sync(ids uuid[]) returns void language plpgsql as $$
      begin
        delete from searchable_product s using unnest(ids) as changed(id) where s.product_id = changed.id;
        insert into searchable_product (product_id, pemda_id, vendor_id, category_id, name, price, tkdn_percent,
                                        is_local, is_umkk, is_pdn, basic_needs, created_at, search_vector)
          select p.id, p.pemda_id, p.vendor_id, p.category_id, p.name, p.price, p.tkdn_percent,
                 v.is_local, v.is_umkk, p.is_pdn, c.basic_needs, p.created_at,
                 setweight(to_tsvector('indonesian', p.name), 'A') || setweight(to_tsvector('indonesian', c.name), 'B') ||
                 setweight(to_tsvector('indonesian', p.description), 'C') || setweight(to_tsvector('indonesian', v.business_name), 'D')
            from unnest(ids) as changed(id) join product p on p.id = changed.id
                 join vendor v on v.id = p.vendor_id join category c on c.id = p.category_id
           where p.status = 'PUBLISHED' and v.status = 'VERIFIED';
        -- The words typos are corrected to: names and categories of what buyers can find.
        insert into search_vocabulary (word)
          select distinct w from unnest(ids) as changed(id) join searchable_product s on s.product_id = changed.id
                 join category c on c.id = s.category_id, regexp_split_to_table(lower(s.name || ' ' || c.name), '[^[:alnum:]]+') w
           where length(w) >= 5
          on conflict do nothing;
      end $$;`);

    // Product changes, per statement: a bulk import or a vendor's price list is one set-based refresh. Only
    // columns a buyer searches, filters or sees in the row trigger it, so taking stock never touches the index.
    this.addSql(`create or replace function searchable_product_on_product() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          perform searchable_product_sync(array(select id from new_rows));
        elsif tg_op = 'DELETE' then
          delete from searchable_product where product_id in (select id from old_rows);
        else
          perform searchable_product_sync(array(
            select n.id from new_rows n join old_rows o on o.id = n.id
             where (n.name, n.description, n.category_id, n.vendor_id, n.pemda_id, n.price, n.tkdn_percent, n.is_pdn, n.status, n.created_at)
                   is distinct from (o.name, o.description, o.category_id, o.vendor_id, o.pemda_id, o.price, o.tkdn_percent, o.is_pdn, o.status, o.created_at)));
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger searchable_product_insert after insert on product referencing new table as new_rows
      for each statement execute function searchable_product_on_product();`);
    this.addSql(`create trigger searchable_product_update after update on product referencing old table as old_rows new table as new_rows
      for each statement execute function searchable_product_on_product();`);
    this.addSql(`create trigger searchable_product_delete after delete on product referencing old table as old_rows
      for each statement execute function searchable_product_on_product();`);

    // A vendor's verification, suspension, locality, scale or name, and a category's name or basic-needs flag,
    // change every one of their products' rows.
    this.addSql(`create or replace function searchable_product_on_vendor() returns trigger language plpgsql as $$
      begin perform searchable_product_sync(array(select id from product where vendor_id = new.id)); return null; end $$;`);
    this.addSql(`create trigger searchable_product_vendor after update of status, is_local, is_umkk, business_name on vendor for each row
      when ((old.status, old.is_local, old.is_umkk, old.business_name) is distinct from (new.status, new.is_local, new.is_umkk, new.business_name))
      execute function searchable_product_on_vendor();`);
    this.addSql(`create or replace function searchable_product_on_category() returns trigger language plpgsql as $$
      begin perform searchable_product_sync(array(select id from product where category_id = new.id)); return null; end $$;`);
    this.addSql(`create trigger searchable_product_category after update of name, basic_needs on category for each row
      when ((old.name, old.basic_needs) is distinct from (new.name, new.basic_needs))
      execute function searchable_product_on_category();`);

    // The per-row vector on product and the triggers that kept it are replaced by the table above.
    for (const table of ['product', 'category', 'vendor']) {
      this.addSql(`drop trigger if exists ${table}_search_refresh on ${table};`);
      this.addSql(`drop function if exists ${table}_search_refresh();`);
    }
    this.addSql(`drop index "product_search_vector_index";`);
    this.addSql(`alter table "product" drop column "search_vector";`);
    this.addSql(`select searchable_product_sync(array(select id from product));`);
  }

  override async down(): Promise<void> {
    for (const trigger of ['insert', 'update', 'delete']) this.addSql(`drop trigger if exists searchable_product_${trigger} on product;`);
    this.addSql(`drop trigger if exists searchable_product_vendor on vendor;`);
    this.addSql(`drop trigger if exists searchable_product_category on category;`);
    this.addSql(`drop table if exists "searchable_product" cascade;`);

    this.addSql(`alter table "product" add column "search_vector" tsvector null;`);
    this.addSql(`create index "product_search_vector_index" on "product" ("search_vector");`);
  }

}
