import { ProductSearch } from '../catalogue/ProductSearch';

/** The public catalogue: anyone can search what the Pemda's buyers see. */
export function CataloguePage({ pemdaId }: { pemdaId: string }) {
  return (
    <>
      <h1>Katalog produk lokal</h1>
      <ProductSearch pemdaId={pemdaId} productHref={(id) => `/publik/${pemdaId}/produk/${id}`} />
    </>
  );
}
