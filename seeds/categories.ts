import type { Node } from '../server/catalogue/standard-categories.js';

/** The food a city is known for, first among its processed foods: Kota Batu's apples. */
export const APPLE_PRODUCTS: Node = {
  code: 'olahan-apel', name: 'Produk Olahan Apel', children: [
    { code: 'olahan-apel-keripik', name: 'Keripik Apel' },
    { code: 'olahan-apel-sari', name: 'Sari Apel' },
    { code: 'olahan-apel-dodol', name: 'Dodol dan Jenang Apel' },
  ],
};
/** Kota Bontang's, a fishing town on the coast of East Kalimantan: amplang, dried fish, terasi. */
export const SEAFOOD_PRODUCTS: Node = {
  code: 'olahan-laut', name: 'Produk Olahan Hasil Laut', children: [
    { code: 'olahan-laut-amplang', name: 'Amplang dan Kerupuk Ikan' },
    { code: 'olahan-laut-ikan-kering', name: 'Ikan Asin dan Abon Ikan' },
    { code: 'olahan-laut-terasi', name: 'Terasi dan Petis' },
  ],
};

