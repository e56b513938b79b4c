import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AppConfig, parseTrustProxy } from '@app/config';

/**
 * Applies TRUST_PROXY to Express's `trust proxy` when the API starts, before it serves a request, so
 * `req.ip` (the address the login throttle counts and the audit trail records) is the client's
 * behind a reverse proxy, and X-Forwarded-For is ignored when no proxy is trusted (the default):
 * otherwise anyone could claim any address and escape the per-address throttle.
 */
@Injectable()
export class TrustProxySetting implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.adapterHost.httpAdapter?.getInstance().set('trust proxy', parseTrustProxy(this.config.TRUST_PROXY));
  }
}
