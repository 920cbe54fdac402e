/**
 * How current an insight is on a given day. Shared by the site's badges and the editorial report,
 * so both draw the line in the same place.
 */
const day = 24 * 60 * 60 * 1000;

/** An insight unreviewed for longer than this is stale. */
export const staleAfterDays = 365;
/** An insight this close to its `expires` date is expiring. */
export const expiringWithinDays = 30;

/** current, stale (reviewed over 12 months ago), expiring (within 30 days) or expired. */
export type Freshness = 'current' | 'stale' | 'expiring' | 'expired';

/** The freshness of an insight with these dates on `today`. */
export function freshness(dates: { reviewed: Date; expires?: Date | undefined }, today: Date): Freshness {
	const now = today.getTime();
	if (dates.expires && dates.expires.getTime() < now - day) return 'expired';
	if (dates.expires && dates.expires.getTime() - now <= expiringWithinDays * day) return 'expiring';
	if (now - dates.reviewed.getTime() > staleAfterDays * day) return 'stale';
	return 'current';
}
