/** What a product's stock says to a buyer or its vendor when it cannot be ordered: less stock than the least that may
 *  be ordered. Null while it can be. One wording for the buyer's search card and the vendor's own list. */
export function stockShortfall(product: { stock: number; minOrderQuantity: number; unit: string }): string | null {
  if (product.stock >= product.minOrderQuantity) return null;
  return product.stock === 0 ? 'Stok habis' : `Stok ${product.stock.toLocaleString('id-ID')} ${product.unit}, di bawah minimal pesan`;
}

/** The shortfall as a warning badge, or nothing. */
export function StockShortfallBadge({ product }: { product: Parameters<typeof stockShortfall>[0] }) {
  const shortfall = stockShortfall(product);
  return shortfall ? <span className="badge warn">{shortfall}</span> : null;
}
