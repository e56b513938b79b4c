import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readAtMost, tooLarge } from './read-json-body';
import { hasBody, releaseUnreadBody } from './request-body';

/**
 * Reads a file upload of one media type, at most `limit` bytes, as bytes: no content coding, the
 * type exactly as the route declares it (parameters aside), 415 otherwise; an empty body is a 400.
 * A body refused part way is released as a refused JSON body is.
 */
export async function readBinaryBody(req: IncomingMessage, res: ServerResponse, limit: number, mediaType: string): Promise<Buffer> {
  try {
    const [type] = (req.headers['content-type'] ?? '').split(';').map((part) => part.trim().toLowerCase());
    if (type !== mediaType) throw new UnsupportedMediaTypeException(`The body must be ${mediaType}`);
    const coding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (coding !== 'identity') throw new UnsupportedMediaTypeException('A compressed body is not accepted');
    if (!hasBody(req)) throw new BadRequestException('Chưa có tệp tải lên');
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
    const bytes = await readAtMost(req, limit);
    if (bytes.length === 0) throw new BadRequestException('Chưa có tệp tải lên');
    return bytes;
  } catch (error) {
    releaseUnreadBody(req, res);
    throw error;
  }
}
