// Route docs for /api/auth (login, logout, who am I), /api/users and /api/tokens (account
// administration) and /api/audit (the audit log).
import { z } from 'zod';
import { ROLES } from '../../auth/roles.js';
import { NewToken, NewUser, UserPatch } from '../routes/accounts.js';
import { AuditQuery } from '../routes/audit.js';
import { LoginBody } from '../routes/auth.js';
import { Timestamp } from './common.js';
import { json, type RouteGroup } from './describe.js';

const Role = z.enum(ROLES);

export const User = z.looseObject({
  id: z.number().int(),
  username: z.string(),
  role: Role,
  disabled: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const TokenInfo = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  userId: z.number().int(),
  username: z.string(),
  role: Role,
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});

const NewTokenAnswer = TokenInfo.extend({
  token: z
    .string()
    .meta({ description: 'The secret: shown once, send it as "Authorization: Bearer <token>".' }),
});

const LoginAnswer = z.object({
  user: z.object({ username: z.string(), role: Role }),
  csrfToken: z.string().meta({ description: 'Send it in the X-CSRF-Token header with every change.' }),
});

const Me = z.object({
  user: z.object({ id: z.number().int(), username: z.string(), role: Role }).nullable(),
  via: z.enum(['session', 'token']).nullable(),
  csrfToken: z.string().nullable(),
  anonymousRead: z.boolean(),
});

export const AuditEntry = z.looseObject({
  id: z.number().int(),
  at: Timestamp,
  action: z.string().meta({ description: 'e.g. login.failure, user.create, site.update, receptor.import' }),
  outcome: z.enum(['ok', 'failed', 'refused']),
  actor: z.string().nullable(),
  userId: z.number().int().nullable(),
  tokenId: z.number().int().nullable(),
  client: z.string().nullable(),
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

const AuditPage = z.object({
  limit: z.number().int(),
  offset: z.number().int(),
  total: z.number().int(),
  items: z.array(AuditEntry),
});

const idParam = (what: string) => ({ id: `The ${what}'s numeric id.` });

export const authGroup: RouteGroup = {
  tag: 'Accounts',
  description: 'Login sessions, users, API tokens and the audit log.',
  schemas: { User, TokenInfo, AuditEntry },
  inputs: { LoginBody, NewUser, UserPatch, NewToken },
  routes: [
    {
      method: 'post',
      path: '/auth/login',
      operationId: 'login',
      summary: 'Log in: sets the session cookie and returns the CSRF token',
      description: 'Failed logins are limited per account and per address (429 with Retry-After).',
      body: { content: [json(LoginBody)] },
      responses: {
        200: {
          description: 'Logged in.',
          headers: { 'Set-Cookie': 'hazatlas_session (HttpOnly, SameSite=Strict, Path=/api)' },
          content: [json(LoginAnswer)],
        },
      },
      errors: [401, 429],
    },
    {
      method: 'post',
      path: '/auth/logout',
      operationId: 'logout',
      summary: 'Log out: ends the session and clears the cookie',
      responses: { 204: { description: 'Logged out (also when there was no session).' } },
      errors: [403],
    },
    {
      method: 'get',
      path: '/auth/me',
      operationId: 'whoAmI',
      summary: 'Who the caller is, and whether anonymous reading is on',
      responses: { 200: { description: 'The caller (user null when anonymous).', content: [json(Me)] } },
    },
    {
      method: 'get',
      path: '/users',
      operationId: 'listUsers',
      summary: 'List the user accounts',
      responses: {
        200: { description: 'Every account.', content: [json(z.object({ items: z.array(User) }))] },
      },
    },
    {
      method: 'post',
      path: '/users',
      operationId: 'createUser',
      summary: 'Create a user account',
      body: { content: [json(NewUser)] },
      responses: { 201: { description: 'Created.', content: [json(User)] } },
      errors: [409],
    },
    {
      method: 'patch',
      path: '/users/:id',
      operationId: 'updateUser',
      summary: "Change a user's role, password or disabled flag",
      description:
        "Disabling a user or lowering the role revokes the user's tokens; the last active admin cannot be demoted (409 LAST_ADMIN).",
      pathParams: idParam('user'),
      body: { content: [json(UserPatch)] },
      responses: { 200: { description: 'The updated user.', content: [json(User)] } },
      errors: [409],
    },
    {
      method: 'get',
      path: '/tokens',
      operationId: 'listTokens',
      summary: 'List the API tokens (never their secrets)',
      responses: {
        200: {
          description: 'Every token, revoked ones included.',
          content: [json(z.object({ items: z.array(TokenInfo) }))],
        },
      },
    },
    {
      method: 'post',
      path: '/tokens',
      operationId: 'createToken',
      summary: 'Create an API token for a user (at most the role of that user)',
      body: { content: [json(NewToken)] },
      responses: {
        201: {
          description: 'Created; the secret is in `token`, shown only now.',
          content: [json(NewTokenAnswer)],
        },
      },
    },
    {
      method: 'delete',
      path: '/tokens/:id',
      operationId: 'revokeToken',
      summary: 'Revoke an API token',
      pathParams: idParam('token'),
      responses: { 204: { description: 'Revoked.' } },
    },
    {
      method: 'get',
      path: '/audit',
      operationId: 'listAudit',
      summary: 'The audit log, newest first',
      query: AuditQuery,
      queryNotes: { action: 'An action such as login.failure, or a prefix such as login.' },
      responses: { 200: { description: 'A page of audit entries.', content: [json(AuditPage)] } },
    },
  ],
};
