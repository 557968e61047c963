import { holidaysFrom } from '../calendar/holidays.js';
import { localDate } from '../calendar/time-zone.js';
import type { RequestContext } from '../context.js';
import { Role, User } from '../identity/user.entity.js';
import { Opd } from '../opd/opd.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { VENDOR_ANSWER_WORKING_DAYS, vendorAnswerDue } from '../purchasing/order-expiry.js';
import { OrderAction } from '../purchasing/order-process.js';
import { orderCode } from '../purchasing/order-queries.js';
import type { Order } from '../purchasing/order.entity.js';
import { dateTime, label, NEGOTIATION_STATUS, ORDER_STATUS, rupiah, ZONE_NAME } from '../reports/indonesian.js';
import { EmailState, Notification } from './notification.entity.js';

interface Message {
  kind: string;
  title: string;
  body: string;
  link?: string | null;
}

/**
 * Writes one notification per person in the caller's transaction: they exist exactly when the change does. Email is
 * queued for the mail job when the person wants it and an SMTP server is configured; otherwise it is marked skipped.
 */
export function notify(ctx: RequestContext, recipients: User[], message: Message): void {
  const seen = new Set<string>();
  for (const user of recipients) {
    // Nobody is told of their own act, nor twice of one.
    if (seen.has(user.id) || user.id === ctx.actor?.userId || !user.active) continue;
    seen.add(user.id);
    const mail = user.emailNotifications && Boolean(ctx.config.smtpUrl);
    ctx.em.create(Notification, {
      // Stamped with the request's moment, as the audit log is: one clock for what happened and who was told.
      createdAt: ctx.now(), updatedAt: ctx.now(),
      recipient: user, ...message, link: message.link ?? null,
      emailState: mail ? EmailState.PENDING : EmailState.SKIPPED, emailNextAttemptAt: mail ? ctx.now() : null,
    });
  }
}

type Party = 'VENDOR' | 'PPK' | 'PP';

/**
 * Who hears of each step of an order, as data: the vendor when an order reaches it (submitted without the PPK, or
 * approved), when the PP proposes prices and when its goods are received or paid; the PPK when an approval waits;
 * the PP of every step it did not take itself, the vendor's answer to its proposal among them.
 */
const ORDER_NOTICES: Partial<Record<OrderAction, (order: Order) => Party[]>> = {
  proposePrices: () => ['VENDOR'],
  respondToNegotiation: () => ['PP'],
  submit: (order) => (order.requiresPpkApproval ? ['PPK', 'PP'] : ['VENDOR', 'PP']),
  approve: () => ['VENDOR', 'PP'],
  accept: () => ['PP'],
  reject: () => ['PP'],
  ship: () => ['PP'],
  receive: () => ['VENDOR', 'PP'],
  recordPayment: () => ['VENDOR', 'PP'],
  complete: () => ['VENDOR', 'PP'],
  cancel: () => ['VENDOR', 'PP'],
  expire: () => ['VENDOR', 'PP'],
};

/** The notifications of one order step, in the step's transaction. */
export async function notifyOrderStep(ctx: RequestContext, action: OrderAction, order: Order): Promise<void> {
  const parties = ORDER_NOTICES[action]?.(order);
  if (!parties) return;
  const em = ctx.em;
  const [pemda, opd] = await Promise.all([em.findOneOrFail(Pemda, order.pemda.id), em.findOneOrFail(Opd, order.opd.id)]);
  const code = orderCode(order);
  const link = `/pesanan/${order.id}`;
  const users = async (party: Party) =>
    party === 'VENDOR' ? em.find(User, { vendor: order.vendor.id, role: Role.VENDOR }) : [await em.findOneOrFail(User, party === 'PPK' ? order.ppk.id : order.createdBy.id)];
  for (const party of new Set(parties)) {
    const recipients = await users(party);
    if (party === 'VENDOR' && (action === OrderAction.SUBMIT || action === OrderAction.APPROVE)) {
      const holidays = await holidaysFrom(em, [pemda.id], localDate(ctx.now(), pemda.timeZone));
      const due = vendorAnswerDue(order.awaitingVendorSince ?? ctx.now(), pemda.timeZone, holidays.get(pemda.id));
      notify(ctx, recipients, {
        kind: 'ORDER_ARRIVED', link, title: `Pesanan baru ${code} dari ${opd.name}`,
        body: `${opd.name} memesan senilai ${rupiah(order.total)}. Jawab dalam ${VENDOR_ANSWER_WORKING_DAYS} hari kerja, paling lambat ${dateTime(due, pemda.timeZone)} ${ZONE_NAME[pemda.timeZone] ?? ''}, agar pesanan tidak dibatalkan sebagai tidak direspons.`,
      });
    } else if (action === OrderAction.PROPOSE_PRICES) {
      notify(ctx, recipients, {
        kind: 'NEGOTIATION_PROPOSED', link, title: `Usulan harga ${code} dari ${opd.name}`,
        body: `${opd.name} mengusulkan harga untuk paket ${code} sebelum mengajukannya. Terima usulan itu, atau tawar balik sekali di antara usulan dan harga katalog.`,
      });
    } else if (action === OrderAction.RESPOND_TO_NEGOTIATION) {
      notify(ctx, recipients, {
        kind: 'NEGOTIATION_ANSWERED', link, title: `${code}: ${label(NEGOTIATION_STATUS, order.negotiation)}`,
        body: `Total paket ${code} kini ${rupiah(order.total)}. Ajukan paketnya bila sesuai.`,
      });
    } else if (party === 'PPK') {
      notify(ctx, recipients, {
        kind: 'APPROVAL_WAITING', link, title: `Persetujuan PPK menunggu: ${code}`,
        body: `Paket ${code} senilai ${rupiah(order.total)} melewati ambang persetujuan PPK dan menunggu persetujuan Anda.`,
      });
    } else {
      notify(ctx, recipients, {
        kind: 'ORDER_STEP', link, title: `${code}: ${label(ORDER_STATUS, order.status)}`,
        body: `Paket ${code} (${opd.name}, ${rupiah(order.total)}) kini berstatus ${label(ORDER_STATUS, order.status)}${order.statusReason && ['CANCELLED', 'REJECTED'].includes(order.status) ? `: ${order.statusReason}` : ''}.`,
      });
    }
  }
}

/** A vendor hears of BPBJ's decisions on its business and its products: in its workspace, and by email. */
export async function notifyVendor(ctx: RequestContext, vendorId: string, message: Message): Promise<void> {
  notify(ctx, await ctx.em.find(User, { vendor: vendorId, role: Role.VENDOR }), { link: '/penyedia', ...message });
}

/** BPBJ of a Pemda hears of what waits for its curation. */
export async function notifyBpbj(ctx: RequestContext, pemdaId: string, message: Message): Promise<void> {
  notify(ctx, await ctx.em.find(User, { pemda: pemdaId, role: Role.BPBJ }), message);
}
