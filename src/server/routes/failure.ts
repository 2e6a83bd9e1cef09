// The body of every refused request, for the routes' response schemas: the French message and, for an
// invalid request, the fields in error. The error handler (app.ts) writes both; a response schema without
// `details` made the serialiser drop them, and the user lost the name of the field to correct.
import { z } from 'zod'

export const failure = z.object({
  error: z.string(),
  details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
})

export const failures = { 400: failure, 401: failure, 403: failure, 404: failure, 409: failure } as const
