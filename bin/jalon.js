#!/usr/bin/env node
// The `jalon` command. Jalon runs its TypeScript sources through tsx (docs/decisions/0002-run-with-tsx.md).
import { register } from 'tsx/esm/api'

register()
await import('../src/cli/main.ts')
