import { managesPemda, requireActor } from '../auth/scope.js';
import { formatMonth, localDate } from '../calendar/time-zone.js';
import { Notification } from '../notifications/notification.entity.js';
import { notify } from '../notifications/notify.js';
import { dateName, rupiah } from '../reports/indonesian.js';
import type { RequestContext } from '../context.js';
import { findInScope } from '../database/find.js';
import { forbidden, notFound, Validation } from '../errors.js';
import { renderReport } from '../reports/render.js';
import { printedFor, type CsvDialect, type ExportFile, type ExportFormat, type Report } from '../reports/report.js';
import { Role, User } from '../identity/user.entity.js';
import { Opd } from '../opd/opd.entity.js';
import { percent } from '../spend/period.js';
import { Asn, AsnProgramme } from './asn.entities.js';
import { currentAsn, MONTH, reportingClosesAt, requiredAmount } from './asn.service.js';

export enum AsnMonthStatus {
  MET = 'MET',
  NOT_MET = 'NOT_MET',
  LATE = 'LATE',
  EXEMPT = 'EXEMPT',
  /** Belum jatuh tempo: the month's reporting deadline has not passed and the minimum is not reached yet. */
  NOT_DUE = 'NOT_DUE',
}

export interface AsnMonth {
  asn: Asn;
  required: number;
  reported: number;
  counted: number;
  status: AsnMonthStatus;
}

export interface OpdMonth {
  opd: Opd;
  asnCount: number;
  metCount: number;
  exemptCount: number;
  /** The month's reporting deadline has passed. */
  due: boolean;
  /** MET / (ASN - EXEMPT), percent with two decimals; null until the month is due. */
  complianceRate: number | null;
  totalCounted: number;
  topOutlets: { name: string; total: number }[];
  rank: number | null;
}

/**
 * Monitoring an ASN programme: who met the month's minimum, per ASN and per OPD, once the month is due, and the
 * monthly export. Reads only; the reports themselves are written by AsnService and AsnOrderService.
 */
export class AsnMonitoringService {
  /** Per ASN for a month: required, reported, counted, status. BPBJ: the Pemda; OPD head, PP, PPK: their OPD; an ASN: itself. */
  async asnMonth(ctx: RequestContext, programmeId: string, month: string, opdId?: string | null): Promise<AsnMonth[]> {
    const { programme, onlyOpd, onlyAsn } = await this.scope(ctx, programmeId, opdId);
    return (await this.computeAsnMonth(ctx, programme, month, onlyOpd, onlyAsn)).rows;
  }

  /** Whether a month's reporting deadline (the deadline day of the next month, Pemda time) has passed. */
  async isDue(ctx: RequestContext, programme: AsnProgramme, month: string): Promise<boolean> {
    const pemda = await programme.pemda.loadOrFail();
    return reportingClosesAt(month, programme.reportDeadlineDay, pemda.timeZone) <= ctx.now();
  }

  private async computeAsnMonth(ctx: RequestContext, programme: AsnProgramme, month: string, onlyOpd: string | null, onlyAsn: string | null = null): Promise<{ due: boolean; rows: AsnMonth[] }> {
    new Validation()
      .check(MONTH.test(month), 'month', 'Bulan berformat YYYY-MM.')
      .check(!MONTH.test(month) || month >= programme.startMonth, 'month', `Program ini berjalan mulai ${formatMonth(programme.startMonth)}.`)
      .throwIfInvalid();
    const due = await this.isDue(ctx, programme, month);
    const asns = await ctx.em.find(Asn, { pemda: programme.pemda, ...(onlyOpd ? { opd: onlyOpd } : {}), ...(onlyAsn ? { id: onlyAsn } : {}) }, { orderBy: { nip: 'asc' } });
    const reported = await ctx.em.execute<{ asn_id: string; reported: string; counted: string; late: string }[]>(
      `select asn_id, sum(amount) filter (where status <> 'REJECTED') as reported, coalesce(sum(amount) filter (where status = 'COUNTED'), 0) as counted,
              coalesce(sum(amount) filter (where status = 'LATE'), 0) as late
         from asn_purchase_report where programme_id = ? and month = ? group by asn_id`,
      [programme.id, month],
    );
    const sums = new Map(reported.map((r) => [r.asn_id, r]));
    const rows = asns.map((asn) => {
      const s = sums.get(asn.id);
      const required = requiredAmount(programme, asn);
      const counted = Number(s?.counted ?? 0);
      const status = asn.exemptMonths.includes(month) ? AsnMonthStatus.EXEMPT
        : counted >= required ? AsnMonthStatus.MET
        : !due ? AsnMonthStatus.NOT_DUE
        : counted + Number(s?.late ?? 0) >= required ? AsnMonthStatus.LATE
        : AsnMonthStatus.NOT_MET;
      return { asn, required, reported: Number(s?.reported ?? 0), counted, status };
    });
    return { due, rows };
  }

  /**
   * In the last three days before a month's reporting deadline (the 10th of the next month by default, Pemda time),
   * tells every ASN with an account who has not yet reached the minimum: once per person, programme and month (the
   * job runs daily; a reminder already written is not written again). Returns how many were told.
   */
  async remindMissingReports(ctx: RequestContext): Promise<number> {
    let told = 0;
    for (const programme of await ctx.em.find(AsnProgramme, {}, { populate: ['pemda'] })) {
      const pemda = programme.pemda.getEntity();
      const today = localDate(ctx.now(), pemda.timeZone);
      const month = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 2, 1)).toISOString().slice(0, 7);
      if (month < programme.startMonth) continue;
      const closes = reportingClosesAt(month, programme.reportDeadlineDay, pemda.timeZone);
      if (ctx.now() >= closes || closes.getTime() - ctx.now().getTime() > 3 * 86_400_000) continue;
      const { rows } = await this.computeAsnMonth(ctx, programme, month, null);
      const short = rows.filter((r) => r.status === AsnMonthStatus.NOT_DUE);
      if (!short.length) continue;
      const link = `/asn/laporan?program=${programme.id}&bulan=${month}`;
      const users = await ctx.em.find(User, { asn: { $in: short.map((r) => r.asn.id) }, active: true });
      const already = new Set((await ctx.em.find(Notification, { link, recipient: { $in: users.map((u) => u.id) } }, { fields: ['recipient'] })).map((n) => n.recipient.id));
      for (const user of users.filter((u) => !already.has(u.id))) {
        const row = short.find((r) => r.asn.id === user.asn!.id)!;
        notify(ctx, [user], {
          kind: 'ASN_REPORT_MISSING', link, title: `Laporan belanja UMKM ${formatMonth(month)} belum cukup`,
          body: `${programme.name}: tercatat ${rupiah(row.counted)} dari minimal ${rupiah(row.required)}. Laporkan pembelian ${formatMonth(month)} paling lambat ${dateName(localDate(new Date(closes.getTime() - 1), pemda.timeZone))}.`,
        });
        told++;
      }
    }
    await ctx.em.flush();
    return told;
  }

  /** Per OPD for a month (Betah's missing recap), ranked by compliance then by rupiah. Also the public view. */
  async opdMonth(ctx: RequestContext, programmeId: string, month: string, publicView = false): Promise<OpdMonth[]> {
    // The public sees only these per-OPD aggregates, never an individual's spending.
    const programme = publicView ? await ctx.em.findOne(AsnProgramme, programmeId) : (await this.scope(ctx, programmeId, null, true)).programme;
    if (!programme) throw notFound('Program');
    // Before its deadline a month has no rate yet ("belum jatuh tempo"), never 0%.
    const { due, rows: perAsn } = await this.computeAsnMonth(ctx, programme, month, null);
    const outlets = await ctx.em.execute<{ opd_id: string; name: string; total: string }[]>(
      `select a.opd_id, coalesce(o.name, v.business_name) as name, sum(r.amount) as total
         from asn_purchase_report r join asn a on a.id = r.asn_id left join asn_outlet o on o.id = r.outlet_id left join vendor v on v.id = r.vendor_id
        where r.programme_id = ? and r.month = ? and r.status = 'COUNTED' group by a.opd_id, coalesce(o.name, v.business_name)`,
      [programmeId, month],
    );
    const opds = await ctx.em.find(Opd, { pemda: programme.pemda }, { orderBy: { code: 'asc' } });
    const result = opds.map((opd) => {
      const members = perAsn.filter((r) => r.asn.opd.id === opd.id);
      const exempt = members.filter((r) => r.status === AsnMonthStatus.EXEMPT).length;
      const met = members.filter((r) => r.status === AsnMonthStatus.MET).length;
      return {
        opd,
        asnCount: members.length,
        metCount: met,
        exemptCount: exempt,
        due,
        complianceRate: due ? percent(met, members.length - exempt) : null,
        totalCounted: members.reduce((s, r) => s + r.counted, 0),
        topOutlets: outlets.filter((o) => o.opd_id === opd.id).map((o) => ({ name: o.name, total: Number(o.total) })).sort((a, b) => b.total - a.total).slice(0, 3),
        rank: null as number | null,
      };
    });
    const ranked = result.filter((r) => r.complianceRate !== null).sort((a, b) => b.complianceRate! - a.complianceRate! || b.totalCounted - a.totalCounted || a.opd.code.localeCompare(b.opd.code));
    ranked.forEach((r, i) => (r.rank = i + 1));
    return [...ranked, ...result.filter((r) => r.rank === null)];
  }

  /** The per-OPD recap of a month for the regent, ranked, with a totals row. */
  async export(ctx: RequestContext, programmeId: string, month: string, format: ExportFormat, dialect?: CsvDialect): Promise<ExportFile> {
    const rows = await this.opdMonth(ctx, programmeId, month);
    const programme = await ctx.em.findOneOrFail(AsnProgramme, programmeId, { populate: ['pemda'] });
    const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + pick(r), 0);
    const [members, met, exempt] = [sum((r) => r.asnCount), sum((r) => r.metCount), sum((r) => r.exemptCount)];
    const due = rows.some((r) => r.due);
    const report: Report = {
      filename: `rekap-belanja-asn-${month}`,
      title: `Rekapitulasi Kepatuhan Belanja Produk UMKM oleh ASN: ${programme.name}`,
      ...(await printedFor(ctx, programme.pemda.getEntity())),
      period: formatMonth(month),
      tables: [{
        name: `ASN ${month}`,
        columns: [
          { header: 'Peringkat', kind: 'count', width: 10 }, { header: 'Kode OPD', width: 10 }, { header: 'Nama OPD' }, { header: 'Jumlah ASN', kind: 'count' }, { header: 'Memenuhi', kind: 'count' },
          { header: 'Cuti / Dikecualikan', kind: 'count' }, { header: '% Kepatuhan', kind: 'percent' }, { header: 'Total Belanja Terhitung', kind: 'rupiah' }, { header: 'Gerai Teratas' },
        ],
        rows: rows.map((r) => [r.rank, r.opd.code, r.opd.name, r.asnCount, r.metCount, r.exemptCount, r.complianceRate, r.totalCounted, r.topOutlets.map((o) => o.name).join('; ')]),
        totals: [null, null, 'Jumlah', members, met, exempt, due ? percent(met, members - exempt) : null, sum((r) => r.totalCounted), null],
      }],
      notes: due ? [] : [`Batas pelaporan ${formatMonth(month)} belum lewat: kepatuhan belum dihitung.`],
    };
    return renderReport(report, format, dialect);
  }

  /** Whose rows of a programme the caller reads: BPBJ the Pemda's, an OPD's officers their OPD's, an ASN its own. */
  private async scope(ctx: RequestContext, programmeId: string, opdId: string | null | undefined, wholePemda = false) {
    const actor = requireActor(ctx);
    const programme = await findInScope(ctx.em, AsnProgramme, programmeId, 'Program');
    if (managesPemda(actor, programme.pemda.id)) return { programme, onlyOpd: opdId ?? null, onlyAsn: null };
    const officer = [Role.KEPALA_OPD, Role.PP, Role.PPK].includes(actor.role) && actor.pemdaId === programme.pemda.id;
    if (officer && !wholePemda && (!opdId || opdId === actor.opdId)) return { programme, onlyOpd: actor.opdId, onlyAsn: null };
    if (actor.role === Role.ASN && !wholePemda) {
      const asn = await currentAsn(ctx, 'Akun ASN ini belum terhubung ke data ASN.');
      if (asn.pemda.id === programme.pemda.id) return { programme, onlyOpd: null, onlyAsn: asn.id };
    }
    throw forbidden('Anda hanya dapat melihat rekap ASN OPD Anda sendiri.');
  }
}
