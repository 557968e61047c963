import type ExcelJS from 'exceljs';

let loaded: Promise<typeof ExcelJS> | undefined;

/** ExcelJS, loaded with the first workbook read or written: importing it takes about a second, which every start would otherwise pay. */
export const excel = () => (loaded ??= import('exceljs').then((m) => m.default));
