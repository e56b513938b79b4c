import { redactQuery, redactUrl } from './redact-url';

describe('redactUrl', () => {
  it('keeps a URL without a query as it is', () => {
    expect(redactUrl('/api/plans/1/progress')).toBe('/api/plans/1/progress');
  });

  it('redacts tokens, passwords and keys, whatever their case or encoding, and keeps the rest', () => {
    expect(redactUrl('/api/me?access_token=eyJ.abc.def&planId=7')).toBe('/api/me?access_token=[redacted]&planId=7');
    expect(redactUrl('/x?Password=hunter2&stage=drafting&apiKey=k')).toBe('/x?Password=[redacted]&stage=drafting&apiKey=[redacted]');
    expect(redactUrl('/x?%74oken=abc')).toBe('/x?%74oken=[redacted]');
  });

  it('leaves valueless and malformed parameters alone', () => {
    expect(redactUrl('/x?token&unread=true')).toBe('/x?token&unread=true');
    expect(redactUrl('/x?%E0%A4%A=1')).toBe('/x?%E0%A4%A=1');
  });
});

describe('redactQuery', () => {
  it('redacts the same parameters in a parsed query', () => {
    expect(redactQuery({ access_token: 'eyJ', planId: '7' })).toEqual({ access_token: '[redacted]', planId: '7' });
    expect(redactQuery(undefined)).toBeUndefined();
  });
});
