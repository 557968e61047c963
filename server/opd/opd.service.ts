import { assertBelongsToPemda, assertManagesPemda, managesPemda, requireActor } from '../auth/scope.js';
import { Role, User } from '../identity/user.entity.js';
import type { RequestContext } from '../context.js';
import { badInput, conflict, forbidden, Validation, type FieldError } from '../errors.js';
import { readTable, type TableUpload } from '../imports/spreadsheet.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { Opd } from './opd.entity.js';
import { findInScope } from '../database/find.js';

export interface OpdInput {
  code: string;
  name: string;
  shortName: string;
}

export interface OpdUpdate {
  code?: string | null;
  name?: string | null;
  shortName?: string | null;
  active?: boolean | null;
}

function validate(input: OpdUpdate): void {
  check(new Validation(), input).throwIfInvalid();
}

/** An OPD's fields against their rules, those given only: the form, the update and every row of an import. */
function check(v: Validation, input: OpdUpdate): Validation {
  if (input.code != null) v.check(/^[0-9A-Za-z.\-]{1,32}$/.test(input.code.trim()), 'code', 'Kode OPD 1-32 karakter: huruf, angka, titik atau tanda hubung.');
  if (input.name != null) v.check(input.name.trim().length >= 3, 'name', 'Nama OPD minimal 3 karakter.');
  if (input.shortName != null) v.check(input.shortName.trim().length >= 2 && input.shortName.trim().length <= 40, 'shortName', 'Singkatan OPD 2-40 karakter.');
  return v;
}

export class OpdService {
  /** Accounts see their own Pemda's OPDs; a platform admin names the Pemda. */
  async list(ctx: RequestContext, pemdaId?: string | null): Promise<Opd[]> {
    const actor = requireActor(ctx);
    const target = pemdaId ?? actor.pemdaId;
    if (!target) return [];
    assertBelongsToPemda(actor, target);
    return ctx.em.find(Opd, { pemda: target }, { orderBy: { code: 'asc' } });
  }

  async get(ctx: RequestContext, id: string): Promise<Opd> {
    const actor = requireActor(ctx);
    const opd = await findInScope(ctx.em, Opd, id, 'OPD');
    assertBelongsToPemda(actor, opd.pemda.id);
    return opd;
  }

  /** The active PPKs of an OPD (the caller's own by default), for the PP choosing whom an order goes to. */
  async ppks(ctx: RequestContext, opdId?: string | null): Promise<User[]> {
    const actor = requireActor(ctx);
    const id = opdId ?? actor.opdId;
    if (!id) throw badInput([{ field: 'opdId', message: 'Sebutkan OPD-nya.' }]);
    const opd = await findInScope(ctx.em, Opd, id, 'OPD');
    if (actor.opdId !== opd.id && !managesPemda(actor, opd.pemda.id)) throw forbidden('Hanya pejabat OPD ini dan BPBJ-nya yang dapat melihat daftar PPK.');
    return ctx.em.find(User, { opd, role: Role.PPK, active: true }, { orderBy: { fullName: 'asc' } });
  }

  async create(ctx: RequestContext, pemdaId: string, input: OpdInput): Promise<Opd> {
    assertManagesPemda(requireActor(ctx), pemdaId);
    validate(input);
    const pemda = await findInScope(ctx.em, Pemda, pemdaId, 'Pemda');
    const code = input.code.trim();
    if (await ctx.em.count(Opd, { pemda, code })) throw conflict(`Kode OPD ${code} sudah dipakai di Pemda ini.`);
    const opd = ctx.em.create(Opd, { pemda, code, name: input.name.trim(), shortName: input.shortName.trim() });
    await ctx.em.flush();
    return opd;
  }

  /**
   * The Pemda's list of OPDs from a file (columns code, name, short_name; kode, nama, singkatan too), as a new Pemda's
   * BPBJ has it from the regional regulation on its organisation: a known code is renamed, a new one added. Every row
   * is checked; all rows or none, and with `dryRun` none at all.
   */
  async importOpds(ctx: RequestContext, pemdaId: string, upload: TableUpload, dryRun: boolean): Promise<{ applied: boolean; created: number; updated: number; errors: (FieldError & { row: number })[] }> {
    assertManagesPemda(requireActor(ctx), pemdaId);
    const pemda = await findInScope(ctx.em, Pemda, pemdaId, 'Pemda');
    if (!upload.csv && !upload.xlsxBase64) throw badInput([{ field: 'csv', message: 'Isi salah satu: csv atau xlsxBase64.' }]);
    const rows = (await readTable(upload)).map((r) => ({ code: (r.code ?? r.kode ?? '').trim(), name: (r.name ?? r.nama ?? '').trim(), shortName: (r.short_name ?? r.singkatan ?? '').trim() }));
    if (!rows.length) throw badInput([{ field: 'csv', message: 'Tidak ada baris untuk diimpor.' }]);
    const existing = new Map((await ctx.em.find(Opd, { pemda })).map((o) => [o.code, o]));
    const seen = new Set<string>();
    const errors = rows.flatMap((row, i) => {
      const v = check(new Validation(), row).check(!seen.has(row.code), 'code', `Kode OPD ${row.code} muncul dua kali dalam berkas.`);
      seen.add(row.code);
      return v.errors.map((e) => ({ ...e, row: i + 1 }));
    });
    const updated = rows.filter((r) => existing.has(r.code)).length;
    if (errors.length || dryRun) return { applied: false, created: rows.length - updated, updated, errors };
    for (const row of rows) {
      const opd = existing.get(row.code);
      if (opd) Object.assign(opd, { name: row.name, shortName: row.shortName });
      else ctx.em.create(Opd, { pemda, ...row });
    }
    await ctx.em.flush();
    return { applied: true, created: rows.length - updated, updated, errors };
  }

  async update(ctx: RequestContext, id: string, input: OpdUpdate): Promise<Opd> {
    const actor = requireActor(ctx);
    const opd = await findInScope(ctx.em, Opd, id, 'OPD');
    assertManagesPemda(actor, opd.pemda.id);
    validate(input);
    if (input.code != null && input.code.trim() !== opd.code) {
      if (await ctx.em.count(Opd, { pemda: opd.pemda, code: input.code.trim() })) {
        throw conflict(`Kode OPD ${input.code.trim()} sudah dipakai di Pemda ini.`);
      }
      opd.code = input.code.trim();
    }
    if (input.name != null) opd.name = input.name.trim();
    if (input.shortName != null) opd.shortName = input.shortName.trim();
    if (input.active != null) opd.active = input.active;
    await ctx.em.flush();
    return opd;
  }
}
