// Ségur orders: the ASP file, one row per hospital and software kind, once the hospital has a quote or an
// order. Over the months an order goes from "En attente de signature" to signed (30 % advance paid), then
// the VA is signed and the balance paid (RULES §6). Vendors and solutions are fictitious.
import type { SegurKind } from '../../../domain/observations/indicators'
import { addMonths } from '../../../domain/observations/period'
import { SURGICAL, WITH_LAB, type Profile } from '../profiles'
import { Random } from '../random'
import { euros, monthWord } from './common'
import type { DemoRow, MonthContext, SourceGenerator } from './types'

const KIND_WRITTEN: Readonly<Record<SegurKind, readonly string[]>> = {
  dpi: ['DPI', 'DPI - Dossier patient informatisé'],
  ri: ['RI', "RI - Référentiel d'identités"],
  pfi: ['PFI', "PFI - Plateforme d'intermédiation"],
  loinc: ['LOINC'],
  sgl: ['SGL'],
  radio: ['RADIO', 'RIS'],
}

/** Fictitious vendors and solutions, a few per kind. */
const VENDORS: Readonly<Record<SegurKind, readonly (readonly [string, string])[]>> = {
  dpi: [
    ['Armor Logiciels Santé', 'Armor DPI 7.2'],
    ['Kerlann Informatique', 'K-Patient 3.4'],
    ['Opale Santé', 'Opale Dossier 11'],
    ['Medisys Ouest', 'Medisys Clinique 5'],
  ],
  ri: [
    ['Armor Logiciels Santé', 'Armor Identités 2'],
    ['Identis', 'Identis RI 4.1'],
    ['Kerlann Informatique', 'K-Identité 2.0'],
  ],
  pfi: [
    ['Passerelle Santé', 'PasserelleDoc 4'],
    ['Nexus Échanges', 'Nexus PFI 2.3'],
  ],
  loinc: [['Biocode Services', 'Transcodage LOINC 2022']],
  sgl: [
    ['LaboSys', 'LaboSys 9'],
    ['Analys Informatique', 'Analys SGL 6.1'],
  ],
  radio: [
    ['Radiance Imagerie', 'Radiance RIS 5'],
    ['Iroise Médical', 'Iroise RIS 3.2'],
  ],
}

/** Ceilings of RULES §6 for a mid-sized establishment, scaled by size within the barème's range. */
const CEILING: Readonly<Record<SegurKind, readonly [number, number]>> = {
  dpi: [5_500, 85_000],
  ri: [5_000, 43_000],
  pfi: [5_500, 38_000],
  loinc: [3_000, 12_000],
  sgl: [6_000, 30_000],
  radio: [4_500, 26_768],
}

function concerned(profile: Profile, kind: SegurKind): boolean {
  if (kind === 'loinc' || kind === 'sgl') return profile.kind !== null && WITH_LAB.has(profile.kind)
  if (kind === 'radio') return profile.kind !== null && SURGICAL.has(profile.kind)
  return true
}

/** One hospital's row for one kind this month, or null while nothing is known of it. */
function rowFor(profile: Profile, kind: SegurKind, month: MonthContext): DemoRow | null {
  const site = profile.site
  const r = Random.for('segur', site.finessEg, kind)
  if (!concerned(profile, kind))
    return profile.start.segur + 2 <= month.index && r.chance(0.4)
      ? { cells: { finess: site.finessEg, kind: r.pick(KIND_WRITTEN[kind]), status: 'Non concerné' } }
      : null
  const ordered = profile.start.segur + r.int(-2, 6)
  const quoted = ordered - r.int(1, 3)
  if (month.index < quoted || r.chance(0.08)) return null
  const [editeur, solution] = r.pick(VENDORS[kind])
  const written = r.pick(KIND_WRITTEN[kind])
  if (month.index < ordered)
    return { cells: { finess: site.finessEg, kind: written, status: 'En attente de signature', editeur } }
  const size = Math.min(1, Math.log10(Math.max(profile.scale, 30) / 30) / 3)
  const [min, max] = CEILING[kind]
  const ceiling = Math.round((min + (max - min) * size) / 100) * 100
  const vaMonth = ordered + r.int(4, 12)
  const paidMonth = vaMonth + r.int(1, 3)
  const cells: Record<string, string> = {
    finess: site.finessEg,
    kind: written,
    status: 'Commande signée',
    editeur,
    solution,
    va: 'Non',
    avance: euros(ceiling * 0.3),
  }
  if (month.index >= vaMonth) cells.va = vaDate(month, vaMonth, r)
  if (month.index >= paidMonth) {
    cells.solde = euros(ceiling * 0.7)
    cells.total = euros(ceiling)
  }
  return { cells }
}

/** The VA's day in its month, written as the ASP writes dates. */
function vaDate(month: MonthContext, vaMonth: number, r: Random): string {
  const back = month.index - vaMonth
  const [year = '2000', mm = '01'] = addMonths(month.period, -back).split('-')
  return `${String(r.int(2, 27)).padStart(2, '0')}/${mm}/${year}`
}

const KINDS: readonly SegurKind[] = ['dpi', 'ri', 'pfi', 'loinc', 'sgl', 'radio']

export const segurGenerator: SourceGenerator = {
  code: 'segur-asp',
  columns: ['finess', 'kind', 'status', 'editeur', 'solution', 'va', 'avance', 'solde', 'total'],
  extraHeaders: ['Raison sociale'],
  fileName: (period) => `ASP-${monthWord(period).toUpperCase()}-SEGUR.xlsx`,
  table(profiles, month) {
    const rows: DemoRow[] = []
    for (const p of profiles) {
      if (p.role !== 'hospital' || !p.active.insi) continue
      for (const kind of KINDS) {
        const row = rowFor(p, kind, month)
        if (row) rows.push({ ...row, extra: { 'Raison sociale': p.site.name } })
      }
    }
    return { preamble: [], rows }
  },
}
