/** The ISO form (`YYYY-MM-DD`) of a date, as authors write it (no zod here: the builder's page uses it). */
export function isoDate(date: Date): string {
	return date.toISOString().slice(0, 10);
}
