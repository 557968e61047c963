/**
 * SiMadu's monthly minimums by grade (Instruksi Bupati Probolinggo 9/2024): a new programme's default, and what the
 * web app's programme form shows for a grade left empty. A plain module, so the web app imports the same figures.
 */
export const SIMADU_MINIMUMS = {
  PELAKSANA: 50_000,
  ESELON_IV: 75_000,
  ESELON_III: 100_000,
  KEPALA_OPD: 150_000,
  ESELON_II: 200_000,
} as const;
