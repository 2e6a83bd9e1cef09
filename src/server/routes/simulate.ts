// POST /api/simulate/:kind: a programme figure without a database, the same JSON as `jalon simulate --json`.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { runSimulation, SIMULATION_KINDS } from '../../app/simulate'

export function registerSimulateRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  api.post(
    '/api/simulate/:kind',
    {
      // Open without signing in: it reads nothing of the database, only the figures it is given.
      config: { public: true },
      schema: {
        summary: 'Simuler un programme : cible, atteinte et montant, avec leur explication',
        description:
          'Le corps est validé par le moteur de règles lui-même, qui nomme le champ fautif et la plage permise (400). ' +
          'Les montants sont des chaînes décimales en euros à deux décimales.',
        tags: ['Simulateur'],
        params: z.object({ kind: z.enum(SIMULATION_KINDS) }),
        body: z.unknown(),
      },
    },
    async (request, reply) => {
      const outcome = runSimulation(request.params.kind, request.body)
      if (!outcome.ok) return reply.code(400).send(outcome.error)
      return outcome.result
    },
  )
}
