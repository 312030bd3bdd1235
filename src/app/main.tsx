// The page's entry: starts downloading the config the URL names, then loads the app. Kept tiny
// so the download begins before the app's code (three.js, React, zod) has been compiled.
import { startEarlyConfigRead } from './earlyConfigRead';
import { siteRequestFromSearch } from './siteRequest';

startEarlyConfigRead(siteRequestFromSearch(window.location.search), window.location.href);
void import('./boot').then(() => performance.mark('t:boot-evaluated'));
