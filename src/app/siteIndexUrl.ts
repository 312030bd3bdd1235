/** Where the bundled sites are listed, relative to the app. */
export const SITE_INDEX_URL = 'twin-configs/index.json';
