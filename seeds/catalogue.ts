import type { EntityManager } from '@mikro-orm/postgresql';
import type { Category } from '../server/catalogue/category.entity.js';
import { Product, ProductStatus } from '../server/catalogue/product.entity.js';
import { Role, User } from '../server/identity/user.entity.js';
import type { Pemda } from '../server/pemda/pemda.entity.js';
import { BusinessScale, isUmkk, Vendor, VendorStatus } from '../server/vendor/vendor.entity.js';
import { APPLE_PRODUCTS, SEAFOOD_PRODUCTS } from './categories.js';
import type { Node } from '../server/catalogue/standard-categories.js';

/** A small deterministic PRNG (mulberry32): the same seed gives the same catalogue on every machine. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
  };
}

/**
 * Per leaf category: [name pattern, unit, sizes], each size with its own price range ([size, lowest, highest]), so a
 * 25 kg sack of rice costs what one does and keripik comes in 100-250 g packs. {v} takes a variant, {s} the size.
 */
type Template = [string, string, [string, number, number][]];
const one = (low: number, high: number): [string, number, number][] => [['', low, high]];
export const PRODUCT_TEMPLATES: Record<string, Template[]> = {
  'pangan-beras': [['Beras {v} {s}', 'karung', [['5 kg', 62_000, 78_000], ['10 kg', 120_000, 150_000], ['25 kg', 300_000, 365_000]]], ['Beras Organik {v} {s}', 'karung', [['5 kg', 85_000, 110_000]]]],
  'pangan-minyak-goreng': [['Minyak Goreng Sawit {v} {s}', 'pouch', [['1 liter', 17_000, 21_000], ['2 liter', 33_000, 40_000]]], ['Minyak Kelapa Tradisional {v} {s}', 'botol', [['600 ml', 24_000, 35_000]]]],
  'pangan-gula': [['Gula Pasir {v} {s}', 'pack', [['1 kg', 16_500, 19_000]]], ['Gula Aren Cair {v} {s}', 'botol', [['500 ml', 22_000, 38_000]]]],
  'pangan-susu': [['Susu Sapi Segar Pasteurisasi {v} {s}', 'botol', [['1 liter', 18_000, 26_000]]], ['Susu Kambing Etawa {v} {s}', 'botol', [['250 ml', 12_000, 18_000]]]],
  'pangan-telur': [['Telur Ayam Ras {v}', 'kg', one(26_000, 31_000)], ['Telur Ayam Kampung {v}', 'butir', one(2_500, 3_500)]],
  'pangan-tepung': [['Tepung Terigu {v} {s}', 'pack', [['1 kg', 11_000, 15_000]]], ['Tepung Mocaf {v} {s}', 'pack', [['1 kg', 15_000, 22_000]]]],
  'mamin-nasi-kotak': [['Nasi Kotak {v}', 'kotak', one(22_000, 45_000)], ['Tumpeng Mini {v}', 'paket', one(35_000, 75_000)], ['Prasmanan Rapat {v}', 'porsi', one(40_000, 85_000)]],
  'mamin-snack': [['Snack Box Rapat {v}', 'kotak', one(10_000, 25_000)], ['Kue Basah Tradisional {v}', 'kotak', one(15_000, 35_000)]],
  'mamin-minuman': [['Air Mineral Kemasan {s}', 'dus', [['600 ml x 24', 38_000, 52_000], ['240 ml x 48', 30_000, 42_000]]], ['Wedang Jahe Instan {v}', 'pack', one(12_000, 28_000)]],
  'olahan-apel-keripik': [['Keripik Apel {v} {s}', 'pack', [['100 g', 12_000, 18_000], ['200 g', 22_000, 32_000], ['250 g', 27_000, 38_000]]]],
  'olahan-apel-sari': [['Sari Apel Batu {v} {s}', 'dus', [['240 ml x 24', 36_000, 55_000]]], ['Cuka Apel {v} {s}', 'botol', [['500 ml', 35_000, 65_000]]]],
  'olahan-apel-dodol': [['Dodol Apel {v} {s}', 'pack', [['250 g', 15_000, 25_000]]], ['Jenang Apel {v} {s}', 'pack', [['250 g', 14_000, 24_000]]], ['Strudel Apel {v}', 'kotak', one(45_000, 95_000)]],
  'olahan-keripik': [['Keripik Tempe {v} {s}', 'pack', [['200 g', 10_000, 18_000]]], ['Keripik Singkong {v} {s}', 'pack', [['250 g', 9_000, 16_000]]], ['Kerupuk Rambak {v} {s}', 'pack', [['200 g', 15_000, 28_000]]]],
  'olahan-kopi-teh': [['Kopi Arabika Arjuno {v} {s}', 'pack', [['200 g', 45_000, 75_000], ['500 g', 95_000, 160_000]]], ['Teh Herbal {v}', 'kotak', one(18_000, 45_000)]],
  'olahan-kue': [['Kue Kering {v} {s}', 'toples', [['500 g', 45_000, 95_000]]], ['Roti Manis {v}', 'pcs', one(5_000, 12_000)]],
  'atk-kertas': [['Kertas HVS {v} A4 70 gsm', 'rim', one(45_000, 58_000)], ['Kertas HVS {v} F4 80 gsm', 'rim', one(54_000, 68_000)]],
  'atk-alat-tulis': [['Pulpen Gel {v} isi 12', 'box', one(24_000, 48_000)], ['Spidol Papan Tulis {v} isi 12', 'box', one(55_000, 110_000)], ['Stabilo {v} isi 5', 'pak', one(25_000, 45_000)]],
  'atk-map-arsip': [['Map Snelhecter {v} isi 50', 'pak', one(35_000, 60_000)], ['Ordner {v}', 'pcs', one(22_000, 38_000)], ['Box File {v}', 'pcs', one(15_000, 30_000)]],
  'cetak-dokumen': [['Cetak Buku Laporan {v}', 'eksemplar', one(25_000, 150_000)], ['Jilid Spiral Dokumen {v}', 'eksemplar', one(7_000, 25_000)]],
  'cetak-spanduk': [['Spanduk Flexi {v}', 'm2', one(20_000, 35_000)], ['X-Banner {v} 60 x 160 cm', 'pcs', one(85_000, 150_000)]],
  'cetak-undangan': [['Cetak Undangan {v}', 'lembar', one(2_500, 12_000)], ['Sertifikat Kegiatan {v}', 'lembar', one(3_000, 10_000)]],
  'sandang-batik': [['Batik Tulis Motif Apel {v}', 'potong', one(350_000, 1_250_000)], ['Kain Batik Cap Batu {v}', 'lembar', one(125_000, 350_000)]],
  'sandang-seragam': [['Seragam Dinas Harian {v}', 'setel', one(185_000, 450_000)], ['Kaos Kegiatan Sablon {v}', 'pcs', one(45_000, 95_000)]],
  'suvenir-kerajinan': [['Gantungan Kunci Kayu {v}', 'pcs', one(8_000, 25_000)], ['Tas Anyaman Pandan {v}', 'pcs', one(65_000, 220_000)], ['Miniatur Apel Resin {v}', 'pcs', one(25_000, 85_000)]],
  'suvenir-oleh-oleh': [['Paket Oleh-oleh Khas Batu {v}', 'paket', one(75_000, 350_000)], ['Hampers UMKM {v}', 'paket', one(125_000, 500_000)]],
  'kebersihan-sabun': [['Sabun Cuci Tangan Cair {v} {s}', 'jerigen', [['5 liter', 45_000, 90_000]]], ['Deterjen Cair {v} {s}', 'jerigen', [['5 liter', 55_000, 110_000]]]],
  'kebersihan-alat': [['Sapu Ijuk {v}', 'pcs', one(18_000, 40_000)], ['Alat Pel Lantai {v}', 'pcs', one(35_000, 95_000)]],
  'tani-bibit': [['Bibit Apel Manalagi {v}', 'batang', one(25_000, 75_000)], ['Tanaman Hias {v}', 'pot', one(20_000, 150_000)]],
  'tani-pupuk': [['Pupuk Kompos {v} {s}', 'karung', [['20 kg', 15_000, 35_000]]], ['Pupuk Organik Cair {v} {s}', 'botol', [['1 liter', 25_000, 60_000]]]],
};

/** A product of a leaf category as a shop of the region lists it: name with variant and size, unit, price to the Rp500. */
export function productFromTemplate(rnd: ReturnType<typeof random>, code: string, region: RegionalGoods = BATU_GOODS): { name: string; unit: string; price: number } {
  const [pattern, unit, sizes] = rnd.pick(region.templates[code] ?? PRODUCT_TEMPLATES[code]);
  const [size, low, high] = rnd.pick(sizes);
  const name = pattern.replace('{v}', rnd.pick(region.variants)).replace(size ? '{s}' : ' {s}', size);
  return { name, unit, price: Math.round(rnd.int(low, high) / 500) * 500 };
}

/**
 * What a business sells follows its name, as in a real catalogue: a katering lists boxed meals, snacks and drinks, a
 * percetakan prints, and a katering never sells fertiliser (a BPBJ officer reading the demo would doubt it). A name
 * that says no trade (Berkah, Makmur, ...) is one of the general shops. Codes a region has no category for (apples in
 * Bontang, amplang in Batu) drop out where a trade is used.
 */
const TRADES: Record<string, string[]> = {
  Keripik: ['olahan-keripik', 'olahan-apel-keripik'],
  Amplang: ['olahan-laut-amplang', 'olahan-keripik'],
  'Ikan Asin': ['olahan-laut-ikan-kering', 'olahan-laut-terasi'],
  'Sari Buah': ['olahan-apel-sari', 'mamin-minuman'],
  Dapur: ['olahan-kue', 'mamin-snack', 'olahan-apel-dodol'],
  Batik: ['sandang-batik', 'sandang-seragam'],
  Kopi: ['olahan-kopi-teh', 'olahan-kue'],
  Katering: ['mamin-nasi-kotak', 'mamin-snack', 'mamin-minuman'],
  Percetakan: ['cetak-dokumen', 'cetak-spanduk', 'cetak-undangan'],
  Kerajinan: ['suvenir-kerajinan', 'suvenir-oleh-oleh'],
  Tani: ['tani-bibit', 'tani-pupuk'],
};
const GENERAL_SHOPS = [
  ['pangan-beras', 'pangan-minyak-goreng', 'pangan-gula', 'pangan-susu', 'pangan-telur', 'pangan-tepung', 'mamin-minuman'], // toko sembako
  ['atk-kertas', 'atk-alat-tulis', 'atk-map-arsip', 'kebersihan-sabun', 'kebersihan-alat'], // ATK and cleaning for offices
  ['olahan-apel-keripik', 'olahan-apel-dodol', 'olahan-apel-sari', 'olahan-keripik', 'suvenir-oleh-oleh', 'olahan-laut-amplang', 'olahan-laut-ikan-kering'], // pusat oleh-oleh
];

/**
 * What makes a region's catalogue its own rather than Kota Batu's with another name: its specialty (a category of its
 * own), goods named after its places, its people, its businesses and its bank.
 */
export interface RegionalGoods {
  specialty: Node;
  /** The region's own goods, by leaf code, in place of the common templates. */
  templates: Record<string, Template[]>;
  /** Variants a buyer can tell apart: places and kinds, never a flavour on a broom. */
  variants: string[];
  places: string[];
  owners: string[];
  /** The word in a business's name that says its trade (see TRADES), or none (a general shop). */
  business: string[];
  bankName: string;
  /** The demo's first vendor: a verified local micro business that sells the specialty. */
  flagship: { businessName: string; ownerName: string; emailLocalPart: string; business: string };
}

const BATU_GOODS: RegionalGoods = {
  specialty: APPLE_PRODUCTS,
  templates: {},
  variants: ['Manalagi', 'Anna', 'Rome Beauty', 'Arjuno', 'Panderman', 'Songgoriti', 'Bumiaji', 'Junrejo', 'Punten', 'Sidomulyo', 'Tulungrejo', 'Pesanggrahan', 'Premium', 'Ekonomis', 'Reguler', 'Istimewa', 'Original', 'Super', 'Pilihan', 'Asli Batu'],
  places: ['Apel', 'Arjuno', 'Panderman', 'Songgoriti', 'Bumiaji', 'Junrejo', 'Punten', 'Sidomulyo', 'Oro-oro Ombo', 'Pesanggrahan', 'Temas', 'Sisir'],
  owners: ['Sri Wahyuningsih', 'Slamet Riyadi', 'Siti Aminah', 'Budi Santoso', 'Dwi Rahayu', 'Eko Prasetyo', 'Lilik Suryani', 'Joko Susilo', 'Endang Lestari', 'Heru Purnomo', 'Tri Handayani', 'Agus Salim', 'Yuni Kartika', 'Wahyu Hidayat', 'Nur Hasanah', 'Rudi Hartono'],
  business: ['Keripik', 'Sari Buah', 'Dapur', 'Batik', 'Kopi', 'Katering', 'Percetakan', 'Kerajinan', 'Tani', 'Berkah', 'Makmur', 'Sejahtera', 'Barokah', 'Mandiri', 'Lestari', 'Sumber Rejeki'],
  bankName: 'Bank Jatim',
  flagship: { businessName: 'UD Keripik Apel Bu Sri', ownerName: 'Sri Wahyuningsih', emailLocalPart: 'keripik.apel', business: 'Keripik' },
};

/** Kota Bontang: a coastal industrial town in East Kalimantan, with Bugis, Banjar and Javanese families. */
const BONTANG_GOODS: RegionalGoods = {
  specialty: SEAFOOD_PRODUCTS,
  templates: {
    'olahan-laut-amplang': [['Amplang Ikan Tenggiri {v} {s}', 'pack', [['250 g', 25_000, 40_000], ['500 g', 48_000, 78_000]]], ['Kerupuk Udang {v} {s}', 'pack', [['250 g', 20_000, 36_000]]], ['Kerupuk Ikan Pipih {v} {s}', 'pack', [['250 g', 18_000, 30_000]]]],
    'olahan-laut-ikan-kering': [['Ikan Asin Teri {v} {s}', 'pack', [['250 g', 22_000, 45_000]]], ['Ikan Asin Bulu Ayam {v} {s}', 'pack', [['250 g', 28_000, 55_000]]], ['Abon Ikan Tongkol {v} {s}', 'pack', [['100 g', 22_000, 38_000]]]],
    'olahan-laut-terasi': [['Terasi Udang {v} {s}', 'pack', [['250 g', 15_000, 30_000]]], ['Petis Udang {v} {s}', 'botol', [['250 g', 20_000, 38_000]]], ['Sambal Terasi {v} {s}', 'botol', [['150 g', 18_000, 32_000]]]],
    'olahan-kopi-teh': [['Kopi Robusta Kaltim {v} {s}', 'pack', [['200 g', 35_000, 60_000], ['500 g', 80_000, 135_000]]], ['Teh Herbal {v}', 'kotak', one(18_000, 45_000)]],
    'sandang-batik': [['Batik Tulis Motif Kuntul Perak {v}', 'potong', one(300_000, 1_100_000)], ['Kain Batik Cap Bontang {v}', 'lembar', one(115_000, 325_000)]],
    'suvenir-kerajinan': [['Kerajinan Kerang {v}', 'pcs', one(15_000, 85_000)], ['Miniatur Kapal Kayu {v}', 'pcs', one(75_000, 350_000)], ['Tas Anyaman Manik {v}', 'pcs', one(85_000, 275_000)]],
    'suvenir-oleh-oleh': [['Paket Oleh-oleh Khas Bontang {v}', 'paket', one(75_000, 350_000)], ['Hampers UMKM {v}', 'paket', one(125_000, 500_000)]],
    'tani-bibit': [['Bibit Mangrove {v}', 'batang', one(3_000, 15_000)], ['Tanaman Hias {v}', 'pot', one(20_000, 150_000)]],
  },
  variants: ['Bontang Kuala', 'Loktuan', 'Tanjung Laut', 'Berbas', 'Guntung', 'Api-api', 'Gunung Elai', 'Belimbing', 'Telihan', 'Satimpo', 'Kanaan', 'Bontang Baru', 'Premium', 'Ekonomis', 'Reguler', 'Istimewa', 'Original', 'Super', 'Pilihan', 'Asli Bontang'],
  places: ['Bontang Kuala', 'Loktuan', 'Tanjung Laut', 'Berbas Pantai', 'Guntung', 'Api-api', 'Gunung Elai', 'Belimbing', 'Gunung Telihan', 'Satimpo', 'Kanaan', 'Bontang Lestari'],
  owners: ['Rusmini', 'Andi Baso', 'Muhammad Yusuf', 'Hasnah', 'Syamsul Bahri', 'Nurhayati', 'Andi Tenri', 'Rahmat Hidayat', 'Fatimah', 'Abdul Rahman', 'Sitti Aisyah', 'Jamaluddin', 'Rosmiati', 'Herman Saleh', 'Kasmawati', 'Darmawan'],
  business: ['Amplang', 'Ikan Asin', 'Amplang', 'Dapur', 'Batik', 'Kopi', 'Katering', 'Katering', 'Percetakan', 'Kerajinan', 'Tani', 'Berkah', 'Makmur', 'Sejahtera', 'Barokah', 'Sumber Rejeki'], // amplang and katering twice: the town's commonest
  bankName: 'Bankaltimtara',
  flagship: { businessName: 'UD Amplang Bu Rusmini', ownerName: 'Rusmini', emailLocalPart: 'amplang', business: 'Amplang' },
};

export interface CatalogueSpec {
  seed: number;
  vendors: number;
  productsPerVendor: [number, number];
  emailDomain: string;
  localDistricts: string[];
  /** Regions outside the Pemda that some vendors come from: [Kemendagri code, name, kecamatan]. */
  otherRegions: [string, string, string][];
  goods: RegionalGoods;
}

export const BATU_CATALOGUE: CatalogueSpec = {
  seed: 3579,
  vendors: 165,
  productsPerVendor: [16, 30],
  emailDomain: 'umkm-batu.id',
  localDistricts: ['Batu', 'Junrejo', 'Bumiaji'],
  otherRegions: [['35.73', 'Kota Malang', 'Lowokwaru'], ['35.07', 'Kabupaten Malang', 'Dau'], ['35.78', 'Kota Surabaya', 'Rungkut']],
  goods: BATU_GOODS,
};

export const BONTANG_CATALOGUE: CatalogueSpec = {
  seed: 6474,
  vendors: 40,
  productsPerVendor: [6, 14],
  emailDomain: 'umkm-bontang.id',
  localDistricts: ['Bontang Utara', 'Bontang Selatan', 'Bontang Barat'],
  otherRegions: [['64.72', 'Kota Samarinda', 'Sungai Kunjang']],
  goods: BONTANG_GOODS,
};

/**
 * Generates a deterministic catalogue for a Pemda: vendors (mostly local UMK, some not, a few pending, rejected or
 * suspended), each with an account, and products across the leaf categories. Skips vendors whose NIB exists.
 * Returns the number of vendors created.
 */
export async function seedCatalogue(em: EntityManager, pemda: Pemda, categories: Map<string, Category>, spec: CatalogueSpec, passwordHash: string): Promise<number> {
  const rnd = random(spec.seed);
  const region = spec.goods;
  const leafCodes = [...new Set([...Object.keys(PRODUCT_TEMPLATES), ...Object.keys(region.templates)])].filter((code) => categories.has(code));
  const existing = new Set((await em.find(Vendor, { pemda }, { fields: ['nib'] })).map((v) => v.nib));
  const regionNumber = pemda.kemendagriCode.replace('.', '');
  let created = 0;

  for (let i = 0; i < spec.vendors; i++) {
    const nib = `91${regionNumber}${String(i + 1).padStart(7, '0')}`;
    const local = i === 0 || rnd.next() < 0.85;
    const scaleRoll = rnd.next();
    // The flagship demo vendor is what the platform exists for: a local micro business.
    const scale = i === 0 ? BusinessScale.MIKRO : scaleRoll < 0.55 ? BusinessScale.MIKRO : scaleRoll < 0.85 ? BusinessScale.KECIL : scaleRoll < 0.96 ? BusinessScale.MENENGAH : BusinessScale.BESAR;
    const isKoperasi = rnd.next() < 0.06 && i !== 0;
    const statusRoll = rnd.next();
    // The first four vendors show each state in the demo; the rest are drawn.
    const status =
      [VendorStatus.VERIFIED, VendorStatus.PENDING, VendorStatus.SUSPENDED, VendorStatus.REJECTED][i] ??
      (statusRoll < 0.86 ? VendorStatus.VERIFIED : statusRoll < 0.93 ? VendorStatus.PENDING : statusRoll < 0.97 ? VendorStatus.REJECTED : VendorStatus.SUSPENDED);
    const [regionCode, regionName, district] = local ? [pemda.kemendagriCode, pemda.name.replace('Pemerintah ', ''), rnd.pick(spec.localDistricts)] : rnd.pick(spec.otherRegions);
    const owner = rnd.pick(region.owners);
    const prefix = isKoperasi ? 'Koperasi' : scale === BusinessScale.MIKRO ? 'UMKM' : scale === BusinessScale.BESAR ? 'PT' : rnd.pick(['UD', 'CV']);
    const business = i === 0 ? region.flagship.business : rnd.pick(region.business);
    const businessName = i === 0 ? region.flagship.businessName : `${prefix} ${business} ${rnd.pick(region.places)} ${i + 1}`;
    // A vendor's goods are drawn from a stream of its own, so what one vendor sells never reshuffles the vendors after it.
    const goods = random(spec.seed * 7919 + i);
    const trade = (TRADES[business] ?? GENERAL_SHOPS[i % GENERAL_SHOPS.length]).filter((code) => leafCodes.includes(code));
    const drawn = Array.from({ length: goods.int(...spec.productsPerVendor) }, () => goods.pick(trade.length ? trade : leafCodes));
    // The flagship sells the region's specialty: Bu Sri in Batu apple keripik, juice and dodol.
    const specialty = (region.specialty.children ?? []).map((c) => c.code).filter((code) => leafCodes.includes(code));
    const products = i === 0 && specialty.length ? drawn.map((_, n) => specialty[n % specialty.length]) : drawn;
    const listed = new Set<string>();
    const joined = new Date(Date.UTC(2025, 0, 1 + (i % 300)));
    if (existing.has(nib)) continue;

    const vendor = em.create(Vendor, {
      pemda,
      businessName,
      ownerName: i === 0 ? region.flagship.ownerName : owner,
      nib,
      npwp: `0${nib}${String(i % 10)}`.slice(0, 15),
      scale,
      isKoperasi,
      domicileRegionCode: regionCode,
      domicileRegionName: regionName,
      district,
      address: `Jl. ${rnd.pick(region.places)} No. ${rnd.int(1, 180)}, ${district}`,
      phone: `+628${rnd.int(11, 59)}${String(rnd.int(0, 99_999_999)).padStart(8, '0')}`,
      email: i === 0 ? `${region.flagship.emailLocalPart}@${spec.emailDomain}` : `penyedia${String(i + 1).padStart(3, '0')}@${spec.emailDomain}`,
      bankName: region.bankName,
      bankAccountNumber: `00${nib.slice(-10)}`,
      bankAccountName: businessName,
      status,
      statusReason: status === VendorStatus.REJECTED ? 'NIB tidak sesuai dengan KBLI kategori produk.' : status === VendorStatus.SUSPENDED ? 'Harga di katalog lebih tinggi dari harga pasar.' : null,
      verifiedAt: status === VendorStatus.VERIFIED || status === VendorStatus.SUSPENDED ? joined : null,
      isLocal: regionCode === pemda.kemendagriCode,
      isUmkk: isUmkk(scale, isKoperasi),
    });
    em.create(User, { email: vendor.email, passwordHash, fullName: vendor.ownerName, role: Role.VENDOR, pemda, vendor });

    products.forEach((code, n) => {
      const { name, unit, price } = productFromTemplate(goods, code, region);
      // A shop lists each of its goods once.
      if (listed.has(name)) return;
      listed.add(name);
      const roll = goods.next();
      // Non-local resellers carry some imported goods (ATK, cleaning tools): not PDN.
      const isPdn = local || !/^(atk|kebersihan)/.test(code) || goods.next() < 0.5;
      const productStatus =
        status !== VendorStatus.VERIFIED && status !== VendorStatus.SUSPENDED ? ProductStatus.DRAFT
        : roll < 0.9 ? ProductStatus.PUBLISHED : roll < 0.95 ? ProductStatus.SUBMITTED : ProductStatus.DRAFT;
      // Listed over the five months after the vendor joined, so the newest listings come from many vendors, all in 2025;
      // n minutes past the hour, so no two of a vendor's products share a moment (the demo year takes them in that order).
      const listedAt = new Date(joined.getTime() + goods.int(1, 150 * 24) * 3_600_000 + n * 60_000);
      em.create(Product, {
        vendor,
        pemda,
        category: categories.get(code)!,
        name,
        description: `${name} dari ${businessName}, ${district}. Produk lokal, kualitas terjaga, siap kirim ke kantor OPD.`,
        unit,
        price,
        stock: goods.int(200, 12_000),
        minOrderQuantity: unit === 'kotak' || unit === 'porsi' ? 20 : goods.pick([1, 1, 1, 5, 10]),
        imageUrls: [], // no photo rather than a link to a host that does not exist
        isPdn,
        tkdnPercent: isPdn && goods.next() < 0.3 ? goods.int(2500, 9500) / 100 : null,
        status: productStatus,
        publishedAt: productStatus === ProductStatus.PUBLISHED ? listedAt : null,
        submittedAt: productStatus === ProductStatus.SUBMITTED ? listedAt : null,
        createdAt: listedAt,
        updatedAt: listedAt,
      });
    });
    created++;
  }
  await em.flush();
  return created;
}
