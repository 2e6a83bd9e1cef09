// Reference tables (geography, nomenclatures): replaced as a whole from the data shipped with Jalon.
import { sql, type Kysely } from 'kysely'
import type { Session } from './database'
import type { Database } from './schema'
import type { NomenclatureEntry, ReferenceData } from '../domain/reference'

const nomenclatureRow = (e: NomenclatureEntry) => ({
  code: e.code,
  label: e.label,
  valid_from: e.validFrom,
  valid_to: e.validTo,
  closed: e.closed,
})

export async function saveReferenceData(session: Session, data: ReferenceData): Promise<void> {
  const { db } = session
  await db
    .insertInto('region')
    .values(data.regions)
    .onConflict((oc) => oc.column('code').doUpdateSet({ name: (eb) => eb.ref('excluded.name') }))
    .execute()
  await db
    .insertInto('departement')
    .values(data.departements.map((d) => ({ code: d.code, name: d.name, region_code: d.regionCode })))
    .onConflict((oc) =>
      oc.column('code').doUpdateSet({
        name: (eb) => eb.ref('excluded.name'),
        region_code: (eb) => eb.ref('excluded.region_code'),
      }),
    )
    .execute()
  await sql`delete from category`.execute(db)
  await db
    .insertInto('category')
    .values(data.categories.map((c) => ({ ...nomenclatureRow(c), aggregate_code: c.aggregateCode })))
    .execute()
  await sql`delete from category_aggregate`.execute(db)
  await db
    .insertInto('category_aggregate')
    .values(data.aggregates.map((a) => ({ ...nomenclatureRow(a), level: a.level })))
    .execute()
}

export async function regionName(db: Kysely<Database>, code: string): Promise<string | undefined> {
  const row = await db.selectFrom('region').select('name').where('code', '=', code).executeTakeFirst()
  return row?.name
}
