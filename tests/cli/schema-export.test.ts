/**
 * The JSON Schema export (`npm run schemas`, `schemas/*.json`): the committed files match what
 * src/schema generates, and the YAML language server VS Code uses (redhat.vscode-yaml), configured
 * by `.vscode/settings.json`, validates and completes content files with them.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSchemas, schemaDir } from '../../scripts/generate-json-schema.ts';
import { fixtureRoot, projectRoot } from '../fixtures/content/fixtures.ts';

describe('JSON Schema files', () => {
	it('are up to date with src/schema (run npm run schemas when this fails)', async () => {
		const generated = await generateSchemas();
		const committed = (await readdir(path.join(projectRoot, schemaDir))).filter((name) =>
			name.endsWith('.json'),
		);
		expect(committed.sort()).toEqual([...generated.keys()].sort());
		for (const [file, text] of generated) {
			const current = await readFile(path.join(projectRoot, schemaDir, file), 'utf8');
			expect(current, `${schemaDir}/${file} is stale: run npm run schemas`).toBe(text);
		}
	});

	it('describe what authors write: dates as YYYY-MM-DD text, descriptions, no unknown fields', async () => {
		const insight = JSON.parse((await generateSchemas()).get('insight.schema.json')!);
		expect(insight.title).toBe('Insight frontmatter');
		expect(insight.additionalProperties).toBe(false);
		expect(insight.required).toEqual([
			'title',
			'summary',
			'industries',
			'personas',
			'stage',
			'points',
			'implication',
			'questions',
			'sources',
			'author',
			'reviewed',
			'status',
		]);
		expect(insight.properties.reviewed).toMatchObject({ type: 'string', format: 'date' });
		expect(insight.properties.title).toMatchObject({ maxLength: 90 });
		expect(insight.properties.title.description).toMatch(/claim/);
		expect(insight.properties.points).toMatchObject({ minItems: 1, maxItems: 4 });
		expect(insight.properties.stat.properties.source).toEqual({
			type: 'integer',
			minimum: 0,
			description: expect.stringContaining('Index into sources'),
		});
	});
});

/** A minimal Language Server Protocol client over stdio. */
class LanguageClient {
	private buffer = Buffer.alloc(0);
	private nextId = 1;
	private pending = new Map<number, (result: unknown) => void>();
	private listeners: Array<(message: any) => void> = [];
	private versions = new Map<string, number>();
	constructor(
		private child: ChildProcessWithoutNullStreams,
		private settings: Record<string, unknown>,
	) {
		child.stdout.on('data', (chunk: Buffer) => {
			this.buffer = Buffer.concat([this.buffer, chunk]);
			for (;;) {
				const headerEnd = this.buffer.indexOf('\r\n\r\n');
				if (headerEnd < 0) return;
				const length = Number(
					/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1],
				);
				if (this.buffer.length < headerEnd + 4 + length) return;
				const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString();
				this.buffer = this.buffer.subarray(headerEnd + 4 + length);
				this.receive(JSON.parse(body));
			}
		});
	}
	private send(message: object) {
		const body = JSON.stringify({ jsonrpc: '2.0', ...message });
		this.child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
	}
	private receive(message: any) {
		if (message.id !== undefined && message.method) {
			// A request from the server: answer configuration requests with the workspace settings.
			const result =
				message.method === 'workspace/configuration'
					? message.params.items.map((item: { section?: string }) =>
							item.section === 'yaml'
								? this.settings.yaml
								: item.section
									? this.settings[item.section]
									: null,
						)
					: null;
			this.send({ id: message.id, result });
		} else if (message.id !== undefined) {
			this.pending.get(message.id)?.(message.result);
			this.pending.delete(message.id);
		} else for (const listener of this.listeners) listener(message);
	}
	request(method: string, params: unknown): Promise<any> {
		const id = this.nextId++;
		this.send({ id, method, params });
		return new Promise((resolve) => this.pending.set(id, resolve));
	}
	notify(method: string, params: unknown) {
		this.send({ method, params });
	}
	/** Opens (or changes) a document and resolves with its published diagnostics. */
	diagnostics(
		uri: string,
		text: string,
	): Promise<Array<{ message: string; range: { start: { line: number } } }>> {
		return new Promise((resolve) => {
			const listener = (message: any) => {
				if (message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri) {
					this.listeners = this.listeners.filter((item) => item !== listener);
					resolve(message.params.diagnostics);
				}
			};
			this.listeners.push(listener);
			const version = (this.versions.get(uri) ?? 0) + 1;
			this.versions.set(uri, version);
			if (version === 1) {
				this.notify('textDocument/didOpen', {
					textDocument: { uri, languageId: 'yaml', version, text },
				});
			} else {
				this.notify('textDocument/didChange', {
					textDocument: { uri, version },
					contentChanges: [{ text }],
				});
			}
		});
	}
}

/** Where Node would find package `name` from `from` (a folder): the nearest `node_modules/<name>`. */
function packageDir(name: string, from: string): string | undefined {
	for (let dir = from; ; dir = path.dirname(dir)) {
		const candidate = path.join(dir, 'node_modules', name);
		if (existsSync(path.join(candidate, 'package.json'))) return candidate;
		if (path.dirname(dir) === dir) return undefined;
	}
}

/**
 * The YAML language server's entry point. It is not a dependency of this project: it comes with
 * `@astrojs/check` (a devDependency), whose language server uses it through volar-service-yaml, so
 * it is found along that chain of declared dependencies, wherever npm placed each package.
 */
function findYamlServer(): string | undefined {
	let dir: string | undefined = projectRoot;
	for (const name of [
		'@astrojs/check',
		'@astrojs/language-server',
		'volar-service-yaml',
		'yaml-language-server',
	]) {
		dir = dir && packageDir(name, dir);
	}
	const bin = dir && path.join(dir, 'bin', 'yaml-language-server');
	return bin && existsSync(bin) ? bin : undefined;
}

const server = findYamlServer();
if (!server && !process.env.CI)
	console.warn(
		'\n[schema-export] SKIPPED the VS Code YAML checks: yaml-language-server was not found through @astrojs/check (run npm ci). Set CI=1 to make this an error.\n',
	);

describe('the YAML language server', () => {
	it.runIf(!server && process.env.CI)('is installed (required when CI is set)', () => {
		expect.fail(
			'yaml-language-server (through @astrojs/check -> @astrojs/language-server -> volar-service-yaml) is required under CI',
		);
	});
});

describe.skipIf(!server)('VS Code YAML validation with .vscode/settings.json', () => {
	let child: ChildProcessWithoutNullStreams;
	let client: LanguageClient;
	const uriOf = (file: string) => pathToFileURL(path.join(projectRoot, file)).href;

	beforeAll(async () => {
		// The workspace settings as VS Code reads them (JSON with comments).
		const jsonc = await readFile(path.join(projectRoot, '.vscode/settings.json'), 'utf8');
		const settings = JSON.parse(jsonc.replace(/^\s*\/\/.*$/gm, '')) as Record<string, unknown>;
		const yaml = Object.fromEntries(
			Object.entries(settings)
				.filter(([key]) => key.startsWith('yaml.'))
				.map(([key, value]) => [key.slice('yaml.'.length), value]),
		);
		child = spawn(process.execPath, [server!, '--stdio'], { cwd: projectRoot });
		client = new LanguageClient(child, { yaml: { ...yaml, schemaStore: { enable: false } } });
		await client.request('initialize', {
			processId: process.pid,
			rootUri: pathToFileURL(projectRoot).href,
			workspaceFolders: [{ uri: pathToFileURL(projectRoot).href, name: 'project' }],
			capabilities: { workspace: { configuration: true } },
		});
		client.notify('initialized', {});
		client.notify('workspace/didChangeConfiguration', {
			settings: { yaml: { ...yaml, schemaStore: { enable: false } } },
		});
	});

	afterAll(() => {
		child?.kill();
	});

	it('a valid briefing, taxonomy and brand have no problems', async () => {
		for (const [file, source] of [
			['content/briefings/valid-example.yaml', 'content/briefings/northwind-health.yaml'],
			['content/taxonomy.yaml', 'content/taxonomy.yaml'],
			['content/brand.yaml', 'content/brand.yaml'],
		] as const) {
			const text = await readFile(path.join(fixtureRoot, source), 'utf8');
			expect(await client.diagnostics(uriOf(file), text), file).toEqual([]);
		}
	});

	it('the taxonomy and brand files are mapped to their schemas', async () => {
		const taxonomy = await client.diagnostics(
			uriOf('content/taxonomy.yaml'),
			'industries: []\npersonas:\n  - id: cfo\n',
		);
		// An empty industries list (line 1); a persona without name and description (line 3).
		expect(new Set(taxonomy.map((item) => item.range.start.line + 1))).toEqual(new Set([1, 3]));
		const brand = (await readFile(path.join(fixtureRoot, 'content/brand.yaml'), 'utf8')).replace(
			"primary: '#17324D'",
			'primary: navy',
		);
		const brandProblems = await client.diagnostics(uriOf('content/brand.yaml'), brand);
		expect(brandProblems).toHaveLength(1);
		expect(brandProblems[0]?.message).toMatch(/pattern/i);
	});

	it('a broken briefing shows each problem on its line', async () => {
		const text = [
			`title: ${'A very long title '.repeat(6)}`,
			'prospect:',
			'  company: Northwind Health',
			'  industry: hospitals',
			'  audience: []',
			'presenter:',
			'  name: Sam Lee',
			'  title: Account Director',
			'date: 15 June',
			'insights: [one-insight]',
			'nextStep:',
			'  ask: A working session',
			'next_step: typo',
		].join('\n');
		const diagnostics = await client.diagnostics(
			uriOf('content/briefings/broken-example.yaml'),
			text,
		);
		const byLine = diagnostics.map((item) => [item.range.start.line + 1, item.message] as const);
		const lines = new Set(byLine.map(([line]) => line));
		expect(lines).toEqual(new Set([1, 5, 9, 10, 13]));
		expect(byLine.find(([line]) => line === 13)?.[1]).toMatch(/not allowed/i);
	});

	it('offers the fields of a briefing as completions', async () => {
		const uri = uriOf('content/briefings/completion-example.yaml');
		const text = 'title: A briefing\n';
		await client.diagnostics(uri, text);
		const result = await client.request('textDocument/completion', {
			textDocument: { uri },
			position: { line: 1, character: 0 },
		});
		const labels = (Array.isArray(result) ? result : result.items).map(
			(item: { label: string }) => item.label,
		);
		expect(labels).toEqual(
			expect.arrayContaining(['prospect', 'presenter', 'date', 'insights', 'nextStep']),
		);
	});
});
