// Loads the reviewed consultation-zone table from data/ (parsed, so a broken edit fails at start-up).
import zonesJson from '../../../data/consultation-zones.json' with { type: 'json' };
import { type ZoneTable, ZoneTableSchema } from './zone-table.js';

export const consultationZones: ZoneTable = ZoneTableSchema.parse(zonesJson);
export const DEVELOPMENT_TYPES: readonly string[] = Object.keys(consultationZones.developmentTypes);
