import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import { dateTime, label, ROLE_NAME } from '../lib/format';
import { noticeOf, type Notice } from '../lib/useAction';

const SetUserActive = graphql(`mutation SetUserActive($id: ID!, $active: Boolean!, $reason: String!) { setUserActive(id: $id, active: $active, reason: $reason) { id active } }`);
const ResetPassword = graphql(`mutation ResetUserPassword($id: ID!) { resetUserPassword(id: $id) { password user { id email mustChangePassword } } }`);

export type StaffAccount = { id: string; email: string; fullName: string; role: Role; active: boolean; lastLoginAt?: string | null; mustChangePassword: boolean; opd?: { shortName: string } | null };

/**
 * Accounts someone manages (BPBJ its OPDs' officers, the platform admin each Pemda's BPBJ): role, status, last
 * sign-in, whether the first password is still in use; a forgotten password reset (the temporary one shown once), an
 * account ended with the reason (its sessions end at once) or brought back.
 */
export function AccountTable({ accounts, timeZone, showOpd, onDone }: { accounts: StaffAccount[]; timeZone: string; showOpd: boolean; onDone: (notice: Notice) => void }) {
  const [, setUserActive] = useMutation(SetUserActive);
  const [, resetPassword] = useMutation(ResetPassword);

  async function reset(user: StaffAccount) {
    if (!window.confirm(`Atur ulang kata sandi ${user.fullName}? Semua sesinya berakhir dan ia harus masuk dengan kata sandi sementara.`)) return;
    const result = await resetPassword({ id: user.id });
    onDone(noticeOf(result, `Kata sandi sementara ${user.fullName}: ${result.data?.resetUserPassword.password}. Sampaikan langsung kepadanya; kata sandi ini tidak ditampilkan lagi.`));
  }
  async function setActive(user: StaffAccount, active: boolean) {
    const reason = window.prompt(active ? 'Alasan mengaktifkan kembali (minimal 5 karakter):' : 'Alasan menonaktifkan (mis. pindah tugas; minimal 5 karakter):')?.trim() ?? '';
    const result = await setUserActive({ id: user.id, active, reason });
    onDone(noticeOf(result, active ? `Akun ${user.fullName} aktif kembali.` : `Akun ${user.fullName} dinonaktifkan; sesinya berakhir.`));
  }

  return (
    <table>
      <thead><tr><th>Nama</th><th>Peran</th>{showOpd && <th>OPD</th>}<th>Status</th><th>Terakhir masuk</th><th>Tindakan</th></tr></thead>
      <tbody>
        {accounts.map((u) => (
          <tr key={u.id} data-email={u.email}>
            <td>{u.fullName}<br /><small>{u.email}</small></td>
            <td>{label(ROLE_NAME, u.role)}</td>
            {showOpd && <td>{u.opd?.shortName}</td>}
            <td>{u.active ? 'Aktif' : 'Nonaktif'}{u.active && u.mustChangePassword && <><br /><small>belum mengganti kata sandi pertama</small></>}</td>
            <td>{u.lastLoginAt ? dateTime(u.lastLoginAt, timeZone) : 'belum pernah'}</td>
            <td className="actions">
              {u.active ? (
                <>
                  <button className="secondary" onClick={() => reset(u)}>Atur ulang kata sandi</button>
                  <button className="secondary" onClick={() => setActive(u, false)}>Nonaktifkan</button>
                </>
              ) : (
                <button onClick={() => setActive(u, true)}>Aktifkan kembali</button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
