import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '@app/config';

/**
 * A recipient as nodemailer's structured address: it quotes or encodes the name itself, so a full
 * name holding quotes, `<…>` or commas stays a name and never becomes another recipient (a string
 * `"${name}" <${address}>` was parsed again as an address list).
 */
export interface MailAddress {
  name: string;
  address: string;
}

export interface Mail {
  to: MailAddress;
  subject: string;
  text: string;
}

/** Sends mail over SMTP with a pooled nodemailer transport configured once from the settings. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfig) {
    this.transport = createTransport({
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      secure: config.SMTP_SECURE,
      pool: true,
      maxConnections: 5,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      ...(config.SMTP_USER ? { auth: { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? '' } } : {}),
    });
  }

  async send(mail: Mail): Promise<void> {
    await this.transport.sendMail({ from: this.config.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
  }

  /** After the workers have drained (their e-mail jobs may still be sending before that). */
  onApplicationShutdown(): void {
    this.transport.close();
  }
}
