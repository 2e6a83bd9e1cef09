// A priority list's results at a follow-up point (issue 7 §3): for each chosen criterion, the sites that
// meet it, found through the tracking grid's own queries (src/domain/priorities/probes.ts) within the
// user's scopes and place filters, and the observations' history where the grid has no column for it; then
// each site's reasons and score (the sum of the weights of the criteria it meets), highest first.
import { canSeeColumn, seesAllFrance, type AccessUser } from '../domain/access/permissions'
import type { CriterionResult, PrioritySite } from '../domain/contract/priorities'
import { gridQuery, type GridRow } from '../domain/contract/grid'
import { findGridColumn } from '../domain/grid/columns'
import { SEGUR_KINDS } from '../domain/observations/indicators'
import { addMonths, monthsBetween, periodLabel, type Period } from '../domain/observations/period'
import {
  CRITERIA,
  parameterOf,
  type ChosenCriterion,
  type PriorityCriterionId,
} from '../domain/priorities/criteria'
import { gridHref, orderColumn, probeColumns, probesOf, type GridProbe } from '../domain/priorities/probes'
import { reasonsOf, scoreOf, type Finding } from '../domain/priorities/reasons'
import type { Store } from '../store/database'
import { indicatorIds } from '../store/observations'
import { firstMonthsWithValue, sitesWithoutDataSince } from '../store/priority-history'
import { gridPage } from './grid'

export interface PriorityPlace {
  period: Period
  region?: string | undefined
  departement?: string | undefined
}

type Identity = Omit<PrioritySite, 'score' | 'reasons'>

export interface Evaluation {
  criteria: CriterionResult[]
  /** Every site meeting at least one criterion, highest score first. */
  sites: PrioritySite[]
}

/** The grid's page size at most: a probe's sites are read page after page. */
const GRID_PAGE = 5000

async function gridRows(store: Store, user: AccessUser, probe: GridProbe, place: PriorityPlace) {
  const rows: GridRow[] = []
  for (;;) {
    const page = await gridPage(
      store,
      user,
      gridQuery.parse({
        period: place.period,
        region: place.region,
        departement: place.departement,
        where: probe.where,
        columns: probe.columns,
        compare: probe.compare ? 'true' : undefined,
        offset: rows.length,
        limit: GRID_PAGE,
      }),
    )
    rows.push(...page.rows)
    if (page.rows.length === 0 || rows.length >= page.total) return rows
  }
}

const identityOf = (row: GridRow): Identity => ({
  finessEg: row.finessEg,
  finessEj: row.finessEj,
  name: row.name,
  departement: row.departement,
  region: row.region,
  categoryCode: row.categoryCode,
  categoryLabel: row.categoryLabel,
})

/** What a grid row says about the part of the criterion its probe found. */
function findingOf(criterion: PriorityCriterionId, probe: GridProbe, row: GridRow): Finding | null {
  switch (criterion) {
    case 'sun-es-sous-cible': {
      const value = row.values[probe.part]?.value
      if (!value || !probe.sunEs) return null
      const { window, target } = probe.sunEs
      return {
        criterion,
        indicator: probe.part,
        value,
        target,
        window: window.label,
        monthsLeft: window.monthsLeft,
      }
    }
    case 'ehpad-dmp-non-actif':
      return { criterion, status: probe.part }
    case 'esms-sans-dui':
      return { criterion }
    case 'en-recul':
      return {
        criterion,
        column: probe.part,
        before: row.previous?.[probe.part]?.value ?? null,
        after: row.values[probe.part]?.value ?? null,
      }
    default:
      return null
  }
}

function linkLabel(probe: GridProbe, criterion: PriorityCriterionId): string {
  if (criterion === 'ehpad-dmp-non-actif')
    return `DMP en EHPAD : ${probe.part === 'equipe' ? 'équipé' : 'convention signée'}`
  if (criterion === 'esms-sans-dui') return CRITERIA[criterion].label
  return findGridColumn(probe.part)?.label ?? probe.part
}

interface Collected {
  identities: Map<string, Identity>
  findings: Map<string, Finding[]>
}

function add(collected: Collected, identity: Identity, finding: Finding): void {
  collected.identities.set(identity.finessEg, identity)
  const list = collected.findings.get(identity.finessEg)
  if (list) list.push(finding)
  else collected.findings.set(identity.finessEg, [finding])
}

/** Orders signed at the point without a VA, kept when first seen signed at least N months before. */
async function ordersWithoutVa(
  store: Store,
  chosen: ChosenCriterion,
  place: PriorityPlace,
  found: { probe: GridProbe; rows: GridRow[] }[],
  collected: Collected,
): Promise<Set<string>> {
  const ids = await indicatorIds(store.db)
  const kindOf = new Map(SEGUR_KINDS.map((kind) => [ids.get(orderColumn(kind)) ?? -1, kind]))
  const sites = new Map(found.flatMap(({ rows }) => rows.map((r) => [r.finessEg, r])))
  const firsts = await firstMonthsWithValue(
    store.db,
    [...sites.values()],
    [...kindOf.keys()],
    'signee',
    place.period,
  )
  const wanted = parameterOf(chosen, 'months')
  const met = new Set<string>()
  for (const { probe, rows } of found) {
    const id = ids.get(orderColumn(probe.part as (typeof SEGUR_KINDS)[number])) ?? -1
    const kind = kindOf.get(id)
    if (!kind) continue
    for (const row of rows) {
      const since = firsts.get(row.finessEg)?.get(id)
      if (!since) continue
      const months = monthsBetween(since, place.period)
      if (months < wanted) continue
      add(collected, identityOf(row), { criterion: 'commande-sans-va', kind, signedSince: since, months })
      met.add(row.finessEg)
    }
  }
  return met
}

async function quietSites(
  store: Store,
  user: AccessUser,
  chosen: ChosenCriterion,
  place: PriorityPlace,
  collected: Collected,
): Promise<Set<string>> {
  const months = parameterOf(chosen, 'months')
  const rows = await sitesWithoutDataSince(
    store.db,
    {
      region: place.region,
      departement: place.departement,
      status: 'open',
      within: seesAllFrance(user) ? null : user.scopes,
    },
    place.period,
    addMonths(place.period, -months),
  )
  for (const r of rows)
    add(
      collected,
      {
        finessEg: r.finess_eg,
        finessEj: r.finess_ej,
        name: r.name,
        departement: r.departement,
        region: r.region,
        categoryCode: r.category_code,
        categoryLabel: r.category_label,
      },
      {
        criterion: 'sans-donnee',
        lastMonth: r.last_month,
        months: r.last_month === null ? null : monthsBetween(r.last_month, place.period),
      },
    )
  return new Set(rows.map((r) => r.finess_eg))
}

async function evaluateCriterion(
  store: Store,
  user: AccessUser,
  chosen: ChosenCriterion,
  place: PriorityPlace,
  collected: Collected,
): Promise<CriterionResult> {
  const definition = CRITERIA[chosen.id]
  const result = (count: number, gridLinks: CriterionResult['gridLinks'], note: string | null) => ({
    id: chosen.id,
    label: definition.label,
    weight: chosen.weight,
    parameters: Object.fromEntries(definition.parameters.map((p) => [p.id, parameterOf(chosen, p.id)])),
    count,
    gridLinks,
    note,
  })
  if (chosen.id === 'sans-donnee') {
    const met = await quietSites(store, user, chosen, place, collected)
    return result(met.size, [], null)
  }
  const all = probesOf(chosen, place.period)
  if (all.length === 0)
    return result(
      0,
      [],
      `Aucune fenêtre de mesure SUN-ES ne se termine dans les ${parameterOf(chosen, 'months')} mois suivant ${periodLabel(place.period)}.`,
    )
  const probes = all.filter((p) => probeColumns(p).every((key) => canSeeColumn(user, key)))
  const hidden = all.length - probes.length
  const note =
    hidden > 0
      ? 'Une partie de ce critère lit des colonnes que votre rôle ne consulte pas : elle est omise.'
      : null
  const found = await Promise.all(
    probes.map(async (probe) => ({ probe, rows: await gridRows(store, user, probe, place) })),
  )
  let met: Set<string>
  if (chosen.id === 'commande-sans-va') met = await ordersWithoutVa(store, chosen, place, found, collected)
  else {
    met = new Set()
    for (const { probe, rows } of found)
      for (const row of rows) {
        const finding = findingOf(chosen.id, probe, row)
        if (!finding) continue
        add(collected, identityOf(row), finding)
        met.add(row.finessEg)
      }
  }
  const links = probes.every((p) => p.exact)
    ? probes.map((p) => ({ label: linkLabel(p, chosen.id), href: gridHref(p, place) }))
    : []
  return result(met.size, links, note)
}

/** The criteria's counts and links, and every site meeting one of them with its reasons, highest score first. */
export async function evaluatePriorities(
  store: Store,
  user: AccessUser,
  criteria: readonly ChosenCriterion[],
  place: PriorityPlace,
): Promise<Evaluation> {
  const collected: Collected = { identities: new Map(), findings: new Map() }
  // One criterion after the other: each runs its grid queries side by side already.
  const results: CriterionResult[] = []
  for (const chosen of criteria) results.push(await evaluateCriterion(store, user, chosen, place, collected))
  const weights = new Map(criteria.map((c) => [c.id, c.weight]))
  const sites: PrioritySite[] = [...collected.identities.values()].map((identity) => {
    const reasons = reasonsOf(collected.findings.get(identity.finessEg) ?? [], weights)
    return { ...identity, score: scoreOf(reasons), reasons }
  })
  sites.sort(
    (a, b) =>
      b.score - a.score ||
      b.reasons.length - a.reasons.length ||
      (a.finessEg < b.finessEg ? -1 : a.finessEg > b.finessEg ? 1 : 0),
  )
  return { criteria: results, sites }
}
