import { managesPemda } from '../auth/scope.js';
import type { Actor } from '../context.js';
import { Role } from '../identity/user.entity.js';
import { VendorStatus } from '../vendor/vendor.entity.js';
import { ProductStatus } from './product.entity.js';

/**
 * What buyers and the public see of a catalogue: published products of verified vendors. The one rule, in the
 * three forms the code needs (an ORM filter, SQL over `product p join vendor v`, a check on loaded rows), each
 * made from the same two states. The search index's trigger (`searchable_product_sync`, a migration) keeps the same
 * rule in the database; a test holds its text to `buyerVisibleSql()`.
 */
const SHOWN_PRODUCT = ProductStatus.PUBLISHED;
const SHOWN_VENDOR = VendorStatus.VERIFIED;

/** MikroORM filter on Product. */
export const BUYER_VISIBLE = { status: SHOWN_PRODUCT, vendor: { status: SHOWN_VENDOR } } as const;

/** SQL condition over a product and its vendor, by their aliases. */
export const buyerVisibleSql = (product = 'p', vendor = 'v') => `${product}.status = '${SHOWN_PRODUCT}' and ${vendor}.status = '${SHOWN_VENDOR}'`;

export const isBuyerVisible = (product: { status: ProductStatus }, vendor: { status: VendorStatus }) =>
  product.status === SHOWN_PRODUCT && vendor.status === SHOWN_VENDOR;

/** Who looks at a product: its Pemda's BPBJ (every state), its vendor (its own, every state), or anyone else (the rule above). */
export type ProductViewer = 'PUBLIC' | 'CURATOR' | 'OWNER';

export function productViewer(actor: Actor | null, product: { pemdaId: string; vendorId: string }): ProductViewer {
  if (!actor) return 'PUBLIC';
  if (managesPemda(actor, product.pemdaId)) return 'CURATOR';
  if (actor.role === Role.VENDOR && actor.vendorId === product.vendorId) return 'OWNER';
  return 'PUBLIC';
}

/**
 * Whose list of a Pemda's catalogue the caller gets (`products`): its BPBJ every state, a vendor its own products in
 * any state, anyone else (a buyer, an ASN, another Pemda's BPBJ, the public) the public's list, as the rule above.
 */
export type CatalogueListing = 'PUBLIC' | 'CURATOR' | 'OWN_PRODUCTS';

export function catalogueListing(actor: Actor | null, pemdaId: string): CatalogueListing {
  if (actor?.role === Role.VENDOR) return 'OWN_PRODUCTS';
  if (managesPemda(actor, pemdaId)) return 'CURATOR';
  return 'PUBLIC';
}
