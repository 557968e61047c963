import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { MonthColumns } from '../lib/charts';
import { fieldErrorsOf } from '../lib/fieldErrors';
import { dateName, dateTime, localToday, ORDER_STATUS, rupiah } from '../lib/format';
import { OpdTiles } from '../lib/OpdTiles';
import { useFieldErrors } from '../lib/useFieldErrors';
import { digitsOf } from '../lib/formValues';
import { NoticeLine, noticeOf, type Notice } from '../lib/useAction';

const OpdView = graphql(`
  query OpdView($pemdaId: ID!, $opdId: ID!, $year: Int!) {
    opd(id: $opdId) { id name shortName code }
    spendRecap(pemdaId: $pemdaId, opdId: $opdId, period: { year: $year, yearToDate: true }) {
      targetPercent
      opds { budget plannedUmkk allocatedUmkk plannedUmkkShare allocatedUmkkShare realisedUmkk umkkShareOfBudget catalogueTotal externalTotal shortfall status opd { id } }
    }
    spendMonthlySeries(pemdaId: $pemdaId, year: $year, opdId: $opdId) { month realisedUmkk umkkShareOfBudgetYearToDate }
    opdBudgetHistory(opdId: $opdId, fiscalYear: $year) { id effectiveFrom goodsServicesBudget plannedUmkk allocatedUmkk reason createdAt }
    orders(first: 20, filter: { opdId: $opdId }) { totalCount edges { node { id code status total createdAt vendorIsUmkk vendor { id businessName } } } }
  }
`);

const SetBudget = graphql(`mutation SetOpdBudget($input: OpdBudgetInput!) { setOpdBudget(input: $input) { id effectiveFrom } }`);

type Budget = { goodsServicesBudget: number; plannedUmkk: number; allocatedUmkk: number };
const digits = (value: FormDataEntryValue | null) => Number(digitsOf(value) || NaN);

/**
 * A new version of the OPD's budget (APBD-Perubahan, or a shift between OPDs): from a date in an open period, with the
 * reason, never overwriting the version before, which the recaps of earlier months keep reading.
 */
function NewBudgetVersion({ opdId, year, latest, today, onSaved }: { opdId: string; year: number; latest: Budget | undefined; today: string; onSaved: () => void }) {
  const [, setBudget] = useMutation(SetBudget);
  const { setErrors, message: err } = useFieldErrors();
  const [notice, setNotice] = useState<Notice | null>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await setBudget({ input: {
      opdId, fiscalYear: year, goodsServicesBudget: digits(form.get('goodsServicesBudget')), plannedUmkk: digits(form.get('plannedUmkk')),
      allocatedUmkk: digits(form.get('allocatedUmkk')), effectiveFrom: String(form.get('effectiveFrom') ?? '') || null, reason: String(form.get('reason') ?? '').trim() || null,
    } });
    setErrors(fieldErrorsOf(result.error?.graphQLErrors[0]));
    setNotice(noticeOf(result, `Versi pagu baru berlaku mulai ${result.data ? dateName(result.data.setOpdBudget.effectiveFrom) : ''}.`));
    if (!result.error) onSaved();
  }
  const amount = (n: number | undefined) => (n === undefined ? '' : n.toLocaleString('id-ID'));
  return (
    <details>
      <summary>Versi pagu baru (APBD-Perubahan)</summary>
      <form onSubmit={submit} noValidate aria-label="Versi pagu baru">
        <NoticeLine notice={notice} />
        <label>Pagu belanja barang/jasa (Rp)<input name="goodsServicesBudget" inputMode="numeric" defaultValue={amount(latest?.goodsServicesBudget)} />{err('goodsServicesBudget')}</label>
        <label>Rencana UMK-K (Rp)<input name="plannedUmkk" inputMode="numeric" defaultValue={amount(latest?.plannedUmkk)} />{err('plannedUmkk')}</label>
        <label>Alokasi UMK-K (Rp)<input name="allocatedUmkk" inputMode="numeric" defaultValue={amount(latest?.allocatedUmkk)} />{err('allocatedUmkk')}</label>
        <label>Berlaku mulai<input name="effectiveFrom" type="date" defaultValue={today} min={`${year}-01-01`} max={`${year}-12-31`} />{err('effectiveFrom')}</label>
        <label>Alasan (mis. APBD-Perubahan, Perda nomor ...)<input name="reason" />{err('reason')}</label>
        <button type="submit">Simpan versi pagu</button>
      </form>
    </details>
  );
}

/** One OPD: planned, allocated and realised (Inpres 2/2022), its months, and every version of its budget. */
export function OpdPage({ pemdaId, opdId, timeZone }: { pemdaId: string; opdId: string; timeZone: string }) {
  const today = localToday(timeZone);
  const year = Number(today.slice(0, 4));
  const [{ data, error }, refresh] = useQuery({ query: OpdView, variables: { pemdaId, opdId, year } });
  if (error) return <p role="alert" className="error">{error.graphQLErrors[0]?.message}</p>;
  if (!data) return <p>Memuat…</p>;
  const row = data.spendRecap.opds.find((o) => o.opd.id === opdId);
  return (
    <>
      <h1>{data.opd.name}</h1>
      {row && <OpdTiles row={row} />}
      <section className="card">
        <h2>Porsi UMK-K kumulatif dari pagu, per bulan</h2>
        <MonthColumns label={`Porsi UMK-K ${data.opd.shortName} per bulan`} target={data.spendRecap.targetPercent} points={data.spendMonthlySeries} />
      </section>
      <section className="card">
        <h2>Paket terbaru ({data.orders.totalCount} paket)</h2>
        <table>
          <thead><tr><th>Kode</th><th>Dibuat</th><th>Penyedia</th><th className="num">Nilai</th><th>Status</th></tr></thead>
          <tbody>
            {data.orders.edges.map(({ node: o }) => (
              <tr key={o.id}><td>{o.code}</td><td>{dateTime(o.createdAt, timeZone)}</td><td>{o.vendor.businessName}{o.vendorIsUmkk ? ' (UMK-K)' : ''}</td><td className="num">{rupiah(o.total)}</td><td>{ORDER_STATUS[o.status] ?? o.status}</td></tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card">
        <h2>Riwayat pagu {year}</h2>
        <table>
          <thead><tr><th>Berlaku mulai</th><th className="num">Pagu</th><th className="num">Rencana UMK-K</th><th className="num">Alokasi UMK-K</th><th>Alasan</th></tr></thead>
          <tbody>
            {data.opdBudgetHistory.map((b) => (
              <tr key={b.id} data-testid="budget-version"><td>{dateName(b.effectiveFrom)}</td><td className="num">{rupiah(b.goodsServicesBudget)}</td><td className="num">{rupiah(b.plannedUmkk)}</td><td className="num">{rupiah(b.allocatedUmkk)}</td><td>{b.reason ?? 'APBD'}</td></tr>
            ))}
          </tbody>
        </table>
        <NewBudgetVersion opdId={opdId} year={year} today={today} latest={data.opdBudgetHistory.at(-1)} onSaved={() => refresh({ requestPolicy: 'network-only' })} />
      </section>
    </>
  );
}
