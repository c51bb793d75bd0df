// GET /api/search?q=: the place finder — countries (with their sites), sites, populated places, rivers;
// GET /api/countries: the countries that hold registered sites; GET /api/countries/names: every country's names.
import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../../runtime/services.js';
import { countriesWithSites, countryNames, search } from '../../storage/search-read.js';
import { parseQuery } from '../query.js';
import { strictQuery } from '../security.js';

export const SearchQuery = z
  .object({ q: z.string().trim().min(1, 'give some text to search for').max(100, 'at most 100 characters') })
  .strict();

export function searchRouter(services: Services): Router {
  const router = Router();
  router.get('/search', (req, res) => {
    const { q } = parseQuery(SearchQuery, req.query);
    res.json({ q, items: search(services.db, q) });
  });
  // The countries that hold registered sites (the site list's country filter offers these by name).
  router.get('/countries', strictQuery(), (_req, res) => {
    res.json(countriesWithSites(services.db));
  });
  // Every country's name in English and Russian, by ISO3 (trace panels and reports name any country).
  router.get('/countries/names', strictQuery(), (_req, res) => {
    res.set('Cache-Control', 'public, max-age=3600');
    res.json(countryNames(services.db));
  });
  return router;
}
