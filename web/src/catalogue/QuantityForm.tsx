import { useState } from 'react';
import type { SearchHit } from './ProductSearch';
import { stockShortfall } from './stock';

/**
 * A quantity (from the product's minimum to its stock) and one button, on a search card: the OPD's "Tambah ke
 * keranjang" and the ASN's "Pesan". The button waits while the action runs, so a double tap acts once. A product that
 * cannot be ordered for want of stock gets none: its card says why (`StockShortfallBadge`).
 */
export function QuantityForm({ product, label, ariaLabel, onSubmit }: {
  product: SearchHit;
  label: string;
  ariaLabel: string;
  onSubmit: (product: SearchHit, quantity: number) => Promise<void>;
}) {
  const [quantity, setQuantity] = useState(product.minOrderQuantity);
  const [busy, setBusy] = useState(false);
  // Less stock than the least that may be ordered: nothing to ask for (the input's min above its max would only make
  // the browser refuse the form with its own message).
  if (stockShortfall(product)) return null;
  return (
    <form className="actions" onSubmit={async (e) => { e.preventDefault(); setBusy(true); await onSubmit(product, quantity); setBusy(false); }}>
      <label>
        Jumlah ({product.unit})
        <input type="number" min={product.minOrderQuantity} max={product.stock} value={quantity} onChange={(e) => setQuantity(Number(e.target.value))} />
      </label>
      <button type="submit" disabled={busy} aria-label={ariaLabel}>{label}</button>
    </form>
  );
}
