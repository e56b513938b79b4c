import { loadConfig } from './app-config';

describe('METRICS_TOKEN', () => {
  const token = 'a3f9c1d27e4b8065f1c2d3e4a5b6c7d8e9f00112';

  it('is unset by default: only administrators read /metrics', () => {
    expect(loadConfig({}).METRICS_TOKEN).toBeUndefined();
  });

  it('takes a long printable token', () => {
    expect(loadConfig({ METRICS_TOKEN: token }).METRICS_TOKEN).toBe(token);
  });

  it('refuses a short token or one with spaces, without repeating it in the error', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'prometheus' })).toThrow(/METRICS_TOKEN=\(hidden\): .*at least 32 characters/);
    expect(() => loadConfig({ METRICS_TOKEN: `${token} x` })).toThrow(/METRICS_TOKEN=\(hidden\): .*without spaces/);
    let message = '';
    try {
      loadConfig({ METRICS_TOKEN: 'prometheus-secret' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toContain('prometheus-secret');
  });
});
