import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { settlesWithin } from './poll';

export interface ReceivedMail {
  at: Date;
  to: string[];
  subject: string;
}

/**
 * A local SMTP server in the demo's process that accepts every message the worker sends and keeps
 * its envelope recipients, arrival time and decoded subject; nothing is relayed anywhere.
 */
export class SmtpSink {
  private constructor(
    readonly port: number,
    readonly mails: readonly ReceivedMail[],
    private readonly server: SMTPServer,
  ) {}

  /** Listens on a free port of 127.0.0.1 (the system picks it). */
  static async start(): Promise<SmtpSink> {
    const mails: ReceivedMail[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', callback);
        stream.on('end', () => {
          const at = new Date();
          const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          // Accepted first (the worker's send completes now), then decoded (RFC 2047 subjects) by mailparser.
          callback();
          simpleParser(Buffer.concat(chunks)).then(
            (parsed) => mails.push({ at, to, subject: parsed.subject ?? '' }),
            (error: Error) => console.error(`smtp sink: a mail could not be read: ${error.message}`),
          );
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    server.on('error', (error) => console.error(`smtp sink: ${error.message}`));
    return new SmtpSink((server.server.address() as AddressInfo).port, mails, server);
  }

  async stop(): Promise<void> {
    await settlesWithin(new Promise<void>((resolve) => this.server.close(() => resolve())), 2_000);
  }
}
