import type { EntityManager } from '@mikro-orm/postgresql';
import { buyerVisibleSql } from '../catalogue/visibility.js';
import { rupiah } from '../reports/indonesian.js';

export type PriceVerdict = 'FAIR' | 'HIGH' | 'NOT_ENOUGH_DATA';

export interface PriceComparable {
  id: string;
  name: string;
  vendorName: string;
  price: number;
}

export interface PriceCheck {
  /** The unit price under check: the live one, or a pending revision's (what BPBJ is asked to approve). */
  checkedPrice: number;
  verdict: PriceVerdict;
  /** Median unit price of the comparison set, and its median absolute deviation (both may end in .5). */
  median: number | null;
  mad: number | null;
  comparedWith: number;
  explanation: string;
  /** The comparison set, cheapest first (at most 20). */
  comparison: PriceComparable[];
  /** The lowest unit price the Pemda agreed for this very product in orders accepted over the past year. */
  earlierAgreedPrice: number | null;
  /** The price under check is more than 10% above that earlier price. */
  aboveEarlierPrice: boolean;
}

/** A price more than this many percent above what the Pemda already agreed for the same product is flagged. */
export const EARLIER_PRICE_MARGIN_PERCENT = 10;

/** Above the earlier agreed price by more than the margin, on integers: 100 x price > (100 + margin) x earlier. */
export const aboveEarlier = (price: number, earlier: number | null) => earlier !== null && 100 * price > (100 + EARLIER_PRICE_MARGIN_PERCENT) * earlier;

/** Fewer comparable products than this and no verdict is given. */
export const MIN_COMPARABLE = 5;

/**
 * The rule (INAPROC: the government may not pay more than others do): a product's unit price is HIGH when it is more
 * than 1.5 times the median of the comparison set AND more than 3 robust standard deviations above it (3 x 1.4826 x
 * MAD, the median absolute deviation, which a few extreme prices cannot drag). The comparison set is every other
 * product buyers can see in the same Pemda, leaf category and unit. Decided on integers: with m = 2 x median and
 * d = 2 x MAD (both whole), HIGH is 4 x price > 3 x m and 20000 x price > 10000 x m + 44478 x d.
 */
export function verdictOf(price: number, prices: number[]): Pick<PriceCheck, 'verdict' | 'median' | 'mad' | 'comparedWith'> {
  if (prices.length < MIN_COMPARABLE) return { verdict: 'NOT_ENOUGH_DATA', median: null, mad: null, comparedWith: prices.length };
  const twiceMedian = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? 2 * sorted[mid] : sorted[mid - 1] + sorted[mid];
  };
  const m = twiceMedian(prices); // 2 x median
  const d = twiceMedian(prices.map((p) => Math.abs(2 * p - m))) / 2; // 2 x MAD
  return { verdict: isHigh(price, m / 2, d / 2) ? 'HIGH' : 'FAIR', median: m / 2, mad: d / 2, comparedWith: prices.length };
}

/** The HIGH rule for any price (an order line's agreed one, say) against a set's median and MAD (halves allowed). */
export function isHigh(price: number, median: number, mad: number): boolean {
  const [p, m, d] = [BigInt(price), BigInt(2 * median), BigInt(2 * mad)];
  return 4n * p > 3n * m && 20000n * p > 10000n * m + 44478n * d;
}

/**
 * Price checks of many products in two statements: the products (with the lowest price agreed for each in orders
 * accepted since `since`), then each market they fall in (Pemda, leaf category, unit) once, as its prices in order and
 * its 21 cheapest products. A product is compared with its market less itself. A large catalogue's market runs to
 * thousands of products: sent as rows with their names, 32,627 of them took 302 ms for a page of 20 products at
 * 102,249 products; as one array of prices per market, most of that is gone. `proposed` checks a pending revision's
 * price and unit where there is one: the curation hint; without it the live price is checked, as the PP buys it.
 */
export async function priceChecks(em: EntityManager, productIds: readonly string[], since: Date, proposed = false): Promise<Map<string, PriceCheck>> {
  const products = await em.getConnection().execute<{ id: string; pemda_id: string; category_id: string; unit: string; price: string; earlier: string | null; live_unit: string; live_price: string; in_market: boolean }[]>(
    `select p.id, p.pemda_id, p.category_id,
            lower(${proposed ? `coalesce(p.pending_revision->>'unit', p.unit)` : 'p.unit'}) as unit,
            ${proposed ? `coalesce((p.pending_revision->>'price')::bigint, p.price)` : 'p.price'} as price,
            (select l.unit_price from purchase_order_line l join purchase_order po on po.id = l.order_id
              where l.product_id = p.id and po.accepted_at >= ? order by l.unit_price limit 1) as earlier,
            lower(p.unit) as live_unit, p.price as live_price, ${buyerVisibleSql()} as in_market
       from product p join vendor v on v.id = p.vendor_id where p.id in (?)`,
    [since, productIds as string[]]);
  if (!products.length) return new Map();
  const marketOf = (p: { pemda_id: string; category_id: string }, unit: string) => `${p.pemda_id} ${p.category_id} ${unit}`;
  const wanted = [...new Map(products.map((p) => [marketOf(p, p.unit), p])).values()];
  const markets = await em.getConnection().execute<{ pemda_id: string; category_id: string; unit: string; prices: string[] | null; cheapest: { id: string; name: string; vendor_name: string; price: number }[] | null }[]>(
    `select m.pemda_id, m.category_id, m.unit, q.prices, q.cheapest
       from (values ${wanted.map(() => '(?::uuid, ?::uuid, ?)').join(', ')}) as m (pemda_id, category_id, unit)
       cross join lateral (
         select array_agg(c.price order by c.rank) as prices, json_agg(c order by c.rank) filter (where c.rank <= 21) as cheapest
           from (select p.id, p.name, v.business_name as vendor_name, p.price, row_number() over (order by p.price, p.id) as rank
                   from product p join vendor v on v.id = p.vendor_id
                  where ${buyerVisibleSql()} and p.pemda_id = m.pemda_id and p.category_id = m.category_id and lower(p.unit) = m.unit) c) q`,
    wanted.flatMap((p) => [p.pemda_id, p.category_id, p.unit]),
  );
  const byMarket = new Map(markets.map((m) => [marketOf(m, m.unit), m]));
  const checks = new Map<string, PriceCheck>();
  for (const product of products) {
    const market = byMarket.get(marketOf(product, product.unit));
    const prices = (market?.prices ?? []).map(Number);
    // Less the product itself, where its live listing is in this market (a revision may move it to another unit).
    if (product.in_market && product.live_unit === product.unit) prices.splice(prices.indexOf(Number(product.live_price)), 1);
    const set = (market?.cheapest ?? []).filter((q) => q.id !== product.id).slice(0, 20).map((q) => ({ id: q.id, name: q.name, vendorName: q.vendor_name, price: Number(q.price) }));
    const price = Number(product.price);
    const verdict = verdictOf(price, prices);
    const earlier = product.earlier === null ? null : Number(product.earlier);
    const aboveEarlierPrice = aboveEarlier(price, earlier);
    const explanation = [
      verdict.verdict === 'NOT_ENOUGH_DATA'
        ? `Pembanding kurang dari ${MIN_COMPARABLE} produk dengan kategori dan satuan yang sama (${prices.length}).`
        : `Harga ${rupiah(price)} dibanding median ${rupiah(Math.round(verdict.median!))} dari ${prices.length} produk sekategori dan sesatuan (MAD ${rupiah(Math.round(verdict.mad!))}): ${verdict.verdict === 'HIGH' ? 'jauh di atas harga pembanding' : 'wajar'}.`,
      ...(aboveEarlierPrice ? [`Lebih dari ${EARLIER_PRICE_MARGIN_PERCENT}% di atas harga yang sudah disepakati untuk produk ini dalam setahun terakhir (${rupiah(earlier)}).`] : []),
    ].join(' ');
    checks.set(product.id, { checkedPrice: price, ...verdict, explanation, comparison: set, earlierAgreedPrice: earlier, aboveEarlierPrice });
  }
  return checks;
}
