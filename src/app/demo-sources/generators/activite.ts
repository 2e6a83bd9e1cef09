// Activité combinée: the ANS "fichier de calcul", once, with the 2019 activity of every hospital's FINESS
// PMSI (RULES §5). A public hospital's PMSI is its EJ, so its sites' activities add up on one row.
import type { HospitalKind, Profile } from '../profiles'
import { Random } from '../random'
import { count } from './common'
import type { DemoRow, SourceGenerator } from './types'

type Term = 'mcoDays' | 'mcoSessions' | 'ambulatoryStays' | 'ssrDays' | 'psyDays' | 'hadDays' | 'usldDays'

/** Yearly ranges by kind; a term absent for a kind is zero. */
const RANGES: Readonly<Record<HospitalKind, Partial<Record<Term, readonly [number, number]>>>> = {
  chr: {
    mcoDays: [120_000, 380_000],
    mcoSessions: [15_000, 60_000],
    ambulatoryStays: [6_000, 20_000],
    ssrDays: [8_000, 40_000],
    psyDays: [5_000, 50_000],
    hadDays: [2_000, 15_000],
    usldDays: [8_000, 35_000],
  },
  ch: {
    mcoDays: [15_000, 140_000],
    mcoSessions: [1_000, 20_000],
    ambulatoryStays: [800, 8_000],
    ssrDays: [5_000, 30_000],
    usldDays: [5_000, 25_000],
  },
  clinic: { mcoDays: [8_000, 60_000], mcoSessions: [0, 20_000], ambulatoryStays: [2_500, 15_000] },
  cancer: { mcoDays: [20_000, 50_000], mcoSessions: [20_000, 60_000], ambulatoryStays: [1_500, 6_000] },
  psy: { psyDays: [15_000, 120_000] },
  ssr: { ssrDays: [8_000, 40_000] },
  local: { mcoDays: [0, 3_000], ssrDays: [3_000, 15_000], usldDays: [4_000, 15_000] },
  usld: { usldDays: [8_000, 30_000] },
  had: { hadDays: [5_000, 30_000] },
}

const TERMS: readonly Term[] = [
  'mcoDays',
  'mcoSessions',
  'ambulatoryStays',
  'ssrDays',
  'psyDays',
  'hadDays',
  'usldDays',
]
const WEIGHTS: Readonly<Record<Term, number>> = {
  mcoDays: 2,
  mcoSessions: 1,
  ambulatoryStays: 3,
  ssrDays: 1,
  psyDays: 1,
  hadDays: 1,
  usldDays: 1,
}

/** The formula of RULES §5 in half-days, exact, written with a decimal comma when it ends in ,5. */
function combined(terms: Readonly<Record<Term, number>>): string {
  const halves = TERMS.reduce((sum, t) => sum + terms[t] * WEIGHTS[t], 0)
  return halves % 2 === 0 ? String(halves / 2) : `${(halves - 1) / 2},5`
}

export const activiteGenerator: SourceGenerator = {
  code: 'activite',
  columns: ['finess', 'year', ...TERMS, 'combined'],
  extraHeaders: ['Raison sociale'],
  fileName: () => 'Fichier de calcul activite combinee.xlsx',
  table(profiles: readonly Profile[]) {
    const byPmsi = new Map<string, { name: string; terms: Record<Term, number> }>()
    for (const p of profiles) {
      if (p.role !== 'hospital' || !p.kind || !p.site.finessPmsi) continue
      const r = Random.for('activite', p.site.finessEg)
      // Secondary sites (CMP, day hospitals) of a psychiatric or general hospital add little.
      const share = p.active.insi ? 1 : 0.05
      const entry = byPmsi.get(p.site.finessPmsi) ?? {
        name: p.site.name,
        terms: {
          mcoDays: 0,
          mcoSessions: 0,
          ambulatoryStays: 0,
          ssrDays: 0,
          psyDays: 0,
          hadDays: 0,
          usldDays: 0,
        },
      }
      for (const term of TERMS) {
        const range = RANGES[p.kind][term]
        if (range) entry.terms[term] += Math.round(r.int(range[0], range[1]) * share)
      }
      byPmsi.set(p.site.finessPmsi, entry)
    }
    const rows: DemoRow[] = [...byPmsi.entries()].map(([pmsi, e]) => ({
      cells: {
        finess: pmsi,
        year: '2019',
        ...Object.fromEntries(TERMS.map((t) => [t, count(e.terms[t])])),
        combined: combined(e.terms),
      },
      extra: { 'Raison sociale': e.name },
    }))
    return { preamble: ['Fichier de calcul de l’activité combinée – données PMSI 2019', ''], rows }
  },
}
