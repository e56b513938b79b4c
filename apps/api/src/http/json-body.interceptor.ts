import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, Observable, switchMap } from 'rxjs';
import { BINARY_BODY } from './binary-body.decorator';
import { BODY_LIMIT, DEFAULT_BODY_LIMIT } from './body-limit.decorator';
import { bytesOf } from './body-size';
import { readBinaryBody } from './read-binary-body';
import { readJsonBody } from './read-json-body';
import { keepUploadedBytes } from './uploaded-bytes';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const DEFAULT_LIMIT = bytesOf(DEFAULT_BODY_LIMIT);

/**
 * The API's only body parser (Fastify's own are replaced by one that reads nothing: see
 * configureApp). Interceptors run after the guards, so a body is read only once the
 * AuthGuard has accepted the token and, for @AdminOnly routes, the role: an anonymous or non-admin
 * megabyte is refused unread. And before the pipes, so the ValidationPipe sees the parsed body.
 * The limit is the route's (@BodyLimit) or a small default. A GET's body is never read. A route
 * declared with @BinaryBody takes a file of its one media type instead, kept as bytes.
 */
@Injectable()
export class JsonBodyInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const res = http.getResponse<FastifyReply>().raw;
    if (!WRITES.has(req.method)) return next.handle();
    const limit = this.reflector.getAllAndOverride<number>(BODY_LIMIT, [context.getHandler(), context.getClass()]) ?? DEFAULT_LIMIT;
    const fileType = this.reflector.get<string | undefined>(BINARY_BODY, context.getHandler());
    if (fileType) {
      return from(readBinaryBody(req.raw, res, limit, fileType)).pipe(
        switchMap((bytes) => {
          keepUploadedBytes(req, bytes);
          return next.handle();
        }),
      );
    }
    return from(readJsonBody(req.raw, res, limit)).pipe(
      switchMap((body) => {
        req.body = body;
        return next.handle();
      }),
    );
  }
}
