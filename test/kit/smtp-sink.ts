import type { AddressInfo } from 'node:net';
import { AddressObject, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { waitFor } from './poll';

/** One message the engine handed to SMTP, decoded (RFC 2047 subject, quoted-printable or base64 body). */
export interface ReceivedMail {
  /** When the DATA ended (epoch ms): the moment the mail counts as delivered. */
  receivedAt: number;
  /** Envelope recipients (RCPT TO). */
  rcpt: string[];
  /** Header addresses. */
  from: string[];
  to: string[];
  subject: string;
  text: string;
  contentType: string;
  raw: string;
}

/** Which mails a sink leaves out of `mails`: a test file about some notices ignores the others. */
export interface SinkOptions {
  ignore?: (mail: ReceivedMail) => boolean;
}

/**
 * A real SMTP server on 127.0.0.1 and a free port, started by a test file before the engine so the
 * engine's SMTP_PORT points at it; it keeps every mail it accepts, but those `ignore` matches (only
 * counted, in `ignored`). `failNext(n)` answers the next n messages it keeps with a temporary error
 * (451), as a relay that is briefly unavailable does.
 */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  /** Messages answered with a temporary error (not kept in `mails`). */
  rejected = 0;
  /** Mails accepted and left out of `mails` by the `ignore` option. */
  ignored = 0;
  port = 0;
  private failures = 0;
  private server?: SMTPServer;

  constructor(private readonly options: SinkOptions = {}) {}

  async start(): Promise<number> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: 500,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', callback);
        stream.on('end', () => {
          const receivedAt = Date.now();
          const raw = Buffer.concat(chunks);
          const rcpt = session.envelope.rcptTo.map((a) => a.address.toLowerCase());
          const decoded = simpleParser(raw).then((parsed): ReceivedMail => ({
            receivedAt,
            rcpt,
            from: addresses(parsed.from),
            to: addresses(parsed.to),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            contentType: JSON.stringify(parsed.headers.get('content-type') ?? null),
            raw: raw.toString('utf8'),
          }));
          const keep = (mail: ReceivedMail) => {
            if (this.options.ignore?.(mail)) this.ignored += 1;
            else this.mails.push(mail);
          };
          if (this.failures === 0) {
            // Accept first (the engine's send completes now), then decode for the tests.
            callback();
            void decoded.then(keep);
            return;
          }
          // A failure is owed: only a mail the sink keeps takes it, so it is decoded first.
          void decoded.then((mail) => {
            if (this.options.ignore?.(mail)) {
              callback();
              this.ignored += 1;
              return;
            }
            this.failures -= 1;
            this.rejected += 1;
            callback(Object.assign(new Error('Relay busy, try again later'), { responseCode: 451 }));
          });
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    // A sender killed mid-conversation (the fault tests SIGKILL workers) resets its socket: the
    // server reports it as an 'error' event, which would throw in the test process without a listener.
    server.on('error', () => undefined);
    this.server = server;
    this.port = (server as unknown as { server: { address(): AddressInfo } }).server.address().port;
    return this.port;
  }

  failNext(count: number): void {
    this.failures = count;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Mails to one address, in arrival order. */
  to(email: string, filter: (m: ReceivedMail) => boolean = () => true): ReceivedMail[] {
    return this.mails.filter((m) => m.rcpt.includes(email.toLowerCase()) && filter(m)).sort((a, b) => a.receivedAt - b.receivedAt);
  }

  /** Waits until at least `count` mails match, and answers them in arrival order. */
  async waitForMails(filter: (m: ReceivedMail) => boolean, count: number, { timeoutMs = 10_000, what = 'mails' } = {}): Promise<ReceivedMail[]> {
    let seen = 0;
    return waitFor(
      async () => {
        const found = this.mails.filter(filter).sort((a, b) => a.receivedAt - b.receivedAt);
        seen = found.length;
        return found.length >= count ? found : undefined;
      },
      { timeoutMs, intervalMs: 25, what: `${count} ${what} (seen ${seen})` },
    ).catch((error: Error) => {
      throw new Error(`${error.message}; seen ${seen}; all mails: ${this.describe()}`);
    });
  }

  describe(): string {
    return JSON.stringify(this.mails.map((m) => [new Date(m.receivedAt).toISOString(), m.rcpt.join(','), m.subject]));
  }
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) => a.value.map((v) => (v.name ? `${v.name} <${v.address}>` : (v.address ?? ''))));
}
