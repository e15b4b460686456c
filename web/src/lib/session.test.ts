import { afterEach, describe, expect, it, vi } from 'vitest';
import { json } from '@/testing/render';
import { sessionInfo } from '@/testing/session';
import { can, fetchSession } from './session';

afterEach(() => vi.unstubAllGlobals());

describe('can', () => {
  it('follows the permissions the server listed, not the role', () => {
    expect(can(sessionInfo(['read_customers', 'manage_directory'], 'agent'), 'manage_directory')).toBe(true);
    expect(can(sessionInfo(['read_customers'], 'admin'), 'manage_users')).toBe(false);
    expect(can(sessionInfo([], 'admin'), 'read_customers')).toBe(false);
  });

  it('allows nothing without a session', () => {
    expect(can(null, 'read_customers')).toBe(false);
    expect(can(undefined, 'search')).toBe(false);
  });

  it('reads the permissions from GET /session', async () => {
    vi.stubGlobal('fetch', vi.fn().mockImplementation(async () => json(sessionInfo(['search', 'read_audit_log']))));
    const s = await fetchSession();
    expect(can(s, 'read_audit_log')).toBe(true);
    expect(can(s, 'write_conversations')).toBe(false);
  });
});
