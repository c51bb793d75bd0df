// /api/users and /api/tokens: account administration (admin only; the access guard checks it too).
import express, { type Request } from 'express';
import { z } from 'zod';
import { passwordProblem } from '../../auth/password.js';
import type { PasswordHasher } from '../../auth/password-hasher.js';
import { ROLES, roleAtLeast } from '../../auth/roles.js';
import { zodIssues } from '../../core/register/site-validate.js';
import {
  createToken,
  findUser,
  insertUser,
  listTokens,
  listUsers,
  revokeToken,
  USERNAME_PATTERN,
  updateUser,
} from '../../storage/account-store.js';
import type { Db } from '../../storage/db.js';
import { audit } from '../audit.js';
import { principalOf } from '../auth.js';
import { HttpError } from '../errors.js';
import { strictQuery } from '../security.js';

const Username = z
  .string()
  .trim()
  .regex(USERNAME_PATTERN, '2–64 letters, digits or . _ @ -, starting with a letter or digit');
const Password = z.string().superRefine((p, ctx) => {
  const problem = passwordProblem(p);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
const Role = z.enum(ROLES);

export const NewUser = z.object({ username: Username, password: Password, role: Role }).strict();
export const UserPatch = z
  .object({ role: Role.optional(), disabled: z.boolean().optional(), password: Password.optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'give role, disabled and/or password');
export const NewToken = z
  .object({ username: Username, role: Role.optional(), name: z.string().trim().min(1).max(100) })
  .strict();

function body<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  const r = schema.safeParse(req.body);
  if (!r.success) throw new HttpError(400, 'VALIDATION', 'The request is invalid.', zodIssues(r.error));
  return r.data;
}

function numericId(req: Request, what: string): number {
  const raw = String(req.params.id);
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(id) || id < 1)
    throw new HttpError(404, 'NOT_FOUND', `No ${what} ${String(req.params.id)}.`);
  return id;
}

export function accountsRouter(db: Db, hasher: PasswordHasher): express.Router {
  const r = express.Router();
  // Second line of defence behind the access guard: these routes are for admins whatever the path says.
  r.use(/^\/(users|tokens)(\/|$)/i, (_req, res, next) => {
    const p = principalOf(res);
    if (!p) next(new HttpError(401, 'UNAUTHENTICATED', 'Log in as an admin to do this.'));
    else if (!roleAtLeast(p.role, 'admin'))
      next(new HttpError(403, 'FORBIDDEN', 'This needs the admin role.'));
    else next();
  });

  r.get('/users', strictQuery(), (_req, res) => {
    res.json({ items: listUsers(db) });
  });

  r.post('/users', strictQuery(), async (req, res) => {
    const u = body(NewUser, req);
    const result = insertUser(db, {
      username: u.username,
      passwordHash: await hasher.hash(u.password),
      role: u.role,
    });
    if (!result.ok) throw new HttpError(409, 'CONFLICT', `User ${u.username} already exists.`);
    audit(db, req, res, {
      action: 'user.create',
      outcome: 'ok',
      target: `user:${result.user.id}`,
      details: { username: result.user.username, role: result.user.role },
    });
    res.status(201).json(result.user);
  });

  r.patch('/users/:id', strictQuery(), async (req, res) => {
    const id = numericId(req, 'user');
    const change = body(UserPatch, req);
    if (!findUser(db, { id })) throw new HttpError(404, 'NOT_FOUND', `No user ${id}.`);
    // Hashed first; the last-admin check runs inside the update's own transaction (account-store).
    const passwordHash = change.password === undefined ? undefined : await hasher.hash(change.password);
    const result = updateUser(db, id, { role: change.role, disabled: change.disabled, passwordHash });
    const details = {
      ...(change.role === undefined ? {} : { role: change.role }),
      ...(change.disabled === undefined ? {} : { disabled: change.disabled }),
      ...(change.password === undefined ? {} : { passwordChanged: true }),
    };
    if (!result.ok) {
      audit(db, req, res, {
        action: 'user.update',
        outcome: 'refused',
        target: `user:${id}`,
        details: { ...details, error: result.error },
      });
      if (result.error === 'last_admin')
        throw new HttpError(409, 'LAST_ADMIN', 'This is the last active admin; make another admin first.');
      throw new HttpError(404, 'NOT_FOUND', `No user ${id}.`);
    }
    audit(db, req, res, {
      action: 'user.update',
      outcome: 'ok',
      target: `user:${id}`,
      details: { ...details, revokedTokens: result.revokedTokens },
    });
    res.json(result.user);
  });

  r.get('/tokens', strictQuery(), (_req, res) => {
    res.json({ items: listTokens(db) });
  });

  r.post('/tokens', strictQuery(), (req, res) => {
    const t = body(NewToken, req);
    const user = findUser(db, { username: t.username });
    if (!user)
      throw new HttpError(400, 'VALIDATION', `No user ${t.username}.`, [
        { path: 'username', message: 'no such user' },
      ]);
    const role = t.role ?? user.role;
    if (!roleAtLeast(user.role, role))
      throw new HttpError(
        400,
        'VALIDATION',
        `A token cannot have more than its user's role (${user.role}).`,
        [{ path: 'role', message: `at most ${user.role}` }],
      );
    const { token, info } = createToken(db, user.id, role, t.name);
    audit(db, req, res, {
      action: 'token.create',
      outcome: 'ok',
      target: `token:${info.id}`,
      details: { user: user.username, role, name: t.name },
    });
    res
      .status(201)
      .set('Cache-Control', 'no-store')
      .json({ ...info, token });
  });

  r.delete('/tokens/:id', strictQuery(), (req, res) => {
    const id = numericId(req, 'token');
    if (!revokeToken(db, id)) throw new HttpError(404, 'NOT_FOUND', `No token ${id}.`);
    audit(db, req, res, { action: 'token.revoke', outcome: 'ok', target: `token:${id}` });
    res.status(204).end();
  });

  return r;
}
