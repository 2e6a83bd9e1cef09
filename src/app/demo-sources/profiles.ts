// Who appears in which demo source, and how fast: each site of the referential gets a role from its
// category and sector, a size, and, per theme, the month its adoption starts (an S-curve, seeded per site).
import type { DemoSite } from '../../store/demo-queries'
import { Random } from './random'

export type HospitalKind = 'chr' | 'ch' | 'local' | 'psy' | 'clinic' | 'ssr' | 'usld' | 'had' | 'cancer'

/** Categories of the TRE_R66 nomenclature that the demo treats as hospitals (RULES §1, seed 002). */
const HOSPITAL_KINDS: Readonly<Record<string, HospitalKind>> = {
  '101': 'chr',
  '355': 'ch',
  '106': 'local',
  '292': 'psy',
  '161': 'psy',
  '128': 'clinic',
  '129': 'clinic',
  '365': 'clinic',
  '122': 'clinic',
  '109': 'ssr',
  '362': 'usld',
  '127': 'had',
  '131': 'cancer',
}

/** Monthly INSi calls of a fully started site, by kind: from a few dozen to tens of thousands. */
const INSI_CALLS: Readonly<Record<HospitalKind, readonly [number, number]>> = {
  chr: [4_000, 30_000],
  ch: [800, 12_000],
  cancer: [3_000, 9_000],
  clinic: [500, 6_000],
  psy: [60, 2_500],
  local: [100, 900],
  ssr: [80, 900],
  usld: [30, 250],
  had: [80, 600],
}

/** Kinds that operate, run a lab or an imaging department (CRO, biology and imaging reports). */
export const SURGICAL: ReadonlySet<HospitalKind> = new Set(['chr', 'ch', 'clinic', 'cancer'])
export const WITH_LAB: ReadonlySet<HospitalKind> = new Set(['chr', 'ch', 'cancer'])

export type Role = 'hospital' | 'ehpad' | 'esms'

export interface Profile {
  site: DemoSite
  role: Role
  kind: HospitalKind | null
  /** Monthly INSi calls once fully started (hospitals); sets the scale of every other count. */
  scale: number
  /** Month index (0 = first month of the window; may be negative or beyond) where adoption is half way. */
  start: { insi: number; dmp: number; mss: number; segur: number; esms: number }
  /** Months the S-curve takes. */
  width: number
  /** Appears in the national files at all (not every CMP calls INSi, not every ESMS feeds the DMP). */
  active: { insi: boolean; dmp: boolean; mss: boolean; esms: boolean }
}

export function roleOf(site: DemoSite): { role: Role; kind: HospitalKind | null } | null {
  const kind = HOSPITAL_KINDS[site.categoryCode ?? '']
  if (kind) return { role: 'hospital', kind }
  if (site.categoryCode === '500') return { role: 'ehpad', kind: null }
  if (site.sector === 'medico-social') return { role: 'esms', kind: null }
  return null
}

export function profileOf(site: DemoSite): Profile | null {
  const found = roleOf(site)
  if (!found) return null
  const { role, kind } = found
  const r = Random.for('profile', site.finessEg)
  if (role === 'hospital' && kind) {
    const [min, max] = INSI_CALLS[kind]
    // CMPs and day hospitals of a psychiatric hospital mostly work under their main site's number.
    const present = kind === 'psy' ? r.chance(0.35) : r.chance(0.95)
    return {
      site,
      role,
      kind,
      scale: r.logUniform(min, max),
      start: { insi: r.int(-20, 8), dmp: r.int(-14, 16), mss: r.int(-24, 6), segur: r.int(-6, 14), esms: 99 },
      width: r.int(2, 5),
      active: { insi: present, dmp: present && r.chance(0.9), mss: present, esms: false },
    }
  }
  const ehpad = role === 'ehpad'
  return {
    site,
    role,
    kind: null,
    scale: r.logUniform(ehpad ? 40 : 10, ehpad ? 150 : 80),
    start: { insi: 99, dmp: r.int(-6, 30), mss: 99, segur: 99, esms: r.int(-12, 30) },
    width: r.int(2, 6),
    active: { insi: false, dmp: ehpad ? r.chance(0.85) : r.chance(0.12), mss: false, esms: r.chance(0.7) },
  }
}

export function profilesOf(sites: readonly DemoSite[]): Profile[] {
  return sites.map(profileOf).filter((p): p is Profile => p !== null)
}
