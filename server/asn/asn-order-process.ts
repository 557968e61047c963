import { Role } from '../identity/user.entity.js';
import { AsnOrderStatus } from './asn.entities.js';

/**
 * An ASN's own purchase through the platform, as data (the OPD order's counterpart, `purchasing/order-process.ts`):
 * placed with the stock set aside, then handed over (the vendor confirms) or withdrawn. Both ends are terminal.
 */
export enum AsnOrderAction {
  COMPLETE = 'completeAsnOrder',
  CANCEL = 'cancelAsnOrder',
}

/** The buyer (the ASN who placed it) or the order's vendor. */
export type AsnOrderParty = 'BUYER' | 'VENDOR';

export enum AsnOrderEffect {
  /** The purchase counts for every programme of the Pemda running that month, reported as it happens. */
  WRITE_REPORTS = 'WRITE_REPORTS',
  /** The stock set aside at placing goes back to each product. */
  RETURN_STOCK = 'RETURN_STOCK',
}

export interface AsnOrderTransition {
  from: readonly AsnOrderStatus[];
  to: AsnOrderStatus;
  by: readonly AsnOrderParty[];
  refusal: string;
  onEnter: readonly AsnOrderEffect[];
  needsReason?: boolean;
}

export const ASN_ORDER_PROCESS: Readonly<Record<AsnOrderAction, AsnOrderTransition>> = {
  completeAsnOrder: {
    from: [AsnOrderStatus.PLACED], to: AsnOrderStatus.COMPLETED, by: ['VENDOR'],
    refusal: 'Hanya penyedia pesanan ini yang dapat menyatakannya selesai.', onEnter: [AsnOrderEffect.WRITE_REPORTS],
  },
  cancelAsnOrder: {
    from: [AsnOrderStatus.PLACED], to: AsnOrderStatus.CANCELLED, by: ['BUYER', 'VENDOR'],
    refusal: 'Hanya pembeli atau penyedia pesanan ini yang dapat membatalkannya.', onEnter: [AsnOrderEffect.RETURN_STOCK], needsReason: true,
  },
};

/** The role each party signs in with (the buyer is further matched to the order's ASN record). */
export const PARTY_ROLE: Readonly<Record<AsnOrderParty, Role>> = { BUYER: Role.ASN, VENDOR: Role.VENDOR };
