import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { signingSecret } from '../auth/auth.module';
import { importSealKey } from './import-password-seal';

/**
 * The key sealing pending imports' passwords, from the installation's JWT signing secret as the auth
 * module obtains it (JWT_SECRET, else the one kept in installation_secrets): the API that seals and
 * the worker that opens read the same secret. Derived once per process.
 */
@Injectable()
export class ImportSealKey {
  private key?: Promise<Buffer>;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  get(): Promise<Buffer> {
    this.key ??= signingSecret(this.config, this.db).then(importSealKey);
    // A failure (the database away at the first import) is not kept: the next import asks again.
    this.key.catch(() => (this.key = undefined));
    return this.key;
  }
}
