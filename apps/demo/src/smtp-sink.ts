import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { decodeMimeWords, rawHeader } from './mime-words';
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
          const raw = Buffer.concat(chunks).toString('utf8');
          const encoded = rawHeader(raw, 'subject') ?? '';
          mails.push({ at: new Date(), to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), subject: decodeMimeWords(encoded) });
          callback();
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
