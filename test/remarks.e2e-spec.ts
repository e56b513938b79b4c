import { expectStatus, session } from './support/api';
import { completeTask, events, openTask, submitReport, waitForStage } from './support/factories';
import { reportAtCellApproval } from './support/drive';
import { E2eContext, startE2e, stopE2e } from './support/harness';

/**
 * Remarks anchored to a report's items. KBNN-KT's report in cell_approval: its
 * approvers (holding tasks) write remarks, its drafter answers and resolves them, its readers read
 * them; after a return the thread stays for the next round.
 */
describe('remarks on a report’s items', () => {
  let ctx: E2eContext;
  let reportId: string;
  let remarkId: string;
  const QUOTE = 'sinh hoạt chuyên đề có lúc còn hình thức';
  const REMARK = 'Đề nghị nêu cụ thể số buổi sinh hoạt chuyên đề mỗi năm.';

  beforeAll(async () => {
    ctx = await startE2e();
    ({ reportId } = await reportAtCellApproval(ctx));
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  const remarkCount = async () => Number((await ctx.db.query(`SELECT count(*) AS n FROM report_remarks WHERE report_id = $1`, [reportId])).rows[0].n);
  const post = async (username: string, path: string, body?: object) => {
    const req = (await session(ctx, username)).post(path);
    return body === undefined ? req : req.send(body);
  };

  it('an approver holding a task adds a remark on an item quoting its text: 201, stored and audited', async () => {
    const res = expectStatus(
      await post('kbnn-kt.bithu', `/api/reports/${reportId}/remarks`, { section: 'political', quote: `  ${QUOTE} `, text: REMARK }),
      201,
    );
    expect(res.body).toMatchObject({
      reportId,
      section: 'political',
      quote: QUOTE,
      text: REMARK,
      author: 'kbnn-kt.bithu',
      authorName: 'Hoàng Văn Bình',
      stage: 'cell_approval',
      round: expect.any(Number),
      resolvedAt: null,
      replies: [],
    });
    remarkId = res.body.id;
    const added = (await events(ctx, reportId)).find((e) => e.action === 'remark_added');
    expect(added).toMatchObject({ actor: 'kbnn-kt.bithu', comment: REMARK, fromStage: 'cell_approval' });
  });

  it.each([
    ['an item outside the outline', { section: 'khong-co', text: REMARK }, 'section: mục "khong-co" không có trong đề cương của báo cáo'],
    [
      'a quote the item does not contain',
      { section: 'political', quote: 'một câu không có trong báo cáo', text: REMARK },
      'quote: đoạn trích dẫn không có trong nội dung mục',
    ],
    ['a blank text', { section: 'political', text: '  \n ' }, 'text: cần nhập nội dung góp ý'],
    ['a text over 5,000 characters', { section: 'political', text: 'x'.repeat(5001) }, 'text'],
    ['a quote over 1,000 characters', { section: 'political', quote: 'ư'.repeat(1001), text: REMARK }, 'quote'],
    ['a key with a space', { section: 'chinh tri', text: REMARK }, 'section'],
  ])('refuses %s with a 400 naming the field, storing nothing', async (_what, body, message) => {
    const before = await remarkCount();
    const res = expectStatus(await post('kbnn-kt.bithu', `/api/reports/${reportId}/remarks`, body), 400);
    expect(String(res.body.message)).toContain(message);
    expect(await remarkCount()).toBe(before);
  });

  it('takes the longest remark in Vietnamese, three bytes a letter (over the 16 KB default body limit)', async () => {
    const res = expectStatus(await post('kbnn-kt.capuy', `/api/reports/${reportId}/remarks`, { section: 'context', text: 'ữ'.repeat(5000) }), 201);
    expect(res.body.text).toHaveLength(5000);
  });

  it('refuses a remark from whoever holds no task on the report (403), even a reader or its drafter', async () => {
    const before = await remarkCount();
    for (const username of ['kbnn-kt.soanthao', 'kbnn.bithu']) {
      const res = expectStatus(await post(username, `/api/reports/${reportId}/remarks`, { section: 'political', text: REMARK }), 403);
      expect(res.body.message).toContain('Chỉ đồng chí đang có nhiệm vụ thẩm định hoặc thông qua báo cáo này');
    }
    expectStatus(await post('bvnn.bithu', `/api/reports/${reportId}/remarks`, { section: 'political', text: REMARK }), 403);
    expect(await remarkCount()).toBe(before);
  });

  it('the drafter answers and the other approver joins the thread; each answer audited', async () => {
    const answer = 'Chi bộ sinh hoạt chuyên đề mỗi quý một lần; đã bổ sung vào mục này.';
    const res = expectStatus(await post('kbnn-kt.soanthao', `/api/remarks/${remarkId}/replies`, { text: answer }), 201);
    expect(res.body.replies).toEqual([expect.objectContaining({ text: answer, author: 'kbnn-kt.soanthao', authorName: 'Bùi Quang Huy' })]);
    const again = expectStatus(await post('kbnn-kt.capuy', `/api/remarks/${remarkId}/replies`, { text: 'Nhất trí với ý kiến bổ sung.' }), 201);
    expect(again.body.replies.map((r: { author: string }) => r.author)).toEqual(['kbnn-kt.soanthao', 'kbnn-kt.capuy']);
    expect((await events(ctx, reportId)).filter((e) => e.action === 'remark_replied').map((e) => e.actor)).toEqual(['kbnn-kt.soanthao', 'kbnn-kt.capuy']);
  });

  it('refuses an answer from outside the thread (403), a blank one (400) and an unknown remark (404)', async () => {
    expectStatus(await post('kbnn.bithu', `/api/remarks/${remarkId}/replies`, { text: 'Ý kiến của cấp trên.' }), 403);
    expectStatus(await post('kbnn-kt.soanthao', `/api/remarks/${remarkId}/replies`, { text: ' ' }), 400);
    expectStatus(await post('kbnn-kt.soanthao', '/api/remarks/00000000-0000-4000-8000-000000000000/replies', { text: 'Trả lời.' }), 404);
    expect((await ctx.db.query(`SELECT count(*) AS n FROM report_remark_replies WHERE remark_id = $1`, [remarkId])).rows[0].n).toBe('2');
  });

  it('every reader of the report reads the remarks with their threads; others are refused', async () => {
    for (const username of ['kbnn-kt.soanthao', 'kbnn.bithu', 'admin']) {
      const list = expectStatus(await (await session(ctx, username)).get(`/api/reports/${reportId}/remarks`), 200).body;
      expect(list.map((r: { section: string }) => r.section)).toEqual(['political', 'context']);
      expect(list[0]).toEqual(expect.objectContaining({ id: remarkId, replies: [expect.any(Object), expect.any(Object)] }));
    }
    expectStatus(await (await session(ctx, 'bvnn.bithu')).get(`/api/reports/${reportId}/remarks`), 403);
  });

  it('only a drafter resolves a remark, once; a resolved remark takes no more answers', async () => {
    expectStatus(await post('kbnn-kt.bithu', `/api/remarks/${remarkId}/resolve`), 403);
    const res = expectStatus(await post('kbnn-kt.soanthao', `/api/remarks/${remarkId}/resolve`), 200);
    expect(res.body).toMatchObject({ id: remarkId, resolvedBy: 'kbnn-kt.soanthao', resolvedByName: 'Bùi Quang Huy', resolvedAt: expect.any(String) });
    expectStatus(await post('kbnn-kt.soanthao', `/api/remarks/${remarkId}/resolve`), 409);
    expectStatus(await post('kbnn-kt.soanthao', `/api/remarks/${remarkId}/replies`, { text: 'Thêm một ý.' }), 409);
    expect((await events(ctx, reportId)).filter((e) => e.action === 'remark_resolved').map((e) => e.actor)).toEqual(['kbnn-kt.soanthao']);
  });

  it('after a return the thread stays for the next round; those who returned it hold no task to add more', async () => {
    const bithu = await session(ctx, 'kbnn-kt.bithu');
    expectStatus(await post('kbnn-kt.bithu', `/api/reports/${reportId}/remarks`, { section: 'political', text: 'Cần bổ sung số liệu minh họa.' }), 201);
    const task = await openTask(bithu, reportId, 'cell_approval');
    expectStatus(await completeTask(bithu, task.id, 'return', 'Bổ sung theo các góp ý tại mục Công tác chính trị.'), 202);
    await waitForStage(ctx, reportId, 'drafting');
    expectStatus(await post('kbnn-kt.bithu', `/api/reports/${reportId}/remarks`, { section: 'political', text: 'Thêm.' }), 403);

    const drafter = await session(ctx, 'kbnn-kt.soanthao');
    await submitReport(reportId, drafter);
    await waitForStage(ctx, reportId, 'cell_approval');
    type Listed = { section: string; stage: string; resolvedAt: string | null; replies: { createdAt: string }[] };
    const all: Listed[] = expectStatus(await (await session(ctx, 'kbnn-kt.capuy')).get(`/api/reports/${reportId}/remarks`), 200).body;
    const list = all.filter((r) => r.section === 'political');
    // Oldest first: the resolved remark of the first review, then the one written with the return.
    expect(list.map((r) => [r.stage, r.resolvedAt === null, r.replies.length])).toEqual([
      ['cell_approval', false, 2],
      ['cell_approval', true, 0],
    ]);
    expect(list[0].replies[0].createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+07:00$/);
  });
});
