// The seed files of ../shared/seeds/ that the rules cite, by their stable names.

export const SEED_SUN_ES_WINDOW_1 = '000_916a36e4f61c297f.txt'
export const SEED_ESMS = '001_04c3217d219ea85b.txt'
export const SEED_SEGUR_HOSPITAL = '003_f3a7376802158090.txt'
export const SEED_IFAQ_HOPEN2 = '004_e50f3265a1ed48eb.txt'

/** What each seed is, for people: a file name means nothing to a region or an establishment. */
const SEED_TITLES: Record<string, string> = {
  [SEED_SUN_ES_WINDOW_1]: 'réunion ARS Île-de-France, Assurance Maladie et SESAN du 24 mars 2022 (SUN-ES, fenêtre 1)',
  [SEED_ESMS]: 'webinaire DNS, CNSA, ANAP, ANS et CNAM du 31 mars 2021 (numérique en ESMS)',
  [SEED_SEGUR_HOSPITAL]: 'webinaire ANS et ministère de 2021 (Ségur numérique hôpital : SONS, SUN-ES)',
  [SEED_IFAQ_HOPEN2]: 'webinaire FHF du 29 août 2024 (IFAQ 2024 et HOPEN 2)',
}

/** "webinaire FHF du 29 août 2024 (…), document 004_…" — the title first, the file for whoever checks. */
export function describeSeed(seed: string): string {
  const title = SEED_TITLES[seed]
  return title ? `${title}, document ${seed}` : seed
}
