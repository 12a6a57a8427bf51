import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

/** Serves the built React app; unknown non-API paths fall back to index.html (client-side routes). */
export function serveWeb(webDist: string | undefined): Router {
  const router = Router();
  if (!webDist || !fs.existsSync(path.join(webDist, 'index.html'))) {
    router.get('/', (_req, res) => {
      res
        .type('text/plain')
        .send('OneWindow API is running. The web app is not built: run "npx nx build web".');
    });
    return router;
  }
  router.use(express.static(webDist, { index: 'index.html', maxAge: '1h' }));
  router.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(path.join(webDist, 'index.html')));
  return router;
}
