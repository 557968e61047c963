import { requireActor, requirePp } from '../auth/scope.js';
import type { RequestContext } from '../context.js';
import { forbidden, Validation } from '../errors.js';
import { Role } from '../identity/user.entity.js';
import { Product } from '../catalogue/product.entity.js';
import { BUYER_VISIBLE } from '../catalogue/visibility.js';
import { CartItem } from './cart-item.entity.js';
import { findInScope } from '../database/find.js';

export class CartService {
  /** The OPD's cart: shared by its PPs, so a colleague can finish what another started. */
  async items(ctx: RequestContext): Promise<CartItem[]> {
    const actor = requireActor(ctx);
    if (!actor.opdId || (actor.role !== Role.PP && actor.role !== Role.PPK)) throw forbidden('Keranjang hanya untuk PP dan PPK OPD.');
    return ctx.em.find(CartItem, { opd: actor.opdId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  /** Puts a published product in the cart at the price shown now; quantity 0 removes it. */
  async setItem(ctx: RequestContext, productId: string, quantity: number): Promise<CartItem[]> {
    const actor = requirePp(ctx);
    new Validation().check(Number.isSafeInteger(quantity) && quantity >= 0 && quantity <= 1_000_000, 'quantity', 'Jumlah harus bilangan bulat 0 sampai 1.000.000.').throwIfInvalid();
    const existing = await ctx.em.findOne(CartItem, { opd: actor.opdId, product: productId });
    if (quantity === 0) {
      if (existing) ctx.em.remove(existing);
    } else {
      const product = await findInScope(ctx.em, Product, { id: productId, pemda: actor.pemdaId, ...BUYER_VISIBLE }, 'Produk');
      new Validation()
        .check(quantity >= product.minOrderQuantity, 'quantity', `Minimal pemesanan produk ini ${product.minOrderQuantity} ${product.unit}.`)
        .throwIfInvalid();
      if (existing) {
        existing.quantity = quantity;
        existing.unitPriceSeen = product.price;
      } else {
        ctx.em.create(CartItem, { opd: actor.opdId, product, quantity, unitPriceSeen: product.price, addedBy: actor.userId });
      }
    }
    await ctx.em.flush();
    return this.items(ctx);
  }
}
