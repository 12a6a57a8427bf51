import helmet from 'helmet';
import type { RequestHandler } from 'express';
import type { SecurityConfig } from './security-config';

/**
 * Helmet's headers with a CSP the React app works under: scripts only from us, styles from us plus
 * inline styles (antd injects them at run time), images from us and data: URLs, and blob: URLs of the files our
 * scripts fetched (case files viewed inline) in images and frames.
 */
export function securityHeaders(config: SecurityConfig): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        // blob: — the approvals workspace shows a case file (fetched by our script) inline: images and PDFs.
        'img-src': ["'self'", 'data:', 'blob:'],
        'frame-src': ["'self'", 'blob:'],
        'connect-src': ["'self'"],
        'font-src': ["'self'", 'data:'],
        'object-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        // Plain-HTTP intranet deployments would break if the browser upgraded every request.
        'upgrade-insecure-requests': config.COOKIE_SECURE === 'always' ? [] : null,
      },
    },
  });
}
