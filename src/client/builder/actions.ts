/**
 * Step 3, the actions: download the deck or the YAML, import a YAML file, copy a share link or a
 * prospecting email, and start over (with Undo). The deck engine is not part of the page: the deck
 * worker starts when the browser is idle after the first insight is added, and builds the deck of
 * each complete draft while the rep works, so the download usually only hands the bytes over.
 */
import type { Briefing } from '../../schema/briefing.ts';
import { deckKey, PPTX_MIME, type BuilderDeckSource } from '../../builder/deck-request.ts';
import { PreparedDecks } from '../../builder/deck-prepare.ts';
import { prospectingEmail } from '../../builder/email.ts';
import { droppedNotices } from '../../builder/arrival.ts';
import { shareQuery } from '../../builder/share.ts';
import { emptyDraft, type Draft, type LibraryView } from '../../builder/types.ts';
import { prospectIndustryName } from '../../library/deck-input.ts';
import { plural } from '../../library/plural.ts';
import { copyText, download, type BuilderElements } from './dom.ts';
import type { LoadedLibrary } from './library.ts';
import type { Notices } from './notices.ts';
import { createDeckMaker } from './deck-maker.ts';
import type { DraftStore } from './store.ts';
import { whenIdle } from './yield.ts';

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

export async function fetchLogo(base: string, library: LibraryView): Promise<Uint8Array> {
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
	library: LibraryView,
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

/** A loader that runs once; a failure is forgotten, so the next call tries again. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
	let pending: Promise<T> | undefined;
	return () =>
		(pending ??= load().catch((error: unknown) => {
			pending = undefined;
			throw error;
		}));
}

/** Quiet time after typing before the draft's deck is built in the background. */
const PREPARE_DELAY_MS = 200;

export function initActions(
	elements: BuilderElements['actions'],
	errorSummary: HTMLElement,
	library: LoadedLibrary,
	store: DraftStore,
	notices: Notices,
): void {
	const { data, base } = library;
	const clone = (draft: Readonly<Draft>): Draft => structuredClone(draft) as Draft;

	// The files every deck needs, fetched once.
	const logo = once(() => fetchLogo(base, data));
	const template = once(() => fetchTemplate(base, data));
	/** What the deck of `briefing` is made from (its insights' details fetched as needed). */
	const deckSource = async (briefing: Briefing): Promise<BuilderDeckSource> => {
		const [deckLibrary, logoPng, templateBytes] = await Promise.all([
			library.deckLibrary(briefing.insights),
			logo(),
			template(),
		]);
		return {
			library: deckLibrary,
			briefing,
			logo: logoPng,
			...(templateBytes ? { template: templateBytes } : {}),
		};
	};
	// Decks are built in the deck worker (pptxgenjs included), started once the rep has chosen an
	// insight, when the browser is idle; then the deck of each complete draft is built while the rep
	// works, so the download hands over bytes that are ready (see `builder/deck-prepare.ts`).
	let decks: PreparedDecks<BuilderDeckSource> | undefined;
	const preparedDecks = () => (decks ??= new PreparedDecks(createDeckMaker()));
	const prepare = () => {
		const briefing = store.check.briefing;
		if (!briefing) return;
		const key = deckKey(briefing);
		deckSource(briefing).then(
			(source) => {
				// The draft may have changed while the details arrived.
				const now = store.check.briefing;
				if (now && deckKey(now) === key) preparedDecks().prepare(key, source);
			},
			() => {
				// A details file or the logo could not load: the download says so if it happens again.
			},
		);
	};
	let started = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	store.subscribe((change) => {
		if (change === 'validation' || !store.draft.insights.length) return;
		if (!started) {
			// The first time, once the page is idle: the engine is the largest script the builder
			// has, and the worker loads it even before the draft is complete.
			started = true;
			whenIdle(() => {
				preparedDecks();
				for (const load of [logo, template]) load().catch(() => {});
				prepare();
			});
			return;
		}
		clearTimeout(timer);
		// An insight added, removed or moved is one click, likely the last before a download: at
		// once. Typing waits for a pause (the worker would rebuild on every key for nothing).
		if (change === 'insights') prepare();
		else timer = setTimeout(prepare, PREPARE_DELAY_MS);
	});

	/** The valid briefing, or undefined after showing every error (once the checks have loaded). */
	const requireValid = async (): Promise<Briefing | undefined> => {
		await store.whenChecked();
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
		const briefing = await requireValid();
		if (!briefing) return;
		button.disabled = true;
		notices.status('Building your deck…');
		try {
			const key = deckKey(briefing);
			const bytes =
				preparedDecks().ready(key) ?? (await preparedDecks().deck(key, await deckSource(briefing)));
			const { draftFileId } = await import('../../builder/briefing.ts');
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
		const briefing = await requireValid();
		if (!briefing) return;
		button.disabled = true;
		notices.status('Building your PDF…');
		try {
			// The planner and the PDF writer only (no pptxgenjs), loaded on this first click.
			const [
				{ planDeck },
				{ writePdf, PDF_MIME },
				{ builderDeckInput },
				{ draftFileId },
				deckLibrary,
				logoPng,
				templateBytes,
				fonts,
			] = await Promise.all([
				import('../../deck/plan/index.ts'),
				import('../../deck/pdf/index.ts'),
				import('../../builder/deck.ts'),
				import('../../builder/briefing.ts'),
				library.deckLibrary(briefing.insights),
				logo(),
				template(),
				fetchPdfFonts(base),
			]);
			const input = builderDeckInput(deckLibrary, briefing, logoPng, templateBytes);
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

	elements.downloadYaml.addEventListener('click', async () => {
		if (!(await requireValid())) return;
		// Loaded with the checks (requireValid waited for them), the YAML writer included.
		const { draftFileId, draftToYaml } = await import('../../builder/briefing.ts');
		const name = `${draftFileId(store.draft)}.yaml`;
		download(name, draftToYaml(store.draft), 'text/yaml');
		notices.status(`Downloaded ${name}. Put it in content/briefings/ and run npm run check.`);
	});

	elements.importYaml.addEventListener('change', async () => {
		const input = elements.importYaml;
		const file = input.files?.[0];
		input.value = '';
		if (!file) return;
		let arrival;
		try {
			// The YAML parser loads with the first import.
			const { importFile } = await import('../../builder/import-file.ts');
			arrival = await importFile(file, data);
		} catch {
			notices.status(`${file.name} could not be read: check the connection and try again.`);
			return;
		}
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
		let insights;
		try {
			insights = await library.details(draft.insights);
		} catch (error) {
			notices.status(`The email could not be written: ${(error as Error).message}.`);
			return;
		}
		const email = prospectingEmail(
			draft,
			insights,
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
