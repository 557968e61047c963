import { Migration } from '@mikro-orm/migrations';

/**
 * A Pemda's catalogue version (server/catalogue/catalogue-version.entity.ts), bumped from the database itself so
 * every path that writes a product, vendor, category or search synonym counts (the search index's own tables, the
 * vocabulary and the facet ledger, follow those rows by their own triggers in the same transaction). The triggers are deferred to the commit: the version
 * changes in the same transaction as the rows, and its row is locked only at the very end, after the transaction's
 * other locks (so two checkouts cannot deadlock on it), and once per Pemda per transaction (a 1,000-row import bumps
 * it once).
 */
const TABLES = ['product', 'vendor', 'category', 'search_synonym'];

export class Migration20261207131351_catalogue_version extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "catalogue_version" ("pemda_id" uuid not null, "version" bigint not null, constraint "catalogue_version_pkey" primary key ("pemda_id"));`);

    this.addSql(`create function catalogue_version_bump(pemda uuid) returns void language plpgsql as $$
declare
  bumped text := coalesce(current_setting('katalog.catalogue_bumped', true), '');
begin
  if pemda is null or position(pemda::text in bumped) > 0 then return; end if;
  insert into catalogue_version (pemda_id, version) values (pemda, (extract(epoch from clock_timestamp()) * 1000000)::bigint)
    on conflict (pemda_id) do update set version = greatest(catalogue_version.version + 1, excluded.version);
  perform set_config('katalog.catalogue_bumped', bumped || pemda::text || ',', true);
end $$;`);

    this.addSql(`create function catalogue_version_row_changed() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then perform catalogue_version_bump(old.pemda_id); end if;
  if tg_op <> 'DELETE' then perform catalogue_version_bump(new.pemda_id); end if;
  return null;
end $$;`);

    this.addSql(`create function catalogue_version_truncated() returns trigger language plpgsql as $$
begin
  update catalogue_version set version = greatest(version + 1, (extract(epoch from clock_timestamp()) * 1000000)::bigint);
  return null;
end $$;`);

    for (const table of TABLES) {
      this.addSql(`create constraint trigger "${table}_catalogue_version" after insert or update or delete on "${table}" deferrable initially deferred for each row execute function catalogue_version_row_changed();`);
      this.addSql(`create trigger "${table}_catalogue_version_truncated" after truncate on "${table}" for each statement execute function catalogue_version_truncated();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of TABLES) {
      this.addSql(`drop trigger if exists "${table}_catalogue_version" on "${table}";`);
      this.addSql(`drop trigger if exists "${table}_catalogue_version_truncated" on "${table}";`);
    }
    this.addSql(`drop function if exists catalogue_version_truncated();`);
    this.addSql(`drop function if exists catalogue_version_row_changed();`);
    this.addSql(`drop function if exists catalogue_version_bump(uuid);`);
    this.addSql(`drop table if exists "catalogue_version" cascade;`);
  }

}
