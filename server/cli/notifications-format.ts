// Text table of a plan's notification timeline for `hazatlas trace --released-at` and `exercise timeline`.

import type { NotificationBlock } from '../app/plans.js';
import type { Inject } from '../core/plans/exercise.js';

const t = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')}Z` : '—'.padEnd(17));

export function formatNotifications(b: NotificationBlock): string {
  const lines = [
    '',
    `Notification timeline (release ${t(b.releasedAt)}; plan: ${b.plan ? `${b.plan.name} [${b.plan.id}]${b.plan.rule.example ? ', example rule' : ''}` : 'none covers this start'})`,
    '  what                         arrival (probable)  arrival (bound)    notify by',
    ...b.notifications.map((n) =>
      n.kind === 'country'
        ? `  ${`country ${n.iso3}`.padEnd(28)} ${t(n.arrivalAt.probable)}   ${t(n.arrivalAt.bound)}  ${t(n.notifyBy)}  ${n.rule ?? ''}${
            n.contacts?.length ? `\n      contacts: ${n.contacts.map((c) => c.organisation).join('; ')}` : ''
          }`
        : `  ${`station ${n.name}`.slice(0, 28).padEnd(28)} ${t(n.arrivalAt.probable)}   ${t(n.arrivalAt.bound)}  km ${n.riverKm ?? '?'}, peak ${n.peakMgL.probable} mg/L`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

export function formatInjects(injects: readonly Inject[]): string {
  return `${injects
    .map((i) => {
      const what =
        i.kind === 'release'
          ? `release ${i.massKg} kg${i.substance ? ` ${i.substance}` : ''} into ${i.river ?? 'the river'}`
          : i.kind === 'station_detection'
            ? `${i.first ? 'first detection' : 'plume'} at ${i.name}`
            : i.kind === 'border_arrival'
              ? `leading edge enters ${i.iso3}`
              : i.kind === 'limit_exceedance'
                ? `peak above ${i.limitMgL} mg/L in ${i.iso3}`
                : `notification of ${i.iso3} due`;
      return `${t(i.at)}  ${i.kind.padEnd(18)} ${what}`;
    })
    .join('\n')}\n`;
}
