import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bodyProblem } from '../common/input-guard';
import { hasBody, releaseUnreadBody } from './request-body';

/**
 * Reads and parses a JSON request body, at most `limit` bytes. Only `application/json` in UTF-8,
 * without a content coding, is read: a form post or plain text gets 415 and reaches no handler.
 * Errors never quote the body (a JSON.parse message shows the text around the fault, which for a
 * mislabelled login form is the password). A body refused part way is released (see
 * releaseUnreadBody) so its client is answered. No body at all reads as undefined, as with Express.
 */
export async function readJsonBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<unknown> {
  if (!hasBody(req)) return undefined;
  try {
    assertJsonContentType(req);
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
    const text = decodeUtf8(await readAtMost(req, limit));
    const value = parseStrictJson(text);
    const problem = bodyProblem(value);
    if (problem) throw new BadRequestException(problem);
    return value;
  } catch (error) {
    releaseUnreadBody(req, res);
    throw error;
  }
}

function assertJsonContentType(req: IncomingMessage): void {
  const [mediaType, ...params] = (req.headers['content-type'] ?? '').split(';').map((part) => part.trim().toLowerCase());
  if (mediaType !== 'application/json') throw new UnsupportedMediaTypeException('The body must be application/json');
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/^"|"$/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') throw new UnsupportedMediaTypeException('The body must be UTF-8');
  const coding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (coding !== 'identity') throw new UnsupportedMediaTypeException('A compressed body is not accepted');
}

export function tooLarge(limit: number): PayloadTooLargeException {
  return new PayloadTooLargeException(`The body is larger than this endpoint accepts (${limit} bytes)`);
}

export function readAtMost(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const cleanUp = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        cleanUp();
        reject(tooLarge(limit));
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = () => {
      cleanUp();
      resolve(Buffer.concat(chunks, received));
    };
    const onError = (error: Error) => {
      cleanUp();
      reject(new BadRequestException(`The body could not be read (${error.message})`));
    };
    const onAborted = () => onError(new Error('the client went away'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function decodeUtf8(bytes: Buffer): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new BadRequestException('The body is not valid UTF-8');
  }
}

/** An object or an array, as body-parser's strict mode: a bare scalar is no request body. Empty reads as {}. */
function parseStrictJson(text: string): unknown {
  const first = /\S/.exec(text)?.[0];
  if (first === undefined) return {};
  if (first !== '{' && first !== '[') throw new BadRequestException('The body must be a JSON object or array');
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequestException('The body is not valid JSON');
  }
}
