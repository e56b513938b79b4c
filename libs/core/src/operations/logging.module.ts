import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { AppConfig } from '@app/config';
import { requestForLog, responseForLog } from './request-log';

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
          // No genReqId: the API's server gives each request its id (requestIdFrom, apps/api's
          // create-api-app) and pino-http takes the one the request already has.
          // Small plain objects built from the raw request and response (no wrapping serializers):
          // they cost little at info, and a line carries the id, method, redacted URL, status and time.
          wrapSerializers: false,
          serializers: { req: requestForLog, res: responseForLog, err: pino.stdSerializers.err },
          // Request headers are redacted by requestForLog; these cover bodies and objects logged by the code.
          redact: { paths: ['req.body.password', '*.password', '*.accessToken'], censor: '[redacted]' },
          customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
        },
      }),
    }),
  ],
})
export class LoggingModule {}
