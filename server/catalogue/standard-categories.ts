import type { EntityManager } from '@mikro-orm/postgresql';
import { Category } from './category.entity.js';
import type { Pemda } from '../pemda/pemda.entity.js';
import { SearchSynonym } from '../../search/search.entities.js';

export interface Node {
  code: string;
  name: string;
  kbki?: string;
  basicNeeds?: boolean;
  children?: Node[];
}

/**
 * What OPDs and ASN programmes actually buy locally, with the region's own specialty among processed foods (a new
 * Pemda starts without one; its BPBJ adds it). Codes are stable: CSV imports name categories by code.
 */
export const categoryTree = (specialty?: Node): Node[] => [
  {
    code: 'pangan', name: 'Bahan Pangan Pokok', basicNeeds: true, children: [
      { code: 'pangan-beras', name: 'Beras', kbki: '23161' },
      { code: 'pangan-minyak-goreng', name: 'Minyak Goreng', kbki: '21680' },
      { code: 'pangan-gula', name: 'Gula', kbki: '23511' },
      { code: 'pangan-susu', name: 'Susu', kbki: '22110' },
      { code: 'pangan-telur', name: 'Telur', kbki: '02910' },
      { code: 'pangan-tepung', name: 'Tepung Terigu', kbki: '23110' },
    ],
  },
  {
    code: 'mamin', name: 'Makan dan Minum Rapat', children: [
      { code: 'mamin-nasi-kotak', name: 'Nasi Kotak dan Katering' },
      { code: 'mamin-snack', name: 'Kudapan Rapat (Snack Box)' },
      { code: 'mamin-minuman', name: 'Minuman Kemasan' },
    ],
  },
  {
    code: 'olahan', name: 'Produk Olahan Pangan', children: [
      ...(specialty ? [specialty] : []),
      { code: 'olahan-keripik', name: 'Keripik dan Kerupuk' },
      { code: 'olahan-kopi-teh', name: 'Kopi dan Teh' },
      { code: 'olahan-kue', name: 'Kue Kering dan Roti' },
    ],
  },
  {
    code: 'atk', name: 'Alat Tulis Kantor', children: [
      { code: 'atk-kertas', name: 'Kertas', kbki: '32141' },
      { code: 'atk-alat-tulis', name: 'Alat Tulis' },
      { code: 'atk-map-arsip', name: 'Map dan Perlengkapan Arsip' },
    ],
  },
  {
    code: 'cetak', name: 'Percetakan', children: [
      { code: 'cetak-dokumen', name: 'Cetak Dokumen dan Buku' },
      { code: 'cetak-spanduk', name: 'Spanduk dan Banner' },
      { code: 'cetak-undangan', name: 'Undangan, Sertifikat dan Kartu' },
    ],
  },
  {
    code: 'sandang', name: 'Batik dan Seragam', children: [
      { code: 'sandang-batik', name: 'Batik Tulis dan Cap' },
      { code: 'sandang-seragam', name: 'Seragam Kantor' },
    ],
  },
  {
    code: 'suvenir', name: 'Souvenir dan Oleh-oleh', children: [
      { code: 'suvenir-kerajinan', name: 'Kerajinan Tangan' },
      { code: 'suvenir-oleh-oleh', name: 'Paket Oleh-oleh' },
    ],
  },
  {
    code: 'kebersihan', name: 'Perlengkapan Kebersihan', children: [
      { code: 'kebersihan-sabun', name: 'Sabun dan Deterjen' },
      { code: 'kebersihan-alat', name: 'Alat Kebersihan' },
    ],
  },
  {
    code: 'tani', name: 'Pertanian dan Tanaman', children: [
      { code: 'tani-bibit', name: 'Bibit dan Tanaman Hias' },
      { code: 'tani-pupuk', name: 'Pupuk Organik' },
    ],
  },
];

/** Creates the tree for a Pemda; existing codes are left alone, so it can run again. */
export async function createCategoryTree(em: EntityManager, pemda: Pemda, tree: Node[]): Promise<Map<string, Category>> {
  const byCode = new Map((await em.find(Category, { pemda })).map((c) => [c.code, c]));
  const visit = (nodes: Node[], parent: Category | null) => {
    for (const node of nodes) {
      let category = byCode.get(node.code);
      if (!category) {
        category = em.create(Category, {
          pemda,
          parent,
          code: node.code,
          name: node.name,
          kbkiCode: node.kbki ?? null,
          basicNeeds: node.basicNeeds ?? parent?.basicNeeds ?? false,
          depth: (parent?.depth ?? 0) + 1,
          path: '',
        });
        category.path = `${parent?.path ?? '/'}${category.id}/`;
        byCode.set(node.code, category);
      }
      visit(node.children ?? [], category);
    }
  };
  visit(tree, null);
  return byCode;
}

/** Words officers type for what they mean (BPBJ edits these per Pemda). */
export const DEFAULT_SYNONYMS: Record<string, string[]> = {
  migor: ['minyak goreng'],
  atk: ['alat tulis kantor', 'alat tulis', 'kertas', 'map'],
  sembako: ['beras', 'minyak goreng', 'gula', 'susu', 'telur', 'tepung'],
  mamin: ['makan minum', 'nasi kotak', 'snack box', 'kudapan'],
  snack: ['kudapan', 'kue'],
  hvs: ['kertas'],
};

export async function createDefaultSynonyms(em: EntityManager, pemda: Pemda): Promise<void> {
  const known = new Set((await em.find(SearchSynonym, { pemda })).map((s) => s.term));
  for (const [term, expansions] of Object.entries(DEFAULT_SYNONYMS)) {
    if (!known.has(term)) em.create(SearchSynonym, { pemda, term, expansions });
  }
}
