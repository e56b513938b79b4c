import { EntityManager } from 'typeorm';

/**
 * What a repository function needs to run its SQL: the caller's transaction (an EntityManager) or
 * the DataSource itself for a statement that stands alone. Services own the transaction; the
 * repositories own the SQL and the row types it returns.
 */
export type Queryable = Pick<EntityManager, 'query'>;
