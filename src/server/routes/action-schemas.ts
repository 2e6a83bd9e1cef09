// What the follow-up actions' routes share in their OpenAPI description: the refusal's shape and the tag.
import { z } from 'zod'

export const failure = z.object({
  error: z.string(),
  details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
})
export const failures = { 400: failure, 401: failure, 403: failure, 404: failure, 409: failure }
export const ACTION_TAGS = ['Actions']
