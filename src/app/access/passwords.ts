// Password hashing (argon2id with the library's defaults: OWASP's 19 MiB, 2 passes) and generation.
import { randomBytes } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'

export function hashPassword(password: string): Promise<string> {
  return hash(password)
}

// Verified when the account does not exist, so that an unknown address answers as slowly as a known one.
const DECOY = hash('jalon-decoy-password-never-used')

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    await verify(await DECOY, password).catch(() => false)
    return false
  }
  return verify(stored, password).catch(() => false)
}

/** 20 characters from a 56-letter alphabet without look-alikes (about 116 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  return [...randomBytes(20)].map((b) => alphabet[b % alphabet.length]).join('')
}
