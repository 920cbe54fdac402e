/**
 * Step 3, the actions: download the deck (the engine loads only now) or the YAML, import a
 * YAML file, copy a share link or a prospecting email, and start over (with Undo).
 */
import type { Briefing } from '../../schema/briefing.ts';
import { draftFileId, draftToYaml } from '../../builder/briefing.ts';
import { prospectingEmail } from '../../builder/email.ts';
import { droppedNotices } from '../../builder/arrival.ts';
import { importFile, shareQuery } from '../../builder/share.ts';
import { emptyDraft, type BuilderLibrary, type Draft } from '../../builder/types.ts';
import { prospectIndustryName } from '../../library/deck-input.ts';
import { plural } from '../../library/plural.ts';
import { copyText, download, type BuilderElements } from './dom.ts';
import type { LoadedLibrary } from './library.ts';
import type { Notices } from './notices.ts';
import type { DraftStore } from './store.ts';

/** The brand logo's PNG bytes; a logo that cannot be fetched stops the deck with the reason. */
/** The PDF's fonts (Carlito, as `npm run decks -- --pdf` embeds them), from the site. */
async function fetchPdfFonts(base: string): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
	const get = async (file: string) => {
		const url = `${base}fonts/${file}`;
		const response = await fetch(url).catch(() => undefined);
		if (!response?.ok)
			throw new Error(
				`the font ${url} could not be loaded${response ? ` (HTTP ${response.status})` : ''}`,
			);
		return new Uint8Array(await response.arrayBuffer());
	};
	const [regular, bold] = await Promise.all([get('Carlito-Regular.ttf'), get('Carlito-Bold.ttf')]);
	return { regular, bold };
}

export async function fetchLogo(base: string, library: BuilderLibrary): Promise<Uint8Array> {
	const url = `${base}${library.brand.logo.png}`;
	let response: Response;
	try {
		response = await fetch(url);
	} catch {
		throw new Error(`the brand logo (${url}) could not be loaded: check the connection`);
	}
	if (!response.ok)
		throw new Error(`the brand logo (${url}) could not be loaded (HTTP ${response.status})`);
	return new Uint8Array(await response.arrayBuffer());
}

/**
 * The company template's bytes (brand.yaml `template:`), a static file of the site; undefined
 * without one. A template that cannot be fetched stops the deck: without it the deck would not
 * be the one `npm run decks` makes.
 */
export async function fetchTemplate(
	base: string,
	library: BuilderLibrary,
): Promise<Uint8Array | undefined> {
	if (!library.brand.template) return undefined;
	const url = `${base}${library.brand.template}`;
	let response: Response;
	try {
		response = await fetch(url);
	} catch {
		throw new Error(`the company template (${url}) could not be loaded: check the connection`);
	}
	if (!response.ok)
		throw new Error(`the company template (${url}) could not be loaded (HTTP ${response.status})`);
	return new Uint8Array(await response.arrayBuffer());
}

export function initActions(
	elements: BuilderElements['actions'],
	errorSummary: HTMLElement,
	library: LoadedLibrary,
	store: DraftStore,
	notices: Notices,
): void {
	const { data, base } = library;
	const clone = (draft: Readonly<Draft>): Draft => structuredClone(draft) as Draft;

	/** The valid briefing, or undefined after showing every error. */
	const requireValid = (): Briefing | undefined => {
		const check = store.attempt();
		if (check.issues.length) {
			notices.status(`${plural(check.issues.length, 'thing')} to fix first (listed above).`);
			errorSummary.focus();
			return undefined;
		}
		return check.briefing;
	};

	elements.downloadDeck.addEventListener('click', async () => {
		const button = elements.downloadDeck;
		const briefing = requireValid();
		if (!briefing) return;
		button.disabled = true;
		notices.status('Building your deck…');
		try {
			const [{ buildDeck, PPTX_MIME }, { builderDeckInput }, logoPng, template] = await Promise.all(
				[
					import('../../deck/index.ts'),
					import('../../builder/deck.ts'),
					fetchLogo(base, data),
					fetchTemplate(base, data),
				],
			);
			const bytes = await buildDeck(builderDeckInput(data, briefing, logoPng, template));
			const name = `${draftFileId(store.draft)}.pptx`;
			download(name, bytes as Uint8Array<ArrayBuffer>, PPTX_MIME);
			notices.status(`Downloaded ${name}.`);
		} catch (error) {
			notices.status(
				`The deck could not be built: ${error instanceof Error ? error.message : String(error)}. Your work is saved; try again or download the YAML.`,
			);
		} finally {
			button.disabled = false;
		}
	});

	elements.downloadPdf.addEventListener('click', async () => {
		const button = elements.downloadPdf;
		const briefing = requireValid();
		if (!briefing) return;
		button.disabled = true;
		notices.status('Building your PDF…');
		try {
			// The planner and the PDF writer only (no pptxgenjs), loaded on this first click.
			const [{ planDeck }, { writePdf, PDF_MIME }, { builderDeckInput }, logoPng, template, fonts] =
				await Promise.all([
					import('../../deck/plan/index.ts'),
					import('../../deck/pdf/index.ts'),
					import('../../builder/deck.ts'),
					fetchLogo(base, data),
					fetchTemplate(base, data),
					fetchPdfFonts(base),
				]);
			const input = builderDeckInput(data, briefing, logoPng, template);
			const bytes = await writePdf(planDeck(input), fonts);
			const name = `${draftFileId(store.draft)}.pdf`;
			download(name, bytes as Uint8Array<ArrayBuffer>, PDF_MIME);
			notices.status(`Downloaded ${name}.`);
		} catch (error) {
			notices.status(
				`The PDF could not be built: ${error instanceof Error ? error.message : String(error)}. Your work is saved; try again or download the YAML.`,
			);
		} finally {
			button.disabled = false;
		}
	});

	elements.downloadYaml.addEventListener('click', () => {
		if (!requireValid()) return;
		const name = `${draftFileId(store.draft)}.yaml`;
		download(name, draftToYaml(store.draft), 'text/yaml');
		notices.status(`Downloaded ${name}. Put it in content/briefings/ and run npm run check.`);
	});

	elements.importYaml.addEventListener('change', async () => {
		const input = elements.importYaml;
		const file = input.files?.[0];
		input.value = '';
		if (!file) return;
		const arrival = await importFile(file, data);
		if (arrival.errors.length) {
			notices.status(`${file.name} could not be read: ${arrival.errors.join('; ')}`);
			return;
		}
		for (const message of droppedNotices(arrival, file.name)) notices.show(message);
		notices.status(
			store.replace(arrival.draft)
				? `Imported ${file.name}.`
				: `Imported ${file.name}, but this browser did not let us save it: download it as YAML to keep it.`,
		);
	});

	elements.copyLink.addEventListener('click', async () => {
		const query = shareQuery(store.draft);
		const { shareUrl, shareOutput } = elements;
		shareUrl.value = `${location.origin}${base}builder/${query ? `?${query}` : ''}`;
		shareOutput.hidden = false;
		notices.status(
			(await copyText(shareUrl.value, shareUrl))
				? 'Share link copied.'
				: 'Share link ready: copy it from the box below.',
		);
	});

	elements.copyEmail.addEventListener('click', async () => {
		const { draft } = store;
		const email = prospectingEmail(
			draft,
			draft.insights.map(library.insight),
			prospectIndustryName(draft.industry, data.taxonomy),
		);
		elements.emailSubject.value = email.subject;
		elements.emailBody.value = email.body;
		elements.emailMailto.href = `mailto:?subject=${encodeURIComponent(email.subject)}&body=${encodeURIComponent(email.body)}`;
		elements.emailOutput.hidden = false;
		notices.status(
			(await copyText(`Subject: ${email.subject}\n\n${email.body}`, elements.emailBody))
				? 'Email copied: paste it into your mail app and make it yours.'
				: 'Email ready: copy it from the box below.',
		);
	});

	elements.startOver.addEventListener('click', () => {
		const previous = clone(store.draft);
		store.replace(emptyDraft());
		notices.withUndo('Started a new briefing.', () => store.replace(previous));
	});
}
