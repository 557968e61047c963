import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { detectSeparator } from '../../server/imports/spreadsheet.js';
import { createTestApp, errorCode, type TestApp } from '../support/harness.js';
import { pemdaIds } from '../support/catalogue.js';
import { expectNothingWritten } from '../support/snapshot.js';

const BUDGETS = `mutation($p: ID!, $x: String, $c: String, $dry: Boolean!) { importOpdBudgets(pemdaId: $p, xlsxBase64: $x, csv: $c, dryRun: $dry) { applied rows errors { row field message } } }`;
const SPEND = `mutation($input: ImportExternalSpendInput!) { importExternalSpend(input: $input) { applied created failedCount errors { row field message } } }`;

/** A workbook as BPBJ's staff make them: a header row, money typed as numbers or as "Rp5.000.000" text. */
async function workbook(rows: unknown[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Pagu');
  rows.forEach((r) => sheet.addRow(r));
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

describe('imports read Excel workbooks as they read CSV', () => {
  let t: TestApp;
  let batu: string;
  let bpbj: string;
  beforeAll(async () => {
    t = await createTestApp();
    batu = (await pemdaIds(t)).batu;
    bpbj = await t.login('bpbj@batukota.go.id');
  });
  afterAll(() => t.close());

  it('a budget workbook with numbers and "Rp" text is checked, then applied as versions', async () => {
    const x = await workbook([
      ['opd_code', 'fiscal_year', 'goods_services_budget', 'planned_umkk', 'allocated_umkk'],
      ['1.02.01', 2026, 5_000_000_000, 'Rp2.000.000.000', '1.500.000.000'],
      ['1.01.01', 2026, 'Rp7.000.000.000', 2_800_000_000, 2_100_000_000],
    ]);
    const dry = await expectNothingWritten(t, () => t.exec(BUDGETS, { p: batu, x, dry: true }, { token: bpbj }));
    expect(dry.data.importOpdBudgets).toEqual({ applied: false, rows: 2, errors: [] });
    const applied = await t.exec(BUDGETS, { p: batu, x, dry: false }, { token: bpbj });
    expect(applied.data.importOpdBudgets).toEqual({ applied: true, rows: 2, errors: [] });
    const recap = await t.exec(`query($p: ID!) { spendRecap(pemdaId: $p, period: { year: 2026 }) { opds { opd { code } budget plannedUmkk } } }`, { p: batu }, { token: bpbj });
    expect(recap.data.spendRecap.opds.find((o: any) => o.opd.code === '1.02.01')).toEqual({ opd: { code: '1.02.01' }, budget: 5_000_000_000, plannedUmkk: 2_000_000_000 });
  });

  it('a file that is not a workbook, or two files at once, is refused and writes nothing', async () => {
    const broken = await expectNothingWritten(t, () => t.exec(BUDGETS, { p: batu, x: Buffer.from('bukan excel').toString('base64'), dry: false }, { token: bpbj }));
    expect(errorCode(broken)).toBe('BAD_USER_INPUT');
    expect(broken.errors![0].message).toContain('XLSX tidak dapat dibaca');
    const both = await expectNothingWritten(t, () => t.exec(BUDGETS, { p: batu, x: 'AAAA', c: 'opd_code\n', dry: false }, { token: bpbj }));
    expect(errorCode(both)).toBe('BAD_USER_INPUT');
  });

  it('outside spend from a workbook, dates as Excel dates', async () => {
    const x = await workbook([
      ['external_ref', 'date', 'opd_code', 'vendor_name', 'vendor_nib', 'amount', 'channel', 'umkk', 'pdn', 'local'],
      ['SPSE-XL-1', new Date(Date.UTC(2026, 1, 10)), '1.02.01', 'CV Sinar Tender', '', 'Rp150.000.000', 'TENDER', 'ya', 'ya', 'tidak'],
    ]);
    const result = await t.exec(SPEND, { input: { pemdaId: batu, xlsxBase64: x, policy: 'REJECT_ALL', dryRun: false } }, { token: bpbj });
    expect(result.data.importExternalSpend).toEqual({ applied: true, created: 1, failedCount: 0, errors: [] });
    const february = await t.exec(`query($p: ID!) { spendRecap(pemdaId: $p, period: { year: 2026, month: 2 }) { opds { opd { code } externalTotal } } }`, { p: batu }, { token: bpbj });
    expect(february.data.spendRecap.opds.find((o: any) => o.opd.code === '1.02.01').externalTotal).toBe(150_000_000);
  });

  it('a CSV saved by Excel set to Indonesian (BOM, semicolons, "Rp" amounts) imports as the comma file does', async () => {
    // Before: the header was read as one column, and every row answered `Kode OPD "" tidak ada`.
    const excel = '\uFEFFopd_code;fiscal_year;goods_services_budget;planned_umkk;allocated_umkk\r\n1.03.01;2026;Rp3.000.000.000;Rp1.200.000.000;"1.000.000.000"\r\n';
    const answer = await t.exec(BUDGETS, { p: batu, c: excel, dry: false }, { token: bpbj });
    expect(answer.data.importOpdBudgets).toEqual({ applied: true, rows: 1, errors: [] });
    const tabs = 'opd_code\tfiscal_year\tgoods_services_budget\tplanned_umkk\tallocated_umkk\n1.04.01\t2026\t4000000000\t1.600.000.000\tRp1.000.000.000\n';
    expect((await t.exec(BUDGETS, { p: batu, c: tabs, dry: false }, { token: bpbj })).data.importOpdBudgets).toEqual({ applied: true, rows: 1, errors: [] });
    const recap = await t.exec(`query($p: ID!) { spendRecap(pemdaId: $p, period: { year: 2026 }) { opds { opd { code } budget plannedUmkk allocatedUmkk } } }`, { p: batu }, { token: bpbj });
    const byCode = (code: string) => recap.data.spendRecap.opds.find((o: any) => o.opd.code === code);
    expect(byCode('1.03.01')).toEqual({ opd: { code: '1.03.01' }, budget: 3_000_000_000, plannedUmkk: 1_200_000_000, allocatedUmkk: 1_000_000_000 });
    expect(byCode('1.04.01')).toEqual({ opd: { code: '1.04.01' }, budget: 4_000_000_000, plannedUmkk: 1_600_000_000, allocatedUmkk: 1_000_000_000 });
  });

  it('a small workbook that unzips to more than 20 MB is refused before it is read, and writes nothing', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(25 * 1024 * 1024, 0x20));
    const bomb = (await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } })).toString('base64');
    expect(bomb.length).toBeLessThan(100_000); // it passes the 1 MB body limit
    const answer = await expectNothingWritten(t, () => t.exec(BUDGETS, { p: batu, x: bomb, dry: false }, { token: bpbj }));
    expect(errorCode(answer)).toBe('BAD_USER_INPUT');
    expect(answer.errors![0].extensions!.fields).toEqual([{ field: 'xlsxBase64', message: expect.stringContaining('lebih dari 20 MB') }]);
  });
});

describe('the separator of a CSV is read from its header', () => {
  it.each([
    ['opd_code,fiscal_year\n1,2', ','],
    ['\uFEFFopd_code;fiscal_year\r\n1;2', ';'],
    ['opd_code\tfiscal_year\n1\t2', '\t'],
    ['"nama; lengkap",nip\nA,1', ','], // a separator inside quotes does not count
    ['nip\n1', ','],
  ])('%j is separated by %j', (text, separator) => {
    expect(detectSeparator(text)).toBe(separator);
  });
});
