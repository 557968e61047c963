/**
 * The digits of an amount or a count as people type it ("Rp1.250.000", "1 250 000", "1.250.000,-"): "1250000".
 * Empty when there are none; each form decides what an empty field sends.
 */
export const digitsOf = (value: FormDataEntryValue | null | undefined): string => String(value ?? '').replace(/\D/g, '');

/** An optional amount or count: null when the field is left empty, so the API applies its default. */
export const optionalWhole = (value: FormDataEntryValue | null | undefined): number | null => (digitsOf(value) ? Number(digitsOf(value)) : null);
