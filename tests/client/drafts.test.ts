// Prefilled notification drafts in the client (EN and RU) and the exercise clock helpers, on a
// notification as the trace returns it for Kazakhstan from the Mailuu-Suu tailings.
import { describe, expect, it } from 'vitest';
import { notificationDraft } from '../../client/src/lib/drafts.js';
import { frontKm, nextInjectTime, pathUpTo } from '../../client/src/lib/exercise-clock.js';
import type { Inject, Notification, NotificationPlan } from '../../client/src/lib/plans-api.js';

const kaz: Extract<Notification, { kind: 'country' }> = {
  kind: 'country',
  iso3: 'KAZ',
  name: 'Kazakhstan',
  entryKm: 690,
  arrivalAt: { probable: '2026-03-14T04:24:00.000Z', bound: '2026-03-09T20:56:24.000Z' },
  arrivalH: { probable: 310.4, bound: 206.94 },
  peakMgL: { probable: 0.004493, bound: 0.01167 },
  notifyBy: '2026-03-13T04:24:00.000Z',
  rule: 'lead_time',
  reason: 'x',
  contacts: [
    {
      id: 1,
      iso3: 'KAZ',
      role: 'point_of_contact_24_7',
      organisation: 'Ministry of Emergency Situations of the Republic of Kazakhstan',
      phone: null,
      email: null,
      fax: null,
      languages: ['kk', 'ru'],
      hours: '24/7',
      source: null,
    },
  ],
};
const plan: NotificationPlan = {
  releasedAt: '2026-03-01T06:00:00.000Z',
  originIso3: 'KGZ',
  plan: {
    id: 'syr-darya',
    name: 'Syr Darya plan',
    rule: { leadTimeH: 24, immediateAboveMgL: 10, immediateWithinH: 1, example: true },
    countries: ['KAZ', 'KGZ', 'TJK', 'UZB'],
    chosen: 'given',
  },
  notifyingContacts: [
    {
      id: 2,
      iso3: 'KGZ',
      role: 'point_of_contact_24_7',
      organisation: 'Ministry of Emergency Situations of the Kyrgyz Republic',
      phone: null,
      email: null,
      fax: null,
      languages: [],
      hours: null,
      source: null,
    },
  ],
  contactsHidden: false,
};
const context = {
  plan,
  river: 'Naryn',
  start: { lon: 72.45, lat: 41.27 },
  massKg: 1000,
  substance: 'uranium',
};

describe('notification drafts', () => {
  it('in English name both countries’ contact points and the deadline', () => {
    const text = notificationDraft(kaz, context, 'en');
    expect(text).toMatch(/^To: Kazakhstan \(KAZ\)$/m);
    expect(text).toMatch(/Ministry of Emergency Situations of the Republic of Kazakhstan \(24\/7\)/);
    expect(text).toMatch(/^From: KGZ$/m);
    expect(text).toMatch(/Ministry of Emergency Situations of the Kyrgyz Republic/);
    expect(text).toMatch(/Notify by \(plan deadline\): 2026-03-13 04:24 UTC/);
    expect(text).toMatch(/Syr Darya plan \(example rule\)/);
  });

  it('in Russian, and say when the contacts are hidden', () => {
    const text = notificationDraft({ ...kaz, contacts: null }, context, 'ru');
    expect(text).toMatch(/^Кому: Kazakhstan \(KAZ\)$/m);
    expect(text).toMatch(/войдите в систему, чтобы увидеть контактные пункты/);
    expect(text).toMatch(/Уведомить до \(срок по плану\): 2026-03-13 04:24 UTC/);
  });
});

describe('exercise clock', () => {
  const injects: Inject[] = [
    {
      at: '2026-03-01T06:00:00Z',
      kind: 'release',
      lon: 72.45,
      lat: 41.27,
      river: 'Naryn',
      massKg: 1000,
      substance: null,
    },
    { at: '2026-03-01T07:00:00Z', kind: 'notification_due', iso3: 'UZB', name: 'Uzbekistan', reason: '' },
  ];
  it('jumps to the next inject strictly after the clock, and to nothing at the end', () => {
    expect(nextInjectTime(injects, Date.parse('2026-03-01T06:00:00Z'))).toBe(
      Date.parse('2026-03-01T07:00:00Z'),
    );
    expect(nextInjectTime(injects, Date.parse('2026-03-01T07:00:00Z'))).toBeNull();
  });
  it('places the leading edge by the profile and cuts the path there', () => {
    const profile = [
      { km: 0, leadingEdgeH: { probable: 0, bound: 0 }, peakH: { probable: 0, bound: 0 } },
      { km: 100, leadingEdgeH: { probable: 20, bound: 15 }, peakH: { probable: 22, bound: 17 } },
    ];
    expect(frontKm(profile, 10)).toBeCloseTo(50);
    expect(frontKm(profile, 99)).toBe(100);
    const cut = pathUpTo(
      {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: {
              type: 'LineString',
              coordinates: [
                [0, 0],
                [2, 0],
              ],
            },
            properties: { kmFromStart: 0, lengthKm: 100, branch: 'main' },
          },
        ],
      },
      50,
    );
    expect(cut.features[0]?.geometry.coordinates).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });
});
