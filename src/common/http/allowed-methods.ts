import type { Request } from 'express';

interface RouteLayer {
  route?: { methods: Record<string, boolean> };
  match(path: string): unknown;
}

/**
 * The methods the app serves at this request's path, read from Express's own route table, so a
 * request with another method can be told 405 with an `Allow` header (as DRF does) instead of
 * 404. Empty when no route matches the path at all.
 */
export function allowedMethods(request: Request): string[] {
  const router = (request.app as unknown as { router?: { stack?: RouteLayer[] } }).router;
  const methods = new Set<string>();
  for (const layer of router?.stack ?? []) {
    // Catch-alls mapped to every method (Nest's not-found handler) say nothing about the path.
    if (!layer.route || Object.keys(layer.route.methods).length > 10) {
      continue;
    }
    const match = layer.match(request.path) as false | { params: Record<string, unknown> };
    // `:pk` segments only match digits in UFDL (`/v1/teams/list` is not team "list").
    if (!match || (typeof match.params.pk === 'string' && !/^[0-9]+$/.test(match.params.pk))) {
      continue;
    }
    for (const [method, enabled] of Object.entries(layer.route.methods)) {
      if (enabled && method !== '_all') {
        methods.add(method.toUpperCase());
      }
    }
  }
  if (methods.has('GET')) {
    methods.add('HEAD');
  }
  if (methods.size > 0) {
    methods.add('OPTIONS');
  }
  const order = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
  return [...methods].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}
