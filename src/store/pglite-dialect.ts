// A Kysely dialect over one PGlite query target: the database itself, or an open PGlite transaction.
// The `kysely-pglite` package does the same in 40 lines but pulls a code generator and a CLI framework
// with it (docs/decisions/0001-store.md); this is that driver, bound to what we pass it.
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely'

export interface PgliteQueryTarget {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[]; affectedRows?: number }>
}

class PgliteConnection implements DatabaseConnection {
  constructor(private readonly target: PgliteQueryTarget) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.target.query<R>(compiled.sql, [...compiled.parameters])
    return {
      rows: result.rows,
      numAffectedRows: result.affectedRows === undefined ? undefined : BigInt(result.affectedRows),
    }
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite ne permet pas de lire une requête en flux.')
  }
}

class PgliteDriver implements Driver {
  constructor(private readonly target: PgliteQueryTarget) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new PgliteConnection(this.target)
  }
  async beginTransaction(): Promise<void> {
    // PGlite serialises transactions itself only through its own `transaction()` API, which Store uses.
    throw new Error(
      'Use Store.transaction(): a Kysely transaction on PGlite would not isolate concurrent calls.',
    )
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

export function pgliteDialect(target: PgliteQueryTarget): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new PgliteDriver(target),
    createIntrospector: (db: Kysely<unknown>) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  }
}

export { CompiledQuery }
