import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/**
 * The bytes of a @BinaryBody upload, kept beside the request rather than as its body: the error
 * filter and the input checks walk `req.body` key by key, which for a two-megabyte Buffer would be
 * two million entries.
 */
const uploads = new WeakMap<object, Buffer>();

export function keepUploadedBytes(req: object, bytes: Buffer): void {
  uploads.set(req, bytes);
}

/** The route's uploaded file as a Buffer (empty when the request had no body). */
export const UploadedBytes = createParamDecorator((_: unknown, context: ExecutionContext): Buffer => {
  return uploads.get(context.switchToHttp().getRequest<object>()) ?? Buffer.alloc(0);
});
