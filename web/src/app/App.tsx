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
import { VendorPage } from '../bpbj/VendorPage';
import { CartPage } from '../opd/CartPage';
import { ShopPage } from '../opd/ShopPage';
import { OrderListPage } from '../orders/OrderListPage';
import { OrderPage } from '../orders/OrderPage';
import { CataloguePage } from '../public/CataloguePage';
import { RegisterPage } from '../vendor/RegisterPage';
import { VendorHomePage } from '../vendor/VendorHomePage';
import { HomePage } from '../public/HomePage';
import { ProductPage } from '../public/ProductPage';
import { PublicRecapPage } from '../public/PublicRecapPage';
import { Link, Redirect, useLocation } from './router';
import { LoginPage, useSession, type Account } from './session';
import { useEffect, type ReactNode } from 'react';
import { AsnHomePage } from '../asn/AsnHomePage';
import { AsnShopPage } from '../asn/AsnShopPage';
import { OpdAsnPage } from '../kepala/OpdAsnPage';
import { NotificationLink, NotificationsPage } from '../notifications/NotificationsPage';
import { AccountPage } from '../account/AccountPage';
import { AccountsPage } from '../bpbj/AccountsPage';
import { SettingsPage } from '../bpbj/SettingsPage';
import { CategoriesPage } from '../bpbj/CategoriesPage';
import { PemdasPage } from '../admin/PemdasPage';
import { StandingPage } from '../opd/StandingPage';
import { AsnProgrammePage } from '../bpbj/AsnProgrammePage';
import { BpbjMenu } from '../bpbj/BpbjMenu';

const OPD_NAV: [string, string][] = [
  ['/opd', 'Belanja'],
  ['/opd/keranjang', 'Keranjang'],
  ['/opd/paket', 'Paket'],
  ['/opd/capaian', 'Capaian OPD'],
];
const VENDOR_NAV: [string, string][] = [
  ['/penyedia', 'Usaha & produk'],
  ['/penyedia/pesanan', 'Pesanan'],
];

/** The workspace each role lands in after signing in, and its menu. */
const ASN_NAV: [string, string][] = [['/asn', 'Belanja UMKM bulan ini'], ['/asn/belanja', 'Beli di katalog']];
const KEPALA_NAV: [string, string][] = [['/kepala', 'ASN OPD'], ['/kepala/capaian', 'Capaian OPD']];
export const HOME: Record<string, string> = { PLATFORM_ADMIN: '/admin', BPBJ: '/bpbj', PP: '/opd', PPK: '/opd/paket', VENDOR: '/penyedia', ASN: '/asn', KEPALA_OPD: '/kepala' };
const NAV: Record<string, [string, string][]> = { PLATFORM_ADMIN: [['/admin', 'Pemda']], PP: OPD_NAV, PPK: OPD_NAV, VENDOR: VENDOR_NAV, ASN: ASN_NAV, KEPALA_OPD: KEPALA_NAV };

/** A mistyped or outdated address says so, rather than showing another page as if it were the one asked for. */
const NOT_FOUND = {
  title: 'Tidak ditemukan',
  page: <><h1>Halaman tidak ditemukan</h1><p>Alamat ini tidak ada di Katalog Lokal. <Link to="/">Ke beranda</Link></p></>,
};

const refused = (text: string) => ({ title: 'Tidak berwenang', page: <p role="alert" className="error">{text}</p> });

/** Which page a path shows, and its title: one table, so every page has a title and the navigation follows roles. */
function route(path: string, account: Account | null): { title: string; page: ReactNode } {
  const product = path.match(/^\/publik\/([0-9a-f-]{36})\/produk\/([0-9a-f-]{36})$/);
  if (product) return { title: 'Produk', page: <ProductPage pemdaId={product[1]} productId={product[2]} /> };
  const publik = path.match(/^\/publik\/([0-9a-f-]{36})(\/katalog)?$/);
  if (publik) return publik[2] ? { title: 'Katalog produk lokal', page: <CataloguePage pemdaId={publik[1]} /> } : { title: 'Rekap publik', page: <PublicRecapPage pemdaId={publik[1]} /> };
  if (path === '/masuk') return { title: 'Masuk', page: <LoginPage /> };
  if (path === '/daftar') return { title: 'Daftar penyedia', page: <RegisterPage /> };
  const signedIn = ['/admin', '/bpbj', '/opd', '/penyedia', '/pesanan', '/asn', '/kepala', '/pemberitahuan', '/akun'].some((prefix) => path.startsWith(prefix));
  if (signedIn && !account) return { title: 'Masuk', page: <LoginPage /> };
  if (path === '/akun' && account) return { title: 'Akun', page: <AccountPage /> };
  // A password BPBJ chose is known to two people: its owner replaces it before any workspace opens, then goes on.
  if (signedIn && account?.mustChangePassword) return { title: 'Akun', page: <Redirect to={`/akun?lanjut=${encodeURIComponent(path)}`} /> };
  if (path === '/pemberitahuan' && account) return { title: 'Pemberitahuan', page: <NotificationsPage timeZone={account.pemda?.timeZone ?? 'Asia/Jakarta'} /> };
  const order = path.match(/^\/pesanan\/([0-9a-f-]{36})$/);
  if (order && account?.pemda) return { title: 'Paket', page: <OrderPage id={order[1]} timeZone={account.pemda.timeZone} back={`${HOME[account.role] === '/opd' ? '/opd/paket' : HOME[account.role] === '/penyedia' ? '/penyedia/pesanan' : HOME[account.role] ?? '/'}`} /> };
  if (path.startsWith('/opd') && account) {
    if ((account.role !== 'PP' && account.role !== 'PPK') || !account.opd || !account.pemda) return refused('Halaman ini untuk PP dan PPK OPD.');
    const { pemda, opd } = account;
    const pages: Record<string, [string, ReactNode]> = {
      '/opd': ['Belanja katalog', <ShopPage pemdaId={pemda.id} />],
      '/opd/keranjang': ['Keranjang', <CartPage opdId={opd.id} />],
      '/opd/paket': ['Paket', <OrderListPage base="/opd/paket" timeZone={pemda.timeZone} title={`Paket ${opd.name}`} counterparty="Penyedia" />],
      '/opd/capaian': ['Capaian OPD', <StandingPage pemdaId={pemda.id} opd={opd} timeZone={pemda.timeZone} />],
    };
    const [title, page] = pages[path] ?? [NOT_FOUND.title, NOT_FOUND.page];
    return { title, page };
  }
  if (path.startsWith('/asn') && account) {
    if (account.role !== 'ASN' || !account.pemda) return refused('Halaman ini untuk ASN peserta program belanja UMKM.');
    if (path === '/asn/belanja') return { title: 'Beli di katalog', page: <AsnShopPage pemdaId={account.pemda.id} /> };
    return { title: 'Belanja UMKM', page: <AsnHomePage pemdaId={account.pemda.id} timeZone={account.pemda.timeZone} /> };
  }
  if (path.startsWith('/kepala') && account) {
    if (account.role !== 'KEPALA_OPD' || !account.opd || !account.pemda) return refused('Halaman ini untuk kepala OPD.');
    if (path === '/kepala/capaian') return { title: 'Capaian OPD', page: <StandingPage pemdaId={account.pemda.id} opd={account.opd} timeZone={account.pemda.timeZone} /> };
    return { title: 'ASN OPD', page: <OpdAsnPage pemdaId={account.pemda.id} opdId={account.opd.id} opdName={account.opd.name} timeZone={account.pemda.timeZone} /> };
  }
  if (path.startsWith('/penyedia') && account) {
    if (account.role !== 'VENDOR' || !account.vendor || !account.pemda) return refused('Halaman ini untuk penyedia.');
    const { pemda, vendor } = account;
    if (path === '/penyedia/pesanan') return { title: 'Pesanan', page: <OrderListPage base="/penyedia/pesanan" timeZone={pemda.timeZone} title="Pesanan masuk" counterparty="OPD" /> };
    return { title: 'Usaha & produk', page: <VendorHomePage vendorId={vendor.id} pemdaId={pemda.id} /> };
  }
  if (path === '/admin' && account) {
    if (account.role !== 'PLATFORM_ADMIN') return refused('Halaman ini untuk admin platform.');
    return { title: 'Pemda', page: <PemdasPage /> };
  }
  if (path.startsWith('/bpbj') && account) {
    const pemda = account.pemda;
    if (account.role !== 'BPBJ' || !pemda) return refused('Halaman ini untuk BPBJ.');
    const opd = path.match(/^\/bpbj\/opd\/([0-9a-f-]{36})$/);
    if (opd) return { title: 'OPD', page: <OpdPage pemdaId={pemda.id} opdId={opd[1]} timeZone={pemda.timeZone} /> };
    const vendor = path.match(/^\/bpbj\/penyedia\/([0-9a-f-]{36})$/);
    if (vendor) return { title: 'Penyedia', page: <VendorPage pemdaId={pemda.id} vendorId={vendor[1]} timeZone={pemda.timeZone} /> };
    const pages: Record<string, [string, ReactNode]> = {
      '/bpbj': ['Dasbor', <DashboardPage pemdaId={pemda.id} />],
      '/bpbj/kurasi': ['Kurasi', <CurationPage pemdaId={pemda.id} />],
      '/bpbj/kategori': ['Kategori', <CategoriesPage pemdaId={pemda.id} />],
      '/bpbj/penyedia': ['Penyedia', <VendorsPage pemdaId={pemda.id} />],
      '/bpbj/impor': ['Impor pagu', <ImportsPage pemdaId={pemda.id} timeZone={pemda.timeZone} />],
      '/bpbj/belanja-luar': ['Belanja luar katalog', <ExternalSpendPage pemdaId={pemda.id} timeZone={pemda.timeZone} />],
      '/bpbj/penghargaan': ['Penghargaan', <AwardPage pemdaId={pemda.id} />],
      '/bpbj/proyeksi': ['Proyeksi & konsentrasi', <ForecastPage pemdaId={pemda.id} />],
      '/bpbj/pemecahan-paket': ['Pemecahan paket', <SplitOrdersPage pemdaId={pemda.id} />],
      '/bpbj/asn': ['Program ASN', <AsnProgrammePage pemdaId={pemda.id} timeZone={pemda.timeZone} />],
      '/bpbj/laporan': ['Laporan', <ExportsPage pemdaId={pemda.id} />],
      '/bpbj/akun': ['OPD & akun', <AccountsPage pemdaId={pemda.id} timeZone={pemda.timeZone} />],
      '/bpbj/pengaturan': ['Pengaturan', <SettingsPage pemdaId={pemda.id} timeZone={pemda.timeZone} />],
      '/bpbj/audit': ['Log audit', <AuditPage pemdaId={pemda.id} timeZone={pemda.timeZone} />],
    };
    const [title, page] = pages[path] ?? [NOT_FOUND.title, NOT_FOUND.page];
    return { title, page };
  }
  return path === '/' ? { title: 'Beranda', page: <HomePage /> } : NOT_FOUND;
}

export function App() {
  const url = useLocation();
  const { account, loading, signOut } = useSession();
  const { title, page } = route(url.pathname, account);
  useEffect(() => {
    document.title = `${title} · Katalog Lokal`;
  }, [title]);
  const main = <main id="isi" tabIndex={-1}>{loading && url.pathname !== '/' && !url.pathname.startsWith('/publik') ? <p>Memuat…</p> : page}</main>;
  return (
    <>
      {/* The first stop of the keyboard: past the menus (BPBJ's fourteen pages) straight to the page. */}
      <a className="skip-link" href="#isi" onClick={(e) => { e.preventDefault(); document.getElementById('isi')?.focus(); }}>Langsung ke isi halaman</a>
      <header className="top">
        <Link to="/" className="brand">Katalog Lokal</Link>
        <nav aria-label="Menu utama">
          {account && (NAV[account.role] ?? []).map(([to, label]) => <Link key={to} to={to} aria-current={url.pathname === to ? 'page' : undefined}>{label}</Link>)}
          {account?.pemda && <Link to={`/publik/${account.pemda.id}`}>Publik</Link>}
          {account && <NotificationLink />}
        </nav>
        <div className="who">
          {account ? (
            <>
              <Link to="/akun" aria-current={url.pathname === '/akun' ? 'page' : undefined}>{account.fullName}</Link>
              <span>{account.pemda?.name ?? 'Platform'}</span>
              <button className="secondary" onClick={signOut}>Keluar</button>
            </>
          ) : (
            !loading && <><Link to="/daftar">Daftar penyedia</Link> <Link to="/masuk">Masuk</Link></>
          )}
        </div>
      </header>
      {account?.role === 'BPBJ' ? (
        <div className="workspace">
          <BpbjMenu pemdaId={account.pemda!.id} />
          {main}
        </div>
      ) : main}
    </>
  );
}
