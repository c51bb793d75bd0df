// Route docs for the place finder (GET /api/search) and the countries with registered sites.
import { z } from 'zod';
import { SearchQuery } from '../routes/search.js';
import { json, type RouteGroup } from './describe.js';

const Bbox4 = z.tuple([z.number(), z.number(), z.number(), z.number()]);

/** One match: a country (with its registered sites), a site, a populated place or a river. */
const SearchHit = z.discriminatedUnion('kind', [
  z.looseObject({
    kind: z.literal('country'),
    iso3: z.string(),
    name: z.string(),
    nameRu: z.string().nullable(),
    bbox: Bbox4.nullable(),
    siteCount: z.number().int(),
  }),
  z.looseObject({
    kind: z.literal('site'),
    id: z.string(),
    name: z.string(),
    countryIso3: z.string().nullable(),
    lon: z.number(),
    lat: z.number(),
  }),
  z.looseObject({
    kind: z.literal('place'),
    name: z.string(),
    nameRu: z.string().nullable(),
    countryIso3: z.string().nullable(),
    lon: z.number(),
    lat: z.number(),
    population: z.number().nullable(),
  }),
  z.looseObject({
    kind: z.literal('river'),
    name: z.string(),
    nameRu: z.string().nullable(),
    bbox: Bbox4,
    lengthKm: z.number(),
  }),
]);

export const searchGroup: RouteGroup = {
  tag: 'Search',
  description: 'Finding countries, sites, places and rivers by name.',
  schemas: { SearchHit },
  routes: [
    {
      method: 'get',
      path: '/search',
      operationId: 'search',
      summary: 'Find countries (with their sites), sites, populated places and rivers by name',
      query: SearchQuery,
      responses: {
        200: {
          description: 'Matches, best first.',
          content: [json(z.object({ q: z.string(), items: z.array(SearchHit) }))],
        },
      },
    },
    {
      method: 'get',
      path: '/countries',
      operationId: 'listCountries',
      summary: 'The countries that hold registered sites',
      responses: {
        200: {
          description: 'Countries with their site counts.',
          content: [
            json(
              z.array(
                z.looseObject({
                  iso3: z.string(),
                  name: z.string(),
                  nameRu: z.string().nullable(),
                  siteCount: z.number().int().min(1),
                }),
              ),
            ),
          ],
        },
      },
    },
    {
      method: 'get',
      path: '/countries/names',
      operationId: 'countryNames',
      summary: "Every country's English and Russian name by ISO3",
      responses: {
        200: {
          description: 'All countries of the built geography (Russian: Natural Earth name_ru, else CLDR).',
          content: [
            json(
              z.array(z.looseObject({ iso3: z.string(), name: z.string(), nameRu: z.string().nullable() })),
            ),
          ],
        },
      },
    },
  ],
};
