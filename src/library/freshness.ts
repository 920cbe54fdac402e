/**
 * How current an insight is on a given day. The site's badges and the editorial report
 * (`editorial.ts`) both draw the lines here, so a page never calls current what the check calls stale.
 */
import { isoDate } from '../schema/iso-date.ts';

/** Where the lines are drawn. */
export const freshnessLimits = {
	/** A published insight reviewed longer ago than this many months is stale. */
	reviewMonths: 12,
	/** An insight expiring within this many days is flagged. */
	expiringDays: 30,
} as const;

const day = 24 * 60 * 60 * 1000;

/** `date` at UTC midnight. */
export function startOfDay(date: Date): Date {
	return new Date(`${isoDate(date)}T00:00:00Z`);
}

/** `date` moved by whole calendar months (negative for earlier), at UTC midnight. */
export function addMonths(date: Date, months: number): Date {
	const moved = startOfDay(date);
	moved.setUTCMonth(moved.getUTCMonth() + months);
	return moved;
}

/** Whole days from `today` to `date` (negative once it has passed). */
export function daysUntil(date: Date, today: Date): number {
	return Math.round((startOfDay(date).getTime() - startOfDay(today).getTime()) / day);
}

/** current, stale (reviewed over 12 months ago), expiring (within 30 days) or expired. */
export type Freshness = 'current' | 'stale' | 'expiring' | 'expired';

/** The freshness of an insight with these dates on `today`. */
export function freshness(
	dates: { reviewed: Date; expires?: Date | undefined },
	today: Date,
): Freshness {
	if (dates.expires) {
		const days = daysUntil(dates.expires, today);
		if (days < 0) return 'expired';
		if (days <= freshnessLimits.expiringDays) return 'expiring';
	}
	if (dates.reviewed < addMonths(today, -freshnessLimits.reviewMonths)) return 'stale';
	return 'current';
}
