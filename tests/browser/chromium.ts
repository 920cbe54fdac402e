/**
 * The system's Chromium (Debian's `chromium` package) driven by playwright-core, which downloads no
 * browser of its own, with helpers the browser tests share: console-error capture and axe-core
 * accessibility checks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Path of the system Chromium, or undefined when it is not installed. */
export function chromiumPath(): string | undefined {
	return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) =>
		existsSync(candidate),
	);
}

/**
 * Launches headless Chromium. No sandbox, GPU or background services: the flags that let it run
 * in containers and CI runners, where those are unavailable, and keep the tests off the network.
 */
export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: chromiumPath()!,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}

/** Collects console errors and uncaught page errors, so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
	return errors;
}

const axeSource = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8',
);

/** axe-core violations on the page as `rule: target` lines (WCAG 2.x A and AA rules and best practices). */
export async function axeViolations(page: Page): Promise<string[]> {
	await page.addScriptTag({ content: axeSource });
	const violations = await page.evaluate(async () => {
		const axe = (
			window as unknown as {
				axe: {
					run: (
						context: Document,
						options: object,
					) => Promise<{
						violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }>;
					}>;
				};
			}
		).axe;
		const result = await axe.run(document, {
			runOnly: {
				type: 'tag',
				values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
			},
		});
		return result.violations.map(
			(violation) =>
				`${violation.id} (${violation.help}): ${violation.nodes
					.map((node) => JSON.stringify(node.target))
					.slice(0, 5)
					.join(', ')}`,
		);
	});
	return violations;
}
