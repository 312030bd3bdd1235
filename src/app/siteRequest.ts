/** How the page was asked to open a site. */
export type SiteRequest =
  { kind: 'bundled'; id: string } | { kind: 'url'; url: string } | { kind: 'file'; file: File };

/** Reads `?site=` / `?config=` from a query string; null means "show the site picker". */
export function siteRequestFromSearch(search: string): SiteRequest | null {
  const params = new URLSearchParams(search);
  const config = params.get('config');
  if (config) return { kind: 'url', url: config };
  const site = params.get('site');
  if (site) return { kind: 'bundled', id: site };
  return null;
}

/** The query string for a request, keeping unrelated parameters (e.g. `lang`). */
export function searchForRequest(current: string, request: SiteRequest | null): string {
  const params = new URLSearchParams(current);
  params.delete('site');
  params.delete('config');
  if (request?.kind === 'bundled') params.set('site', request.id);
  if (request?.kind === 'url') params.set('config', request.url);
  const s = params.toString();
  return s ? `?${s}` : '';
}
