// GET /api/openapi.json and GET /api/docs: the API description, built once from the route groups.
import { Router } from 'express';
import { strictQuery, styleHashesOnHtml } from '../security.js';
import { renderDocsPage } from './docs-page.js';
import { buildDocument } from './document.js';
import { ROUTE_GROUPS } from './groups.js';

export function openApiRouter(): Router {
  const router = Router();
  // Built on first request: the routes are fixed while the server runs.
  let doc: Record<string, unknown> | null = null;
  let page: string | null = null;
  const document = () => {
    doc ??= buildDocument(ROUTE_GROUPS);
    return doc;
  };
  router.get('/openapi.json', strictQuery(), (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json(document());
  });
  router.get('/docs', strictQuery(), (_req, res) => {
    page ??= renderDocsPage(document() as unknown as Parameters<typeof renderDocsPage>[0]);
    // The page's one <style> block is allowed by its hash; it has no scripts.
    styleHashesOnHtml(res);
    res.set('Cache-Control', 'public, max-age=300').type('text/html; charset=utf-8').send(page);
  });
  return router;
}
