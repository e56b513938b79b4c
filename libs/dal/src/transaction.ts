import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs work in one transaction, retrying on serialization failures and deadlocks, which two
 * workers racing on neighbouring rows can meet; the work must therefore be safe to repeat.
 */
export async function inTransaction<T>(dataSource: DataSource, work: (em: EntityManager) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      const code = postgresErrorCode(error);
      if (attempt >= attempts || (code !== '40001' && code !== '40P01')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
    }
  }
}

/** PostgreSQL's SQLSTATE of a failed query, as node-postgres throws it or as TypeORM wraps it. */
export function postgresErrorCode(error: unknown): string | undefined {
  return (error as { code?: string }).code ?? (error as { driverError?: { code?: string } }).driverError?.code;
}
