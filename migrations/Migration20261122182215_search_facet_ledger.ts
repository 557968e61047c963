import { Migration } from '@mikro-orm/migrations';

export class Migration20261122182215_search_facet_ledger extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "search_facet_count" ("id" bigserial primary key, "pemda_id" uuid not null, "category_id" uuid not null, "is_local" boolean not null, "is_umkk" boolean not null, "is_pdn" boolean not null, "basic_needs" boolean not null, "price_band" smallint not null, "products" int not null);`);
    this.addSql(`create index "search_facet_count_pemda_index" on "search_facet_count" ("pemda_id");`);

    // The price bands of search/port.ts PRICE_BANDS, by index (a test holds the two together).
    this.addSql(`create or replace function search_price_band(price bigint) returns smallint language sql immutable as $$
      select (case when price < 10000 then 0 when price < 50000 then 1 when price < 100000 then 2
                   when price < 500000 then 3 when price < 1000000 then 4 else 5 end)::smallint $$;`);

    // The index refresh now also books what it removed and what it added into the facet ledger, one signed row per
    // cell: appends only, so concurrent catalogue writes never wait on a shared counter.
    this.addSql(`create or replace function searchable_product_sync(ids uuid[]) returns void language plpgsql as $$
      begin
        with gone as (delete from searchable_product s using unnest(ids) as changed(id) where s.product_id = changed.id returning s.*)
        insert into search_facet_count (pemda_id, category_id, is_local, is_umkk, is_pdn, basic_needs, price_band, products)
          select pemda_id, category_id, is_local, is_umkk, is_pdn, basic_needs, search_price_band(price), -count(*)
            from gone group by 1, 2, 3, 4, 5, 6, 7;
        with added as (
          insert into searchable_product (product_id, pemda_id, vendor_id, category_id, name, price, tkdn_percent,
                                          is_local, is_umkk, is_pdn, basic_needs, created_at, search_vector)
            select p.id, p.pemda_id, p.vendor_id, p.category_id, p.name, p.price, p.tkdn_percent,
                   v.is_local, v.is_umkk, p.is_pdn, c.basic_needs, p.created_at,
                   setweight(to_tsvector('indonesian', p.name), 'A') || setweight(to_tsvector('indonesian', c.name), 'B') ||
                   setweight(to_tsvector('indonesian', p.description), 'C') || setweight(to_tsvector('indonesian', v.business_name), 'D')
              from unnest(ids) as changed(id) join product p on p.id = changed.id
                   join vendor v on v.id = p.vendor_id join category c on c.id = p.category_id
             where p.status = 'PUBLISHED' and v.status = 'VERIFIED'
          returning *)
        insert into search_facet_count (pemda_id, category_id, is_local, is_umkk, is_pdn, basic_needs, price_band, products)
          select pemda_id, category_id, is_local, is_umkk, is_pdn, basic_needs, search_price_band(price), count(*)
            from added group by 1, 2, 3, 4, 5, 6, 7;
        -- The words typos are corrected to: names and categories of what buyers can find.
        insert into search_vocabulary (word)
          select distinct w from unnest(ids) as changed(id) join searchable_product s on s.product_id = changed.id
                 join category c on c.id = s.category_id, regexp_split_to_table(lower(s.name || ' ' || c.name), '[^[:alnum:]]+') w
           where length(w) >= 5
          on conflict do nothing;
      end $$;`);
    this.addSql(`insert into search_facet_count (pemda_id, category_id, is_local, is_umkk, is_pdn, basic_needs, price_band, products)
      select pemda_id, category_id, is_local, is_umkk, is_pdn, basic_needs, search_price_band(price), count(*)
        from searchable_product group by 1, 2, 3, 4, 5, 6, 7;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "search_facet_count" cascade;`);
  }

}
