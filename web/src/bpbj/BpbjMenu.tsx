import { useEffect } from 'react';
import { useQuery } from 'urql';
import { useLocation } from '../app/router';
import { graphql } from '../gql';
import { SideMenu, type MenuGroup } from '../lib/SideMenu';

/** BPBJ's fourteen pages, grouped by what the officer is doing; a menu beside the page (one line of fourteen wrapped
 *  to three at 1366 px). */
const BPBJ_MENU: MenuGroup[] = [
  ['Pantauan', [['/bpbj', 'Dasbor'], ['/bpbj/proyeksi', 'Proyeksi & konsentrasi'], ['/bpbj/pemecahan-paket', 'Pemecahan paket'], ['/bpbj/penghargaan', 'Penghargaan']]],
  ['Katalog', [['/bpbj/kurasi', 'Kurasi'], ['/bpbj/kategori', 'Kategori'], ['/bpbj/penyedia', 'Penyedia']]],
  ['Data belanja', [['/bpbj/impor', 'Impor pagu'], ['/bpbj/belanja-luar', 'Belanja luar katalog'], ['/bpbj/asn', 'Program ASN'], ['/bpbj/laporan', 'Laporan']]],
  ['Pengelolaan', [['/bpbj/akun', 'OPD & akun'], ['/bpbj/pengaturan', 'Pengaturan'], ['/bpbj/audit', 'Log audit']]],
];

const Waiting = graphql(`
  query CurationWaiting($pemdaId: ID!) {
    curationWaiting(pemdaId: $pemdaId) { vendors products }
  }
`);

/** BPBJ's menu, with how many vendors and products wait for its curation beside "Kurasi", read again on every page opened. */
export function BpbjMenu({ pemdaId }: { pemdaId: string }) {
  const path = useLocation().pathname;
  const [{ data }, refresh] = useQuery({ query: Waiting, variables: { pemdaId }, requestPolicy: 'cache-and-network' });
  useEffect(() => refresh({ requestPolicy: 'network-only' }), [path, refresh]);
  const waiting = (data?.curationWaiting.vendors ?? 0) + (data?.curationWaiting.products ?? 0);
  return <SideMenu label="Menu BPBJ" groups={BPBJ_MENU} current={path} counts={{ '/bpbj/kurasi': { count: waiting, said: 'menunggu kurasi' } }} />;
}
