// Loads the reviewed consultation-zone table and water-intake rule from data/ (parsed, so a broken
// edit fails at start-up).
import zonesJson from '../../../data/consultation-zones.json' with { type: 'json' };
import rulesJson from '../../../data/planning-rules.json' with { type: 'json' };
import { type IntakeRules, IntakeRulesSchema, maxRuleHours } from './intake-rule.js';
import { type ZoneTable, ZoneTableSchema } from './zone-table.js';

export const consultationZones: ZoneTable = ZoneTableSchema.parse(zonesJson);
export const DEVELOPMENT_TYPES: readonly string[] = Object.keys(consultationZones.developmentTypes);
export const intakeRules: IntakeRules = IntakeRulesSchema.parse(rulesJson);
// The upstream list of an intake must reach as far as the slowest rule looks.
if (maxRuleHours(intakeRules) > consultationZones.waterIntakeUpstreamHours)
  throw new Error('data/planning-rules.json looks further upstream than waterIntakeUpstreamHours');
