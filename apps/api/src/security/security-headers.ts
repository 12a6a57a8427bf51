import helmet from 'helmet';
import type { RequestHandler } from 'express';
import type { SecurityConfig } from './security-config';

/**
 * Helmet's headers with a CSP the React app works under: scripts only from us, styles from us plus
 * inline styles (antd injects them at run time), images from us and data: URLs.
 */
export function securityHeaders(config: SecurityConfig): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
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
