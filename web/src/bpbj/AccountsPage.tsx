import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import { fieldErrorsOf } from '../lib/fieldErrors';
import { label, ROLE_NAME } from '../lib/format';
import { NoticeLine, noticeOf, type Notice } from '../lib/useAction';
import { navigate, useLocation } from '../app/router';
import { AccountTable } from '../account/AccountTable';
import { suggestedPassword } from '../lib/passwords';
import { useFieldErrors } from '../lib/useFieldErrors';
import { CsvImportForm } from '../lib/CsvImportForm';

const OpdsAndAccounts = graphql(`
  query OpdsAndAccounts($pemdaId: ID!) {
    opds(pemdaId: $pemdaId) { id code name shortName active }
    users(pemdaId: $pemdaId, roles: [PP, PPK, KEPALA_OPD, ASN]) { id email fullName role active lastLoginAt mustChangePassword opd { id shortName } }
  }
`);
const CreateOpd = graphql(`mutation CreateOpd($input: CreateOpdInput!) { createOpd(input: $input) { id code name shortName active } }`);
const UpdateOpd = graphql(`mutation UpdateOpd($id: ID!, $input: UpdateOpdInput!) { updateOpd(id: $id, input: $input) { id code name shortName active } }`);
const ImportOpds = graphql(`
  mutation ImportOpds($pemdaId: ID!, $csv: String, $xlsxBase64: String, $dryRun: Boolean!) {
    importOpds(pemdaId: $pemdaId, csv: $csv, xlsxBase64: $xlsxBase64, dryRun: $dryRun) { applied created updated errors { row field message } }
  }
`);
const CreateUser = graphql(`mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id email } }`);

const ALL = 'semua';

/** The roles BPBJ gives from here. ASN accounts come with the ASN registry (the ASN programme), vendors register themselves. */
const STAFF_ROLES: Role[] = ['PP', 'PPK', 'KEPALA_OPD'];

/**
 * The Pemda's OPDs and the accounts of their officers: BPBJ adds an OPD, gives a PP, PPK or head of OPD an account
 * with a first password (its owner must replace it at sign-in), resets a forgotten one (shown once), and deactivates
 * the account of an officer who left, with the reason on the audit log.
 */
export function AccountsPage({ pemdaId, timeZone }: { pemdaId: string; timeZone: string }) {
  const [{ data }, refresh] = useQuery({ query: OpdsAndAccounts, variables: { pemdaId } });
  const [, createOpd] = useMutation(CreateOpd);
  const [, updateOpd] = useMutation(UpdateOpd);
  const [, createUser] = useMutation(CreateUser);
  const [, importOpds] = useMutation(ImportOpds);
  const [notice, setNotice] = useState<Notice | null>(null);
  // One OPD at a time, the first by default (a Pemda has forty, with a PP and a PPK each at least), or all of them.
  const chosenOpd = useLocation().searchParams.get('opd');
  const setOpdFilter = (id: string) => navigate(`/bpbj/akun?opd=${id || ALL}`);
  const [firstPassword, setFirstPassword] = useState(suggestedPassword);
  const opdForm = useFieldErrors();
  const userForm = useFieldErrors();
  const reread = () => refresh({ requestPolicy: 'network-only' });

  async function act(run: () => Promise<Parameters<typeof noticeOf>[0]>, done: string) {
    setNotice(noticeOf(await run(), done));
    reread();
  }

  async function addOpd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const input = { pemdaId, code: String(form.get('code')).trim(), name: String(form.get('name')).trim(), shortName: String(form.get('shortName')).trim() };
    const result = await createOpd({ input });
    opdForm.setErrors(fieldErrorsOf(result.error?.graphQLErrors[0]));
    setNotice(noticeOf(result, `${input.name} ditambahkan.`));
    if (!result.error) formElement.reset();
    reread();
  }

  async function addUser(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const input = {
      fullName: String(form.get('fullName')).trim(), email: String(form.get('email')).trim(), role: String(form.get('role')) as Role,
      opdId: String(form.get('opdId')), password: String(form.get('password')),
    };
    const result = await createUser({ input });
    userForm.setErrors(fieldErrorsOf(result.error?.graphQLErrors[0]));
    setNotice(noticeOf(result, `Akun ${input.email} dibuat. Sampaikan kata sandi pertamanya (${input.password}) langsung kepada pemiliknya; ia diminta menggantinya saat pertama masuk.`));
    if (!result.error) {
      formElement.reset();
      setFirstPassword(suggestedPassword());
    }
    reread();
  }

  const opds = data?.opds ?? [];
  const opdFilter = chosenOpd === ALL ? '' : (chosenOpd ?? opds[0]?.id ?? '');
  const accounts = (data?.users ?? []).filter((u) => !opdFilter || u.opd?.id === opdFilter);
  return (
    <>
      <h1>OPD & akun</h1>
      <NoticeLine notice={notice} />

      <section className="card" aria-label="Akun pegawai">
        <h2>Akun pegawai OPD</h2>
        <label>
          OPD
          <select value={opdFilter} onChange={(e) => setOpdFilter(e.target.value)}>
            <option value="">Semua OPD</option>
            {opds.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        </label>
        <AccountTable accounts={accounts} timeZone={timeZone} showOpd onDone={(done) => { setNotice(done); reread(); }} />

        <h3>Buat akun</h3>
        <form onSubmit={addUser} noValidate aria-label="Buat akun">
          {userForm.field('fullName', 'Nama lengkap', { autoComplete: 'off' })}
          {userForm.field('email', 'Email dinas', { type: 'email', autoComplete: 'off' })}
          <label>Peran
            <select name="role">{STAFF_ROLES.map((r) => <option key={r} value={r}>{label(ROLE_NAME, r)}</option>)}</select>
          </label>
          <label>OPD
            <select name="opdId" defaultValue={opdFilter}>{opds.filter((o) => o.active).map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}</select>
            {userForm.errors.opdId && <span className="error">{userForm.errors.opdId}</span>}
          </label>
          {userForm.field('password', 'Kata sandi pertama (sampaikan langsung; pemiliknya menggantinya saat pertama masuk)', { value: firstPassword, onChange: (e: { target: { value: string } }) => setFirstPassword(e.target.value), autoComplete: 'off' })}
          <button type="submit">Buat akun</button>
        </form>
      </section>

      <section className="card" aria-label="OPD">
        <h2>OPD</h2>
        <details>
        <summary>Daftar OPD ({opds.length})</summary>
        <table>
          <thead><tr><th>Kode</th><th>Nama</th><th>Singkatan</th><th>Status</th><th>Tindakan</th></tr></thead>
          <tbody>
            {opds.map((o) => (
              <tr key={o.id}>
                <td>{o.code}</td><td>{o.name}</td><td>{o.shortName}</td><td>{o.active ? 'Aktif' : 'Nonaktif'}</td>
                <td className="actions">
                  <button className="secondary" onClick={() => { const name = window.prompt('Nama OPD:', o.name)?.trim(); if (name && name !== o.name) void act(() => updateOpd({ id: o.id, input: { name } }), `Nama OPD diubah menjadi ${name}.`); }}>Ubah nama</button>
                  <button className="secondary" onClick={() => act(() => updateOpd({ id: o.id, input: { active: !o.active } }), o.active ? `${o.name} dinonaktifkan.` : `${o.name} aktif kembali.`)}>{o.active ? 'Nonaktifkan' : 'Aktifkan'}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </details>
        <h3>Tambah OPD</h3>
        <form onSubmit={addOpd} noValidate aria-label="Tambah OPD">
          {opdForm.field('code', 'Kode (mis. 1.02.01)')}
          {opdForm.field('name', 'Nama (mis. Dinas Kesehatan)')}
          {opdForm.field('shortName', 'Singkatan (mis. Dinkes)')}
          <button type="submit">Tambah OPD</button>
        </form>
        <h3>Impor daftar OPD</h3>
        <CsvImportForm
          help={<>Kolom (CSV atau lembar pertama XLSX): <code>kode, nama, singkatan</code> (atau <code>code, name, short_name</code>), seperti pada Perda perangkat daerah. Kode yang sudah ada diganti nama dan singkatannya; kode baru ditambahkan. Semua baris atau tidak sama sekali.</>}
          template={{ filename: 'templat-daftar-opd.csv', rows: () => [['kode', 'nama', 'singkatan'], ['1.02.01', 'Dinas Kesehatan', 'Dinkes']] }}
          send={async (upload, dryRun) => {
            const answer = await importOpds({ pemdaId, ...upload, dryRun });
            const result = answer.data?.importOpds;
            if (result?.applied) reread();
            return { problem: answer.error?.graphQLErrors[0]?.message ?? (answer.error ? 'Gagal.' : null), applied: Boolean(result?.applied), summary: `${result?.created ?? 0} OPD baru, ${result?.updated ?? 0} diperbarui`, errors: result?.errors ?? [] };
          }}
        />
      </section>
    </>
  );
}
