// Every route group of /api, in the order the docs page shows them.
import { authGroup } from './auth-paths.js';
import type { RouteGroup } from './describe.js';
import { docsGroup } from './docs-paths.js';
import { networkGroup } from './network-paths.js';
import { planningGroup } from './planning-paths.js';
import { planningReviewsGroup } from './planning-reviews-paths.js';
import { plansGroup } from './plans-paths.js';
import { reportsGroup } from './reports-paths.js';
import { searchGroup } from './search-paths.js';
import { sitesGroup } from './sites-paths.js';
import { traceGroup } from './trace-paths.js';

export const ROUTE_GROUPS: readonly RouteGroup[] = [
  sitesGroup,
  traceGroup,
  planningGroup,
  planningReviewsGroup,
  reportsGroup,
  plansGroup,
  searchGroup,
  networkGroup,
  authGroup,
  docsGroup,
];
