import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../../src/server/app'
import type { Store } from '../../src/store/database'

// The simulator needs no database: the server is given a store it must never touch.
const untouchable = new Proxy({} as Store, {
  get: (_t, name) => {
    if (name === 'then') return undefined
    throw new Error(`the simulator used the store (${String(name)})`)
  },
})

let app: FastifyInstance
beforeAll(async () => {
  app = await buildServer({ store: untouchable, webRoot: '/nonexistent' })
})
afterAll(async () => {
  await app?.close()
})

const post = async (url: string, payload: unknown) => {
  const response = await app.inject({ method: 'POST', url, payload: payload as object })
  return { status: response.statusCode, body: response.json() }
}

describe('POST /api/simulate/:kind', () => {
  it('returns the same figure as the command line, money as decimal strings', async () => {
    const { status, body } = await post('/api/simulate/sons', { dsr: 'DPI', activity: 15000 })
    expect(status).toBe(200)
    expect(JSON.stringify(body)).toContain('"10338.71"')
    expect(body.kind).toBe('sons')
  })

  it('answers 400 with the field and the allowed range for bad input', async () => {
    const { status, body } = await post('/api/simulate/sons', { dsr: 'DPI', activity: -3 })
    expect(status).toBe(400)
    expect(body.field).toBe('activity')
    expect(body.error).toMatch(/activité/)
  })

  it('answers 400 for an unknown kind', async () => {
    expect((await post('/api/simulate/loto', {})).status).toBe(400)
  })
})
