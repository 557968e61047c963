import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import { fieldErrorsOf } from '../lib/fieldErrors';
import { dateTime, label, ROLE_NAME } from '../lib/format';
import { NoticeLine, noticeOf, type Notice } from '../lib/useAction';
import { navigate, useLocation } from '../app/router';

const OpdsAndAccounts = graphql(`
  query OpdsAndAccounts($pemdaId: ID!) {
    opds(pemdaId: $pemdaId) { id code name shortName active }
    users(pemdaId: $pemdaId) { id email fullName role active lastLoginAt mustChangePassword opd { id shortName } }
  }
`);
const CreateOpd = graphql(`mutation CreateOpd($input: CreateOpdInput!) { createOpd(input: $input) { id code name shortName active } }`);
const UpdateOpd = graphql(`mutation UpdateOpd($id: ID!, $input: UpdateOpdInput!) { updateOpd(id: $id, input: $input) { id code name shortName active } }`);
const CreateUser = graphql(`mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id email } }`);
const SetUserActive = graphql(`mutation SetUserActive($id: ID!, $active: Boolean!, $reason: String!) { setUserActive(id: $id, active: $active, reason: $reason) { id active } }`);
const ResetPassword = graphql(`mutation ResetUserPassword($id: ID!) { resetUserPassword(id: $id) { password user { id email mustChangePassword } } }`);

const ALL = 'semua';

/** The roles BPBJ gives from here. ASN accounts come with the ASN registry (the ASN programme), vendors register themselves. */
const STAFF_ROLES: Role[] = ['PP', 'PPK', 'KEPALA_OPD'];

/** Letters and digits nobody misreads over the phone, as the server's temporary passwords (server/identity). */
const READABLE = 'abcdefghjkmnpqrstuvwxyz23456789';
const suggestedPassword = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => READABLE[b % READABLE.length]).join('').replace(/(.{4})(?=.)/g, '$1-');
};

/** Shows the API's per-field refusals beside a form's fields. */
function useFieldErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const field = (name: string, caption: string, props: Record<string, unknown> = {}) => (
    <label>
      {caption}
      <input name={name} required {...props} {...(errors[name] ? { 'aria-invalid': true, 'aria-describedby': `${name}-error` } : {})} />
      {errors[name] && <span className="error" id={`${name}-error`}>{errors[name]}</span>}
    </label>
  );
  return { errors, setErrors, field };
}

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
  const [, setUserActive] = useMutation(SetUserActive);
  const [, resetPassword] = useMutation(ResetPassword);
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

  async function reset(user: { id: string; fullName: string }) {
    if (!window.confirm(`Atur ulang kata sandi ${user.fullName}? Semua sesinya berakhir dan ia harus masuk dengan kata sandi sementara.`)) return;
    const result = await resetPassword({ id: user.id });
    const temporary = result.data?.resetUserPassword.password;
    setNotice(noticeOf(result, `Kata sandi sementara ${user.fullName}: ${temporary}. Sampaikan langsung kepadanya; kata sandi ini tidak ditampilkan lagi.`));
    reread();
  }

  const opds = data?.opds ?? [];
  const opdFilter = chosenOpd === ALL ? '' : (chosenOpd ?? opds[0]?.id ?? '');
  const accounts = (data?.users ?? []).filter((u) => u.role !== 'VENDOR' && u.role !== 'BPBJ' && (!opdFilter || u.opd?.id === opdFilter));
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
        <table>
          <thead><tr><th>Nama</th><th>Peran</th><th>OPD</th><th>Status</th><th>Terakhir masuk</th><th>Tindakan</th></tr></thead>
          <tbody>
            {accounts.map((u) => (
              <tr key={u.id} data-email={u.email}>
                <td>{u.fullName}<br /><small>{u.email}</small></td>
                <td>{label(ROLE_NAME, u.role)}</td>
                <td>{u.opd?.shortName}</td>
                <td>{u.active ? 'Aktif' : 'Nonaktif'}{u.active && u.mustChangePassword && <><br /><small>belum mengganti kata sandi dari BPBJ</small></>}</td>
                <td>{u.lastLoginAt ? dateTime(u.lastLoginAt, timeZone) : 'belum pernah'}</td>
                <td className="actions">
                  {u.active ? (
                    <>
                      <button className="secondary" onClick={() => reset(u)}>Atur ulang kata sandi</button>
                      <button className="secondary" onClick={() => act(() => setUserActive({ id: u.id, active: false, reason: window.prompt('Alasan menonaktifkan (mis. pindah tugas; minimal 5 karakter):')?.trim() ?? '' }), `Akun ${u.fullName} dinonaktifkan; sesinya berakhir.`)}>Nonaktifkan</button>
                    </>
                  ) : (
                    <button onClick={() => act(() => setUserActive({ id: u.id, active: true, reason: window.prompt('Alasan mengaktifkan kembali (minimal 5 karakter):')?.trim() ?? '' }), `Akun ${u.fullName} aktif kembali.`)}>Aktifkan kembali</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>

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
      </section>
    </>
  );
}
