import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { session } from '../app/client';
import { useSession } from '../app/session';
import { HOME } from '../app/App';
import { Link, useLocation } from '../app/router';
import { fieldErrorsOf } from '../lib/fieldErrors';
import { NoticeLine, type Notice } from '../lib/useAction';
import { ROLE_NAME, label } from '../lib/format';

const ChangePassword = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { token user { id mustChangePassword } } }
`);

/**
 * The signed-in account, and the form to change its password. An account whose password BPBJ chose (a new account, a
 * reset) is sent here first, whatever page it opens, until its owner has chosen their own.
 */
export function AccountPage() {
  const { account, signedIn } = useSession();
  const [, change] = useMutation(ChangePassword);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  // The page the account asked for before it was sent here to choose its password; only a path of this app.
  const asked = useLocation().searchParams.get('lanjut');
  if (!account) return null;
  const next = asked?.startsWith('/') && !asked.startsWith('//') ? asked : (HOME[account.role] ?? '/');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const [currentPassword, newPassword, repeated] = ['currentPassword', 'newPassword', 'repeated'].map((name) => String(form.get(name) ?? ''));
    if (newPassword !== repeated) {
      setFieldErrors({ repeated: 'Ulangi kata sandi baru yang sama persis.' });
      setNotice(null);
      return;
    }
    const result = await change({ input: { currentPassword, newPassword } });
    if (result.error) {
      const error = result.error.graphQLErrors[0];
      const fields = fieldErrorsOf(error);
      setFieldErrors(fields);
      setNotice(Object.keys(fields).length ? null : { ok: false, text: error?.message ?? 'Gagal mengganti kata sandi.' });
      return;
    }
    // The old token ended with the old password: this session continues on the new one.
    session.save(result.data!.changePassword.token);
    signedIn();
    formElement.reset();
    setFieldErrors({});
    setNotice({ ok: true, text: 'Kata sandi diganti. Sesi lain akun ini (di perangkat lain) sudah berakhir.' });
  }

  const field = (name: string, caption: string, autoComplete: string) => (
    <label>
      {caption}
      <input name={name} type="password" autoComplete={autoComplete} required {...(fieldErrors[name] ? { 'aria-invalid': true, 'aria-describedby': `${name}-error` } : {})} />
      {fieldErrors[name] && <span className="error" id={`${name}-error`}>{fieldErrors[name]}</span>}
    </label>
  );
  return (
    <section className="card narrow">
      <h1>Akun</h1>
      <table className="facts">
        <tbody>
          <tr><th>Nama</th><td>{account.fullName}</td></tr>
          <tr><th>Email</th><td>{account.email}</td></tr>
          <tr><th>Peran</th><td>{label(ROLE_NAME, account.role)}{account.opd ? `, ${account.opd.name}` : ''}</td></tr>
        </tbody>
      </table>
      <h2>Ganti kata sandi</h2>
      {account.mustChangePassword && (
        <p role="alert" className="notice">Kata sandi Anda dibuat oleh BPBJ. Ganti dengan kata sandi pilihan Anda sendiri sebelum melanjutkan.</p>
      )}
      <NoticeLine notice={notice} />
      {notice?.ok && <p><Link to={next}>Lanjutkan</Link></p>}
      <form onSubmit={submit} noValidate>
        {field('currentPassword', 'Kata sandi saat ini', 'current-password')}
        {field('newPassword', 'Kata sandi baru (minimal 8 karakter, bukan yang umum dipakai)', 'new-password')}
        {field('repeated', 'Ulangi kata sandi baru', 'new-password')}
        <button type="submit">Ganti kata sandi</button>
      </form>
    </section>
  );
}
