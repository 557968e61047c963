import { createContext, useContext, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { MeQuery } from '../gql/graphql';
import { session } from './client';
import { HOME } from './App';
import { navigate, useLocation } from './router';

const Me = graphql(`
  query Me {
    me { id fullName email role mustChangePassword pemda { id name timeZone } opd { id name shortName } vendor { id businessName } }
  }
`);

const Login = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) { token user { id role } }
  }
`);

export type Account = MeQuery['me'];
interface Session {
  account: Account | null;
  loading: boolean;
  signOut(): void;
  signedIn(): void;
}
const SessionContext = createContext<Session>({ account: null, loading: false, signOut() {}, signedIn() {} });
export const useSession = () => useContext(SessionContext);

/** The signed-in account, read from the API with the stored token: a reload keeps the session, a bad token drops it. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState(session.token);
  const [{ data, fetching, error }] = useQuery({ query: Me, pause: !token, requestPolicy: 'network-only' });
  const expired = error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  const value: Session = {
    account: token && !expired ? (data?.me ?? null) : null,
    // Signed in but not yet read: a workspace waits rather than showing the sign-in form for a moment.
    loading: fetching || (Boolean(token) && !data && !error),
    signOut() {
      session.clear();
      setToken(null);
      navigate('/');
    },
    signedIn: () => setToken(session.token()),
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function LoginPage() {
  const [, login] = useMutation(Login);
  const { signedIn } = useSession();
  const [problem, setProblem] = useState<string | null>(null);
  const url = useLocation();
  const registered = url.searchParams.get('terdaftar');
  const ended = url.searchParams.get('sesi') === 'berakhir';
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await login({ input: { email: String(form.get('email')), password: String(form.get('password')) } });
    if (result.error) {
      setProblem(result.error.graphQLErrors[0]?.message ?? 'Tidak dapat terhubung ke server.');
      return;
    }
    session.save(result.data!.login.token);
    signedIn();
    navigate(HOME[result.data!.login.user.role] ?? '/');
  }
  return (
    <section className="card narrow">
      <h1>Masuk</h1>
      {registered && <p role="status" className="notice">Pendaftaran diterima. Masuk untuk melengkapi produk sambil menunggu verifikasi BPBJ.</p>}
      {ended && <p role="status" className="notice">Sesi Anda berakhir (waktu habis, kata sandi diganti, atau akun dinonaktifkan). Silakan masuk kembali.</p>}
      <form onSubmit={submit}>
        <label>
          Email
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Kata sandi
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {problem && <p role="alert" className="error">{problem}</p>}
        <button type="submit">Masuk</button>
      </form>
    </section>
  );
}
