// INSi: the GIE SESAM-Vitale monthly publication of calls to the INSi teleservice, per site. A site appears
// once it calls; its calls grow along its S-curve, and its rate of qualified identities follows a few months
// later. A few private clinics are published under their legal entity (an EJ number in an EG file).
import type { Profile } from '../profiles'
import { Random } from '../random'
import { adoption, compactPeriod, count, monthLabel, percent, season } from './common'
import type { DemoRow, MonthContext, SourceGenerator } from './types'

interface Reported {
  finess: string
  name: string
  calls: number
  qualified: number | null
}

function reportedFor(profile: Profile, month: MonthContext): Reported | null {
  if (profile.role !== 'hospital' || !profile.active.insi) return null
  const r = Random.for('insi', profile.site.finessEg, month.period)
  const level = adoption(profile, 'insi', month)
  const calls = profile.scale * level * season(month.period) * r.noise(0.12)
  if (calls < 8) return null
  const plateau = Random.for('insi-plateau', profile.site.finessEg).int(55, 92)
  const qualified = plateau * adoption(profile, 'insi', month, 5) * r.noise(0.04)
  const byEj = profile.kind === 'clinic' && Random.for('insi-ej', profile.site.finessEj).chance(0.3)
  return {
    finess: byEj ? profile.site.finessEj : profile.site.finessEg,
    name: profile.site.name,
    calls,
    // The publication says "pas disponible" when the producer had no patient count that month.
    qualified: r.chance(0.12) ? null : qualified,
  }
}

export const insiGenerator: SourceGenerator = {
  code: 'insi',
  columns: ['finess', 'calls', 'recherche-carte-vitale', 'recherche-traits', 'verification', 'qualifiedRate'],
  extraHeaders: ['Raison sociale'],
  fileName: (period) => `M1271_V02_TLSt_Publication donnees INSI-${compactPeriod(period)}.csv`,
  table(profiles, month) {
    const byNumber = new Map<string, Reported>()
    for (const profile of profiles) {
      const found = reportedFor(profile, month)
      if (!found) continue
      const previous = byNumber.get(found.finess)
      if (previous) {
        previous.calls += found.calls
        previous.qualified = found.qualified === null ? previous.qualified : found.qualified
      } else byNumber.set(found.finess, found)
    }
    const rows: DemoRow[] = [...byNumber.values()].map((x) => {
      const r = Random.for('insi-split', x.finess, month.period)
      const total = Math.round(x.calls)
      const vitale = Math.round((total * r.int(62, 76)) / 100)
      const traits = Math.round((total * r.int(14, 26)) / 100)
      const grouped = r.chance(0.2)
      return {
        cells: {
          finess: x.finess,
          calls: count(total, grouped),
          'recherche-carte-vitale': count(vitale),
          'recherche-traits': count(traits),
          verification: count(total - vitale - traits),
          qualifiedRate: x.qualified === null ? 'pas disponible' : percent(x.qualified),
        },
        extra: { 'Raison sociale': x.name },
      }
    })
    return {
      preamble: [
        `Publication des données INSi – ${monthLabel(month.period)}`,
        'Source : GIE SESAM-Vitale',
        '',
      ],
      rows,
    }
  },
}
