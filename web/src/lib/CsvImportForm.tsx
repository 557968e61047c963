import { useState, type ChangeEvent, type ReactNode } from 'react';
import { saveText } from './saveFile';

export interface ImportAnswer {
  /** Set when the request itself was refused (a message for people). */
  problem?: string | null;
  applied: boolean;
  /** What the rows would do or did, e.g. "12 baris". */
  summary: string;
  errors: { row: number; field: string; message: string }[];
}

/** What the API takes: CSV text, or an Excel workbook as base64. */
export type Upload = { csv: string } | { xlsxBase64: string };

async function readUpload(file: File): Promise<Upload> {
  if (!/\.xlsx$/i.test(file.name)) return { csv: await file.text() };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { xlsxBase64: btoa(binary) };
}

/** A starting file to fill in Excel: its header and rows, separated by ";" as Excel reads CSV in an Indonesian locale. */
export interface ImportTemplate {
  filename: string;
  rows: () => string[][];
}

const csvCell = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * Every import in the workspace works the same way: start from its template, pick a CSV or XLSX file, check it (a dry
 * run shows each bad row), and apply only a clean file (all rows or none).
 */
export function CsvImportForm({ help, template, send }: { help: ReactNode; template: ImportTemplate; send: (upload: Upload, dryRun: boolean) => Promise<ImportAnswer> }) {
  const [csv, setCsv] = useState<Upload | null>(null);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setAnswer(null);
    setCsv(file ? await readUpload(file) : null);
  }
  const clean = answer && !answer.problem && answer.errors.length === 0;
  return (
    <section className="card">
      <p>{help}</p>
      <p>
        <button type="button" className="link" onClick={() => saveText(template.filename, template.rows().map((row) => `${row.map(csvCell).join(';')}\r\n`).join(''), 'text/csv;charset=utf-8')}>
          Unduh templat CSV
        </button>
      </p>
      <label>
        Berkas CSV atau XLSX
        <input type="file" accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={pick} />
      </label>
      <div className="actions">
        <button disabled={!csv} onClick={async () => setAnswer(await send(csv!, true))}>Periksa (uji coba)</button>
        <button disabled={!csv || !clean || answer.applied} onClick={async () => setAnswer(await send(csv!, false))}>Terapkan</button>
      </div>
      {answer?.problem && <p role="alert" className="error">{answer.problem}</p>}
      {clean && <p role="status" className="notice">{answer.applied ? 'Diterapkan' : 'Siap diterapkan'}: {answer.summary}.</p>}
      {answer && answer.errors.length > 0 && (
        <table data-testid="import-errors">
          <caption>{new Set(answer.errors.map((e) => e.row)).size} baris bermasalah; tidak ada yang disimpan.</caption>
          <thead><tr><th>Baris</th><th>Kolom</th><th>Masalah</th></tr></thead>
          <tbody>{answer.errors.map((e, i) => <tr key={i}><td>{e.row}</td><td>{e.field}</td><td>{e.message}</td></tr>)}</tbody>
        </table>
      )}
    </section>
  );
}
