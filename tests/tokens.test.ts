/** Personalisation tokens: filling, possessives and unknown names. */
import { describe, expect, it } from 'vitest';
import { fillTokens, unknownTokens } from '../src/schema/tokens.ts';

const values = { company: 'Tailspin Toys', industry: 'retail', audience: 'CFO and COO' };

describe('fillTokens', () => {
	it('fills every known token and leaves others as written', () => {
		expect(fillTokens('{company} in {industry} for the {audience}: {other}', values)).toBe(
			'Tailspin Toys in retail for the CFO and COO: {other}',
		);
	});

	it('writes a possessive after a name ending in s with the apostrophe alone, either apostrophe', () => {
		expect(fillTokens("{company}'s lanes and {company}’s stores", values)).toBe(
			"Tailspin Toys' lanes and Tailspin Toys’ stores",
		);
		expect(fillTokens("{company}'s lanes", { ...values, company: 'Contoso' })).toBe(
			"Contoso's lanes",
		);
		expect(fillTokens("{company}'sake, {company}'s", { ...values, company: 'Fabrikam' })).toBe(
			"Fabrikam'sake, Fabrikam's",
		);
	});

	it('starts a lowercase value with a capital where it opens a sentence, and nowhere else', () => {
		const generic = { company: 'your company', industry: 'your industry', audience: 'your team' };
		expect(
			fillTokens(
				"{company} has a window. For {company}, it pays. ({company}'s choice.) Why? {industry}\n{audience}",
				generic,
			),
		).toBe(
			"Your company has a window. For your company, it pays. (Your company's choice.) Why? Your industry\nYour team",
		);
		expect(fillTokens('"It works." {company} agrees.', generic)).toBe(
			'"It works." Your company agrees.',
		);
		expect(fillTokens('{company} ships. {company} sells.', { ...values, company: 'eBay' })).toBe(
			'eBay ships. eBay sells.',
		);
		expect(fillTokens('{company} ships.', values)).toBe('Tailspin Toys ships.');
	});

	it('reports unknown tokens', () => {
		expect(unknownTokens('{company} {Company} {prospect}')).toEqual(['{Company}', '{prospect}']);
	});
});
