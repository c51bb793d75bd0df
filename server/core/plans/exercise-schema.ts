// The stored scenario of a table-top exercise: a start (a point or a registered site), a release as
// the trace takes it, the scenario's start time and the plan it tests.
import { z } from 'zod';
import { RELEASE_LIMITS as L } from '../transport/release.js';
import { text } from './plan-schema.js';

const num = (label: string, [min, max]: readonly [number, number]) =>
  z
    .number({ error: `${label} must be a number` })
    .min(min, `${label} must be between ${min} and ${max}`)
    .max(max, `${label} must be between ${min} and ${max}`)
    .optional();

export const ExerciseBody = z
  .object({
    name: text(200),
    lon: z.number().min(-180).max(180).optional(),
    lat: z.number().min(-90).max(90).optional(),
    siteId: z.string().trim().min(1).max(100).optional(),
    river: text(120).optional(),
    releaseKg: num('releaseKg', L.releaseKg),
    releaseVolumeM3: num('releaseVolumeM3', L.releaseVolumeM3),
    releaseConcentrationMgL: num('releaseConcentrationMgL', L.releaseConcentrationMgL),
    substance: text(120).optional(),
    decayPerDay: num('decayPerDay', L.decayPerDay),
    dischargeFactor: num('dischargeFactor', L.dischargeFactor),
    limitMgL: num('limitMgL', L.limitMgL),
    startAt: z.iso.datetime({
      offset: true,
      error: 'startAt must be an ISO 8601 date-time with a time zone, e.g. 2026-03-01T06:30:00Z',
    }),
    plan: z.string().trim().min(1, 'give the id of the plan the exercise tests').max(63),
  })
  .strict()
  .superRefine((b, ctx) => {
    const point = b.lon !== undefined || b.lat !== undefined;
    if (point && b.siteId !== undefined)
      ctx.addIssue({ code: 'custom', path: ['siteId'], message: 'give either siteId or lon/lat, not both' });
    else if (!point && b.siteId === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['lon'],
        message: 'give the release point as lon and lat, or a siteId',
      });
    else if (point && (b.lon === undefined || b.lat === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [b.lon === undefined ? 'lon' : 'lat'],
        message: 'give both lon and lat',
      });
    if (b.releaseKg === undefined && b.releaseVolumeM3 === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['releaseKg'],
        message: 'give the release as releaseKg, or releaseVolumeM3 with releaseConcentrationMgL',
      });
  });
export type ExerciseBody = z.output<typeof ExerciseBody>;

export interface ExerciseRecord {
  id: string;
  name: string;
  scenario: Omit<ExerciseBody, 'name'>;
  createdAt: string;
  createdBy: string;
}
