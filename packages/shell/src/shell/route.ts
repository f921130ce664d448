/**
 * Deep links: the active plugin, the path inside it and the active group live in the page's query
 * string (`?plugin=fi.example.tool&path=/task/3&group=c-7b`), so links, reloads and the back
 * button work on any static host. Other query parameters of the portal page are kept.
 */
export interface Route {
  plugin: string | null;
  path: string | null;
  group: string | null;
}

const KEYS = ['plugin', 'path', 'group'] as const;

/** Read the route from a URL. */
export function readRoute(href: string = location.href): Route {
  const params = new URL(href).searchParams;
  return Object.fromEntries(
    KEYS.map((k) => {
      const v = params.get(k);
      return [k, v && v.length <= 512 ? v : null];
    }),
  ) as unknown as Route;
}

/** The URL for a route, keeping the page's other parameters and hash. */
export function routeUrl(route: Route, href: string = location.href): string {
  const u = new URL(href);
  for (const k of KEYS) {
    const v = route[k];
    if (v) u.searchParams.set(k, v);
    else u.searchParams.delete(k);
  }
  return `${u.pathname}${u.search}${u.hash}`;
}

/** Whether two routes name the same place. */
export function sameRoute(a: Route, b: Route): boolean {
  return KEYS.every((k) => a[k] === b[k]);
}
