import type { DynamicModule, Type } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import {
  Clock,
  ConsolidationModule,
  InfrastructureModule,
  NotificationsModule,
  OrgModule,
  PlansModule,
  RemindersModule,
  ReportsModule,
  TasksModule,
  WorkflowsModule,
} from '@app/core';
import { dropOwnSchema, migrateOwnSchema, OwnSchema, useOwnSchema } from '../../kit/own-schema';

/** The instant every service test starts at: rules depending on "now" read it from the injected clock. */
export const FIXED_NOW = new Date('2030-03-02T02:00:00Z');

/** The engine's clock held still, moved only by the test (`set`, `advance`). */
export class FixedClock extends Clock {
  private at = FIXED_NOW.getTime();

  override now(): Date {
    return new Date(this.at);
  }

  set(instant: Date): void {
    this.at = instant.getTime();
  }

  advanceDays(days: number): void {
    this.at += days * 86_400_000;
  }
}

export interface Services {
  module: TestingModule;
  db: DataSource;
  clock: FixedClock;
  schema: OwnSchema;
  get<T>(type: Type<T>): T;
}

/** The capability modules of the engine, without HTTP and without queue processors: the services a request or a job calls. */
const CORE_MODULES: (Type | DynamicModule)[] = [
  InfrastructureModule,
  OrgModule,
  WorkflowsModule,
  PlansModule,
  ReportsModule,
  TasksModule,
  RemindersModule,
  NotificationsModule,
  ConsolidationModule,
];

/**
 * One test file's services over real PostgreSQL: its own schema, migrated, the real TypeORM
 * connection, the clock fixed at FIXED_NOW (a case that moves it sets it back, see `resetClock`).
 * `overrides` replaces a provider, e.g. the job queue by a recorder.
 */
export async function startServices(overrides: { provide: Type; useValue: unknown }[] = []): Promise<Services> {
  const schema = useOwnSchema('svc');
  await migrateOwnSchema();
  const clock = new FixedClock();
  let builder = Test.createTestingModule({ imports: CORE_MODULES }).overrideProvider(Clock).useValue(clock);
  for (const { provide, useValue } of overrides) builder = builder.overrideProvider(provide).useValue(useValue);
  const module = await builder.compile();
  module.useLogger(['error', 'warn']);
  await module.init();
  return { module, db: module.get(DataSource), clock, schema, get: (type) => module.get(type, { strict: false }) };
}

export async function stopServices(services: Services | undefined): Promise<void> {
  if (!services) return;
  await services.module.close();
  await dropOwnSchema(services.schema);
}
