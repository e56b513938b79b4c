import { createPlan, importOrg, launchPlan } from './support/factories';
import { FixtureUnit, FixtureUser } from './support/fixture';
import { E2eContext, FIXTURE_PASSWORD, startE2e, stopE2e } from './support/harness';
import { isWorkNoticeMail } from './support/notices';
import { ReceivedMail, SmtpSink } from './kit/smtp-sink';

/**
 * A full name went into the `To:` header as `"${fullName}" <${email}>`, which nodemailer parses again
 * as an address list: a full name like `A" <attacker@example.org>, "B` added the attacker as a
 * recipient of that person's reminders. Names now go as structured addresses, encoded by nodemailer.
 */
describe('e-mail recipients: a full name is only ever a name', () => {
  const sink = new SmtpSink({ ignore: isWorkNoticeMail });
  let ctx: E2eContext;
  const HOSTILE_NAME = 'A" <attacker@example.org>, "B';
  /** Written straight into the database: the API refuses line breaks in names, older rows may hold them. */
  const CRLF_NAME = 'Lê Văn Cường\r\nBcc: evil@example.org';
  const units: FixtureUnit[] = [
    { code: 'THU-MAIL', name: 'Đảng bộ Khối thử thư điện tử', kind: 'bloc', parent: null },
    { code: 'THU-MAIL-1', name: 'Chi bộ Phòng Một', kind: 'cell', parent: 'THU-MAIL' },
    { code: 'THU-MAIL-2', name: 'Chi bộ Phòng Hai', kind: 'cell', parent: 'THU-MAIL' },
    { code: 'THU-MAIL-3', name: 'Chi bộ Phòng Ba', kind: 'cell', parent: 'THU-MAIL' },
  ];
  const drafter = (username: string, fullName: string, unit: string): FixtureUser => ({
    username,
    fullName,
    email: `${username}@example.vn`,
    password: FIXTURE_PASSWORD,
    roles: [{ unit, role: 'drafter' }],
  });
  const users = [
    drafter('mail.hostile', HOSTILE_NAME, 'THU-MAIL-1'),
    drafter('mail.crlf', 'Lê Văn Cường', 'THU-MAIL-2'),
    drafter('mail.viet', 'Nguyễn Thị Ánh Tuyết', 'THU-MAIL-3'),
  ];
  const mailOf = (username: string): ReceivedMail => sink.mails.find((m) => m.raw.includes(`${username}@example.vn`))!;
  /** The header block with folded lines joined (RFC 5322 folding: CRLF then white space). */
  const headOf = (mail: ReceivedMail) => mail.raw.split('\r\n\r\n')[0].replace(/\r\n[ \t]/g, ' ');

  beforeAll(async () => {
    await sink.start();
    ctx = await startE2e({ smtpPort: sink.port });
    await importOrg(ctx, { units, users });
    await ctx.db.query(`UPDATE users SET full_name = $1 WHERE username = 'mail.crlf'`, [CRLF_NAME]);
    // Drafting was due in 2019: the reminder at the due date fires as soon as the plan launches.
    const plan = await createPlan(ctx, { rootUnit: 'THU-MAIL', reminders: { before: ['PT0S'] } });
    await launchPlan(ctx, plan.id);
    await sink.waitForMails((m) => users.some((u) => m.raw.includes(u.email)), users.length, { timeoutMs: 20_000, what: 'one reminder per drafter' });
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
    await sink.stop();
  });

  it('a name holding quotes, <…> and a comma reaches only the user, and reads back as that name', () => {
    const mail = mailOf('mail.hostile');
    expect(mail.rcpt).toEqual(['mail.hostile@example.vn']);
    expect(mail.to).toEqual([`${HOSTILE_NAME} <mail.hostile@example.vn>`]);
    expect(sink.mails.filter((m) => m.rcpt.includes('attacker@example.org'))).toEqual([]);
  });

  it('a name holding CR/LF adds no header and no recipient', () => {
    const mail = mailOf('mail.crlf');
    expect(mail.rcpt).toEqual(['mail.crlf@example.vn']);
    expect(headOf(mail)).not.toMatch(/^Bcc:/im);
    expect(sink.mails.filter((m) => m.rcpt.includes('evil@example.org'))).toEqual([]);
  });

  it('a Vietnamese name is encoded (RFC 2047) and decodes to itself', () => {
    const mail = mailOf('mail.viet');
    expect(mail.rcpt).toEqual(['mail.viet@example.vn']);
    expect(headOf(mail)).toMatch(/^To: (=\?UTF-8\?[QB]\?[^?\s]+\?= ?)+ <mail\.viet@example\.vn>\r?$/m);
    expect(mail.to).toEqual(['Nguyễn Thị Ánh Tuyết <mail.viet@example.vn>']);
  });
});
