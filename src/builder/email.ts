/**
 * "Copy as email": a short prospecting email offering an executive briefing, teasing one
 * insight's finding. Plain text, for the rep to paste into their mail client and make their own.
 */
import { fillTokens, briefingTokenValues } from '../schema/tokens.ts';
import type { Draft, PublishedInsight } from './types.ts';

/** Subject and body of the email. */
export interface ProspectingEmail {
	subject: string;
	body: string;
}

/** The email for a draft, teasing its first insight (the one that opens the conversation). */
export function prospectingEmail(
	draft: Draft,
	insights: readonly PublishedInsight[],
	industryName: string,
): ProspectingEmail {
	const company = draft.company.trim() || 'your company';
	const audience = draft.audience.filter((person) => person.role.trim());
	const tokens = briefingTokenValues(
		{ company, audience: audience.length ? audience : [{ role: 'your leadership team' }] },
		industryName || 'your industry',
	);
	const lead = insights[0];
	const firstName = audience[0]?.name.trim().split(/\s+/)[0];
	const greeting = firstName ? `Hi ${firstName},` : 'Hello,';
	const finding = lead ? fillTokens(lead.data.summary, tokens) : '';
	const stat = lead?.data.stat
		? `${lead.data.stat.value} ${fillTokens(lead.data.stat.label, tokens)}`
		: '';
	const question = lead ? fillTokens(lead.data.questions[0] ?? '', tokens) : '';
	const topics = insights
		.slice(1, 4)
		.map((insight) => `- ${fillTokens(insight.data.title, tokens)}`);
	const presenter = draft.presenter;
	const ask = draft.nextStep.ask.trim();
	const lines = [
		greeting,
		'',
		lead
			? `We have been looking at a pattern across ${industryName || 'the industry'} that most leadership teams underestimate: ${finding}`
			: `We have put together a short executive briefing on what we are seeing across ${industryName || 'your industry'}.`,
		...(stat ? ['', `One figure stands out: ${stat}.`] : []),
		...(question ? ['', `It raises a question worth asking at ${company}: ${question}`] : []),
		'',
		`I have prepared a 30-minute executive briefing for ${company}${topics.length ? ' that also covers:' : '.'}`,
		...topics,
		'',
		"It's built on published evidence, not a product pitch, and you keep the material either way.",
		ask
			? `Would you be open to it? If it's useful, the natural next step would be ${ask.charAt(0).toLowerCase()}${ask.slice(1).replace(/\.$/, '')}.`
			: 'Would you be open to it?',
		'',
		'Best regards,',
		presenter.name.trim() || '[your name]',
		...[presenter.title, presenter.company, presenter.email, presenter.phone]
			.map((line) => line.trim())
			.filter(Boolean),
	];
	const subject = lead
		? `${company}: ${fillTokens(lead.data.title, tokens).replace(/\.$/, '')}`
		: `An executive briefing for ${company}`;
	return {
		subject: subject.length > 110 ? `${subject.slice(0, 107).trimEnd()}...` : subject,
		body: lines.join('\n'),
	};
}
