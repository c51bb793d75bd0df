// `hazatlas users add|list` and `hazatlas tokens create|list|revoke`: account administration by the
// local operator (who owns the database file), e.g. to create the first admin. No default passwords.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { hashPasswordSync, passwordProblem } from '../auth/password.js';
import { isRole, type Role, roleAtLeast } from '../auth/roles.js';
import { dbPathFromEnv } from '../config.js';
import {
  createToken,
  findUser,
  insertUser,
  listTokens,
  listUsers,
  revokeToken,
  USERNAME_PATTERN,
} from '../storage/account-store.js';
import { openDb } from '../storage/db.js';
import { withUsage } from './args.js';
import { CliError } from './cli-error.js';

export const USERS_USAGE = `  users add NAME --admin | --role editor|viewer [--password-stdin] [--json]
  users list [--json]
  tokens create --user NAME [--role viewer|editor|admin] [--name LABEL] [--json] (prints the token once)
  tokens list [--json]
  tokens revoke ID [--json]`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a line from the terminal without echoing it. */
async function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const onData = (ch: string) => {
      for (const c of ch) {
        if (c === '\r' || c === '\n') {
          done();
          resolve(value);
          return;
        }
        if (c === '\u0003') {
          done();
          reject(new CliError('cancelled', 130));
          return;
        }
        if (c === '\u007f' || c === '\b') value = value.slice(0, -1);
        else value += c;
      }
    };
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return (await readStdin()).replace(/\r?\n$/, '');
  if (!process.stdin.isTTY)
    throw new CliError('No terminal to ask for the password: pipe it in with --password-stdin.');
  const first = await promptHidden('Password: ');
  const again = await promptHidden('Repeat password: ');
  if (first !== again) throw new CliError('The passwords differ.');
  return first;
}

async function usersAdd(argv: string[]): Promise<void> {
  const { values, positionals } = withUsage(`Usage:\n${USERS_USAGE}`, () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        admin: { type: 'boolean' },
        role: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        json: { type: 'boolean' },
      },
    }),
  );
  const username = positionals[0];
  if (!username || !USERNAME_PATTERN.test(username))
    throw new CliError(
      `users add needs a NAME of 2–64 letters, digits or . _ @ - (starting with a letter or digit).\nUsage:\n${USERS_USAGE}`,
    );
  if (values.admin && values.role && values.role !== 'admin')
    throw new CliError('Give either --admin or --role, not both.');
  const role = values.admin ? 'admin' : values.role;
  if (!isRole(role)) throw new CliError(`Give --admin or --role editor|viewer.\nUsage:\n${USERS_USAGE}`);
  const db = openDb(dbPathFromEnv());
  try {
    if (findUser(db, { username })) throw new CliError(`User ${username} already exists.`);
    const password = await readPassword(values['password-stdin'] ?? false);
    const problem = passwordProblem(password);
    if (problem) throw new CliError(`The password ${problem}.`);
    const r = insertUser(db, { username, passwordHash: hashPasswordSync(password), role });
    if (!r.ok) throw new CliError(`User ${username} already exists.`);
    if (values.json) process.stdout.write(`${JSON.stringify(r.user)}\n`);
    else process.stdout.write(`Created ${role} ${r.user.username} (id ${r.user.id}).\n`);
  } finally {
    db.close();
  }
}

function usersList(argv: string[]): void {
  const { values } = withUsage(`Usage:\n${USERS_USAGE}`, () =>
    parseArgs({ args: argv, options: { json: { type: 'boolean' } } }),
  );
  const db = openDb(dbPathFromEnv());
  try {
    const users = listUsers(db);
    if (values.json) process.stdout.write(`${JSON.stringify(users, null, 2)}\n`);
    else
      for (const u of users)
        process.stdout.write(`${u.id}\t${u.username}\t${u.role}${u.disabled ? '\tdisabled' : ''}\n`);
  } finally {
    db.close();
  }
}

function tokensCreate(argv: string[]): void {
  const { values } = withUsage(`Usage:\n${USERS_USAGE}`, () =>
    parseArgs({
      args: argv,
      options: {
        user: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        json: { type: 'boolean' },
      },
    }),
  );
  if (!values.user) throw new CliError(`tokens create needs --user NAME.\nUsage:\n${USERS_USAGE}`);
  if (values.role !== undefined && !isRole(values.role))
    throw new CliError('--role must be viewer, editor or admin.');
  const db = openDb(dbPathFromEnv());
  try {
    const user = findUser(db, { username: values.user });
    if (!user) throw new CliError(`No user ${values.user}.`);
    const role: Role = (values.role as Role | undefined) ?? user.role;
    if (!roleAtLeast(user.role, role))
      throw new CliError(`A token cannot have more than its user's role (${user.role}).`);
    const name = values.name ?? `cli ${os.userInfo().username} ${new Date().toISOString().slice(0, 10)}`;
    const { token, info } = createToken(db, user.id, role, name);
    if (values.json) return void process.stdout.write(`${JSON.stringify({ ...info, token })}\n`);
    process.stderr.write(`Token ${info.id} (${role}) for ${user.username}; it is shown only now:\n`);
    process.stdout.write(`${token}\n`);
  } finally {
    db.close();
  }
}

function tokensList(argv: string[]): void {
  const { values } = withUsage(`Usage:\n${USERS_USAGE}`, () =>
    parseArgs({ args: argv, options: { json: { type: 'boolean' } } }),
  );
  const db = openDb(dbPathFromEnv());
  try {
    const tokens = listTokens(db);
    if (values.json) process.stdout.write(`${JSON.stringify(tokens, null, 2)}\n`);
    else
      for (const t of tokens)
        process.stdout.write(
          `${t.id}\t${t.username}\t${t.role}\t${t.name}${t.revokedAt ? `\trevoked ${t.revokedAt}` : ''}\n`,
        );
  } finally {
    db.close();
  }
}

function tokensRevoke(argv: string[]): void {
  const { positionals, values } = withUsage(`Usage:\n${USERS_USAGE}`, () =>
    parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' } } }),
  );
  const id = /^\d{1,15}$/.test(positionals[0] ?? '') ? Number(positionals[0]) : Number.NaN;
  if (!Number.isSafeInteger(id) || id < 1)
    throw new CliError(`tokens revoke needs a token ID.\nUsage:\n${USERS_USAGE}`);
  const db = openDb(dbPathFromEnv());
  try {
    if (!revokeToken(db, id)) throw new CliError(`No token ${id}.`);
    process.stdout.write(
      values.json ? `${JSON.stringify({ id, revoked: true })}\n` : `Revoked token ${id}.\n`,
    );
  } finally {
    db.close();
  }
}

export async function runUsers(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === 'add') return usersAdd(rest);
  if (sub === 'list') return usersList(rest);
  throw new CliError(`${sub ? `Unknown users command "${sub}".\n` : ''}Usage:\n${USERS_USAGE}`);
}

export async function runTokens(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === 'create') return tokensCreate(rest);
  if (sub === 'list') return tokensList(rest);
  if (sub === 'revoke') return tokensRevoke(rest);
  throw new CliError(`${sub ? `Unknown tokens command "${sub}".\n` : ''}Usage:\n${USERS_USAGE}`);
}
