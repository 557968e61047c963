import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Link } from '../app/router';

const Pemdas = graphql(`
  query Pemdas {
    pemdas { id name province timeZone }
  }
`);

/** Anyone's way in: the Pemdas on this platform, each with its public figures and catalogue. */
export function HomePage() {
  const [{ data }] = useQuery({ query: Pemdas });
  return (
    <>
      <h1>Katalog Lokal</h1>
      <p>Katalog elektronik produk lokal dan pemantauan belanja UMK-K pemerintah daerah (target 40%, Perpres 12/2021).</p>
      <ul className="pemdas">
        {data?.pemdas.map((p) => (
          <li key={p.id} className="card">
            <h2>{p.name}</h2>
            <p>{p.province}</p>
            <p>
              <Link to={`/publik/${p.id}`}>Rekap belanja UMK-K dan penghargaan</Link> · <Link to={`/publik/${p.id}/katalog`}>Katalog produk</Link>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
