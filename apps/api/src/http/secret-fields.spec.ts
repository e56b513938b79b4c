import { secretValuesIn, withoutSecrets } from './secret-fields';

describe('secret fields', () => {
  it('finds the values of password, token and secret fields at any depth', () => {
    const body = {
      username: 'btv.mai',
      password: 'mat-khau-1',
      users: [{ newPassword: 'mat-khau-2', note: 'x' }],
      auth: { accessToken: 'abc.def.ghi' },
      clientSecret: 'bi-mat-3',
    };
    expect(secretValuesIn(body).sort()).toEqual(['abc.def.ghi', 'bi-mat-3', 'mat-khau-1', 'mat-khau-2']);
  });

  it('takes every string under a secret field, even in an object or an array there', () => {
    expect(secretValuesIn({ password: ['mot-hai-ba', { x: 'bon-nam-sau' }] }).sort()).toEqual(['bon-nam-sau', 'mot-hai-ba']);
  });

  it('ignores non-secret fields and very short values', () => {
    expect(secretValuesIn({ username: 'mat-khau-1', password: 'abc' })).toEqual([]);
    expect(secretValuesIn(null)).toEqual([]);
    expect(secretValuesIn('password')).toEqual([]);
  });

  it('replaces whole every message that contains a secret, and leaves the others', () => {
    const body = {
      statusCode: 400,
      error: 'Bad Request',
      message: ['password mat-khau-1 is too weak', 'username must be a string'],
      hint: { text: 'try mat-khau-1' },
    };
    const clean = withoutSecrets(body, ['mat-khau-1']);
    expect(JSON.stringify(clean)).not.toContain('mat-khau-1');
    expect(clean.message[1]).toBe('username must be a string');
    expect(clean.message[0]).toMatch(/withheld/);
    expect(clean.statusCode).toBe(400);
  });
});
