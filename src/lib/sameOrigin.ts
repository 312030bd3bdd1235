/**
 * Resolves `url` against `base` and refuses other origins: configs and models are only read
 * from where the app itself is served, so a crafted link cannot point the twin elsewhere.
 */
export function resolveSameOrigin(url: string, base: string, origin: string): URL {
  const resolved = new URL(url, base);
  if (resolved.origin !== origin) {
    throw new Error(
      `${resolved.href} is not on this site's origin (${origin}); only same-origin URLs are allowed`,
    );
  }
  return resolved;
}
