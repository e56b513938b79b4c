import { constantTimeEqual } from './constant-time-equal';

describe('constantTimeEqual', () => {
  it('is true only for the same text, whatever the lengths', () => {
    expect(constantTimeEqual('s3cret-token-for-prometheus-0001', 's3cret-token-for-prometheus-0001')).toBe(true);
    expect(constantTimeEqual('s3cret-token-for-prometheus-0002', 's3cret-token-for-prometheus-0001')).toBe(false);
    expect(constantTimeEqual('s3cret', 's3cret-token-for-prometheus-0001')).toBe(false);
    expect(constantTimeEqual('', 's3cret-token-for-prometheus-0001')).toBe(false);
    expect(constantTimeEqual('Đảng', 'Đảng')).toBe(true);
  });
});
