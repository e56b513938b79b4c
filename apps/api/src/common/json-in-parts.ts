import type { ServerResponse } from 'node:http';
import { vietnamJson } from '../http/vietnam-times';

/** A member written after the streamed array, its value as JSON text in pieces (for values too large to hold as one string). */
export interface TrailingMember {
  key: string;
  pieces: () => Iterable<string>;
}

/**
 * Answers 200 with `{...head, [key]: [items], ...after}`, writing each item as it comes: an answer of hundreds
 * of megabytes is never held whole. Items have their times in +07:00, as res.json writes them, and honour the
 * socket's backpressure; a client that goes away stops the reading. Errors before this is called
 * still get their status; one after the first byte can only cut the answer short, which the client
 * sees as invalid JSON rather than as a complete answer.
 */
export async function sendJsonInParts<T>(
  /** Node's response, 200 with its JSON media type set (streamedAnswer). */
  res: ServerResponse,
  head: object,
  key: string,
  items: AsyncIterable<T>,
  /** How to write one item as JSON in pieces, for items too large to stringify at once. */
  pieces?: (item: T) => Iterable<string>,
  /** Members after the array (e.g. a per-unit breakdown of the figures), written as they come. */
  after: readonly TrailingMember[] = [],
): Promise<void> {
  const json = vietnamJson;
  const opening = json(head);
  await write(res, `${opening.length > 2 ? `${opening.slice(0, -1)},` : '{'}${json(key)}:[`);
  let first = true;
  try {
    for await (const item of items) {
      if (res.destroyed) return;
      if (!first) await write(res, ',');
      for (const piece of pieces ? pieces(item) : [json(item)]) await write(res, piece);
      first = false;
    }
    await write(res, ']');
    for (const member of after) {
      if (res.destroyed) return;
      await write(res, `,${json(member.key)}:`);
      for (const piece of member.pieces()) await write(res, piece);
    }
  } catch (error) {
    res.destroy(error as Error);
    return;
  }
  res.end('}');
}

async function write(res: ServerResponse, chunk: string): Promise<void> {
  if (res.write(chunk)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
