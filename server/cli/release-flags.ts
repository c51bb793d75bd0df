// The release flags of `hazatlas trace` and `hazatlas report` (--release-kg, --decay-per-day, …), read
// with the same schema as the API's release parameters (server/app/request.ts) and checked by the core.
import { z } from 'zod';
import { firstIssue, releaseShape } from '../app/request.js';
import { type Release, resolveRelease } from '../core/transport/release.js';
import { CliError } from './cli-error.js';

const releaseFlags = z.object(releaseShape('cli'));

/** The release the flags describe (null without one); a bad or inconsistent flag is a CliError whose
 * message the command may reword (`hazatlas report` names the flag instead of the API parameter). */
export function releaseFromFlags(
  values: Record<string, unknown>,
  reword: (message: string) => string = (m) => m,
): Release | null {
  const parsed = releaseFlags.safeParse({
    releaseKg: values['release-kg'],
    releaseVolumeM3: values['release-volume-m3'],
    releaseConcentrationMgL: values['release-concentration-mg-l'],
    substance: values.substance,
    decayPerDay: values['decay-per-day'],
    dischargeFactor: values['discharge-factor'],
    limitMgL: values['limit-mg-l'],
  });
  if (!parsed.success) throw new CliError(firstIssue(parsed.error));
  const resolved = resolveRelease(parsed.data);
  if (!resolved.ok) throw new CliError(reword(resolved.message));
  return resolved.release;
}
