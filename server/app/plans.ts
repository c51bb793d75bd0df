// Use cases for contingency plans shared by the trace route, the exercise routes and the CLI: which plan
// applies to a release, the stations on its path and the plan's contacts from storage, then the pure
// notification timeline and exercise injects.
import { exerciseInjects, type Inject } from '../core/plans/exercise.js';
import type { ExerciseRecord } from '../core/plans/exercise-schema.js';
import { type Notification, notificationTimeline } from '../core/plans/notifications.js';
import type { Contact, PlanRecord } from '../core/plans/plan-schema.js';
import { pathKm } from '../core/trace/river-km.js';
import { normalizeName, type Snap, snapToNetwork } from '../core/trace/snap.js';
import { mainPath } from '../core/trace/trace.js';
import type { TraceWithRelease } from '../core/transport/arrival.js';
import { type Release, resolveRelease } from '../core/transport/release.js';
import type { TraceOutcome } from '../core/transport/trace-request.js';
import type { AppContext } from './context.js';
import { type SiteTraceOutcome, tracePoint, traceSite } from './trace.js';

export type PlanChoice = { kind: 'id'; id: string } | { kind: 'covering' };

export interface PlanSummary {
  id: string;
  name: string;
  rule: PlanRecord['rule'];
  countries: string[];
  /** How the plan was chosen: named in the request, or the plan covering the start point. */
  chosen: 'given' | 'covering';
}

export interface NotificationBlock {
  releasedAt: string;
  originIso3: string | null;
  plan: PlanSummary | null;
  /** The notifying country's contacts under the plan (null when hidden from the caller). */
  notifyingContacts: Contact[] | null;
  contactsHidden: boolean;
  notifications: Notification[];
}

export type PlanLookup =
  | { ok: true; plan: PlanRecord | null; chosen: 'given' | 'covering' }
  | { ok: false; message: string };

/** The named plan, or the first plan whose river systems include the start's basin and whose countries meet the path. */
export async function choosePlan(
  ctx: AppContext,
  choice: PlanChoice,
  snap: Snap,
  countriesOnPath: readonly string[],
): Promise<PlanLookup> {
  if (choice.kind === 'id') {
    const plan = await ctx.store.getPlan(choice.id);
    return plan
      ? { ok: true, plan, chosen: 'given' }
      : { ok: false, message: `No plan has id "${choice.id}". Check the id (GET /api/plans).` };
  }
  const basin = ctx.network.basins.get(snap.reach.basinId)?.name;
  if (!basin) return { ok: true, plan: null, chosen: 'covering' };
  const key = normalizeName(basin);
  const plan =
    (await ctx.store.allPlans()).find(
      (p) =>
        p.rivers.some((r) => normalizeName(r) === key) &&
        p.countries.some((c) => countriesOnPath.includes(c)),
    ) ?? null;
  return { ok: true, plan, chosen: 'covering' };
}

/** Adds the plan's notification timeline to a trace that has a release. */
export async function notificationsFor(
  ctx: AppContext,
  input: {
    /** Where the trace started (the point or the site), for the notifying country. */
    start: { lon: number; lat: number };
    trace: TraceWithRelease;
    releasedAt: Date;
    plan: PlanChoice;
    canReadContacts: boolean;
    originIso3?: string | null;
  },
): Promise<{ ok: true; block: NotificationBlock } | { ok: false; message: string }> {
  const net = ctx.network;
  // The trace's snapped point lies on its first reach: snapping it again finds that reach (its river
  // name breaks a tie at a confluence), so stations are placed on the very path that was traced.
  const snap = snapToNetwork(net, input.trace.snap.lon, input.trace.snap.lat, 1, input.trace.snap.river);
  if (!snap)
    return {
      ok: false,
      message: 'The release enters a terminal lake directly: there is no river path to notify along.',
    };
  const main = mainPath(net, snap, Number.POSITIVE_INFINITY);
  // Station km are Natural Earth km along the path; the trace's profile is in calibrated km.
  const km = pathKm(net, ctx.discharge.chainage, main);
  const steps = main.map((s) => ({
    reachId: s.reach.id,
    fromReachKm: s.fromReachKm,
    toReachKm: s.toReachKm,
    startKm: s.startKm,
  }));
  const adm0 = ctx.land.locate(input.start.lon, input.start.lat);
  const originIso3 =
    input.originIso3 ?? (adm0 ? net.country(adm0).iso3 : (input.trace.countries[0]?.iso3 ?? null));
  const onPath = input.trace.countries.flatMap((c) => [c.iso3, ...c.sharedWith]);
  const lookup = await choosePlan(ctx, input.plan, snap, [...onPath, ...(originIso3 ? [originIso3] : [])]);
  if (!lookup.ok) return lookup;
  const plan = lookup.plan;
  const contacts = plan && input.canReadContacts ? await ctx.store.contactsByCountry(plan.id) : null;
  const nameOf = (iso3: string) => [...net.countries.values()].find((c) => c.iso3 === iso3)?.name ?? iso3;
  const stations = await ctx.store.stationsOnReaches(steps.map((s) => s.reachId));
  const notifications = notificationTimeline({
    trace: input.trace,
    steps,
    pathKm: (rawKm) => km.cal(rawKm),
    releasedAt: input.releasedAt,
    originIso3,
    plan: plan ? { id: plan.id, name: plan.name, rule: plan.rule } : null,
    stations,
    contacts,
    nameOf,
  });
  return {
    ok: true,
    block: {
      releasedAt: input.releasedAt.toISOString(),
      originIso3,
      plan: plan
        ? { id: plan.id, name: plan.name, rule: plan.rule, countries: plan.countries, chosen: lookup.chosen }
        : null,
      notifyingContacts: plan && contacts ? (originIso3 ? (contacts.get(originIso3) ?? []) : []) : null,
      contactsHidden: plan !== null && !input.canReadContacts,
      notifications,
    },
  };
}

export type ExerciseRun =
  | {
      ok: true;
      trace: TraceWithRelease;
      block: NotificationBlock;
      injects: Inject[];
    }
  | { ok: false; code: string; message: string };

/** Re-runs an exercise's scenario: the trace with its release, the notifications and the injects. */
export async function runExercise(
  ctx: AppContext,
  ex: ExerciseRecord,
  canReadContacts: boolean,
): Promise<ExerciseRun> {
  const s = ex.scenario;
  const resolved = resolveRelease(s);
  if (!resolved.ok || !resolved.release)
    return {
      ok: false,
      code: 'INVALID_SCENARIO',
      message: resolved.ok ? 'The exercise has no release.' : resolved.message,
    };
  let outcome: SiteTraceOutcome;
  let start: { lon: number; lat: number; originIso3: string | null };
  if (s.siteId !== undefined) {
    const site = await ctx.store.getSite(s.siteId);
    if (!site)
      return {
        ok: false,
        code: 'UNKNOWN_SITE',
        message: `The exercise's site ${s.siteId} is no longer in the register.`,
      };
    start = { ...site.location, originIso3: site.derived?.countryIso3 ?? null };
    outcome = await traceSite(ctx, s.siteId, { river: s.river, release: resolved.release });
  } else {
    start = { lon: s.lon as number, lat: s.lat as number, originIso3: null };
    outcome = tracePoint(ctx, { ...start, river: s.river ?? null, release: resolved.release });
  }
  if (!outcome.ok) return { ok: false, code: outcome.code, message: outcome.message };
  if (!('release' in outcome.result))
    return { ok: false, code: 'NO_RIVER_PATH', message: 'The exercise release has no river path to time.' };
  const trace = outcome.result as TraceWithRelease;
  const releasedAt = new Date(s.startAt);
  const n = await notificationsFor(ctx, {
    start,
    trace,
    releasedAt,
    plan: { kind: 'id', id: s.plan },
    canReadContacts,
    originIso3: start.originIso3,
  });
  if (!n.ok) return { ok: false, code: 'UNKNOWN_PLAN', message: n.message };
  const limit = n.block.plan?.rule.immediateAboveMgL ?? resolved.release.limitMgL;
  const injects = exerciseInjects(
    {
      at: releasedAt.toISOString(),
      kind: 'release',
      lon: start.lon,
      lat: start.lat,
      river: trace.snap.river,
      massKg: resolved.release.massKg,
      substance: resolved.release.substance,
    },
    n.block.notifications,
    resolved.release.limitMgL ?? limit,
  );
  return { ok: true, trace, block: n.block, injects };
}

/**
 * The plan block for a site's notification drafts: the site traced with the release (its receiving
 * river as the hint, as GET /api/trace does) and the plan's timeline at `releasedAt`.
 */
export async function siteNotificationBlock(
  ctx: AppContext,
  siteId: string,
  release: Release | null,
  releasedAt: Date,
  planId: string,
  canReadContacts: boolean,
): Promise<{ ok: true; block: NotificationBlock } | { ok: false; message: string } | null> {
  const site = await ctx.store.getSite(siteId);
  if (!site) return null;
  const plan = await ctx.store.getPlan(planId);
  if (!plan) return { ok: false, message: `No plan has id "${planId}". Check the id (GET /api/plans).` };
  if (!release) {
    const contacts = canReadContacts ? await ctx.store.contactsByCountry(plan.id) : null;
    const origin = site.derived?.countryIso3 ?? null;
    return {
      ok: true,
      block: {
        releasedAt: releasedAt.toISOString(),
        originIso3: origin,
        plan: { id: plan.id, name: plan.name, rule: plan.rule, countries: plan.countries, chosen: 'given' },
        notifyingContacts: contacts ? (origin ? (contacts.get(origin) ?? []) : []) : null,
        contactsHidden: !canReadContacts,
        notifications: [],
      },
    };
  }
  const outcome: TraceOutcome | SiteTraceOutcome = await traceSite(ctx, siteId, { release });
  if (!outcome.ok) return { ok: false, message: outcome.message };
  if (!('release' in outcome.result))
    return {
      ok: false,
      message: 'The site drains straight into a terminal lake: there is no river path to notify along.',
    };
  return notificationsFor(ctx, {
    start: site.location,
    trace: outcome.result,
    releasedAt,
    plan: { kind: 'id', id: plan.id },
    canReadContacts,
    originIso3: site.derived?.countryIso3 ?? null,
  });
}
