import { expectStatus, session, Session } from './support/api';
import { importFixture, importOrg } from './support/factories';
import { Fixture } from './support/fixture';
import { E2eContext, FIXTURE_PASSWORD, startE2e, stopE2e } from './support/harness';

/**
 * Positions (chức vụ) per person and unit, and where each unit issues its documents: imported with
 * the organisation, edited by administrators, shown with the user, audited before and after; one
 * Bí thư per unit, whichever way a second one is attempted.
 */
describe('positions and places', () => {
  let ctx: E2eContext;
  let fixture: Fixture;
  let admin: Session;
  const positionsOf = async (username: string) =>
    expectStatus(await admin.get(`/api/users/${username}`), 200).body.positions as { unitCode: string; unitName: string; position: string }[];
  const auditOf = async (action: string) =>
    (await ctx.db.query<{ actor: string; data: Record<string, unknown> }>(`SELECT actor, data FROM audit_events WHERE action = $1 ORDER BY id`, [action])).rows;
  const person = (username: string, positions?: { unit: string; position: string }[]) => ({
    username,
    fullName: `Đồng chí ${username}`,
    email: `${username}@example.vn`,
    password: FIXTURE_PASSWORD,
    roles: [],
    ...(positions ? { positions } : {}),
  });

  beforeAll(async () => {
    ctx = await startE2e();
    fixture = await importFixture(ctx);
    admin = await session(ctx, 'admin');
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('the fixture’s import gives each person their positions, shown in GET /api/users/:username, GET /api/users and GET /api/me', async () => {
    expect(await positionsOf('kbnn.bithu')).toEqual([
      { unitId: expect.any(String), unitCode: 'KBNN', unitName: 'Đảng bộ Kho bạc Nhà nước Trung ương', position: 'bi_thu' },
    ]);
    expect((await positionsOf('kbnn-kt.capuy')).map((p) => [p.unitCode, p.position])).toEqual([['KBNN-KT', 'pho_bi_thu']]);
    expect(await positionsOf('admin')).toEqual([]);
    const list = expectStatus(await admin.get('/api/users?unit=KBNN-KT'), 200).body as {
      username: string;
      positions: { unitCode: string; position: string }[];
    }[];
    expect(Object.fromEntries(list.map((u) => [u.username, u.positions.map((p) => `${p.unitCode}:${p.position}`)]))).toEqual({
      'kbnn-kt.bithu': ['KBNN-KT:bi_thu'],
      'kbnn-kt.capuy': ['KBNN-KT:pho_bi_thu'],
      'kbnn-kt.soanthao': ['KBNN-KT:dang_vien'],
    });
    const me = expectStatus(await (await session(ctx, 'btv.hung')).get('/api/me'), 200).body;
    expect(me.positions).toEqual([{ unitId: expect.any(String), unitCode: 'DUK', unitName: 'Đảng bộ Khối các cơ quan Trung ương', position: 'pho_bi_thu' }]);
    expect(me.roles).toEqual([{ unitId: expect.any(String), unitCode: 'DUK', role: 'reviewer' }]);
  });

  it('an import without positions leaves a person’s positions as they are; with them, makes them exactly those, audited as added and removed', async () => {
    const bithu = fixture.users.find((u) => u.username === 'hlhpn-tc.bithu')!;
    const { positions: _kept, ...withoutPositions } = bithu;
    const first = expectStatus(await admin.post('/api/org/import').send({ units: [], users: [withoutPositions] }), 201);
    expect(first.body).toEqual({ units: 0, users: 1 });
    expect((await positionsOf('hlhpn-tc.bithu')).map((p) => p.position)).toEqual(['bi_thu']);

    const moved = expectStatus(
      await admin.post('/api/org/import').send({
        units: [],
        users: [
          {
            ...bithu,
            positions: [
              { unit: 'HLHPN-TC', position: 'pho_bi_thu' },
              { unit: 'HLHPN', position: 'cap_uy_vien' },
            ],
          },
        ],
      }),
      201,
    );
    const importId = moved.headers.location.split('/').pop()!;
    expect((await positionsOf('hlhpn-tc.bithu')).map((p) => [p.unitCode, p.position])).toEqual([
      ['HLHPN', 'cap_uy_vien'],
      ['HLHPN-TC', 'pho_bi_thu'],
    ]);
    const events = (
      await ctx.db.query<{ action: string; data: Record<string, unknown> }>(`SELECT action, data FROM audit_events WHERE data->>'importId' = $1 ORDER BY id`, [
        importId,
      ])
    ).rows;
    expect(events[0]).toMatchObject({ action: 'org.import', data: { usersChanged: 1, positionsAdded: 2, positionsRemoved: 1 } });
    expect(events[1].data).toEqual({
      importId,
      username: 'hlhpn-tc.bithu',
      change: 'changed',
      before: {},
      after: {},
      positionsAdded: expect.arrayContaining([
        { unit: 'HLHPN-TC', position: 'pho_bi_thu' },
        { unit: 'HLHPN', position: 'cap_uy_vien' },
      ]),
      positionsRemoved: [{ unit: 'HLHPN-TC', position: 'bi_thu' }],
    });
    const status = expectStatus(await admin.get(`/api/org/imports/${importId}`), 200).body;
    expect(status.result).toMatchObject({ positionsAdded: 2, positionsRemoved: 1 });
    expectStatus(await admin.post('/api/org/import').send({ units: [], users: [bithu] }), 201);
    expect((await positionsOf('hlhpn-tc.bithu')).map((p) => [p.unitCode, p.position])).toEqual([['HLHPN-TC', 'bi_thu']]);
  });

  it('an import naming a second Bí thư is refused, 409 naming the holder, and changes nothing', async () => {
    const res = await admin.post('/api/org/import').send({ units: [], users: [person('bi.thu.moi', [{ unit: 'KBNN', position: 'bi_thu' }])] });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('Nguyễn Văn An (kbnn.bithu)');
    expect(res.body.message).toContain('KBNN');
    expectStatus(await admin.get('/api/users/bi.thu.moi'), 404);
    expect((await positionsOf('kbnn.bithu')).map((p) => p.position)).toEqual(['bi_thu']);
  });

  it('an import naming two secretaries of one unit is refused before it is queued, 409 naming both', async () => {
    const res = await admin.post('/api/org/import').send({
      units: [],
      users: [
        person('hai.a', [{ unit: 'BVNN-NOI', position: 'pho_bi_thu' }]),
        person('hai.b', [{ unit: 'HLHPN-TG', position: 'bi_thu' }]),
        person('hai.c', [{ unit: 'HLHPN-TG', position: 'bi_thu' }]),
      ],
    });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/HLHPN-TG.*hai\.b, hai\.c/);
    expect((await ctx.db.query(`SELECT 1 FROM users WHERE username LIKE 'hai.%'`)).rows).toEqual([]);
  });

  it('hands the post over in one import: the old secretary steps down as the new one takes it', async () => {
    const old = fixture.users.find((u) => u.username === 'bvnn-ngoai.bithu')!;
    expectStatus(
      await admin.post('/api/org/import').send({
        units: [],
        users: [{ ...old, positions: [{ unit: 'BVNN-NGOAI', position: 'dang_vien' }] }, person('ngoai.moi', [{ unit: 'BVNN-NGOAI', position: 'bi_thu' }])],
      }),
      201,
    );
    expect((await positionsOf('ngoai.moi')).map((p) => p.position)).toEqual(['bi_thu']);
    expectStatus(await admin.post('/api/org/import').send({ units: [], users: [{ ...person('ngoai.moi'), positions: [] }, old] }), 201);
    expect((await positionsOf('bvnn-ngoai.bithu')).map((p) => p.position)).toEqual(['bi_thu']);
  });

  it('PUT /api/users/:username/positions replaces them, audited with the lists before and after', async () => {
    const res = expectStatus(
      await admin.put('/api/users/kbnn.capuy/positions').send({
        positions: [
          { unit: 'KBNN', position: 'pho_bi_thu' },
          { unit: 'KBNN-TT', position: 'dang_vien' },
        ],
      }),
      200,
    );
    expect(res.body.username).toBe('kbnn.capuy');
    expect(res.body.positions.map((p: { unitCode: string; position: string }) => [p.unitCode, p.position])).toEqual([
      ['KBNN', 'pho_bi_thu'],
      ['KBNN-TT', 'dang_vien'],
    ]);
    const [event] = (await auditOf('positions.change')).slice(-1);
    expect(event).toEqual({
      actor: 'admin',
      data: {
        username: 'kbnn.capuy',
        before: [{ unit: 'KBNN', position: 'uv_btv' }],
        after: [
          { unit: 'KBNN', position: 'pho_bi_thu' },
          { unit: 'KBNN-TT', position: 'dang_vien' },
        ],
        added: [
          { unit: 'KBNN', position: 'pho_bi_thu' },
          { unit: 'KBNN-TT', position: 'dang_vien' },
        ],
        removed: [{ unit: 'KBNN', position: 'uv_btv' }],
      },
    });
    expectStatus(await admin.put('/api/users/kbnn.capuy/positions').send({ positions: [{ unit: 'KBNN', position: 'uv_btv' }] }), 200);
  });

  it('PUT refuses a second Bí thư with 409 naming the holder, and keeps what the person had', async () => {
    const res = await admin.put('/api/users/kbnn.capuy/positions').send({ positions: [{ unit: 'KBNN', position: 'bi_thu' }] });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ statusCode: 409, unit: 'KBNN', holder: 'kbnn.bithu' });
    expect(res.body.message).toBe('Đơn vị KBNN đã có Bí thư là đồng chí Nguyễn Văn An (kbnn.bithu); mỗi đơn vị chỉ có một Bí thư');
    expect((await positionsOf('kbnn.capuy')).map((p) => [p.unitCode, p.position])).toEqual([['KBNN', 'uv_btv']]);
    // The holder themselves may keep it (re-sending their own post is no second secretary).
    expectStatus(await admin.put('/api/users/kbnn.bithu/positions').send({ positions: [{ unit: 'KBNN', position: 'bi_thu' }] }), 200);
  });

  it('two administrators naming different secretaries of one vacant unit at once: one succeeds, the other gets 409', async () => {
    await importOrg(ctx, {
      units: [{ code: 'KBNN-MOI', name: 'Chi bộ Phòng Kiểm soát', kind: 'cell', parent: 'KBNN' }],
      users: [person('ks.a') as never, person('ks.b') as never],
    });
    const [a, b] = await Promise.all([
      admin.put('/api/users/ks.a/positions').send({ positions: [{ unit: 'KBNN-MOI', position: 'bi_thu' }] }),
      admin.put('/api/users/ks.b/positions').send({ positions: [{ unit: 'KBNN-MOI', position: 'bi_thu' }] }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const { rows } = await ctx.db.query<{ username: string }>(
      `SELECT u.username FROM user_positions p JOIN users u ON u.id = p.user_id JOIN org_units o ON o.id = p.unit_id WHERE o.code = 'KBNN-MOI' AND p.position = 'bi_thu'`,
    );
    expect(rows).toHaveLength(1);
  });

  it('refuses unknown units, a unit given twice and unknown positions with 400; an unknown user 404', async () => {
    const cases = [
      { body: { positions: [{ unit: 'KHONG-CO', position: 'bi_thu' }] }, status: 400 },
      {
        body: {
          positions: [
            { unit: 'KBNN', position: 'uv_btv' },
            { unit: 'KBNN', position: 'dang_vien' },
          ],
        },
        status: 400,
      },
      { body: { positions: [{ unit: 'KBNN', position: 'chu_tich' }] }, status: 400 },
      { body: {}, status: 400 },
    ];
    for (const c of cases) expect({ body: c.body, status: (await admin.put('/api/users/kbnn.capuy/positions').send(c.body)).status }).toEqual(c);
    expectStatus(await admin.put('/api/users/khong-co-ai/positions').send({ positions: [] }), 404);
  });

  it('a unit’s place: Hà Nội by default, imported, set by an administrator (audited), shown in GET /api/org-units', async () => {
    const units = expectStatus(await admin.get('/api/org-units'), 200).body as { id: string; code: string; place: string }[];
    expect(units.find((u) => u.code === 'BVNN')!.place).toBe('Hà Nội');
    const bvnn = fixture.units.find((u) => u.code === 'BVNN')!;
    expectStatus(await admin.post('/api/org/import').send({ units: [{ ...bvnn, place: 'Thanh Trì' }], users: [] }), 201);
    const id = units.find((u) => u.code === 'BVNN')!.id;
    expect(expectStatus(await admin.get(`/api/org-units/${id}`), 200).body.place).toBe('Thanh Trì');
    // Imported again without a place, it keeps its own.
    expectStatus(await admin.post('/api/org/import').send({ units: [bvnn], users: [] }), 201);
    expect(expectStatus(await admin.get(`/api/org-units/${id}`), 200).body.place).toBe('Thanh Trì');
    const [importEvent] = (await auditOf('org.import')).filter((e) => JSON.stringify(e.data).includes('Thanh Trì'));
    expect(importEvent.data.unitChanges).toEqual([{ code: 'BVNN', change: 'changed', before: { place: 'Hà Nội' }, after: { place: 'Thanh Trì' } }]);

    expect(expectStatus(await admin.put(`/api/org-units/${id}/place`).send({ place: 'Hà Nội' }), 200).body).toEqual({ id, code: 'BVNN', place: 'Hà Nội' });
    expect((await auditOf('unit.place')).slice(-1)[0]).toEqual({ actor: 'admin', data: { unit: 'BVNN', before: 'Thanh Trì', after: 'Hà Nội' } });
    expectStatus(await admin.put(`/api/org-units/${id}/place`).send({ place: '' }), 400);
    expectStatus(await admin.put(`/api/org-units/${id}/place`).send({ place: 'Hà Nội\nxuống dòng' }), 400);
  });
});
