import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { PemdaKind } from '../gql/graphql';
import { navigate, useLocation } from '../app/router';
import { AccountTable } from '../account/AccountTable';
import { fieldErrorsOf } from '../lib/fieldErrors';
import { suggestedPassword } from '../lib/passwords';
import { NoticeLine, noticeOf, type Notice } from '../lib/useAction';
import { useFieldErrors } from '../lib/useFieldErrors';

const Pemdas = graphql(`query PlatformPemdas { pemdas { id name kind province kemendagriCode timeZone localSpendTargetPercent } }`);
const BpbjAccounts = graphql(`
  query PemdaBpbjAccounts($pemdaId: ID!) {
    users(pemdaId: $pemdaId, roles: [BPBJ]) { id email fullName role active lastLoginAt mustChangePassword opd { id shortName } }
  }
`);
const CreatePemda = graphql(`mutation CreatePemda($input: CreatePemdaInput!) { createPemda(input: $input) { id name } }`);
const UpdatePemda = graphql(`mutation UpdatePemda($id: ID!, $input: UpdatePemdaInput!) { updatePemda(id: $id, input: $input) { id name kind province kemendagriCode timeZone } }`);
const CreateBpbjAccount = graphql(`mutation CreateBpbjAccount($input: CreateUserInput!) { createUser(input: $input) { id email } }`);

const ZONES: [string, string][] = [['Asia/Jakarta', 'WIB (Asia/Jakarta)'], ['Asia/Makassar', 'WITA (Asia/Makassar)'], ['Asia/Jayapura', 'WIT (Asia/Jayapura)']];
const KIND: Record<PemdaKind, string> = { KOTA: 'Kota', KABUPATEN: 'Kabupaten' };

/** One Pemda's BPBJ officers: the accounts that run its catalogue, given by the platform with a first password. */
function BpbjOfficers({ pemda, onNotice }: { pemda: { id: string; name: string; timeZone: string }; onNotice: (notice: Notice) => void }) {
  const [{ data }, refresh] = useQuery({ query: BpbjAccounts, variables: { pemdaId: pemda.id } });
  const [, create] = useMutation(CreateBpbjAccount);
  const [password, setPassword] = useState(suggestedPassword);
  const form = useFieldErrors();
  const reread = () => refresh({ requestPolicy: 'network-only' });

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const values = new FormData(element);
    const input = { pemdaId: pemda.id, role: 'BPBJ' as const, fullName: String(values.get('fullName')).trim(), email: String(values.get('email')).trim(), password: String(values.get('password')) };
    const result = await create({ input });
    form.setErrors(fieldErrorsOf(result.error?.graphQLErrors[0]));
    onNotice(noticeOf(result, `Akun BPBJ ${input.email} dibuat. Sampaikan kata sandi pertamanya (${input.password}) langsung kepada pemiliknya; ia diminta menggantinya saat pertama masuk.`));
    if (!result.error) {
      element.reset();
      setPassword(suggestedPassword());
    }
    reread();
  }

  return (
    <section className="card" aria-label={`BPBJ ${pemda.name}`}>
      <h2>BPBJ {pemda.name}</h2>
      <AccountTable accounts={data?.users ?? []} timeZone={pemda.timeZone} showOpd={false} onDone={(notice) => { onNotice(notice); reread(); }} />
      <h3>Buat akun BPBJ</h3>
      <form onSubmit={add} noValidate aria-label="Buat akun BPBJ">
        {form.field('fullName', 'Nama lengkap', { autoComplete: 'off' })}
        {form.field('email', 'Email dinas', { type: 'email', autoComplete: 'off' })}
        {form.field('password', 'Kata sandi pertama (sampaikan langsung; pemiliknya menggantinya saat pertama masuk)', { value: password, onChange: (e: { target: { value: string } }) => setPassword(e.target.value), autoComplete: 'off' })}
        <button type="submit">Buat akun BPBJ</button>
      </form>
    </section>
  );
}

type PemdaShown = { id: string; name: string; kind: PemdaKind; province: string; kemendagriCode: string; timeZone: string };

/**
 * A registered Pemda corrected: its name, kind and province at any time; its code and zone only until it records an
 * order, spend or an ASN programme (the API refuses them after that, in words shown here). The reason goes on the log.
 */
function PemdaCorrection({ pemda, onNotice }: { pemda: PemdaShown; onNotice: (notice: Notice) => void }) {
  const [, update] = useMutation(UpdatePemda);
  const { setErrors, message: err } = useFieldErrors();

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    const text = (name: string) => String(values.get(name) ?? '').trim();
    const result = await update({ id: pemda.id, input: { name: text('name'), kind: text('kind') as PemdaKind, province: text('province'), kemendagriCode: text('kemendagriCode'), timeZone: text('timeZone'), reason: text('reason') } });
    setErrors(fieldErrorsOf(result.error?.graphQLErrors[0]));
    onNotice(noticeOf(result, `Data ${result.data?.updatePemda.name} diperbarui; alasannya tercatat di log audit.`));
  }

  return (
    <details className="card">
      <summary>Ubah data {pemda.name}</summary>
      <form onSubmit={save} noValidate aria-label="Ubah data Pemda">
        <label>Nama resmi<input name="name" defaultValue={pemda.name} />{err('name')}</label>
        <label>Jenis<select name="kind" defaultValue={pemda.kind}>{Object.entries(KIND).map(([kind, name]) => <option key={kind} value={kind}>{name}</option>)}</select></label>
        <label>Provinsi<input name="province" defaultValue={pemda.province} />{err('province')}</label>
        <label>Kode Kemendagri (NN.NN; tetap setelah ada pesanan, belanja atau program ASN)<input name="kemendagriCode" defaultValue={pemda.kemendagriCode} />{err('kemendagriCode')}</label>
        <label>Zona waktu (tetap setelah ada pesanan, belanja atau program ASN)<select name="timeZone" defaultValue={pemda.timeZone}>{ZONES.map(([zone, name]) => <option key={zone} value={zone}>{name}</option>)}</select>{err('timeZone')}</label>
        <label>Alasan perubahan<input name="reason" placeholder="Salah ketik saat pendaftaran" />{err('reason')}</label>
        <button type="submit">Simpan perubahan</button>
      </form>
    </details>
  );
}

/**
 * The platform admin's workspace: the Pemdas on the platform, a new one added (it opens with the standard category
 * tree and search synonyms), and each Pemda's BPBJ accounts; BPBJ does the rest from its own workspace (OPDs and
 * their officers, targets, the catalogue).
 */
export function PemdasPage() {
  const [{ data }, refresh] = useQuery({ query: Pemdas });
  const [, createPemda] = useMutation(CreatePemda);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { setErrors, message: err } = useFieldErrors();
  const chosen = useLocation().searchParams.get('pemda');
  const pemda = data?.pemdas.find((p) => p.id === chosen);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const values = new FormData(element);
    const text = (name: string) => String(values.get(name) ?? '').trim();
    const result = await createPemda({ input: {
      name: text('name'), kind: text('kind') as PemdaKind, province: text('province'), kemendagriCode: text('kemendagriCode'), timeZone: text('timeZone'),
      localSpendTargetPercent: Number(text('localSpendTargetPercent').replace(',', '.')),
    } });
    setErrors(fieldErrorsOf(result.error?.graphQLErrors[0]));
    setNotice(noticeOf(result, `${result.data?.createPemda.name} terdaftar, dengan pohon kategori standar. Buat akun BPBJ-nya di bawah.`));
    if (result.data) {
      element.reset();
      refresh({ requestPolicy: 'network-only' });
      navigate(`/admin?pemda=${result.data.createPemda.id}`);
    }
  }

  return (
    <>
      <h1>Pemda di platform</h1>
      <NoticeLine notice={notice} />
      <section className="card">
        <table data-testid="pemdas">
          <thead><tr><th>Pemda</th><th>Provinsi</th><th>Kode Kemendagri</th><th>Zona waktu</th><th className="num">Target UMK-K</th></tr></thead>
          <tbody>
            {data?.pemdas.map((p) => (
              <tr key={p.id} aria-current={p.id === chosen || undefined}>
                <td><button className="link" onClick={() => navigate(`/admin?pemda=${p.id}`)}>{p.name}</button></td>
                <td>{p.province}</td><td>{p.kemendagriCode}</td><td>{p.timeZone}</td>
                <td className="num">{String(p.localSpendTargetPercent).replace('.', ',')}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {pemda && <PemdaCorrection key={`${pemda.id}-${pemda.name}-${pemda.kemendagriCode}-${pemda.timeZone}`} pemda={pemda} onNotice={(n) => { setNotice(n); refresh({ requestPolicy: 'network-only' }); }} />}
      {pemda && <BpbjOfficers key={pemda.id} pemda={pemda} onNotice={setNotice} />}
      <details className="card" open={data?.pemdas.length === 0}>
        <summary>Pemda baru</summary>
        <form onSubmit={add} noValidate aria-label="Pemda baru">
          <label>Nama resmi<input name="name" placeholder="Pemerintah Kabupaten Balangan" />{err('name')}</label>
          <label>Jenis<select name="kind">{Object.entries(KIND).map(([kind, name]) => <option key={kind} value={kind}>{name}</option>)}</select></label>
          <label>Provinsi<input name="province" placeholder="Kalimantan Selatan" />{err('province')}</label>
          <label>Kode Kemendagri (NN.NN)<input name="kemendagriCode" placeholder="63.11" />{err('kemendagriCode')}</label>
          <label>Zona waktu<select name="timeZone">{ZONES.map(([zone, name]) => <option key={zone} value={zone}>{name}</option>)}</select>{err('timeZone')}</label>
          <label>Target belanja produk UMK-K (%, minimal 40)<input name="localSpendTargetPercent" inputMode="decimal" defaultValue="40" />{err('localSpendTargetPercent')}</label>
          <button type="submit">Daftarkan Pemda</button>
        </form>
      </details>
    </>
  );
}
