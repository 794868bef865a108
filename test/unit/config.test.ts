import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../electron/core/config';

const runtime = { packaged: false, defaultDataDir: '/data/default' };

describe('runtime configuration', () => {
  it('uses the default data folder and the system clock when nothing is set', () => {
    const c = loadConfig({}, runtime);
    expect(c.dataDir).toBe('/data/default');
    expect(c.clock.frozen).toBe(false);
    expect(c.hqUrl).toBeUndefined();
  });

  it('takes HALLDESK_DATA_DIR and freezes the clock at HALLDESK_NOW', () => {
    const c = loadConfig({ HALLDESK_DATA_DIR: '/tmp/x', HALLDESK_NOW: '2026-11-21T09:30:00+08:00' }, runtime);
    expect(c.dataDir).toBe('/tmp/x');
    expect(c.clock.frozen).toBe(true);
    expect(c.clock.now().toISOString()).toBe('2026-11-21T01:30:00.000Z');
  });

  it('refuses HALLDESK_NOW in a packaged app', () => {
    expect(() => loadConfig({ HALLDESK_NOW: '2026-11-21T09:30:00+08:00' }, { ...runtime, packaged: true })).toThrow(ConfigError);
  });

  it('names the variable that is malformed', () => {
    expect(() => loadConfig({ HALLDESK_NOW: 'next tuesday' }, runtime)).toThrow(/HALLDESK_NOW/);
    expect(() => loadConfig({ HALLDESK_WEB_PORT: '99999' }, runtime)).toThrow(/HALLDESK_WEB_PORT/);
  });
});
