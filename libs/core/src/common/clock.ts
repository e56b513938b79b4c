import { Injectable } from '@nestjs/common';

/** The engine's only source of "now", so rules depending on time can be tested at fixed instants. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
