/** A planned scene moved onto a company template, the template read once per set of bytes. */
import type { Scene } from '../scene.ts';
import { chooseLayouts, type LayoutOverrides } from './choose.ts';
import { sceneOnTemplate } from './fit.ts';
import type { Template } from './model.ts';
import { readTemplate } from './read.ts';

// Many decks are built on the same template: read it once per bytes object.
const cache = new WeakMap<Uint8Array, Template>();

/** The template in `bytes`, read once. */
export function templateOf(bytes: Uint8Array): Template {
	let template = cache.get(bytes);
	if (!template) {
		template = readTemplate(bytes);
		cache.set(bytes, template);
	}
	return template;
}

// The layouts chosen for a template are the same for every deck with the same overrides.
const chosen = new WeakMap<Template, Map<string, ReturnType<typeof chooseLayouts>>>();

/** `chooseLayouts(template, overrides)`, worked out once per template and overrides. */
function layoutsOf(template: Template, overrides: LayoutOverrides) {
	let byOverrides = chosen.get(template);
	if (!byOverrides) chosen.set(template, (byOverrides = new Map()));
	const key = JSON.stringify(overrides);
	let choices = byOverrides.get(key);
	if (!choices) byOverrides.set(key, (choices = chooseLayouts(template, overrides)));
	return choices;
}

/** `scene` on the template in `bytes`, with layouts chosen by type or by `overrides`. */
export function onTemplate(
	scene: Scene,
	bytes: Uint8Array,
	overrides: LayoutOverrides = {},
): Scene {
	const template = templateOf(bytes);
	return sceneOnTemplate(scene, template, layoutsOf(template, overrides));
}
