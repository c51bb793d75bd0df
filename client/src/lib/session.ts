// Who is logged in, for the whole client: the user and role from /api/auth/me or login, the CSRF token
// that cookie-authenticated writes must echo, and a signal when the server answers 401/403.
import { useSyncExternalStore } from 'react';

export type Role = 'viewer' | 'editor' | 'admin';
export interface SessionUser {
  username: string;
  role: Role;
}

export interface SessionState {
  user: SessionUser | null;
  /** Whether the server lets anonymous callers read (from /api/auth/me). */
  anonymousRead: boolean;
  /** Set when a request was refused: 401 (log in) or 403 (role too small); cleared on login. */
  refused: 401 | 403 | null;
}

let state: SessionState = { user: null, anonymousRead: true, refused: null };
let csrfToken: string | null = null;
const listeners = new Set<() => void>();

function set(next: Partial<SessionState>): void {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

export function useSession(): SessionState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };
export const canEdit = (s: SessionState) => s.user !== null && RANK[s.user.role] >= RANK.editor;
export const isAdmin = (s: SessionState) => s.user?.role === 'admin';

/** Headers a request needs: the CSRF token on anything but GET/HEAD. */
export function csrfHeaders(method = 'GET'): Record<string, string> {
  const m = method.toUpperCase();
  return csrfToken && m !== 'GET' && m !== 'HEAD' ? { 'X-CSRF-Token': csrfToken } : {};
}

/** Called by the API client for every answer: a 401/403 asks the user to log in (again). */
export function noteStatus(status: number): void {
  if (status === 401) {
    // The session is gone (expired, logged out elsewhere): forget it.
    csrfToken = null;
    set({ user: null, refused: 401 });
  } else if (status === 403) set({ refused: 403 });
}

export const dismissRefusal = () => set({ refused: null });

async function errorMessage(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `${res.status} ${res.statusText}`;
}

export async function refreshSession(): Promise<void> {
  const res = await fetch('/api/auth/me', { credentials: 'same-origin' });
  if (!res.ok) return;
  const me = (await res.json()) as {
    user: SessionUser | null;
    csrfToken: string | null;
    anonymousRead: boolean;
  };
  csrfToken = me.csrfToken;
  set({
    user: me.user ? { username: me.user.username, role: me.user.role } : null,
    anonymousRead: me.anonymousRead,
  });
}

/** Logs in; throws an Error with the server's message (wrong password, too many attempts). */
export async function login(username: string, password: string): Promise<void> {
  const res = await fetch('/api/auth/login', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(await errorMessage(res));
  const body = (await res.json()) as { user: SessionUser; csrfToken: string };
  csrfToken = body.csrfToken;
  set({ user: body.user, refused: null });
}

export async function logout(): Promise<void> {
  await fetch('/api/auth/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: csrfHeaders('POST'),
  });
  csrfToken = null;
  set({ user: null, refused: null });
}
