// The name and département of a reporting structure (level and FINESS), as SQL: a site's own for an EG, its
// legal entity's (or a site's) for an EJ, and for a FINESS PMSI, which is an EG or an EJ number, the one it
// is (read through the EG and EJ indexes: the FINESS PMSI of a site is an expression without an index, and
// looking it up per row scanned the referential for each of thousands of structures). Used where figures
// are listed per structure that reported them rather than per site.
import { sql, type RawBuilder } from 'kysely'

export function structureName(level: RawBuilder<unknown>, finess: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`case ${level}
    when 'EG' then (select s.name from site s where s.finess_eg = ${finess})
    when 'EJ' then coalesce((select e.name from legal_entity e where e.finess_ej = ${finess}),
                            (select min(s.name) from site s where s.finess_ej = ${finess}))
    else coalesce((select s.name from site s where s.finess_eg = ${finess}),
                  (select e.name from legal_entity e where e.finess_ej = ${finess}))
  end`
}

export function structureDepartement(
  level: RawBuilder<unknown>,
  finess: RawBuilder<unknown>,
): RawBuilder<string> {
  return sql<string>`case ${level}
    when 'EG' then (select s.departement from site s where s.finess_eg = ${finess})
    when 'EJ' then (select min(s.departement) from site s where s.finess_ej = ${finess})
    else coalesce((select s.departement from site s where s.finess_eg = ${finess}),
                  (select min(s.departement) from site s where s.finess_ej = ${finess}))
  end`
}

export interface RankedRow {
  level: 'EG' | 'EJ' | 'PMSI'
  finess: string
  name: string | null
  departement: string | null
  value: string
}

/** The rows of a `ranked` CTE (level, finess, value) with their labels, highest value first. */
export const LABELLED_RANKING = sql`
    select r.level, r.finess, r.value::text as value,
           ${structureName(sql.ref('r.level'), sql.ref('r.finess'))} as name,
           ${structureDepartement(sql.ref('r.level'), sql.ref('r.finess'))} as departement
    from ranked r
    order by r.value desc, r.level, r.finess`
