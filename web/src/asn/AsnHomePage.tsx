import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { ASN_MONTH_STATUS, ASN_REPORT_STATUS, dateName, label, localDateOf, localToday, monthName, rupiah } from '../lib/format';
import { uploadFile } from '../lib/upload';
import { fieldErrorsOf } from '../lib/fieldErrors';
import { useFieldErrors } from '../lib/useFieldErrors';
import { NoticeLine, type Notice } from '../lib/useAction';

const AsnHome = graphql(`
  query AsnHome($pemdaId: ID!, $month: String!) {
    asnProgrammes(pemdaId: $pemdaId) { id name reportingClosesAt(month: $month) outlets { id name } }
    myAsnReports { id purchasedOn month amount items status rejectionReason asnOrderId }
  }
`);
const MonthRow = graphql(`
  query AsnMonthRow($programmeId: ID!, $month: String!) {
    asnMonthlyCompliance(programmeId: $programmeId, month: $month) { required reported counted status }
  }
`);
const Report = graphql(`
  mutation ReportAsnPurchase($input: ReportAsnPurchaseInput!) { reportAsnPurchase(input: $input) { id status } }
`);

const DAY_MS = 24 * 3600 * 1000;

/**
 * "Rp75.000 dari Rp100.000 · lapor paling lambat 10 Januari 2027 (5 hari lagi)": the month's standing against the ASN's
 * minimum, and the last day to report it (reporting closes as that day ends in the Pemda's time zone).
 */
function MonthStatus({ programmeId, month, closesAt, timeZone }: { programmeId: string; month: string; closesAt: string; timeZone: string }) {
  const [{ data }] = useQuery({ query: MonthRow, variables: { programmeId, month }, requestPolicy: 'network-only' });
  const row = data?.asnMonthlyCompliance[0];
  if (!row) return <p>Memuat…</p>;
  const daysLeft = Math.max(0, Math.ceil((new Date(closesAt).getTime() - Date.now()) / DAY_MS));
  const lastDay = localDateOf(new Date(new Date(closesAt).getTime() - 1), timeZone);
  return (
    <p data-testid="asn-month">
      <strong>{rupiah(row.counted)}</strong> dari {rupiah(row.required)} · lapor paling lambat {dateName(lastDay)} ({daysLeft} hari lagi) · <span className="badge">{label(ASN_MONTH_STATUS, row.status)}</span>
      {row.reported !== row.counted && <><br /><small>Dilaporkan {rupiah(row.reported)}; yang dihitung hanya yang memenuhi aturan program.</small></>}
    </p>
  );
}

/**
 * An ASN's month, phone first: where they stand against the minimum for their grade and how many days are left,
 * a purchase reported with the receipt photographed on the spot, and the reports filed so far.
 */
export function AsnHomePage({ pemdaId, timeZone }: { pemdaId: string; timeZone: string }) {
  const today = localToday(timeZone);
  const month = today.slice(0, 7);
  const [{ data, error }, refresh] = useQuery({ query: AsnHome, variables: { pemdaId, month }, requestPolicy: 'cache-and-network' });
  const [, report] = useMutation(Report);
  const [message, setMessage] = useState<Notice | null>(null);
  const { errors: fieldErrors, setErrors: setFieldErrors, message: err } = useFieldErrors();
  const [refreshKey, setRefreshKey] = useState(0);
  const [sending, setSending] = useState(false);
  if (error) return <p role="alert" className="error">{error.graphQLErrors[0]?.message ?? 'Gagal memuat.'}</p>;
  if (!data) return <p>Memuat…</p>;
  const programmes = data.asnProgrammes;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const file = form.get('receipt');
    setMessage(null);
    if (!(file instanceof File) || file.size === 0) return setFieldErrors({ receiptUploadId: 'Foto struknya dahulu.' });
    setSending(true);
    const uploaded = await uploadFile('RECEIPT', file);
    if ('error' in uploaded) {
      setSending(false);
      return setFieldErrors({ receiptUploadId: uploaded.error });
    }
    const result = await report({
      input: {
        programmeId: String(form.get('programmeId')), outletId: String(form.get('outletId')), purchasedOn: String(form.get('purchasedOn')),
        amount: Number(String(form.get('amount') ?? '').replace(/\D/g, '')), items: String(form.get('items') ?? '').trim(),
        basicNeeds: form.get('basicNeeds') === 'on', receiptUploadId: uploaded.id,
      },
    });
    setSending(false);
    const e = result.error?.graphQLErrors[0];
    setFieldErrors(fieldErrorsOf(e));
    if (e) return setMessage({ text: e.message, ok: false });
    setMessage({ text: `Belanja dilaporkan: ${label(ASN_REPORT_STATUS, result.data!.reportAsnPurchase.status)}.`, ok: true });
    formElement.reset();
    refresh({ requestPolicy: 'network-only' });
    setRefreshKey((k) => k + 1);
  }
  const [first] = programmes;
  return (
    <>
      <h1>Belanja UMKM {monthName(month)}</h1>
      {programmes.length === 0 && <p>Belum ada program belanja ASN di Pemda ini.</p>}
      {programmes.map((p) => (
        <section key={p.id} className="card">
          <h2>{p.name}</h2>
          {/* Remounted after each report, so the standing is read again. */}
          <MonthStatus key={refreshKey} programmeId={p.id} month={month} closesAt={p.reportingClosesAt} timeZone={timeZone} />
        </section>
      ))}
      <NoticeLine notice={message} />
      {first && (
        <form className="card" onSubmit={submit} noValidate>
          <h2>Laporkan belanja</h2>
          <label>Program
            <select name="programmeId" defaultValue={first.id}>{programmes.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}</select>
          </label>
          <label>Gerai
            <select name="outletId" defaultValue="">
              <option value="" disabled>Pilih gerai</option>
              {first.outlets.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>{err('outletId')}
          </label>
          <label>Tanggal belanja<input type="date" name="purchasedOn" defaultValue={today} max={today} />{err('purchasedOn')}</label>
          <label>Nilai belanja (Rp)<input name="amount" inputMode="numeric" required />{err('amount')}</label>
          <label>Barang yang dibeli<input name="items" required />{err('items')}</label>
          <label className="check"><input type="checkbox" name="basicNeeds" /> Kebutuhan pokok</label>{err('basicNeeds')}
          <label>Foto struk
            <input type="file" name="receipt" accept="image/*" capture="environment" aria-invalid={Boolean(fieldErrors.receiptUploadId)} aria-describedby={fieldErrors.receiptUploadId ? 'receiptUploadId-error' : undefined} />
            {err('receiptUploadId')}
          </label>
          <button type="submit" disabled={sending}>{sending ? 'Mengirim…' : 'Laporkan'}</button>
        </form>
      )}
      <section className="card">
        <h2>Laporan saya</h2>
        <ul className="stack">
          {data.myAsnReports.map((r) => (
            <li key={r.id} data-testid="asn-report">
              {dateName(r.purchasedOn)} · <strong>{rupiah(r.amount)}</strong> · {r.items} · <span className="badge">{label(ASN_REPORT_STATUS, r.status)}</span>
              {r.asnOrderId && <small> (dibeli lewat katalog)</small>}
              {r.rejectionReason && <><br /><small>Alasan penolakan: {r.rejectionReason}</small></>}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
