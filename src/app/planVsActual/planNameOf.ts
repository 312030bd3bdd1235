import { localize, type Locale } from '../../lib/localizedText';

/** A plan file's name in the page's language (its id, or "plan", when it has none). */
export function planNameOf(planText: string | undefined, locale: Locale): string {
  if (planText === undefined) return '';
  try {
    const plan = JSON.parse(planText) as { id?: unknown; name?: unknown };
    if (typeof plan.name === 'string' || (plan.name && typeof plan.name === 'object'))
      return localize(plan.name as Parameters<typeof localize>[0], locale);
    return typeof plan.id === 'string' ? plan.id : 'plan';
  } catch {
    return 'plan';
  }
}
