// The shape of the FiNESS+ daily flow (ansforge/finess, "structures" schema v1.0.0), as zod validators.
//
// The published example, not the v1.0.0 schema, is the reference for names and shapes: the example writes
// `informationsGeneralesPMEJ` and `pmSmsseId` (schema: `informationsGeneralesPmej`, `pm_smsseId`), `etatObjet`
// as a plain code beside the general information (schema: a {code, system} object inside it),
// `categorieentiteGeographiqueExercice` and `modefixationtarifaire` as plain codes (schema: camel-cased
// {code, system} objects), `dateDerniereMaj` as "AAAA-MM-JJ HH:MM:SS" (schema: {dateEvenement}), `gcc` and
// `gco` as arrays (schema: one object), `egeDuGcc` (schema: `egeDuGCC`), `typeGco` (schema: `typeGCO`), and
// sites with no `roleEge`, legal entities with no `ege` at all (schema: at least one). Its coordinates hold the
// Lambert-93 northing in `coordonneeX`: the pair is put back in order (see positions.ts).
import { z } from 'zod'

/** Every leaf of the flow is a string; absent and null both mean "not given". */
const text = z.string().nullish()
const list = <T extends z.ZodType>(item: T) => z.array(item).nullish()

const address = z.object({
  usageAdresse: text,
  numeroVoie: text,
  typeVoie: text,
  libelleVoie: text,
  complementVoie: text,
  complementPointGeographique: text,
  lieuDit: text,
  cogCommune: text,
  codePostal: text,
  ligneAcheminement: text,
  coordonneesGeographique: z
    .object({
      coordonneeX: text,
      coordonneeY: text,
      directionLatitude: text,
      directionLongitude: text,
      cleInInteropBAN: text,
    })
    .nullish(),
})
const contact = z.object({
  telecom: z.object({ telephone: text, telecopie: text }).nullish(),
})
const event = z.object({ dateEvenement: text })
const site = z.object({
  informationsGeneralesEGE: z.object({
    egeId: text,
    numFinessEge: z.string(),
    nomEgeCourt: text,
    nomEgeLong: text,
    complementDenominationEg: text,
    dateOuverture: text,
    datePremiereAutorisation: text,
    dateFermeture: text,
    siret: text,
  }),
  categorieentiteGeographiqueExercice: text,
  modefixationtarifaire: text,
  adresse: list(address),
  contact: list(contact),
  evenement: list(event),
  etatObjet: text,
  dateDerniereMaj: text,
})
const legalEntity = z.object({
  informationsGeneralesPMEJ: z.object({
    pmSmsseId: text,
    numFinessPm: z.string(),
    denominationPm: text,
    denominationLonguePmSmsse: text,
    siren: text,
    statutJuridique: text,
    codeApe: text,
    dateCreation: text,
    dateFermeture: text,
  }),
  adresse: list(address),
  evenement: list(event),
  etatObjet: text,
  ege: list(site),
})
const entityMember = z.object({ pmSmsseId: text, typeRoleEntiteGroupe: text })
const siteMember = z.object({ egeId: text, typeRoleEntiteGroupe: text })
const gcc = z.object({
  gccId: z.string(),
  nomGcc: text,
  typeGcc: text,
  gccIdentifiantExterne: text,
  etatObjet: text,
  pmejDuGcc: list(entityMember),
  egeDuGcc: list(siteMember),
})
const gco = z.object({
  pmSmsseId: z.string(),
  typeGco: text,
  pmejDuGco: list(entityMember),
  egeDuGco: list(siteMember),
})
// `pmej` first: on a JSON of another kind, the first difference named is the one that says the most.
export const flowSchema = z.object({
  pmej: z.array(legalEntity),
  schemaVersion: z.string(),
  generatedAt: z.string(),
  gcc: list(gcc),
  gco: list(gco),
})

export type Flow = z.infer<typeof flowSchema>
export type Address = z.infer<typeof address>
export type Contact = z.infer<typeof contact>
export type Event = z.infer<typeof event>
export type Ege = z.infer<typeof site>
export type Pmej = z.infer<typeof legalEntity>
export type EntityMember = z.infer<typeof entityMember>
export type SiteMember = z.infer<typeof siteMember>
