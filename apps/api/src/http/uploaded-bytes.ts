import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';

/**
 * The bytes of a @BinaryBody upload, kept beside the request rather than as its body: the error
 * filter and the input checks walk `req.body` key by key, which for a two-megabyte Buffer would be
 * two million entries.
 */
const uploads = new WeakMap<IncomingMessage, Buffer>();

export function keepUploadedBytes(req: IncomingMessage, bytes: Buffer): void {
  uploads.set(req, bytes);
}

/** The route's uploaded file as a Buffer (empty when the request had no body). */
export const UploadedBytes = createParamDecorator((_: unknown, context: ExecutionContext): Buffer => {
  return uploads.get(context.switchToHttp().getRequest<IncomingMessage>()) ?? Buffer.alloc(0);
});
