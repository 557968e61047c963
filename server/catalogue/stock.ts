import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict } from '../errors.js';

/**
 * Takes stock with one conditional update that never goes below zero: of concurrent buyers of the last items,
 * exactly as many succeed as there is stock, and the others get CONFLICT (their transaction rolls back).
 */
export async function takeStock(em: EntityManager, line: { productId: string; quantity: number; productName: string; unit: string }): Promise<void> {
  const taken = await em.execute<{ affectedRows: number }>(
    'update product set stock = stock - ?, ever_ordered = true, updated_at = now() where id = ? and stock >= ?',
    [line.quantity, line.productId, line.quantity],
    'run',
  );
  if (taken.affectedRows !== 1) {
    throw conflict(`Stok "${line.productName}" tidak mencukupi untuk ${line.quantity} ${line.unit}.`, { productId: line.productId });
  }
}

/** Puts back what a cancelled purchase had taken. */
export async function returnStock(em: EntityManager, productId: string, quantity: number): Promise<void> {
  await em.execute('update product set stock = stock + ?, updated_at = now() where id = ?', [quantity, productId], 'run');
}
