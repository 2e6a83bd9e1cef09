// `POST /api/simulate/:kind`: the engine's JSON result, or its refusal naming the field (400). The refusal
// is an ApiError (so the query client does not retry it) that keeps the field, the reason and the range.
import type { SimulationKind, SimulationResults } from '../../domain/programmes/index'
import { ApiError } from '../api'

export type SimulatorKind = Extract<SimulationKind, 'activite' | 'sons' | 'sun-es' | 'hopen2' | 'ifaq'>
export type SimulatorResult = SimulationResults[SimulatorKind]

/** The engine refused an input: `field` is its path in the body, `reason` and `allowed` are in French. */
export class SimulationInputError extends ApiError {
  readonly field: string
  readonly allowed: string
  readonly reason: string
  constructor(message: string, field: string, allowed: string, reason: string) {
    super(message, 400)
    this.name = 'SimulationInputError'
    this.field = field
    this.allowed = allowed
    this.reason = reason
  }
}

interface RefusalBody {
  error?: unknown
  field?: unknown
  allowed?: unknown
  reason?: unknown
}

export async function postSimulation(
  kind: SimulatorKind,
  body: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<SimulatorResult> {
  let response: Response
  try {
    response = await fetch(`/api/simulate/${encodeURIComponent(kind)}`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal,
    })
  } catch (error) {
    if (signal?.aborted) throw error
    throw new ApiError('Le serveur Jalon ne répond pas. Vérifiez votre connexion puis réessayez.', 0)
  }
  if (response.ok) return (await response.json()) as SimulatorResult
  const refusal = (await response.json().catch(() => null)) as RefusalBody | null
  const message =
    typeof refusal?.error === 'string'
      ? refusal.error
      : `Le serveur a répondu par une erreur (${response.status}).`
  if (
    response.status === 400 &&
    typeof refusal?.field === 'string' &&
    typeof refusal.allowed === 'string' &&
    typeof refusal.reason === 'string'
  ) {
    throw new SimulationInputError(message, refusal.field, refusal.allowed, refusal.reason)
  }
  throw new ApiError(message, response.status)
}
