// Who does a write, as the journal records it: a signed-in account, or the command line's operator.
import { userInfo } from 'node:os'

export interface Actor {
  /** The account; null for the command line and the demo loader. */
  id: number | null
  /** An e-mail address, or `cli:<name>`. */
  label: string
}

/** The command line's operator: JALON_ACTOR, or the system user. */
export function cliActor(env: NodeJS.ProcessEnv = process.env): Actor {
  return { id: null, label: env.JALON_ACTOR || `cli:${userInfo().username}` }
}

export const DEMO_ACTOR: Actor = { id: null, label: 'demo' }
