/**
 * The Pemda's catalogue purchases as open data in OCDS 1.1 (Open Contracting Data Standard, schema 1.1.5): one
 * release per order and state change, so anyone can follow a paket from the PP's submission to its payment and
 * recompute the UMK-K share of catalogue spend without asking the Pemda.
 *
 * What a release holds, by the step that made it:
 * - submitted (tag `tender`): the OPD as buyer and procuring entity, the chosen vendor, the lines, the total;
 * - accepted by the vendor (tags `award`, `contract`): the award and the contract (the surat pesanan) at the total;
 * - received (tag `implementation`): the contract's value becomes the value received, with a `delivery` milestone
 *   met on the BAST date: this is the release the recap counts, in the BAST's month;
 * - paid (tag `implementation`): the payment as a transaction from the OPD to the vendor;
 * - completed (tag `implementation`): the contract `terminated` (fulfilled and closed);
 * - rejected by the vendor (`tenderUpdate`, tender `unsuccessful`) or cancelled/expired (`tenderCancellation`).
 * Orders never submitted are drafts of a PP's basket and are not published.
 *
 * No personal data: no officer's name, no owner's name, NPWP, phone, e-mail, bank account or street address. The
 * vendor is named by its business name and NIB (the public business registration) and placed by its region.
 *
 * Each supplier carries `details.scale` (micro, small, medium, large: the partyScale codelist, from the vendor's
 * classification) and, where the order counted it so, the classification `UMKK` (usaha mikro, kecil, koperasi, as
 * Inpres 2/2022 counts it, at the time of the order). OCDS's scale alone cannot give the UMK-K share: a koperasi of
 * any scale counts, and usaha menengah does not.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { localDateRange, startOfLocalDate } from '../calendar/time-zone.js';
import { badInput, notFound, Validation } from '../errors.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { orderCode } from '../purchasing/order-queries.js';
import { BusinessScale } from '../vendor/vendor.entity.js';

export const OCDS_MAX_PAGE = 500;

/** Not a registered OCDS prefix (those are issued by the Open Contracting Partnership): a local one, and said so. */
export const OCID_PREFIX = 'katalog-lokal';

/** The releases' kinds, in the order they happen to one order: at one instant, releases follow this order. */
const KINDS = ['tender', 'award', 'bast', 'payment', 'completed', 'unsuccessful', 'cancelled'] as const;
type Kind = (typeof KINDS)[number];

const SCALE: Record<BusinessScale, string> = {
  [BusinessScale.MIKRO]: 'micro',
  [BusinessScale.KECIL]: 'small',
  [BusinessScale.MENENGAH]: 'medium',
  [BusinessScale.BESAR]: 'large',
};

export interface OcdsQuery {
  /** Releases dated on or after this local date (YYYY-MM-DD, the Pemda's time zone). */
  from?: string | null;
  /** Releases dated on or before this local date. */
  to?: string | null;
  /** The `nextCursor` of the previous page. */
  after?: string | null;
  first?: number | null;
}

export interface OcdsPage {
  releasePackage: Record<string, unknown>;
  releaseCount: number;
  nextCursor: string | null;
}

interface Event {
  order_id: string;
  kind: Kind;
  at: Date;
  payment_id: string | null;
}

const encodeCursor = (e: Event) => Buffer.from(JSON.stringify([e.at.toISOString(), KINDS.indexOf(e.kind), e.order_id])).toString('base64url');

function decodeCursor(cursor: string): [string, number, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 3 && !Number.isNaN(Date.parse(value[0])) && Number.isInteger(value[1]) && /^[0-9a-f-]{36}$/.test(value[2])) {
      return value as [string, number, string];
    }
  } catch {
    // falls through to the refusal
  }
  throw badInput([{ field: 'after', message: 'Kursor halaman tidak valid; mulai lagi dari halaman pertama.' }]);
}

/** The Pemda an open-data request names, by id or by its Kemendagri region code (as the public URL does). */
export async function openDataPemda(em: EntityManager, by: { id: string } | { kemendagriCode: string }): Promise<Pemda> {
  const pemda = await em.findOne(Pemda, by);
  if (!pemda) throw notFound('Pemda');
  return pemda;
}

/**
 * One page of a Pemda's release package, oldest release first. Keyset-paged on (date, step, order): a page costs
 * three statements (the Pemda, its releases, their orders) however deep it is, and a release made while someone
 * pages lands after their cursor, never twice.
 */
export async function ocdsReleasePage(em: EntityManager, pemda: Pemda, query: OcdsQuery, publicUrl: string, now: Date): Promise<OcdsPage> {
  const first = query.first ?? 100;
  new Validation().check(Number.isInteger(first) && first >= 1 && first <= OCDS_MAX_PAGE, 'first', `Jumlah rilis per halaman 1 sampai ${OCDS_MAX_PAGE}.`).throwIfInvalid();
  const after = query.after ? decodeCursor(query.after) : null;
  const range = localDateRange(query.from, query.to, pemda.timeZone);

  // Each kind of event is read from its own index in (time, order) order, only past the cursor and only a page's
  // worth, then the few candidates are merged: a deep page costs what the first does.
  const branches: Record<Kind, { at: string; from: string; where: string; payment?: string }> = {
    tender: { at: 'po.submitted_at', from: 'purchase_order po', where: 'po.submitted_at is not null' },
    award: { at: 'po.accepted_at', from: 'purchase_order po', where: 'po.accepted_at is not null' },
    bast: { at: 'po.received_at', from: 'purchase_order po', where: 'po.received_at is not null' },
    payment: { at: 'po.paid_at', from: 'purchase_order po join payment pay on pay.order_id = po.id', where: 'po.paid_at is not null', payment: 'pay.id' },
    completed: { at: 'po.completed_at', from: 'purchase_order po', where: 'po.completed_at is not null' },
    unsuccessful: { at: 'a.created_at', from: `purchase_order po join audit_log a on a.subject_type = 'ORDER' and a.subject_id = po.id and a.to_status = po.status`, where: `po.status = 'REJECTED' and po.submitted_at is not null` },
    cancelled: { at: 'a.created_at', from: `purchase_order po join audit_log a on a.subject_type = 'ORDER' and a.subject_id = po.id and a.to_status = po.status`, where: `po.status = 'CANCELLED' and po.submitted_at is not null` },
  };
  const params: unknown[] = [];
  const selects = KINDS.map((kind, rank) => {
    const b = branches[kind];
    const conditions = [`po.pemda_id = ?`, b.where];
    params.push(pemda.id);
    const condition = (sql: string, ...values: unknown[]) => {
      conditions.push(sql);
      params.push(...values);
    };
    if (range.$gte) condition(`${b.at} >= ?`, range.$gte);
    if (range.$lt) condition(`${b.at} < ?`, range.$lt);
    if (after) {
      // Past the cursor (time, kind, order): a later kind may share its instant, an earlier one may not.
      const [at, cursorRank, orderId] = after;
      if (rank === cursorRank) condition(`(${b.at}, po.id) > (?::timestamptz, ?::uuid)`, at, orderId);
      else condition(`${b.at} ${rank > cursorRank ? '>=' : '>'} ?::timestamptz`, at);
    }
    params.push(first + 1);
    return `(select po.id as order_id, '${kind}' as kind, ${rank} as rank, ${b.at} as at, ${b.payment ?? 'null::uuid'} as payment_id
               from ${b.from} where ${conditions.join(' and ')} order by ${b.at}, po.id limit ?)`;
  });
  const events = await em.getConnection().execute<Event[]>(
    `select order_id, kind, at, payment_id from (${selects.join(' union all ')}) e order by at, rank, order_id limit ?`,
    [...params, first + 1],
  );
  const page = events.slice(0, first).map((e) => ({ ...e, at: new Date(e.at) }));
  const orderIds = [...new Set(page.map((e) => e.order_id))];
  const orders = orderIds.length
    ? await em.getConnection().execute<OrderRow[]>(
        `select po.id, po.number, po.total, po.received_amount, po.bast_date::text as bast_date, po.vendor_is_umkk, po.vendor_is_local, po.accepted_at,
                opd.id as opd_id, opd.code as opd_code, opd.name as opd_name,
                v.id as vendor_id, v.business_name, v.nib, v.scale, v.domicile_region_name, v.district,
                (select json_agg(json_build_object('id', l.id, 'name', l.product_name, 'unit', l.unit, 'quantity', l.quantity, 'unitPrice', l.unit_price) order by l.position)
                   from purchase_order_line l where l.order_id = po.id) as lines,
                (select json_agg(json_build_object('id', p.id, 'amount', p.amount, 'paidOn', p.paid_on::text)) from payment p where p.order_id = po.id) as payments
           from purchase_order po join opd on opd.id = po.opd_id join vendor v on v.id = po.vendor_id
          where po.id in (?)`,
        [orderIds],
      )
    : [];
  const byId = new Map(orders.map((o) => [o.id, o]));
  const releases = page.map((e) => {
    const order = byId.get(e.order_id)!;
    return release(pemda, order, e, order.payments?.find((p) => p.id === e.payment_id) ?? null);
  });
  const nextCursor = events.length > first ? encodeCursor(page[page.length - 1]) : null;
  const self = new URL(`${publicUrl}/opendata/${pemda.kemendagriCode}/ocds.json`);
  if (query.from) self.searchParams.set('from', query.from);
  if (query.to) self.searchParams.set('to', query.to);
  if (query.first) self.searchParams.set('first', String(first));
  const next = nextCursor ? new URL(self) : null;
  next?.searchParams.set('after', nextCursor!);
  if (query.after) self.searchParams.set('after', query.after);
  return {
    releasePackage: {
      uri: self.toString(),
      version: '1.1',
      publishedDate: (page.length ? page[page.length - 1].at : now).toISOString(),
      publisher: { name: `${pemda.name}: Katalog Lokal`, scheme: 'ID-KEMENDAGRI', uid: pemda.kemendagriCode },
      // The pagination extension's `links`: where the next page is (absent on the last page).
      ...(next && { links: { next: next.toString() } }),
      releases,
    },
    releaseCount: releases.length,
    nextCursor,
  };
}

interface OrderRow {
  id: string;
  number: string;
  total: string;
  received_amount: string | null;
  bast_date: string | null;
  vendor_is_umkk: boolean;
  vendor_is_local: boolean;
  accepted_at: Date | null;
  opd_id: string;
  opd_code: string;
  opd_name: string;
  vendor_id: string;
  business_name: string;
  nib: string;
  scale: BusinessScale;
  domicile_region_name: string;
  district: string;
  lines: { id: string; name: string; unit: string; quantity: number; unitPrice: number }[];
  payments: PaymentRow[] | null;
}

interface PaymentRow {
  id: string;
  amount: number;
  paidOn: string;
}

const idr = (amount: string | number) => ({ amount: Number(amount), currency: 'IDR' });

function release(pemda: Pemda, o: OrderRow, e: Event, payment: PaymentRow | null): Record<string, unknown> {
  const ocid = `${OCID_PREFIX}-${pemda.kemendagriCode}-${orderCode({ number: Number(o.number) })}`;
  const buyer = { id: `OPD-${pemda.kemendagriCode}-${o.opd_code}`, name: o.opd_name };
  const supplier = { id: `ID-NIB-${o.nib}`, name: o.business_name };
  const dateOf = (date: string) => startOfLocalDate(date, pemda.timeZone).toISOString();
  const parties = [
    { ...buyer, roles: ['buyer', 'procuringEntity', 'payer'], address: { region: pemda.name, countryName: 'Indonesia' } },
    {
      ...supplier,
      roles: ['supplier', 'payee'],
      identifier: { scheme: 'ID-NIB', id: o.nib, legalName: o.business_name },
      address: { locality: o.district, region: o.domicile_region_name, countryName: 'Indonesia' },
      details: {
        scale: SCALE[o.scale],
        ...((o.vendor_is_umkk || o.vendor_is_local) && {
          classifications: [
            ...(o.vendor_is_umkk ? [{ scheme: 'KATALOG-LOKAL', id: 'UMKK', description: 'Usaha mikro, kecil atau koperasi (Inpres 2/2022) pada saat pemesanan' }] : []),
            ...(o.vendor_is_local ? [{ scheme: 'KATALOG-LOKAL', id: 'LOKAL', description: `Berdomisili di ${pemda.name}` }] : []),
          ],
        }),
      },
    },
  ];
  const items = o.lines.map((l) => ({
    id: l.id,
    description: l.name,
    quantity: l.quantity,
    unit: { name: l.unit, value: idr(l.unitPrice) },
  }));
  const contract = (extra: Record<string, unknown>) => ({ id: `${ocid}-kontrak`, awardID: `${ocid}-award`, ...extra });
  const stage: Record<Kind, () => Record<string, unknown>> = {
    tender: () => ({
      tag: ['tender'],
      tender: {
        id: `${ocid}-tender`,
        title: `Paket ${orderCode({ number: Number(o.number) })}`,
        status: 'active',
        procuringEntity: buyer,
        items,
        value: idr(o.total),
        procurementMethod: 'direct',
        procurementMethodDetails: `E-Purchasing melalui Katalog Elektronik Lokal ${pemda.name}`,
        mainProcurementCategory: 'goods',
      },
    }),
    award: () => ({
      tag: ['award', 'contract'],
      awards: [{ id: `${ocid}-award`, status: 'active', date: e.at.toISOString(), value: idr(o.total), suppliers: [supplier], items }],
      contracts: [contract({ status: 'active', dateSigned: e.at.toISOString(), value: idr(o.total), items })],
    }),
    bast: () => ({
      tag: ['implementation'],
      contracts: [contract({
        status: 'active',
        value: idr(o.received_amount ?? 0),
        implementation: { milestones: [{ id: `${ocid}-bast`, title: 'Berita Acara Serah Terima', type: 'delivery', status: 'met', dateMet: dateOf(o.bast_date!), value: idr(o.received_amount ?? 0) }] },
      })],
    }),
    payment: () => ({
      tag: ['implementation'],
      contracts: [contract({
        status: 'active',
        implementation: { transactions: [{ id: payment!.id, date: dateOf(payment!.paidOn), value: idr(payment!.amount), payer: buyer, payee: supplier }] },
      })],
    }),
    completed: () => ({ tag: ['implementation'], contracts: [contract({ status: 'terminated' })] }),
    unsuccessful: () => ({ tag: ['tenderUpdate'], tender: { id: `${ocid}-tender`, status: 'unsuccessful' } }),
    cancelled: () => ({ tag: ['tenderCancellation'], tender: { id: `${ocid}-tender`, status: 'cancelled' } }),
  };
  return {
    ocid,
    id: `${ocid}-${e.kind}${payment ? `-${payment.id}` : ''}`,
    date: e.at.toISOString(),
    language: 'id',
    initiationType: 'tender',
    parties,
    buyer,
    ...stage[e.kind](),
  };
}
