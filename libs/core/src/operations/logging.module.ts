import { Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '@app/config';
import { redactQuery, redactUrl } from './redact-url';

/**
 * JSON logs with pino: each HTTP request gets an id (the caller's X-Request-Id, else a new one) on
 * every line it logs; secrets (tokens, passwords, cookies, secret query parameters) are redacted before anything is written.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          genReqId: (req, res) => {
            const given = req.headers['x-request-id'];
            const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
            res.setHeader('X-Request-Id', id);
            return id;
          },
          redact: {
            paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', 'req.body.password', '*.password', '*.accessToken'],
            censor: '[redacted]',
          },
          // A token pasted into a URL (e.g. ?access_token=) is a secret too: the logged URL loses it.
          serializers: {
            req: (req: { url: string; query?: Record<string, unknown> }) =>
              Object.assign(req, { url: redactUrl(req.url ?? ''), query: redactQuery(req.query) }),
          },
          customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
        },
      }),
    }),
  ],
})
export class LoggingModule {}
