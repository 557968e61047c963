import { Migration } from '@mikro-orm/migrations';

/**
 * The outbox for the external engine is now written by the index refresh itself: a product gets an outbox row
 * exactly when its searchable row was removed or (re)written. Before, three separate row triggers wrote one on every
 * product write (taking stock included, though no search document holds the stock) and missed vendor and category
 * renames, which the documents do hold. Removing a product now also goes through the refresh, so the facet ledger
 * books it (it did not).
 */
export class Migration20261122193526_search_outbox_from_index extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop trigger if exists search_outbox_product on product;`);
    this.addSql(`drop trigger if exists search_outbox_vendor on vendor;`);
    this.addSql(`drop trigger if exists search_outbox_category on category;`);
    this.addSql(`drop function if exists search_outbox_product();`);
    this.addSql(`drop function if exists search_outbox_vendor();`);
    this.addSql(`drop function if exists search_outbox_category();`);

    this.addSql(`create or replace function searchable_product_sync(ids uuid[]) returns void language plpgsql as $$
      declare
        removed uuid[];
      begin
        with gone as (delete from searchable_product s using unnest(ids) as changed(id) where s.product_id = changed.id returning s.*),
        booked as (
          insert into search_facet_count (pemda_id, category_id, is_local, is_umkk, is_pdn, basic_needs, price_band, products)
            select pemda_id, category_id, is_local, is_umkk, is_pdn, basic_needs, search_price_band(price), -count(*)
              from gone group by 1, 2, 3, 4, 5, 6, 7),
        queued as (insert into search_outbox (product_id, pemda_id) select product_id, pemda_id from gone)
        select coalesce(array_agg(product_id), '{}') into removed from gone;
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
          returning *),
        booked as (
          insert into search_facet_count (pemda_id, category_id, is_local, is_umkk, is_pdn, basic_needs, price_band, products)
            select pemda_id, category_id, is_local, is_umkk, is_pdn, basic_needs, search_price_band(price), count(*)
              from added group by 1, 2, 3, 4, 5, 6, 7)
        -- Newly visible products; those rewritten were queued with the removals (an anti-join, not a scan of the array).
        insert into search_outbox (product_id, pemda_id)
          select a.product_id, a.pemda_id from added a left join unnest(removed) as r(id) on r.id = a.product_id where r.id is null;
        -- The words typos are corrected to: names and categories of what buyers can find.
        insert into search_vocabulary (word)
          select distinct w from unnest(ids) as changed(id) join searchable_product s on s.product_id = changed.id
                 join category c on c.id = s.category_id, regexp_split_to_table(lower(s.name || ' ' || c.name), '[^[:alnum:]]+') w
           where length(w) >= 5
          on conflict do nothing;
      end $$;`);

    this.addSql(`create or replace function searchable_product_on_product() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          perform searchable_product_sync(array(select id from new_rows));
        elsif tg_op = 'DELETE' then
          perform searchable_product_sync(array(select id from old_rows));
        else
          perform searchable_product_sync(array(
            select n.id from new_rows n join old_rows o on o.id = n.id
             where (n.name, n.description, n.category_id, n.vendor_id, n.pemda_id, n.price, n.tkdn_percent, n.is_pdn, n.status, n.created_at)
                   is distinct from (o.name, o.description, o.category_id, o.vendor_id, o.pemda_id, o.price, o.tkdn_percent, o.is_pdn, o.status, o.created_at)));
        end if;
        return null;
      end $$;`);
  }

  override async down(): Promise<void> {
    // Not reversible on its own: the earlier row triggers would have to come back with the earlier refresh function
    // (Migration20261122160640_search and Migration20261122182215_search_facet_ledger). Down migrations are not used here.
    throw new Error('Migration20261122193526_search_outbox_from_index cannot be reverted.');
  }

}
