import { AuditPage } from '../bpbj/AuditPage';
import { AwardPage } from '../bpbj/AwardPage';
import { CurationPage } from '../bpbj/CurationPage';
import { DashboardPage } from '../bpbj/DashboardPage';
import { ExportsPage } from '../bpbj/ExportsPage';
import { ExternalSpendPage } from '../bpbj/ExternalSpendPage';
import { ForecastPage } from '../bpbj/ForecastPage';
import { ImportsPage } from '../bpbj/ImportsPage';
import { OpdPage } from '../bpbj/OpdPage';
import { SplitOrdersPage } from '../bpbj/SplitOrdersPage';
import { VendorsPage } from '../bpbj/VendorsPage';
import { CataloguePage } from '../public/CataloguePage';
import { HomePage } from '../public/HomePage';
import { ProductPage } from '../public/ProductPage';
import { PublicRecapPage } from '../public/PublicRecapPage';
import { Link, useLocation } from './router';
import { LoginPage, useSession, type Account } from './session';
import { useEffect, type ReactNode } from 'react';

const BPBJ_NAV: [string, string][] = [
  ['/bpbj', 'Dasbor'],
  ['/bpbj/kurasi', 'Kurasi'],
  ['/bpbj/penyedia', 'Penyedia'],
  ['/bpbj/impor', 'Impor pagu'],
  ['/bpbj/belanja-luar', 'Belanja luar katalog'],
  ['/bpbj/penghargaan', 'Penghargaan'],
  ['/bpbj/proyeksi', 'Proyeksi & konsentrasi'],
  ['/bpbj/pemecahan-paket', 'Pemecahan paket'],
  ['/bpbj/laporan', 'Laporan'],
  ['/bpbj/audit', 'Log audit'],
];

/** Which page a path shows, and its title: one table, so every page has a title and the navigation follows roles. */
function route(path: string, account: Account | null): { title: string; page: ReactNode } {
  const product = path.match(/^\/publik\/([0-9a-f-]{36})\/produk\/([0-9a-f-]{36})$/);
  if (product) return { title: 'Produk', page: <ProductPage pemdaId={product[1]} productId={product[2]} /> };
  const publik = path.match(/^\/publik\/([0-9a-f-]{36})(\/katalog)?$/);
  if (publik) return publik[2] ? { title: 'Katalog produk lokal', page: <CataloguePage pemdaId={publik[1]} /> } : { title: 'Rekap publik', page: <PublicRecapPage pemdaId={publik[1]} /> };
  if (path === '/masuk') return { title: 'Masuk', page: <LoginPage /> };
  if (path.startsWith('/bpbj')) {
    if (!account) return { title: 'Masuk', page: <LoginPage /> };
    const pemda = account.pemda;
    if (account.role !== 'BPBJ' || !pemda) return { title: 'Tidak berwenang', page: <p role="alert" className="error">Halaman ini untuk BPBJ.</p> };
    const opd = path.match(/^\/bpbj\/opd\/([0-9a-f-]{36})$/);
    if (opd) return { title: 'OPD', page: <OpdPage pemdaId={pemda.id} opdId={opd[1]} timeZone={pemda.timeZone} /> };
    const pages: Record<string, [string, ReactNode]> = {
      '/bpbj': ['Dasbor', <DashboardPage pemdaId={pemda.id} />],
      '/bpbj/kurasi': ['Kurasi', <CurationPage pemdaId={pemda.id} />],
      '/bpbj/penyedia': ['Penyedia', <VendorsPage pemdaId={pemda.id} />],
      '/bpbj/impor': ['Impor pagu', <ImportsPage pemdaId={pemda.id} />],
      '/bpbj/belanja-luar': ['Belanja luar katalog', <ExternalSpendPage pemdaId={pemda.id} />],
      '/bpbj/penghargaan': ['Penghargaan', <AwardPage pemdaId={pemda.id} />],
      '/bpbj/proyeksi': ['Proyeksi & konsentrasi', <ForecastPage pemdaId={pemda.id} />],
      '/bpbj/pemecahan-paket': ['Pemecahan paket', <SplitOrdersPage pemdaId={pemda.id} />],
      '/bpbj/laporan': ['Laporan', <ExportsPage pemdaId={pemda.id} />],
      '/bpbj/audit': ['Log audit', <AuditPage pemdaId={pemda.id} timeZone={pemda.timeZone} />],
    };
    const [title, page] = pages[path] ?? ['Tidak ditemukan', <p>Halaman tidak ditemukan.</p>];
    return { title, page };
  }
  return { title: 'Beranda', page: <HomePage /> };
}

export function App() {
  const url = useLocation();
  const { account, loading, signOut } = useSession();
  const { title, page } = route(url.pathname, account);
  useEffect(() => {
    document.title = `${title} · Katalog Lokal`;
  }, [title]);
  return (
    <>
      <header className="top">
        <Link to="/" className="brand">Katalog Lokal</Link>
        <nav aria-label="Menu utama">
          {account?.role === 'BPBJ' && BPBJ_NAV.map(([to, label]) => <Link key={to} to={to} aria-current={url.pathname === to ? 'page' : undefined}>{label}</Link>)}
          {account?.pemda && <Link to={`/publik/${account.pemda.id}`}>Publik</Link>}
        </nav>
        <div className="who">
          {account ? (
            <>
              <span>{account.fullName} · {account.pemda?.name ?? 'Platform'}</span>
              <button className="secondary" onClick={signOut}>Keluar</button>
            </>
          ) : (
            !loading && <Link to="/masuk">Masuk</Link>
          )}
        </div>
      </header>
      <main>{loading && url.pathname.startsWith('/bpbj') ? <p>Memuat…</p> : page}</main>
    </>
  );
}
