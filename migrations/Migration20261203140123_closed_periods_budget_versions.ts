import { Migration } from '@mikro-orm/migrations';

export class Migration20261203140123_closed_periods_budget_versions extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "audit_log" drop constraint if exists "audit_log_subject_type_check";`);

    this.addSql(`alter table "pemda" add column "closed_through" varchar(7) null;`);

    this.addSql(`alter table "opd_budget" drop constraint "opd_budget_opd_year_unique";`);

    this.addSql(`alter table "opd_budget" add column "sequence" bigserial, add column "effective_from" date null, add column "reason" text null, add column "recorded_by" uuid null;`);
    this.addSql(`update "opd_budget" set "effective_from" = make_date("fiscal_year", 1, 1);`);
    this.addSql(`alter table "opd_budget" alter column "effective_from" set not null;`);

    // Closed periods, held by the database: no rollup of a closed month changes, no budget version takes effect in
    // one, a budget version never changes, and months once closed stay closed. The exception's text carries the
    // marker server/spend/closed-periods.ts turns into a message.
    this.addSql(`create or replace function katalog_month_is_closed(p_pemda uuid, p_month text) returns boolean language sql stable as $$
      select coalesce(p_month <= (select closed_through from pemda where id = p_pemda), false) $$;`);
    this.addSql(`create or replace function spend_rollup_closed_guard() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') and katalog_month_is_closed(old.pemda_id, old.month) then
          raise exception 'katalog_period_closed:%', old.month using errcode = 'check_violation';
        end if;
        if tg_op in ('INSERT', 'UPDATE') and katalog_month_is_closed(new.pemda_id, new.month) then
          raise exception 'katalog_period_closed:%', new.month using errcode = 'check_violation';
        end if;
        return coalesce(new, old);
      end $$;`);
    this.addSql(`create trigger spend_rollup_closed_guard before insert or update or delete on "spend_rollup" for each row execute function spend_rollup_closed_guard();`);
    this.addSql(`create or replace function opd_budget_versions_guard() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'INSERT' then raise exception 'opd_budget keeps every version: % refused', tg_op using errcode = 'insufficient_privilege'; end if;
        if katalog_month_is_closed(new.pemda_id, to_char(new.effective_from, 'YYYY-MM')) then
          raise exception 'katalog_period_closed:%', to_char(new.effective_from, 'YYYY-MM') using errcode = 'check_violation';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger opd_budget_versions_guard before insert or update or delete on "opd_budget" for each row execute function opd_budget_versions_guard();`);
    this.addSql(`create or replace function pemda_closed_through_forward() returns trigger language plpgsql as $$
      begin
        if old.closed_through is not null and (new.closed_through is null or new.closed_through < old.closed_through) then
          raise exception 'closed periods never reopen (% to %)', old.closed_through, new.closed_through using errcode = 'insufficient_privilege';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger pemda_closed_through_forward before update on "pemda" for each row execute function pemda_closed_through_forward();`);
    this.addSql(`create index "opd_budget_opd_year_index" on "opd_budget" ("opd_id", "fiscal_year", "effective_from");`);

    this.addSql(`alter table "external_spend" drop constraint external_spend_amount_check;`);

    this.addSql(`alter table "external_spend" add column "corrects_ref" varchar(255) null;`);
    this.addSql(`alter table "external_spend" add constraint external_spend_amount_check check(amount > 0 or (amount < 0 and corrects_ref is not null));`);

    this.addSql(`alter table "audit_log" add constraint "audit_log_subject_type_check" check("subject_type" in ('VENDOR', 'SPEND_PERIOD', 'EXTERNAL_SPEND', 'PRODUCT', 'ORDER', 'ASN_ORDER'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists pemda_closed_through_forward on "pemda";`);
    this.addSql(`drop trigger if exists opd_budget_versions_guard on "opd_budget";`);
    this.addSql(`drop trigger if exists spend_rollup_closed_guard on "spend_rollup";`);
    this.addSql(`drop function if exists pemda_closed_through_forward();`);
    this.addSql(`drop function if exists opd_budget_versions_guard();`);
    this.addSql(`drop function if exists spend_rollup_closed_guard();`);
    this.addSql(`drop function if exists katalog_month_is_closed(uuid, text);`);
    this.addSql(`alter table "audit_log" drop constraint if exists "audit_log_subject_type_check";`);

    this.addSql(`alter table "audit_log" add constraint "audit_log_subject_type_check" check("subject_type" in ('VENDOR', 'PRODUCT', 'ORDER', 'ASN_ORDER'));`);

    this.addSql(`alter table "external_spend" drop constraint external_spend_amount_check;`);
    this.addSql(`alter table "external_spend" drop column "corrects_ref";`);

    this.addSql(`alter table "external_spend" add constraint external_spend_amount_check check(amount > 0);`);

    this.addSql(`drop index "opd_budget_opd_year_index";`);
    this.addSql(`alter table "opd_budget" drop column "sequence", drop column "effective_from", drop column "reason", drop column "recorded_by";`);

    this.addSql(`alter table "opd_budget" add constraint "opd_budget_opd_year_unique" unique ("opd_id", "fiscal_year");`);

    this.addSql(`alter table "pemda" drop column "closed_through";`);
  }

}
