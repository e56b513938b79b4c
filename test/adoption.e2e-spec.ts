import { expectStatus, session, Session } from './support/api';
import { approve, createPlan, fillReport, importFixture, launchPlan, openTask, reportsByUnit, submitReport, waitForStage } from './support/factories';
import { Fixture, holders, parentOf } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { hanoiDay } from './support/hanoi-time';
import { waitFor } from './kit/poll';

interface Adoption {
  number: number;
  symbol: string;
  adoptedOn: string;
  adoptedAt: string;
  place: string;
  signer: { username: string | null; fullName: string; position: string | null; title: string | null; how: string };
  supersededAt: string | null;
  supersededReason: string | null;
}

/**
 * Adoption (thông qua): a report passing its own committee's stage takes the next number of its
 * issuer's register for the year, the adoption date and a signer chosen by the committee (the Bí thư
 * by default, a Phó Bí thư signing K/T), all fixed once recorded; sent back by the committee above
 * and adopted again, it takes a new number.
 */
describe('adoption: number, date and signer', () => {
  let ctx: E2eContext;
  let fixture: Fixture;
  let admin: Session;
  const today = () => hanoiDay(Date.now());

  const adoptionOf = async (reportId: string) =>
    expectStatus(await admin.get(`/api/reports/${reportId}/adoption`), 200).body as { current: Adoption | null; history: Adoption[] };

  /** A fresh plan launched on the sample; its reports by unit code. */
  const newPlan = async () => {
    const plan = await createPlan(ctx);
    await launchPlan(ctx, plan.id);
    return { planId: plan.id, reports: await reportsByUnit(ctx, plan.id) };
  };

  const submit = async (reportId: string, unit: string) => {
    const drafter = await session(ctx, holders(fixture, unit, 'drafter')[0]);
    await fillReport(ctx, reportId, drafter);
    await submitReport(reportId, drafter);
    await waitForStage(ctx, reportId, 'cell_approval');
  };

  /** Every approver of the unit approves in turn, each naming the signer given for them (if any). */
  const adopt = async (reportId: string, unit: string, signers: Record<string, string> = {}) => {
    for (const username of holders(fixture, unit, 'approver')) {
      const who = await session(ctx, username);
      const task = await openTask(who, reportId, 'cell_approval');
      const body = signers[username] ? { decision: 'approve', signer: signers[username] } : { decision: 'approve' };
      expectStatus(await who.post(`/api/tasks/${task.id}/complete`).send(body), 202, `${username} approves`);
    }
    await waitForStage(ctx, reportId, 'committee_review');
    return (await adoptionOf(reportId)).current!;
  };

  beforeAll(async () => {
    ctx = await startE2e();
    fixture = await importFixture(ctx);
    admin = await session(ctx, 'admin');
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('a report in drafting or awaiting its committee is not adopted: no number, no date, no signer', async () => {
    const { reports } = await newPlan();
    const kt = reports.get('KBNN-KT')!.id;
    expect(await adoptionOf(kt)).toEqual({ current: null, history: [] });
    await submit(kt, 'KBNN-KT');
    await approve(await session(ctx, 'kbnn-kt.bithu'), kt, 'cell_approval');
    // One of two approvers: no majority yet.
    expect(await adoptionOf(kt)).toEqual({ current: null, history: [] });
  });

  it('adopted when its own committee approves: the issuer’s next number, today’s date in Hà Nội, the Bí thư signs; audited', async () => {
    const { reports } = await newPlan();
    const kt = reports.get('KBNN-KT')!.id;
    await submit(kt, 'KBNN-KT');
    const before =
      (
        await ctx.db.query<{ last_number: number }>(
          `SELECT r.last_number FROM document_registers r JOIN org_units o ON o.id = r.issuer_unit_id WHERE o.code = 'KBNN-KT' AND r.document_type = 'BC'`,
        )
      ).rows[0]?.last_number ?? 0;
    const adoption = await adopt(kt, 'KBNN-KT');
    expect(adoption).toMatchObject({
      number: before + 1,
      symbol: `${before + 1}-BC/CB`,
      adoptedOn: today(),
      place: 'Hà Nội',
      supersededAt: null,
      signer: { username: 'kbnn-kt.bithu', fullName: 'Hoàng Văn Bình', position: 'bi_thu', title: 'Bí thư', how: 'secretary' },
    });
    expect(adoption.adoptedAt).toMatch(/\+07:00$/);
    const { rows } = await ctx.db.query<{ actor: string; comment: string; data: Record<string, unknown> }>(
      `SELECT actor, comment, data FROM audit_events WHERE action = 'report.adopted' AND report_id = $1`,
      [kt],
    );
    expect(rows).toEqual([
      {
        actor: expect.stringMatching(/^kbnn-kt\./),
        comment: `Thông qua: Số ${adoption.symbol}, ngày ${today().split('-').reverse().join('/')}`,
        data: expect.objectContaining({
          unit: 'KBNN-KT',
          number: before + 1,
          symbol: adoption.symbol,
          signer: expect.objectContaining({ username: 'kbnn-kt.bithu', how: 'secretary' }),
        }),
      },
    ]);
  });

  it('numbers follow the register of each issuer and year: another issuer starts its own; the same issuer goes on in another plan', async () => {
    const year = Number(today().slice(0, 4));
    // KBNN-TT's register for this year already reached 11 (documents it issued before), last year's stands at 40.
    await ctx.db.query(
      `INSERT INTO document_registers (issuer_unit_id, document_type, year, last_number)
       SELECT id, 'BC', $1::int, 11 FROM org_units WHERE code = 'KBNN-TT' UNION ALL SELECT id, 'BC', $2::int, 40 FROM org_units WHERE code = 'KBNN-TT'`,
      [year, year - 1],
    );
    const first = await newPlan();
    const second = await newPlan();
    const tt = first.reports.get('KBNN-TT')!.id;
    await submit(tt, 'KBNN-TT');
    expect((await adopt(tt, 'KBNN-TT')).symbol).toBe('12-BC/CB');
    const vp = first.reports.get('KBNN-VP')!.id;
    await submit(vp, 'KBNN-VP');
    expect((await adopt(vp, 'KBNN-VP')).symbol).toBe('1-BC/CB');
    const tt2 = second.reports.get('KBNN-TT')!.id;
    await submit(tt2, 'KBNN-TT');
    expect((await adopt(tt2, 'KBNN-TT')).symbol).toBe('13-BC/CB');
    const { rows } = await ctx.db.query<{ year: number; last_number: number }>(
      `SELECT r.year, r.last_number FROM document_registers r JOIN org_units o ON o.id = r.issuer_unit_id WHERE o.code = 'KBNN-TT' ORDER BY r.year`,
    );
    expect(rows).toEqual([
      { year: year - 1, last_number: 40 },
      { year, last_number: 13 },
    ]);
    // A committee's register: its issuer code is ĐU.
    const bvnn = first.reports.get('BVNN')!.id;
    await submit(bvnn, 'BVNN');
    expect((await adopt(bvnn, 'BVNN')).symbol).toMatch(/^\d+-BC\/ĐU$/);
  });

  it('the committee may choose a Phó Bí thư, who signs K/T; the latest choice before adoption wins', async () => {
    const { reports } = await newPlan();
    const kt = reports.get('KBNN-KT')!.id;
    await submit(kt, 'KBNN-KT');
    const deputy = await adopt(kt, 'KBNN-KT', { 'kbnn-kt.bithu': 'kbnn-kt.capuy' });
    expect(deputy.signer).toEqual({ username: 'kbnn-kt.capuy', fullName: 'Ngô Thị Dung', position: 'pho_bi_thu', title: 'Phó Bí thư', how: 'chosen' });

    const other = await newPlan();
    const kt2 = other.reports.get('KBNN-KT')!.id;
    await submit(kt2, 'KBNN-KT');
    // kbnn-kt.bithu approves first naming the deputy, kbnn-kt.capuy last naming the secretary: the latter wins.
    const latest = await adopt(kt2, 'KBNN-KT', { 'kbnn-kt.bithu': 'kbnn-kt.capuy', 'kbnn-kt.capuy': 'kbnn-kt.bithu' });
    expect(latest.signer).toMatchObject({ username: 'kbnn-kt.bithu', position: 'bi_thu', how: 'chosen' });
  });

  it('refuses a signer who holds no signing post at the unit (422), a signer with a return (400), and a signer where nothing is adopted (422)', async () => {
    const { reports } = await newPlan();
    const kt = reports.get('KBNN-KT')!.id;
    await submit(kt, 'KBNN-KT');
    const bithu = await session(ctx, 'kbnn-kt.bithu');
    const task = await openTask(bithu, kt, 'cell_approval');
    const signers = expectStatus(await bithu.get(`/api/tasks/${task.id}/signers`), 200).body;
    expect(signers).toEqual({
      adopting: true,
      unitCode: 'KBNN-KT',
      unitName: 'Chi bộ Vụ Kế toán Nhà nước',
      defaultSigner: 'kbnn-kt.bithu',
      signers: [
        { username: 'kbnn-kt.bithu', fullName: 'Hoàng Văn Bình', position: 'bi_thu', title: 'Bí thư' },
        { username: 'kbnn-kt.capuy', fullName: 'Ngô Thị Dung', position: 'pho_bi_thu', title: 'Phó Bí thư' },
      ],
    });
    const refusals = [
      { signer: 'kbnn-kt.soanthao', decision: 'approve', status: 422 },
      { signer: 'kbnn.bithu', decision: 'approve', status: 422 },
      { signer: 'khong-co-ai', decision: 'approve', status: 422 },
      { signer: 'kbnn-kt.capuy', decision: 'return', comment: 'Bổ sung số liệu', status: 400 },
      { signer: 'Không Hợp Lệ', decision: 'approve', status: 400 },
    ];
    for (const { status, ...body } of refusals)
      expect({ body, status: (await bithu.post(`/api/tasks/${task.id}/complete`).send(body)).status }).toEqual({ body, status });
    const refused = await bithu.post(`/api/tasks/${task.id}/complete`).send({ decision: 'approve', signer: 'kbnn-kt.soanthao' });
    expect(refused.body.message).toBe('kbnn-kt.soanthao không giữ chức vụ Bí thư hoặc Phó Bí thư của Chi bộ Vụ Kế toán Nhà nước');
    await adopt(kt, 'KBNN-KT');
    const reviewer = await session(ctx, holders(fixture, parentOf(fixture, 'KBNN-KT'), 'reviewer')[0]);
    const review = await openTask(reviewer, kt, 'committee_review');
    expect(expectStatus(await reviewer.get(`/api/tasks/${review.id}/signers`), 200).body).toMatchObject({ adopting: false, signers: [] });
    expectStatus(await reviewer.post(`/api/tasks/${review.id}/complete`).send({ decision: 'approve', signer: 'kbnn.bithu' }), 422);
    expectStatus(await (await session(ctx, 'kbnn-kt.soanthao')).get(`/api/tasks/${review.id}/signers`), 403);
  });

  it('without a Bí thư a Phó Bí thư signs K/T; with neither the report is adopted with an empty name and the vacancy audited', async () => {
    const { reports } = await newPlan();
    expectStatus(await admin.put('/api/users/hlhpn-tc.bithu/positions').send({ positions: [{ unit: 'HLHPN-TC', position: 'pho_bi_thu' }] }), 200);
    expectStatus(await admin.put('/api/users/bvnn-noi.bithu/positions').send({ positions: [] }), 200);
    try {
      const tc = reports.get('HLHPN-TC')!.id;
      await submit(tc, 'HLHPN-TC');
      expect((await adopt(tc, 'HLHPN-TC')).signer).toEqual({
        username: 'hlhpn-tc.bithu',
        fullName: 'Dương Văn Sơn',
        position: 'pho_bi_thu',
        title: 'Phó Bí thư',
        how: 'deputy',
      });
      const noi = reports.get('BVNN-NOI')!.id;
      await submit(noi, 'BVNN-NOI');
      const vacant = await adopt(noi, 'BVNN-NOI');
      expect(vacant.signer).toEqual({ username: null, fullName: '', position: null, title: null, how: 'vacant' });
      const { rows } = await ctx.db.query<{ comment: string }>(`SELECT comment FROM audit_events WHERE action = 'adoption.signer_vacant' AND report_id = $1`, [
        noi,
      ]);
      expect(rows).toEqual([
        { comment: 'Không có đồng chí nào giữ chức vụ Bí thư hoặc Phó Bí thư của Chi bộ Khoa Nội: văn bản được thông qua không có tên người ký' },
      ]);
    } finally {
      expectStatus(await admin.put('/api/users/hlhpn-tc.bithu/positions').send({ positions: [{ unit: 'HLHPN-TC', position: 'bi_thu' }] }), 200);
      expectStatus(await admin.put('/api/users/bvnn-noi.bithu/positions').send({ positions: [{ unit: 'BVNN-NOI', position: 'bi_thu' }] }), 200);
    }
  });

  it('returned by the committee above and adopted again: a new number; the first adoption stays in the history, superseded with the reason', async () => {
    const { reports } = await newPlan();
    const kt = reports.get('KBNN-KT')!.id;
    await submit(kt, 'KBNN-KT');
    const first = await adopt(kt, 'KBNN-KT');
    const reviewer = await session(ctx, 'kbnn.bithu');
    const review = await openTask(reviewer, kt, 'committee_review');
    expectStatus(await reviewer.post(`/api/tasks/${review.id}/complete`).send({ decision: 'return', comment: 'Bổ sung phần kiểm tra, giám sát' }), 202);
    await waitForStage(ctx, kt, 'drafting');
    const between = await adoptionOf(kt);
    expect(between.current).toBeNull();
    expect(between.history).toEqual([{ ...first, supersededAt: expect.stringMatching(/\+07:00$/), supersededReason: 'Bổ sung phần kiểm tra, giám sát' }]);
    await submit(kt, 'KBNN-KT');
    const second = await adopt(kt, 'KBNN-KT');
    expect(second.number).toBe(first.number + 1);
    expect(second.symbol).toBe(`${first.number + 1}-BC/CB`);
    expect(second.adoptedAt > first.adoptedAt).toBe(true);
    const after = await adoptionOf(kt);
    expect(after.history.map((a) => [a.symbol, a.supersededAt === null])).toEqual([
      [second.symbol, true],
      [first.symbol, false],
    ]);
    const trail = (
      await ctx.db.query<{ action: string }>(`SELECT action FROM audit_events WHERE report_id = $1 AND action LIKE 'report.adop%' ORDER BY id`, [kt])
    ).rows;
    expect(trail.map((e) => e.action)).toEqual(['report.adopted', 'report.adoption_superseded', 'report.adopted']);
  });

  it('never changes afterwards: the same answer later, a position change does not touch it, and the database refuses to alter or delete it', async () => {
    const { reports } = await newPlan();
    const kt = reports.get('KBNN-KT')!.id;
    await submit(kt, 'KBNN-KT');
    const adopted = await adopt(kt, 'KBNN-KT');
    await approve(await session(ctx, 'kbnn.bithu'), kt, 'committee_review');
    await waitForStage(ctx, kt, 'consolidation');
    expectStatus(await admin.put('/api/users/kbnn-kt.bithu/positions').send({ positions: [{ unit: 'KBNN-KT', position: 'dang_vien' }] }), 200);
    try {
      expect((await adoptionOf(kt)).current).toEqual(adopted);
    } finally {
      expectStatus(await admin.put('/api/users/kbnn-kt.bithu/positions').send({ positions: [{ unit: 'KBNN-KT', position: 'bi_thu' }] }), 200);
    }
    await expect(ctx.db.query(`UPDATE adoptions SET number = number + 100 WHERE report_id = $1`, [kt])).rejects.toThrow(/never change/);
    await expect(ctx.db.query(`UPDATE adoptions SET signer_name = 'Người khác' WHERE report_id = $1`, [kt])).rejects.toThrow(/never change/);
    await expect(ctx.db.query(`DELETE FROM adoptions WHERE report_id = $1`, [kt])).rejects.toThrow(/kept/);
    await waitFor(async () => (await adoptionOf(kt)).current?.symbol === adopted.symbol, { what: 'the adoption unchanged' });
  });
});
