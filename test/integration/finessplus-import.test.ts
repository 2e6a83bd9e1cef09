// The FiNESS+ daily flow: the published example into the referential (legal entities, sites, groups), as a
// delta that closes only what it says is closed, and refused whole when it cannot be read.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ImportRefusedError, importFinessFile } from '../../src/app/import-finess'
import { getStructure } from '../../src/app/structures'
import { structureDetail } from '../../src/domain/contract/structures'
import { SourceFileError } from '../../src/sources/source-error'
import type { Store } from '../../src/store/database'
import { freshStore } from '../db'
import { snapshot } from '../support/snapshot'
import { at, editedExample, FINESSPLUS_EXAMPLE, type FlowJson } from '../support/finessplus-example'

const edited = (edit: (flow: FlowJson) => void) => Buffer.from(editedExample(edit), 'utf8')

const EXAMPLE = Buffer.from(FINESSPLUS_EXAMPLE, 'utf8')
const ETALAB = readFileSync(new URL('../fixtures/etalab-small.csv', import.meta.url))

const siteRow = (store: Store, finess: string) =>
  store.db.selectFrom('site').selectAll().where('finess_eg', '=', finess).executeTakeFirstOrThrow()

describe('FiNESS+ import of the published example', () => {
  let store: Store
  let firstImport = 0
  beforeAll(async () => {
    store = await freshStore()
  })
  afterAll(async () => {
    await store?.close()
  })

  it('imports its 23 legal entities, 27 sites and 19 groups', async () => {
    const report = await importFinessFile(store, { fileName: 'exemple.json', bytes: EXAMPLE })
    firstImport = report.importId
    expect(report).toMatchObject({ format: 'finessplus', extractDate: '2026-03-09', encoding: 'utf-8' })
    expect(report.counts).toEqual({
      linesRead: 3451,
      sitesRead: 27,
      created: 27,
      changed: 0,
      unchanged: 0,
      closed: 0,
      reopened: 0,
      rejected: 0,
      warnings: 8,
      legalEntities: 23,
      groups: 19,
    })
    expect(report.upserts).toEqual({
      legalEntities: { created: 23, changed: 0, unchanged: 0 },
      groups: { created: 19, changed: 0, unchanged: 0 },
    })
    const saved = await store.db
      .selectFrom('finess_import')
      .selectAll()
      .where('id', '=', report.importId)
      .executeTakeFirstOrThrow()
    expect(saved).toMatchObject({
      format: 'finessplus',
      extract_date: '2026-03-09',
      extract_number: null,
      sites_read: 27,
      legal_entities_count: 23,
      groups_count: 19,
      warning_count: 8,
    })
    const state = await snapshot(store)
    expect(state.sites).toHaveLength(27)
    expect(state.legalEntities).toHaveLength(23)
    expect(state.groupings).toHaveLength(19)
    // The gcc members are FiNESS+ ids of entities that this file does not describe.
    expect(state.members).toEqual([])
    expect(state.issues).toBe(8)
  })

  it('stores closed entities and sites as closed, at their closing date', async () => {
    const closed = await store.db.selectFrom('site').selectAll().where('closed_on', 'is not', null).execute()
    expect(closed).toHaveLength(12)
    expect(await siteRow(store, '010787190')).toMatchObject({
      closed_on: '1993-01-01',
      closed_by_import_id: firstImport,
    })
    expect(await siteRow(store, '010780906')).toMatchObject({ closed_on: null })
    const entities = await store.db.selectFrom('legal_entity').selectAll().orderBy('finess_ej').execute()
    expect(entities.filter((e) => e.closed_on !== null)).toHaveLength(14)
    expect(entities.find((e) => e.finess_ej === '010000339')).toMatchObject({
      name: 'RESIDENCE FONTELUNE',
      closed_on: '2026-03-02',
      siren: '260100011',
      legal_status: '21',
      ape_code: '8710A',
      commune_code: '01004',
      last_import_id: firstImport,
    })
  })

  it('trims padded strings and derives aggregate, sector, région and labels', async () => {
    expect(await siteRow(store, '010787190')).toMatchObject({
      name: 'SMUR POLYCLINIQUE AMBERIEU',
      name_long: 'SMUR POLYCLINIQUE AMBERIEU EN BUGEY',
      street_type: 'R',
      street_name: 'AIME VINGTRINIER',
    })
    const convert = await siteRow(store, '010780195')
    expect(convert).toMatchObject({
      finess_ej: '010000156',
      category_code: '365',
      category_label: 'Etablissement de Soins Pluridisciplinaire',
      aggregate_code: '1110',
      aggregate_label: expect.any(String),
      sector: 'sanitaire',
      departement: '01',
      region: '84',
      finess_pmsi_computed: '010780195',
      key_valid: true,
    })
    const polyclinique = await store.db
      .selectFrom('legal_entity')
      .selectAll()
      .where('finess_ej', '=', '010000164')
      .executeTakeFirstOrThrow()
    expect(polyclinique).toMatchObject({
      name: "POLYCLINIQUE D'AMBERIEU",
      name_long: "POLYCLINIQUE D'AMBERIEU EN BUGEY",
    })
  })

  it('puts the swapped coordinates back in order', async () => {
    expect(await siteRow(store, '010780195')).toMatchObject({
      coord_x: 873766.07,
      coord_y: 6570414.61,
      latitude: 46.211257,
      longitude: 5.254203,
    })
  })

  it('changes nothing when the same file is imported again', async () => {
    const before = await snapshot(store)
    const report = await importFinessFile(store, { fileName: 'exemple-bis.json', bytes: EXAMPLE })
    expect(report.counts).toMatchObject({ created: 0, changed: 0, closed: 0, reopened: 0, unchanged: 27 })
    expect(report.upserts).toEqual({
      legalEntities: { created: 0, changed: 0, unchanged: 23 },
      groups: { created: 0, changed: 0, unchanged: 19 },
    })
    const after = await snapshot(store)
    expect({ ...after, files: 0, imports: 0, issues: 0 }).toEqual({
      ...before,
      files: 0,
      imports: 0,
      issues: 0,
    })
    expect(after.imports).toBe(before.imports + 1)
  })

  it('accepts a day without changes', async () => {
    const before = await snapshot(store)
    const empty =
      '{"schemaVersion": "v1.0.0", "generatedAt": "2026-03-10T05:00:00Z", "gcc": [], "gco": [], "pmej": []}'
    const report = await importFinessFile(store, { fileName: 'vide-du-jour.json', bytes: Buffer.from(empty) })
    expect(report).toMatchObject({ extractDate: '2026-03-10', created: [], changed: [], closed: [] })
    expect(report.counts).toMatchObject({ sitesRead: 0, legalEntities: 0, groups: 0, unchanged: 0 })
    const after = await snapshot(store)
    expect({ ...after, files: 0, imports: 0 }).toEqual({ ...before, files: 0, imports: 0 })
  })

  it('shows the groupings of a structure, through its legal entity or as a site', async () => {
    const withMembers = edited((f) => {
      at(f.gcc, 1).pmejDuGcc = [{ pmSmsseId: '2', typeRoleEntiteGroupe: 'S' }]
      at(f.gcc, 1).egeDuGcc = [{ egeId: '816', typeRoleEntiteGroupe: 'M' }]
    })
    const report = await importFinessFile(store, { fileName: 'groupes.json', bytes: withMembers })
    expect(report.upserts?.groups).toEqual({ created: 0, changed: 1, unchanged: 18 })
    const convert = await getStructure(store, '010780195')
    expect(convert?.groupings).toEqual([
      { id: 'gcc:2', kind: 'gcc', name: '77 Nord', type: '001', role: 'S', level: 'EJ' },
    ])
    expect(() => structureDetail.parse(convert)).not.toThrow()
    expect((await getStructure(store, '010780575'))?.groupings).toEqual([
      { id: 'gcc:2', kind: 'gcc', name: '77 Nord', type: '001', role: 'M', level: 'EG' },
    ])
    expect((await getStructure(store, '010780211'))?.groupings).toEqual([])
  })

  it('keeps the known members of a group the file cannot name all of, replaces them otherwise', async () => {
    // The example names gcc 2's member by an id it does not describe: the members known stay.
    await importFinessFile(store, { fileName: 'exemple-ter.json', bytes: EXAMPLE })
    const members = () =>
      store.db.selectFrom('grouping_member').select(['grouping_id', 'finess', 'level']).execute()
    expect(await members()).toHaveLength(2)
    const emptied = edited((f) => {
      at(f.gcc, 1).pmejDuGcc = []
      at(f.gcc, 1).egeDuGcc = []
    })
    const report = await importFinessFile(store, { fileName: 'groupe-vide.json', bytes: emptied })
    expect(report.upserts?.groups.changed).toBe(1)
    expect(await members()).toEqual([])
  })

  describe('a refused file leaves the database as it was', () => {
    it.each([
      [
        'truncated',
        'tronque.json',
        EXAMPLE.subarray(0, 50_000),
        /^tronque\.json, ligne \d+ : le JSON s'arrête avant d'être refermé : le fichier est tronqué\.$/,
      ],
      [
        'of another shape',
        'autre.json',
        Buffer.from('{\n  "resourceType": "Bundle",\n  "entry": []\n}\n'),
        /^autre\.json : ce n'est pas un flux FiNESS\+ des structures : pmej : tableau attendu, absent/,
      ],
      ['empty', 'vide.json', Buffer.alloc(0), /^vide\.json : le fichier est vide\.$/],
    ])('%s', async (_label, fileName, bytes, message) => {
      const before = await snapshot(store)
      const error = await importFinessFile(store, { fileName, bytes }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(SourceFileError)
      expect((error as Error).message).toMatch(message)
      expect(await snapshot(store)).toEqual(before)
    })

    it('strict mode refuses the whole flow on one rejected site', async () => {
      const before = await snapshot(store)
      const bytes = Buffer.from(
        EXAMPLE.toString('utf8').replace('"numFinessEge" : "010780211"', '"numFinessEge" : "0107802XX"'),
      )
      const error = await importFinessFile(store, { fileName: 'strict.json', bytes, strict: true }).catch(
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(ImportRefusedError)
      expect((error as Error).message).toMatch(
        /^strict\.json : fichier refusé en mode strict, 1 ligne\(s\) rejetée\(s\) \(ligne 605 : pmej\[3\]\.ege\[0\]\.informationsGeneralesEGE\.numFinessEge : /,
      )
      expect(await snapshot(store)).toEqual(before)
    })
  })
})

describe('a FiNESS+ delta after an etalab extract', () => {
  let store: Store
  beforeAll(async () => {
    store = await freshStore()
    await importFinessFile(store, { fileName: 'etalab-small.csv', bytes: ETALAB })
  })
  afterAll(async () => {
    await store?.close()
  })

  /** The example with CH de Fleyriat, an etalab site, added under its EJ as closed on 2026-03-01. */
  const fleyriatClosed = edited((f) => {
    const pm = structuredClone(at(f.pmej, 1))
    pm.informationsGeneralesPMEJ.pmSmsseId = '900001'
    pm.informationsGeneralesPMEJ.numFinessPm = '010780054'
    const ege = at(pm.ege, 0)
    ege.informationsGeneralesEGE.egeId = '900002'
    ege.informationsGeneralesEGE.numFinessEge = '010000024'
    ege.informationsGeneralesEGE.nomEgeCourt = 'CH DE FLEYRIAT'
    ege.informationsGeneralesEGE.dateFermeture = '2026-03-01'
    ege.etatObjet = 'I'
    f.pmej.push(pm)
  })

  it('does not close the etalab sites that the delta does not list', async () => {
    const report = await importFinessFile(store, { fileName: 'exemple.json', bytes: EXAMPLE })
    // Hôpital de Sia (Wallis-et-Futuna) is in both files.
    expect(report.counts).toMatchObject({ created: 26, changed: 1, closed: 0, reopened: 0 })
    expect(report.changed).toEqual([{ finessEg: '980600027', line: 3350 }])
    const etalabSites = await store.db
      .selectFrom('site')
      .select(['finess_eg', 'closed_on'])
      .where('created_by_import_id', '<>', report.importId)
      .execute()
    expect(etalabSites).toHaveLength(5)
    expect(etalabSites.filter((s) => s.closed_on !== null)).toEqual([])
  })

  it('updates a site it lists, keeping what FiNESS+ does not carry', async () => {
    expect(await siteRow(store, '980600027')).toMatchObject({
      name: 'HOPITAL DE SIA',
      name_long: 'HOPITAL DE SIA',
      departement: '986',
      // Given by the etalab extract alone, kept by the delta:
      source_departement: '9J',
      category_label: 'Centre Hospitalier (C.H.)',
      aggregate_label: 'Centres Hospitaliers',
      mft_code: '99',
      mft_label: 'Indéterminé',
      sph_code: '1',
      sph_label: 'Etablissement public de santé',
      // so it is still a public hospital, whose FINESS PMSI is its EJ.
      finess_pmsi_computed: '980600019',
    })
    const log = await store.db
      .selectFrom('site_change')
      .select(['kind', 'changes'])
      .where('finess_eg', '=', '980600027')
      .execute()
    expect(log).toHaveLength(1)
    expect(log[0]?.kind).toBe('changed')
    expect(log[0]?.changes).toMatchObject({ name_long: { before: null, after: 'HOPITAL DE SIA' } })
    expect(Object.keys(log[0]?.changes ?? {})).not.toContain('sph_code')
  })

  it('closes a site the delta says is closed, at its closing date', async () => {
    const report = await importFinessFile(store, { fileName: 'fermeture.json', bytes: fleyriatClosed })
    expect(report.closed).toEqual([{ finessEg: '010000024', line: expect.any(Number) }])
    expect(await siteRow(store, '010000024')).toMatchObject({
      closed_on: '2026-03-01',
      closed_by_import_id: report.importId,
    })
    const log = await store.db
      .selectFrom('site_change')
      .select(['kind', 'changes'])
      .where('finess_eg', '=', '010000024')
      .where('import_id', '=', report.importId)
      .execute()
    expect(log).toContainEqual({
      kind: 'closed',
      changes: { closed_on: { before: null, after: '2026-03-01' } },
    })
    const stillOpen = await store.db
      .selectFrom('site')
      .select('finess_eg')
      .where('finess_eg', 'in', ['970400024', '980501506', '970302287'])
      .where('closed_on', 'is', null)
      .execute()
    expect(stillOpen).toHaveLength(3)
  })
})
