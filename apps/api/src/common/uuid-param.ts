import { ParseUUIDPipe } from '@nestjs/common';

/** Ids are UUIDs: anything else is a 400 before any query runs. */
export const UUID = new ParseUUIDPipe({ version: undefined });
