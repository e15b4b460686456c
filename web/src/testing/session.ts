import type { Permission, Role, Session, SessionInfo, User } from '@/types/api';

export const testUser: User = {
  id: 1, email: 'agent@example.org', name: 'Anne Agent', role: 'agent', language: 'en',
  department_id: null, active: true, created_at: '2026-11-01T09:00:00.000Z',
};

/** A `GET /session` answer; the permissions are whatever the test says the server sent. */
export function sessionInfo(permissions: Permission[], role: Role = 'agent'): SessionInfo {
  return { user: { ...testUser, role }, permissions, via: 'session', csrf_token: 'csrf-1' };
}

/** A login answer (`POST /session`). */
export function loginResponse(permissions: Permission[], role: Role = 'agent'): Session {
  return { user: { ...testUser, role }, permissions, csrf_token: 'csrf-1', expires_at: '2026-11-27T00:00:00.000Z' };
}
