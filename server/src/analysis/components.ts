// Component files, Vue's `.vue`, Svelte's `.svelte` and Angular's templates (`.component.html`): code in `<script>` blocks
// and in the expressions of their markup, between text the parser cannot read. The scanner reads such a file as its script view: the same text with
// everything that is not code blanked to spaces, so that every offset, line and column is the component's own. Pure
// text in, text out; no parser. The clean-up never rewrites a component: an edit of its view is no edit of its markup.

import { angularTemplateView, inlineTemplatesText, mayHoldInlineTemplate } from './angular';
import { svelteScriptView } from './svelte';
import type { MarkupElement } from './componentView';
import { vueElement, vueScriptView } from './vue';

// `callsInView`: the view writes calls the text does not (an Angular input bound as `*cxFeature="'x'"` reads
// `cxFeature('x')`), so the text test before a parse reads the view (see `prefilterText`). `readsMembers`: a name its
// markup reads unbound is one of the component's members (Vue's `$featureKeys`, an Angular component's field), where a
// Svelte component's markup reads its script's variables. `element`: the view writes a component's element as the
// component's name where its tag is, and this reads the element, the props it gives.
const VIEWS: ReadonlyArray<{
  extension: string; label: string; view: (text: string) => string; callsInView?: true; readsMembers?: true; element?: (text: string, open: number) => MarkupElement | undefined;
}> = [
  { extension: '.vue', label: 'a Vue single-file component', view: vueScriptView, readsMembers: true, element: vueElement },
  { extension: '.svelte', label: 'a Svelte component', view: svelteScriptView },
  { extension: '.component.html', label: 'an Angular component template', view: angularTemplateView, callsInView: true, readsMembers: true },
];

// The last letters of the views' extensions, lower case (`| 0x20` lowers an ASCII letter).
const VIEW_LAST_LETTERS = new Set(VIEWS.map(({ extension }) => extension.charCodeAt(extension.length - 1)));

function viewOf(fileName: string): (typeof VIEWS)[number] | undefined {
  // Asked of every file read: a name whose last letter ends no view's extension (`.ts`, `.jsx`) is no component, told
  // before a lower-case copy of the name is made.
  if (!VIEW_LAST_LETTERS.has(fileName.charCodeAt(fileName.length - 1) | 0x20)) return undefined;
  const lower = fileName.toLowerCase();
  return VIEWS.find((kind) => lower.endsWith(kind.extension));
}

/** True for a Vue or Svelte component, or an Angular component's template. */
export function isComponentFile(fileName: string): boolean {
  return viewOf(fileName) !== undefined;
}

/** What a component is, for people: "a Vue single-file component", "a Svelte component". */
export function componentLabel(fileName: string): string | undefined {
  return viewOf(fileName)?.label;
}

/** The text a scan parses of a file: a component's script view, any other file's text as it is. */
export function scannedText(fileName: string, text: string): string {
  return viewOf(fileName)?.view(text) ?? text;
}

/** True for a component whose markup reads the component's members (Vue's, Angular's template): a name it reads unbound is one. */
export function readsComponentMembers(fileName: string): boolean {
  return viewOf(fileName)?.readsMembers === true;
}

/** For a component whose view writes components' elements as their names, the reader of the element at a tag's `<`. */
export function markupElementReader(fileName: string): ((text: string, open: number) => MarkupElement | undefined) | undefined {
  return viewOf(fileName)?.element;
}

/**
 * The text the test before a parse reads: the script view of a component whose view writes calls, else the text, with
 * the view of a component script's inline templates after it (see `inlineTemplatesText`).
 */
export function prefilterText(fileName: string, text: string): string {
  const kind = viewOf(fileName);
  if (kind?.callsInView === true) return kind.view(text);
  const templates = kind === undefined && mayHoldInlineTemplate(fileName, text) ? inlineTemplatesText(text) : undefined;
  return templates === undefined ? text : `${text}\n${angularTemplateView(templates)}`;
}

/** The name an Angular component script's inline templates are scanned under: read as a template file is. */
export function inlineTemplateFileName(fileName: string): string {
  return fileName.replace(/\.[cm]?[jt]s$/, '.component.html');
}

// A script block's opening tag, and its end: their contents are the component's own code.
const SCRIPT_OPEN = /<script\b[^>]*>/gi;

/** The spans of a component's `<script>` blocks' contents; undefined for any other file. */
export function scriptBlocks(fileName: string, text: string): Array<{ start: number; end: number }> | undefined {
  if (viewOf(fileName) === undefined) return undefined;
  const blocks: Array<{ start: number; end: number }> = [];
  for (const open of text.matchAll(SCRIPT_OPEN)) {
    const start = (open.index ?? 0) + open[0].length;
    const close = text.indexOf('</script', start);
    blocks.push({ start, end: close < 0 ? text.length : close });
  }
  return blocks;
}
