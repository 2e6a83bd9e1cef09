// The themes of the tracker, each a block of columns under a title on the row above the headers (seed 002),
// and the column letters the user sees in Excel.
import { fold } from '../monthly/cell-values'

/** The blocks of the tracker, each under its own title on the row above the headers. */
export type TrackerTheme = 'identite' | 'segur' | 'sih' | 'insi' | 'mssante' | 'dmp'

export const TRACKER_THEME_LABELS: Readonly<Record<TrackerTheme, string>> = {
  identite: 'identité',
  segur: 'Prestation Ségur',
  sih: 'SIH',
  insi: 'INSi',
  mssante: 'MSSanté',
  dmp: 'DMP',
}

/**
 * The theme a title on the row above the headers opens, or null for a title that is not a theme (a sheet
 * title such as "Suivi Ségur ES - Août 2022"). Titles begin with their theme's name.
 */
export function themeOfTitle(title: string): TrackerTheme | null {
  const text = fold(title)
  if (/^suivi\b/.test(text)) return null
  if (/^prestations?\b|^(logiciels?|commandes?) segur\b|^segur\b/.test(text)) return 'segur'
  if (/^sih\b|^systeme d'information hospitalier/.test(text)) return 'sih'
  if (/^insi?\b|^identitovigilance|^identite nationale de sante/.test(text)) return 'insi'
  if (/^mss(ante)?\b|^messagerie/.test(text)) return 'mssante'
  if (/^dmp\b|^mon espace sante|^dossier medical partage/.test(text)) return 'dmp'
  if (/^identi(te|fication)\b|^etablissements?\b/.test(text)) return 'identite'
  return null
}

/** Spreadsheet column letters, 0 → A, 27 → AB, as the user sees them. */
export function columnLetter(index: number): string {
  let n = index + 1
  let letters = ''
  while (n > 0) {
    const rest = (n - 1) % 26
    letters = String.fromCharCode(65 + rest) + letters
    n = Math.floor((n - rest - 1) / 26)
  }
  return letters
}
