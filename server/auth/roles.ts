// Roles and who is acting: pure types and the role order shared by the HTTP guard, the stores and the CLI.
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

export const isRole = (v: unknown): v is Role =>
  typeof v === 'string' && (ROLES as readonly string[]).includes(v);

export const roleAtLeast = (role: Role, needed: Role): boolean => RANK[role] >= RANK[needed];

/** The lesser of two roles (a token never grants more than its user has). */
export const minRole = (a: Role, b: Role): Role => (RANK[a] <= RANK[b] ? a : b);

/** Who made a change, as recorded in the site history. */
export type Actor =
  | { kind: 'user'; userId: number; username: string }
  | { kind: 'token'; tokenId: number; userId: number; username: string }
  | { kind: 'cli'; osUser: string }
  | { kind: 'system'; label: string };

export function actorLabel(a: Actor): string {
  switch (a.kind) {
    case 'user':
      return a.username;
    case 'token':
      return `${a.username} (token ${a.tokenId})`;
    case 'cli':
      return `cli:${a.osUser}`;
    case 'system':
      return `system:${a.label}`;
  }
}
