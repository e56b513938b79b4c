import { EventDto } from './types';

/** Each expected event matches a later event than the previous one (other events may sit between). */
export function expectInOrder(trail: EventDto[], expected: Partial<EventDto>[]): void {
  let from = 0;
  for (const want of expected) {
    const found = trail.slice(from).findIndex((e) => Object.entries(want).every(([k, v]) => e[k as keyof EventDto] === v));
    if (found < 0) {
      throw new Error(
        `audit trail lacks ${JSON.stringify(want)} after position ${from}: ${JSON.stringify(trail.map((e) => [e.action, e.actor, e.fromStage, e.toStage]))}`,
      );
    }
    from += found + 1;
  }
}
