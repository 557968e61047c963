import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { User } from '../identity/user.entity.js';
import type { Pemda } from '../pemda/pemda.entity.js';
import { dateTime, ZONE_NAME } from './indonesian.js';

/**
 * A report as a regent's office reads it, independent of the file it becomes: a title block (Pemda, report name,
 * period, printed at and by whom), one or more tables with Indonesian headers, a totals row each, notes, and a
 * signature block. Each service builds a `Report` from its figures; `renderReport` turns it into XLSX, PDF or CSV, so
 * every report has the same title block, number formats and print setup, and a new report is only its rows.
 * (`render.ts` holds the rendering, so the renderers can import this model without a cycle.)
 */
export enum ExportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
  PDF = 'PDF',
}
registerEnumType(ExportFormat, { name: 'ExportFormat', description: 'XLSX and PDF carry the title block, totals and signatures; CSV is the bare table for other programs.' });

export enum CsvDialect {
  /** Comma separator, dot decimals, no byte-order mark: for programs. */
  RFC4180 = 'RFC4180',
  /** What Excel set to Indonesian opens as columns: UTF-8 with BOM, `;` separator, `,` decimal mark. */
  EXCEL_ID = 'EXCEL_ID',
}
registerEnumType(CsvDialect, { name: 'CsvDialect' });

/** A generated file handed to the caller whole. */
@ObjectType()
export class ExportFile {
  @Field() filename!: string;
  @Field() contentType!: string;
  @Field({ description: 'The file, base64-encoded.' }) base64!: string;
}

/**
 * How a column's values read: rupiah as "Rp1.234.567", percents with two decimals, counts grouped, decimals (scores)
 * with a decimal comma and up to three places, text as is.
 */
export type ColumnKind = 'text' | 'rupiah' | 'percent' | 'count' | 'decimal';

export interface ReportColumn {
  header: string;
  kind?: ColumnKind;
  /** Narrow columns (codes, ranks) may say so; others fit their content. */
  width?: number;
}

export type Cell = string | number | null;

export interface ReportTable {
  /** The sheet's name in XLSX and the section heading in PDF. */
  name: string;
  columns: ReportColumn[];
  rows: Cell[][];
  /** The totals row, computed by the report (a share of totals is not a sum of shares). */
  totals?: Cell[];
  /** The columns (0-based) an A4 page prints when the table is wider than a page reads; all by default. */
  pdfColumns?: number[];
}

export interface Report {
  filename: string;
  title: string;
  pemdaName: string;
  /** The period as people say it: "Tahun Anggaran 2026", "Januari 2026", "1 Januari s.d. 31 Maret 2026". */
  period: string;
  printedAt: Date;
  timeZone: string;
  printedBy: string;
  tables: ReportTable[];
  notes?: string[];
  /** The left signature: who acknowledges the report (mengetahui). The right one is whoever printed it. */
  acknowledgedBy?: string;
}

/** The title block's who, where and when: the Pemda in full, now in its zone, the caller by name (published reports: anyone). */
export async function printedFor(ctx: RequestContext, pemda: Pemda): Promise<Pick<Report, 'pemdaName' | 'printedAt' | 'timeZone' | 'printedBy'>> {
  const user = ctx.actor && (await ctx.em.findOne(User, ctx.actor.userId, { fields: ['fullName'] }));
  const printedBy = user?.fullName ?? ctx.actor?.email ?? 'Pengunjung (data terbuka)';
  return { pemdaName: /^pemerintah /i.test(pemda.name) ? pemda.name : `Pemerintah ${pemda.name}`, printedAt: ctx.now(), timeZone: pemda.timeZone, printedBy };
}

/** The title block's lines, the same in every format. */
export function titleLines(report: Report): string[] {
  return [
    report.title,
    report.pemdaName,
    `Periode: ${report.period}`,
    `Dicetak: ${dateTime(report.printedAt, report.timeZone)} ${ZONE_NAME[report.timeZone] ?? report.timeZone} oleh ${report.printedBy}`,
  ];
}
