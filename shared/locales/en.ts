// English labels of the contract's codes, shown by the client and (lower-cased) in server reports.
import type { CodeLabels } from './types.js';

export const codeLabelsEn: CodeLabels = {
  kind: { hazardous_activity: 'Hazardous activity', tmf: 'Tailings facility' },
  sector: {
    chemical: 'Chemical',
    oil_gas_storage: 'Oil and gas storage',
    pipeline: 'Pipeline',
    refinery: 'Refinery',
    mining_metallurgy: 'Mining and metallurgy',
    fertiliser: 'Fertiliser',
    energy: 'Energy',
    waste: 'Waste',
    other: 'Other',
  },
  status: {
    operating: 'Operating',
    temporarily_closed: 'Temporarily closed',
    closed: 'Closed',
    abandoned: 'Abandoned',
  },
  damRaise: { upstream: 'Upstream', downstream: 'Downstream', centreline: 'Centreline', other: 'Other' },
  floodExposure: { low: 'Low', medium: 'Medium', high: 'High' },
  seismicExposure: { low: 'Low', moderate: 'Moderate', high: 'High', very_high: 'Very high' },
  toxic: {
    cyanide: 'Cyanide',
    arsenic: 'Arsenic',
    mercury: 'Mercury',
    radionuclides: 'Radionuclides',
    heavy_metals: 'Heavy metals',
    acid_generating: 'Acid-generating',
    alkaline_red_mud: 'Alkaline red mud',
    salts: 'Salts',
    inert: 'Inert',
  },
  receptorKind: {
    water_intake: 'Water intake',
    school: 'School',
    hospital: 'Hospital',
    protected_area: 'Protected area',
    flood_zone: 'Flood-hazard zone',
    settlement: 'Settlement',
    other: 'Other receptor',
  },
  outletKind: { sea: 'Sea', terminal_lake: 'Terminal lake', inland_sink: 'Inland sink' },
  crossingKind: { crossing: 'Crossing', stretch_start: 'Stretch start', stretch_end: 'Stretch end' },
};
