// Closed-form solution of the 1-D advection–dispersion equation for an instantaneous release,
// the reference the reach-by-reach plume reduces to on a uniform reach.

export interface AdeParams {
  massKg: number;
  areaM2: number;
  velocityMs: number;
  dispersionM2s: number;
  /** First-order decay rate (1/s). */
  decayPerS: number;
}

/**
 * C(x,t) = M/(A·√(4πDt)) · exp(−(x−Ut)²/(4Dt) − kt), in mg/L (= g/m³) for x in m, t in s.
 * M is spread over the cross-section at x = 0, t = 0.
 */
export function adeConcentrationMgL(p: AdeParams, xM: number, tS: number): number {
  if (tS <= 0) return 0;
  const spread = 4 * p.dispersionM2s * tS;
  const kgPerM3 =
    (p.massKg / (p.areaM2 * Math.sqrt(Math.PI * spread))) *
    Math.exp(-((xM - p.velocityMs * tS) ** 2) / spread - p.decayPerS * tS);
  return kgPerM3 * 1000;
}

/** The peak over x at time t (the cloud's centre, x = U·t). */
export function adePeakMgL(p: AdeParams, tS: number): number {
  return adeConcentrationMgL(p, p.velocityMs * tS, tS);
}

/** Mass (kg) in the river at time t: ∫A·C dx by the trapezoid rule over ±8σ around the centre. */
export function adeMassKg(p: AdeParams, tS: number, steps = 4000): number {
  const sigma = Math.sqrt(2 * p.dispersionM2s * tS);
  const x0 = p.velocityMs * tS - 8 * sigma;
  const dx = (16 * sigma) / steps;
  let sum = 0;
  for (let i = 0; i <= steps; i++) {
    const w = i === 0 || i === steps ? 0.5 : 1;
    sum += w * adeConcentrationMgL(p, x0 + i * dx, tS);
  }
  return (sum * dx * p.areaM2) / 1000;
}
