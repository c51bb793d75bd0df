// Client calls for the recycle bin (editors) and account administration (admins), added to the shared
// API client by createApi so they go through the same error, CSRF and 401/403 handling.

import type { Site } from '../../../shared/api.js';
import type { Role } from './session.js';

/** The shared client's request function and JSON body builder (see createApi in api.ts). */
export type Call = <T>(path: string, init?: RequestInit) => Promise<T>;
export type JsonInit = (method: string, body: unknown) => RequestInit;

export interface DeletedSite {
  id: string;
  name: string;
  kind: string;
  location: { lon: number; lat: number };
  version: number;
  deletedAt: string;
  deletedBy: string;
}

export interface DeletedPage {
  total: number;
  limit: number;
  offset: number;
  items: DeletedSite[];
}

export interface User {
  id: number;
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ApiToken {
  id: number;
  name: string;
  userId: number;
  username: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface UserPatch {
  role?: Role;
  disabled?: boolean;
  password?: string;
}

const siteUrl = (id: string) => `/api/sites/${encodeURIComponent(id)}`;

export function adminCalls(call: Call, json: JsonInit) {
  return {
    deletedSites: (limit: number, offset: number) =>
      call<DeletedPage>(
        `/api/sites/deleted?${new URLSearchParams({ limit: String(limit), offset: String(offset) })}`,
      ),
    /** Brings a soft-deleted site back (same id, one version past the deleted one). */
    restoreSite: (id: string) => call<Site>(`${siteUrl(id)}/restore`, { method: 'POST' }),
    users: () => call<{ items: User[] }>('/api/users').then((r) => r.items),
    createUser: (u: { username: string; password: string; role: Role }) =>
      call<User>('/api/users', json('POST', u)),
    updateUser: (id: number, change: UserPatch) => call<User>(`/api/users/${id}`, json('PATCH', change)),
    tokens: () => call<{ items: ApiToken[] }>('/api/tokens').then((r) => r.items),
    /** The answer carries the secret `token`, which the server never shows again. */
    createToken: (t: { username: string; name: string; role?: Role }) =>
      call<ApiToken & { token: string }>('/api/tokens', json('POST', t)),
    revokeToken: (id: number) => call<void>(`/api/tokens/${id}`, { method: 'DELETE' }),
  };
}
