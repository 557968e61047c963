import type { EntityManager } from '@mikro-orm/postgresql';
import type { Category } from '../server/catalogue/category.entity.js';
import { Product, ProductStatus } from '../server/catalogue/product.entity.js';
import { Role, User } from '../server/identity/user.entity.js';
import type { Pemda } from '../server/pemda/pemda.entity.js';
import { BusinessScale, isUmkk, Vendor, VendorStatus } from '../server/vendor/vendor.entity.js';

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

/** Per leaf category: [name pattern, unit, lowest price, highest price]. {v} takes a variant, {s} a size. */
export const PRODUCT_TEMPLATES: Record<string, [string, string, number, number][]> = {
  'pangan-beras': [['Beras {v} Premium {s}', 'karung', 62_000, 340_000], ['Beras Organik {v} {s}', 'karung', 75_000, 390_000]],
  'pangan-minyak-goreng': [['Minyak Goreng Sawit {v} {s}', 'pouch', 17_000, 38_000], ['Minyak Goreng Kelapa {v} {s}', 'botol', 24_000, 52_000]],
  'pangan-gula': [['Gula Pasir {v} {s}', 'pack', 15_500, 78_000], ['Gula Aren Cair {v}', 'botol', 22_000, 45_000]],
  'pangan-susu': [['Susu Sapi Segar Pasteurisasi {v}', 'liter', 14_000, 24_000], ['Susu Kambing Etawa {v}', 'botol', 18_000, 35_000]],
  'pangan-telur': [['Telur Ayam Ras {v}', 'kg', 26_000, 32_000], ['Telur Ayam Kampung {v}', 'butir', 2_500, 3_500]],
  'pangan-tepung': [['Tepung Terigu {v} {s}', 'kg', 11_000, 16_000], ['Tepung Mocaf {v}', 'kg', 14_000, 22_000]],
  'mamin-nasi-kotak': [['Nasi Kotak {v}', 'kotak', 22_000, 45_000], ['Tumpeng Mini {v}', 'paket', 35_000, 75_000], ['Prasmanan Rapat {v}', 'porsi', 40_000, 85_000]],
  'mamin-snack': [['Snack Box Rapat {v}', 'kotak', 10_000, 25_000], ['Kue Basah Tradisional {v}', 'paket', 15_000, 40_000]],
  'mamin-minuman': [['Air Mineral Kemasan {s}', 'dus', 18_000, 48_000], ['Wedang Jahe Instan {v}', 'pack', 12_000, 28_000]],
  'olahan-apel-keripik': [['Keripik Apel Malang {v} {s}', 'pack', 12_000, 65_000]],
  'olahan-apel-sari': [['Sari Apel Batu {v} {s}', 'dus', 24_000, 60_000], ['Cuka Apel {v}', 'botol', 35_000, 90_000]],
  'olahan-apel-dodol': [['Dodol Apel {v}', 'pack', 15_000, 40_000], ['Jenang Apel {v}', 'pack', 14_000, 35_000], ['Strudel Apel {v}', 'kotak', 45_000, 95_000]],
  'olahan-keripik': [['Keripik Tempe {v} {s}', 'pack', 8_000, 35_000], ['Keripik Singkong {v}', 'pack', 7_000, 25_000], ['Kerupuk Rambak {v}', 'pack', 12_000, 38_000]],
  'olahan-kopi-teh': [['Kopi Arabika Arjuno {v} {s}', 'pack', 35_000, 160_000], ['Teh Herbal {v}', 'kotak', 18_000, 55_000]],
  'olahan-kue': [['Kue Kering {v} {s}', 'toples', 35_000, 120_000], ['Roti Manis {v}', 'pcs', 5_000, 15_000]],
  'atk-kertas': [['Kertas HVS {v} A4 70 gsm', 'rim', 45_000, 62_000], ['Kertas HVS {v} F4 80 gsm', 'rim', 52_000, 72_000]],
  'atk-alat-tulis': [['Pulpen Gel {v}', 'box', 24_000, 60_000], ['Spidol Papan Tulis {v}', 'box', 45_000, 120_000], ['Stabilo {v}', 'pak', 25_000, 55_000]],
  'atk-map-arsip': [['Map Snelhecter {v}', 'pak', 18_000, 45_000], ['Ordner {v}', 'pcs', 22_000, 38_000], ['Box File {v}', 'pcs', 15_000, 30_000]],
  'cetak-dokumen': [['Cetak Buku Laporan {v}', 'eksemplar', 25_000, 150_000], ['Jilid Spiral Dokumen {v}', 'eksemplar', 7_000, 25_000]],
  'cetak-spanduk': [['Spanduk Flexi {v} {s}', 'lembar', 45_000, 350_000], ['X-Banner {v}', 'pcs', 85_000, 175_000]],
  'cetak-undangan': [['Cetak Undangan {v}', 'lembar', 2_500, 12_000], ['Sertifikat Kegiatan {v}', 'lembar', 3_000, 10_000]],
  'sandang-batik': [['Batik Tulis Motif Apel {v}', 'potong', 250_000, 1_250_000], ['Kain Batik Cap Batu {v}', 'lembar', 125_000, 450_000]],
  'sandang-seragam': [['Seragam Dinas Harian {v}', 'setel', 185_000, 450_000], ['Kaos Kegiatan Sablon {v}', 'pcs', 45_000, 95_000]],
  'suvenir-kerajinan': [['Gantungan Kunci Kayu {v}', 'pcs', 8_000, 25_000], ['Tas Anyaman Pandan {v}', 'pcs', 65_000, 220_000], ['Miniatur Apel Resin {v}', 'pcs', 25_000, 85_000]],
  'suvenir-oleh-oleh': [['Paket Oleh-oleh Khas Batu {v}', 'paket', 75_000, 350_000], ['Hampers UMKM {v}', 'paket', 125_000, 500_000]],
  'kebersihan-sabun': [['Sabun Cuci Tangan Cair {v} {s}', 'jerigen', 35_000, 150_000], ['Deterjen Cair {v} {s}', 'jerigen', 40_000, 175_000]],
  'kebersihan-alat': [['Sapu Ijuk {v}', 'pcs', 18_000, 40_000], ['Alat Pel Lantai {v}', 'pcs', 35_000, 95_000]],
  'tani-bibit': [['Bibit Apel Manalagi {v}', 'batang', 25_000, 75_000], ['Tanaman Hias {v}', 'pot', 20_000, 150_000]],
  'tani-pupuk': [['Pupuk Kompos {v} {s}', 'karung', 15_000, 60_000], ['Pupuk Organik Cair {v}', 'liter', 25_000, 70_000]],
};

const VARIANTS = ['Manalagi', 'Anna', 'Rome Beauty', 'Arjuno', 'Panderman', 'Songgoriti', 'Bumiaji', 'Junrejo', 'Punten', 'Sidomulyo', 'Tulungrejo', 'Pesanggrahan', 'Spesial', 'Ekonomis', 'Reguler', 'Istimewa', 'Original', 'Pedas', 'Balado', 'Madu'];
const SIZES = ['100 gr', '250 gr', '500 gr', '1 kg', '2 liter', '5 kg', '10 kg', '25 kg', '1 x 2 m', '3 x 1 m', '600 ml', '1 liter'];
const OWNERS = ['Sri Wahyuningsih', 'Slamet Riyadi', 'Siti Aminah', 'Budi Santoso', 'Dwi Rahayu', 'Eko Prasetyo', 'Lilik Suryani', 'Joko Susilo', 'Endang Lestari', 'Heru Purnomo', 'Tri Handayani', 'Agus Salim', 'Yuni Kartika', 'Wahyu Hidayat', 'Nur Hasanah', 'Rudi Hartono'];
const BUSINESS = ['Keripik', 'Sari Buah', 'Dapur', 'Batik', 'Kopi', 'Katering', 'Percetakan', 'Kerajinan', 'Tani', 'Berkah', 'Makmur', 'Sejahtera', 'Barokah', 'Mandiri', 'Lestari', 'Sumber Rejeki'];
const PLACES = ['Apel', 'Arjuno', 'Panderman', 'Songgoriti', 'Bumiaji', 'Junrejo', 'Punten', 'Sidomulyo', 'Oro-oro Ombo', 'Pesanggrahan', 'Temas', 'Sisir'];

export interface CatalogueSpec {
  seed: number;
  vendors: number;
  productsPerVendor: [number, number];
  emailDomain: string;
  localDistricts: string[];
  /** Regions outside the Pemda that some vendors come from: [Kemendagri code, name, kecamatan]. */
  otherRegions: [string, string, string][];
}

export const BATU_CATALOGUE: CatalogueSpec = {
  seed: 3579,
  vendors: 165,
  productsPerVendor: [14, 26],
  emailDomain: 'umkm-batu.id',
  localDistricts: ['Batu', 'Junrejo', 'Bumiaji'],
  otherRegions: [['35.73', 'Kota Malang', 'Lowokwaru'], ['35.07', 'Kabupaten Malang', 'Dau'], ['35.78', 'Kota Surabaya', 'Rungkut']],
};

export const BONTANG_CATALOGUE: CatalogueSpec = {
  seed: 6474,
  vendors: 24,
  productsPerVendor: [4, 10],
  emailDomain: 'umkm-bontang.id',
  localDistricts: ['Bontang Utara', 'Bontang Selatan', 'Bontang Barat'],
  otherRegions: [['64.72', 'Kota Samarinda', 'Sungai Kunjang']],
};

/**
 * Generates a deterministic catalogue for a Pemda: vendors (mostly local UMK, some not, a few pending, rejected or
 * suspended), each with an account, and products across the leaf categories. Skips vendors whose NIB exists.
 * Returns the number of vendors created.
 */
export async function seedCatalogue(em: EntityManager, pemda: Pemda, categories: Map<string, Category>, spec: CatalogueSpec, passwordHash: string): Promise<number> {
  const rnd = random(spec.seed);
  const leafCodes = Object.keys(PRODUCT_TEMPLATES).filter((code) => categories.has(code));
  const existing = new Set((await em.find(Vendor, { pemda }, { fields: ['nib'] })).map((v) => v.nib));
  const regionNumber = pemda.kemendagriCode.replace('.', '');
  let created = 0;

  for (let i = 0; i < spec.vendors; i++) {
    const nib = `91${regionNumber}${String(i + 1).padStart(7, '0')}`;
    const local = i === 0 || rnd.next() < 0.85;
    const scaleRoll = rnd.next();
    const scale = scaleRoll < 0.55 ? BusinessScale.MIKRO : scaleRoll < 0.85 ? BusinessScale.KECIL : scaleRoll < 0.96 ? BusinessScale.MENENGAH : BusinessScale.BESAR;
    const isKoperasi = rnd.next() < 0.06;
    const statusRoll = rnd.next();
    // The first four vendors show each state in the demo; the rest are drawn.
    const status =
      [VendorStatus.VERIFIED, VendorStatus.PENDING, VendorStatus.SUSPENDED, VendorStatus.REJECTED][i] ??
      (statusRoll < 0.86 ? VendorStatus.VERIFIED : statusRoll < 0.93 ? VendorStatus.PENDING : statusRoll < 0.97 ? VendorStatus.REJECTED : VendorStatus.SUSPENDED);
    const [regionCode, regionName, district] = local ? [pemda.kemendagriCode, pemda.name.replace('Pemerintah ', ''), rnd.pick(spec.localDistricts)] : rnd.pick(spec.otherRegions);
    const owner = rnd.pick(OWNERS);
    const prefix = isKoperasi ? 'Koperasi' : scale === BusinessScale.MIKRO ? 'UMKM' : scale === BusinessScale.BESAR ? 'PT' : rnd.pick(['UD', 'CV']);
    const businessName = i === 0 ? 'UD Keripik Apel Bu Sri' : `${prefix} ${rnd.pick(BUSINESS)} ${rnd.pick(PLACES)} ${i + 1}`;
    const products = Array.from({ length: rnd.int(...spec.productsPerVendor) }, () => rnd.pick(leafCodes));
    if (existing.has(nib)) continue;

    const vendor = em.create(Vendor, {
      pemda,
      businessName,
      ownerName: i === 0 ? 'Sri Wahyuningsih' : owner,
      nib,
      npwp: `0${nib}${String(i % 10)}`.slice(0, 15),
      scale,
      isKoperasi,
      domicileRegionCode: regionCode,
      domicileRegionName: regionName,
      district,
      address: `Jl. ${rnd.pick(PLACES)} No. ${rnd.int(1, 180)}, ${district}`,
      phone: `+628${rnd.int(11, 59)}${String(rnd.int(0, 99_999_999)).padStart(8, '0')}`,
      email: i === 0 ? `keripik.apel@${spec.emailDomain}` : `penyedia${String(i + 1).padStart(3, '0')}@${spec.emailDomain}`,
      bankName: 'Bank Jatim',
      bankAccountNumber: `00${nib.slice(-10)}`,
      bankAccountName: businessName,
      status,
      statusReason: status === VendorStatus.REJECTED ? 'NIB tidak sesuai dengan KBLI kategori produk.' : status === VendorStatus.SUSPENDED ? 'Harga di katalog lebih tinggi dari harga pasar.' : null,
      verifiedAt: status === VendorStatus.VERIFIED || status === VendorStatus.SUSPENDED ? new Date(Date.UTC(2025, 0, 1 + (i % 300))) : null,
      isLocal: regionCode === pemda.kemendagriCode,
      isUmkk: isUmkk(scale, isKoperasi),
    });
    em.create(User, { email: vendor.email, passwordHash, fullName: vendor.ownerName, role: Role.VENDOR, pemda, vendor });

    products.forEach((code, n) => {
      const [pattern, unit, low, high] = rnd.pick(PRODUCT_TEMPLATES[code]);
      const name = pattern.replace('{v}', rnd.pick(VARIANTS)).replace('{s}', rnd.pick(SIZES));
      const price = Math.round(rnd.int(low, high) / 500) * 500;
      const roll = rnd.next();
      const productStatus =
        status !== VendorStatus.VERIFIED && status !== VendorStatus.SUSPENDED ? ProductStatus.DRAFT
        : roll < 0.9 ? ProductStatus.PUBLISHED : roll < 0.95 ? ProductStatus.SUBMITTED : ProductStatus.DRAFT;
      const listedAt = new Date(Date.UTC(2025, 1, 1) + (i * 37 + n) * 3_600_000);
      em.create(Product, {
        vendor,
        pemda,
        category: categories.get(code)!,
        name,
        description: `${name} dari ${businessName}, ${district}. Produk lokal, kualitas terjaga, siap kirim ke kantor OPD.`,
        unit,
        price,
        stock: rnd.int(0, 500),
        minOrderQuantity: unit === 'kotak' || unit === 'porsi' ? 20 : rnd.pick([1, 1, 1, 5, 10]),
        imageUrls: [`https://cdn.katalog-lokal.example/produk/${nib}/${n + 1}.jpg`],
        isPdn: true,
        tkdnPercent: rnd.next() < 0.3 ? rnd.int(2500, 9500) / 100 : null,
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
