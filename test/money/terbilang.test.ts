import { terbilang } from '../../server/money/terbilang.js';

describe('the amount in words on an order letter (terbilang)', () => {
  it.each([
    [0, 'nol rupiah'],
    [1, 'satu rupiah'],
    [10, 'sepuluh rupiah'],
    [11, 'sebelas rupiah'],
    [12, 'dua belas rupiah'],
    [20, 'dua puluh rupiah'],
    [100, 'seratus rupiah'],
    [111, 'seratus sebelas rupiah'],
    [1_000, 'seribu rupiah'],
    [1_500, 'seribu lima ratus rupiah'],
    [2_000, 'dua ribu rupiah'],
    [11_000, 'sebelas ribu rupiah'],
    [123_000, 'seratus dua puluh tiga ribu rupiah'],
    [1_000_000, 'satu juta rupiah'],
    [1_001_000, 'satu juta seribu rupiah'],
    [200_000_000, 'dua ratus juta rupiah'],
    [105_000_000_000, 'seratus lima miliar rupiah'],
    [9_007_199_254_740_991, 'sembilan kuadriliun tujuh triliun seratus sembilan puluh sembilan miliar dua ratus lima puluh empat juta tujuh ratus empat puluh ribu sembilan ratus sembilan puluh satu rupiah'],
  ])('Rp%d is "%s"', (amount, words) => expect(terbilang(amount)).toBe(words));

  it('refuses what is not whole rupiah', () => {
    for (const bad of [-1, 1.5, 9_007_199_254_740_992, Number.NaN]) expect(() => terbilang(bad)).toThrow(RangeError);
  });
});
