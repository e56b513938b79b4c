import { Injectable, Module } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** What every Redis connection of an engine instance is named, followed by the instance's id. */
export const ENGINE_CONNECTION_PREFIX = 'tongket-engine:';

/**
 * One running engine (an API, a worker, or both in one process), named in Redis's client list. A
 * process killed outright drops its connections at once, so its name leaves the list at once: the
 * jobs its workers held can be handed to another worker then, not only when their locks expire.
 * One id per Nest application, not per process, so that tests running two engines in one process
 * can kill one of them.
 */
@Injectable()
export class EngineInstance {
  readonly id = `${hostname().replace(/[^\w.-]/g, '_')}-${process.pid}-${randomBytes(4).toString('hex')}`;
  readonly connectionName = `${ENGINE_CONNECTION_PREFIX}${this.id}`;
}

@Module({ providers: [EngineInstance], exports: [EngineInstance] })
export class EngineInstanceModule {}
