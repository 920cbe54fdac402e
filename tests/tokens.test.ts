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

	it('reports unknown tokens', () => {
		expect(unknownTokens('{company} {Company} {prospect}')).toEqual(['{Company}', '{prospect}']);
	});
});
