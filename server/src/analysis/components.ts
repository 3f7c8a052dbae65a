// Component files, Vue's `.vue` and Svelte's `.svelte`: code in `<script>` blocks and in the expressions of their
// markup, between text the parser cannot read. The scanner reads such a file as its script view: the same text with
// everything that is not code blanked to spaces, so that every offset, line and column is the component's own. Pure
// text in, text out; no parser. The clean-up never rewrites a component: an edit of its view is no edit of its markup.

import { svelteScriptView } from './svelte';
import { vueScriptView } from './vue';

const VIEWS: ReadonlyArray<{ extension: string; label: string; view: (text: string) => string }> = [
  { extension: '.vue', label: 'a Vue single-file component', view: vueScriptView },
  { extension: '.svelte', label: 'a Svelte component', view: svelteScriptView },
];

function viewOf(fileName: string): (typeof VIEWS)[number] | undefined {
  const lower = fileName.toLowerCase();
  return VIEWS.find((kind) => lower.endsWith(kind.extension));
}

/** True for a Vue or Svelte component. */
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
