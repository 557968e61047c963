import { BigIntType } from '@mikro-orm/core';

/** Whole rupiah in a bigint column, as a JS number: exact up to 2^53 (Rp9 kuadriliun), far beyond any budget. */
export const rupiahColumn = () => ({ type: new BigIntType('number'), columnType: 'bigint' }) as const;
