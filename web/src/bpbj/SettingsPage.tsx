import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { HolidayKind } from '../gql/graphql';
import { fieldErrorsOf } from '../lib/fieldErrors';
import { dateName, label, localToday, monthName } from '../lib/format';
import { useFieldErrors } from '../lib/useFieldErrors';
import { digitsOf } from '../lib/formValues';
import { NoticeLine, noticeOf, type Notice, type Outcome } from '../lib/useAction';

const Settings = graphql(`
  query PemdaSettings($pemdaId: ID!, $year: Int!) {
    pemda(id: $pemdaId) {
      id localSpendTargetPercent catalogueSpendTarget listedProductsTarget closedThrough documentNumberPattern repeatVendorLimit repeatVendorWindowDays
    }
    holidays(pemdaId: $pemdaId, year: $year) { id date name kind }
    searchSynonyms(pemdaId: $pemdaId) { id term expansions }
  }
`);
const UpdateTargets = graphql(`mutation UpdatePemdaTargets($id: ID!, $input: PemdaTargetsInput!) { updatePemdaTargets(id: $id, input: $input) { id localSpendTargetPercent catalogueSpendTarget listedProductsTarget } }`);
const SetRepeatVendorRule = graphql(`mutation SetRepeatVendorRule($id: ID!, $limit: Int!, $windowDays: Int!) { setRepeatVendorRule(id: $id, limit: $limit, windowDays: $windowDays) { id repeatVendorLimit repeatVendorWindowDays } }`);
const SetDocumentNumberPattern = graphql(`mutation SetDocumentNumberPattern($id: ID!, $pattern: String!) { setDocumentNumberPattern(id: $id, pattern: $pattern) { id documentNumberPattern } }`);
const ClosePeriods = graphql(`mutation CloseSpendPeriods($pemdaId: ID!, $month: String!, $reason: String!) { closeSpendPeriods(pemdaId: $pemdaId, month: $month, reason: $reason) { id closedThrough } }`);
const AddHoliday = graphql(`mutation AddRegionalHoliday($pemdaId: ID!, $date: String!, $name: String!) { addRegionalHoliday(pemdaId: $pemdaId, date: $date, name: $name) { id } }`);
const RemoveHoliday = graphql(`mutation RemoveRegionalHoliday($id: ID!) { removeRegionalHoliday(id: $id) { id } }`);
const SetSynonym = graphql(`mutation SetSearchSynonym($pemdaId: ID!, $term: String!, $expansions: [String!]!) { setSearchSynonym(pemdaId: $pemdaId, term: $term, expansions: $expansions) { id term expansions } }`);

const HOLIDAY_KIND: Record<HolidayKind, string> = { NATIONAL: 'Libur nasional', CUTI_BERSAMA: 'Cuti bersama', REGIONAL: 'Libur daerah' };
const digits = (value: FormDataEntryValue | null) => Number(digitsOf(value));

/** A settings form: its own notice and the API's per-field messages beside its fields. */
function SettingsForm({ title, children, send }: { title: string; children: (err: (field: string) => ReactNode) => ReactNode; send: (form: FormData) => Promise<[Outcome, string]> }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const { setErrors, message: err } = useFieldErrors();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const [result, done] = await send(new FormData(event.currentTarget));
    setErrors(fieldErrorsOf(result.error?.graphQLErrors[0]));
    setNotice(noticeOf(result, done));
  }
  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <NoticeLine notice={notice} />
      {children(err)}
    </form>
  );
}

/**
 * The Pemda's rules, which BPBJ sets: the targets the dashboard and the award measure against, the repeat-vendor
 * warning, how order documents are numbered, the months closed after reconciliation (never reopened), the regional
 * days off that working-day deadlines skip, and the search's synonyms.
 */
export function SettingsPage({ pemdaId, timeZone }: { pemdaId: string; timeZone: string }) {
  const today = localToday(timeZone);
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [{ data }, refresh] = useQuery({ query: Settings, variables: { pemdaId, year } });
  const [, updateTargets] = useMutation(UpdateTargets);
  const [, setRepeatVendorRule] = useMutation(SetRepeatVendorRule);
  const [, setPattern] = useMutation(SetDocumentNumberPattern);
  const [, closePeriods] = useMutation(ClosePeriods);
  const [, addHoliday] = useMutation(AddHoliday);
  const [, removeHoliday] = useMutation(RemoveHoliday);
  const [, setSynonym] = useMutation(SetSynonym);
  const [notice, setNotice] = useState<Notice | null>(null);
  if (!data) return <p>Memuat…</p>;
  const p = data.pemda;
  const reread = () => refresh({ requestPolicy: 'network-only' });
  const after = async (result: Outcome, done: string): Promise<[Outcome, string]> => {
    if (!result.error) reread();
    return [result, done];
  };

  return (
    <>
      <h1>Pengaturan</h1>
      <NoticeLine notice={notice} />
      <section className="card" aria-label="Target dan aturan">
        <h2>Target dan aturan</h2>
        <SettingsForm title="Target" send={async (form) => after(await updateTargets({ id: p.id, input: {
          localSpendTargetPercent: Number(String(form.get('localSpendTargetPercent')).replace(',', '.')),
          catalogueSpendTarget: digits(form.get('catalogueSpendTarget')),
          listedProductsTarget: digits(form.get('listedProductsTarget')),
        } }), 'Target disimpan.')}>
          {(err) => (
            <>
              <label>Target belanja produk UMK-K (% dari pagu barang/jasa, minimal 40)<input name="localSpendTargetPercent" inputMode="decimal" defaultValue={String(p.localSpendTargetPercent).replace('.', ',')} />{err('localSpendTargetPercent')}</label>
              <label>Target belanja lewat katalog lokal setahun (Rp)<input name="catalogueSpendTarget" inputMode="numeric" defaultValue={p.catalogueSpendTarget.toLocaleString('id-ID')} />{err('catalogueSpendTarget')}</label>
              <label>Target produk tayang<input name="listedProductsTarget" inputMode="numeric" defaultValue={p.listedProductsTarget} />{err('listedProductsTarget')}</label>
              <button type="submit">Simpan target</button>
            </>
          )}
        </SettingsForm>
        <SettingsForm title="Peringatan penyedia berulang" send={async (form) => after(await setRepeatVendorRule({ id: p.id, limit: digits(form.get('limit')), windowDays: digits(form.get('windowDays')) }), 'Aturan penyedia berulang disimpan.')}>
          {(err) => (
            <>
              <p><small>Setelah sekian paket dari satu OPD ke satu penyedia dalam jangka waktu ini, paket berikutnya ke penyedia itu diberi peringatan. 0 mematikan aturan.</small></p>
              <label>Jumlah paket<input name="limit" inputMode="numeric" defaultValue={p.repeatVendorLimit} />{err('limit')}</label>
              <label>Dalam (hari)<input name="windowDays" inputMode="numeric" defaultValue={p.repeatVendorWindowDays} />{err('windowDays')}</label>
              <button type="submit">Simpan aturan</button>
            </>
          )}
        </SettingsForm>
        <SettingsForm title="Penomoran dokumen" send={async (form) => after(await setPattern({ id: p.id, pattern: String(form.get('pattern')).trim() }), 'Pola nomor dokumen disimpan.')}>
          {(err) => (
            <>
              <label>Pola nomor surat pesanan dan BAST ({'{JENIS}'}, {'{NOMOR}'}, {'{OPD}'}, {'{BULAN}'}, {'{TAHUN}'})<input name="pattern" defaultValue={p.documentNumberPattern} />{err('pattern')}</label>
              <button type="submit">Simpan pola</button>
            </>
          )}
        </SettingsForm>
      </section>

      <section className="card" aria-label="Tutup periode">
        <h2>Tutup periode</h2>
        <p data-testid="closed-through">{p.closedThrough ? `Ditutup sampai ${monthName(p.closedThrough)}: angka bulan-bulan itu tidak berubah lagi.` : 'Belum ada periode yang ditutup.'}</p>
        <SettingsForm title="Tutup sampai bulan" send={async (form) => {
          const month = String(form.get('month'));
          if (!window.confirm(`Tutup semua bulan sampai ${month ? monthName(month) : '-'}? Periode yang ditutup tidak dapat dibuka lagi.`)) return [{}, 'Dibatalkan.'];
          return after(await closePeriods({ pemdaId, month, reason: String(form.get('reason')).trim() }), `Periode sampai ${month ? monthName(month) : ''} ditutup.`);
        }}>
          {(err) => (
            <>
              <label>Bulan terakhir yang ditutup<input name="month" type="month" />{err('month')}</label>
              <label>Alasan (mis. rekonsiliasi triwulan selesai)<input name="reason" />{err('reason')}</label>
              <button type="submit">Tutup periode</button>
            </>
          )}
        </SettingsForm>
      </section>

      <section className="card" aria-label="Hari libur">
        <h2>Hari libur</h2>
        <p><small>Batas waktu hari kerja (jawaban penyedia, konfirmasi pembayaran) melewati hari libur.</small></p>
        <label>Tahun
          <select value={year} onChange={(e) => setYear(Number(e.target.value))}>{[thisYear - 1, thisYear, thisYear + 1].map((y) => <option key={y} value={y}>{y}</option>)}</select>
        </label>
        <table>
          <thead><tr><th>Tanggal</th><th>Nama</th><th>Jenis</th><th>Tindakan</th></tr></thead>
          <tbody>
            {data.holidays.map((h) => (
              <tr key={h.id}>
                <td>{dateName(h.date)}</td><td>{h.name}</td><td>{label(HOLIDAY_KIND, h.kind)}</td>
                <td>{h.kind === 'REGIONAL' && h.date >= today && (
                  <button className="secondary" onClick={async () => { setNotice(noticeOf(await removeHoliday({ id: h.id }), `${h.name} dihapus dari hari libur.`)); reread(); }}>Hapus</button>
                )}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <SettingsForm title="Tambah libur daerah" send={async (form) => after(await addHoliday({ pemdaId, date: String(form.get('date')), name: String(form.get('name')).trim() }), 'Libur daerah ditambahkan.')}>
          {(err) => (
            <>
              <label>Tanggal<input name="date" type="date" />{err('date')}</label>
              <label>Nama (mis. Hari Jadi Kota)<input name="name" />{err('name')}</label>
              <button type="submit">Tambah</button>
            </>
          )}
        </SettingsForm>
      </section>

      <section className="card" aria-label="Sinonim pencarian">
        <h2>Sinonim pencarian</h2>
        <table>
          <thead><tr><th>Kata</th><th>Juga dicari sebagai</th><th>Tindakan</th></tr></thead>
          <tbody>
            {data.searchSynonyms.map((s) => (
              <tr key={s.id}>
                <td>{s.term}</td><td>{s.expansions.join(', ')}</td>
                <td><button className="secondary" onClick={async () => { setNotice(noticeOf(await setSynonym({ pemdaId, term: s.term, expansions: [] }), `Sinonim "${s.term}" dihapus.`)); reread(); }}>Hapus</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        <SettingsForm title="Tambah atau ubah sinonim" send={async (form) => after(await setSynonym({
          pemdaId, term: String(form.get('term')).trim(), expansions: String(form.get('expansions')).split(',').map((e) => e.trim()).filter(Boolean),
        }), 'Sinonim disimpan.')}>
          {(err) => (
            <>
              <label>Kata (satu kata, mis. migor)<input name="term" />{err('term')}</label>
              <label>Juga dicari sebagai, dipisah koma (mis. minyak goreng)<input name="expansions" />{err('expansions')}</label>
              <button type="submit">Simpan sinonim</button>
            </>
          )}
        </SettingsForm>
      </section>
    </>
  );
}
