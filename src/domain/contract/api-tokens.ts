// The API tokens contract (GET /api/tokens, POST /api/users/:id/tokens, DELETE /api/tokens/:id): a token
// lets a machine (a regional CRM) call the API as one account, with that account's role and scopes.
import { z } from 'zod'

export const API_TOKEN_NAME_MAX = 80
/** A token expires: three years at most, one by default, so that a forgotten one does not live for ever. */
export const API_TOKEN_MAX_DAYS = 1095
export const API_TOKEN_DEFAULT_DAYS = 365

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g

export const apiTokenName = z
  .string({ error: 'Nom du jeton : texte attendu' })
  .max(1000, `Nom du jeton : ${API_TOKEN_NAME_MAX} caractères au plus`)
  .transform((name) => name.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, 'Nom du jeton : un nom est attendu (ex. « CRM ARS Bretagne »)')
      .max(API_TOKEN_NAME_MAX, `Nom du jeton : ${API_TOKEN_NAME_MAX} caractères au plus`),
  )

export const apiTokenInput = z.strictObject({
  name: apiTokenName,
  expiresInDays: z
    .number({ error: 'Durée de validité : nombre de jours attendu' })
    .int('Durée de validité : nombre de jours entier attendu')
    .min(1, 'Durée de validité : 1 jour au moins')
    .max(API_TOKEN_MAX_DAYS, `Durée de validité : ${API_TOKEN_MAX_DAYS} jours au plus`)
    .default(API_TOKEN_DEFAULT_DAYS),
})
export type ApiTokenInput = z.output<typeof apiTokenInput>

export const API_TOKEN_STATES = ['actif', 'expiré', 'révoqué'] as const

export const apiToken = z.object({
  id: z.number().int(),
  name: z.string(),
  /** The account the token acts as. */
  userId: z.number().int(),
  userEmail: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  state: z.enum(API_TOKEN_STATES),
})
export type ApiToken = z.infer<typeof apiToken>

/** The answer of a creation: the only time the token itself is shown. */
export const apiTokenCreated = apiToken.extend({ token: z.string() })
export type ApiTokenCreated = z.infer<typeof apiTokenCreated>

export const API_TOKEN_AUDIT_LABELS: Readonly<Record<string, string>> = {
  'api_token.create': 'Création d’un jeton d’API',
  'api_token.revoke': 'Révocation d’un jeton d’API',
}
