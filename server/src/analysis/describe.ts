// The hover of a flag check, as markdown: the release state, what each environment serves, who owns
// the flag, how often the workspace checks it and how old the data is (see DESIGN.md).

import { describeUnknownKey } from './findings';
import { findDefinition } from './match';
import { classifyRelease, servedValueText } from './release';
import { isStepBack, stageOf, stageText } from './stages';
import { flagHygiene, type FlagHygiene, type PolicyContext } from './policy/hygiene';
import { removabilityAtCheck, type Removability } from './removability';
import type { EnvironmentFlagState, FlagCatalog, FlagCheck, FlagDefinition, ReleaseState } from './types';

/** How often the workspace checks a flag. */
export interface FlagUsage {
  references: number;
  files: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const STATE_LABELS: Record<ReleaseState, string> = {
  released: 'released',
  dead: 'dead',
  'rolling-out': 'rolling out',
};

/** The hover markdown for a flag check, under the folder's policy; `context.now` dates the ages it shows. */
export function describeFlagMarkdown(check: FlagCheck, catalog: FlagCatalog, usage: FlagUsage, context: PolicyContext): string {
  const { now } = context;
  if (!check.resolved) return describeUnresolved(check);
  const name = check.camelCaseName ?? check.key;
  // A switch no flag file or backend defines is what the environment sets, not an unknown flag.
  if (check.setInCode === true && (!catalog.loaded || findDefinition(check, catalog) === undefined)) {
    return paragraphs(
      lines(`**${escapeMarkdown(name)}** — set in code`, 'Its value is written in a module of flags; no flag backend serves it.'),
      lines(usageLine(usage, [], undefined, now), ...evidenceLine(check)),
    );
  }
  if (check.setInStorage !== undefined && (!catalog.loaded || findDefinition(check, catalog) === undefined)) {
    return paragraphs(
      lines(`**${escapeMarkdown(name)}** — browser storage switch`, `Its value is kept in the browser's ${check.setInStorage} under this key, where a developer turns it on; no flag backend serves it.`),
      lines(usageLine(usage, [], undefined, now), ...evidenceLine(check)),
    );
  }
  if (check.heldInStore !== undefined && (!catalog.loaded || findDefinition(check, catalog) === undefined)) {
    return paragraphs(
      lines(`**${escapeMarkdown(name)}** — flag store`, `Its value is kept under this key by \`${escapeMarkdown(check.heldInStore)}\`, set where the program runs; no flag backend serves it.`),
      lines(usageLine(usage, [], undefined, now), ...evidenceLine(check)),
    );
  }
  if (check.environmentSwitch === true && (!catalog.loaded || findDefinition(check, catalog) === undefined)) {
    return paragraphs(
      lines(`**${escapeMarkdown(name)}** — environment switch`, 'Its value is set where the program runs, by this environment variable or setting of its configuration; no flag backend serves it.'),
      lines(usageLine(usage, [], undefined, now), ...evidenceLine(check)),
    );
  }
  if (!catalog.loaded) {
    return paragraphs(`**${escapeMarkdown(name)}**`, notLoadedExplanation(catalog), usageLine(usage, [], undefined, now));
  }
  const definition = findDefinition(check, catalog);
  if (definition === undefined) {
    return paragraphs(
      lines(`**${escapeMarkdown(name)}** — not defined`, escapeMarkdown(describeUnknownKey(check, catalog).message)),
      lines(usageLine(usage, catalog.sources, catalog.syncedAt, now), ...evidenceLine(check)),
    );
  }
  return describeDefinition(definition, check, catalog, usage, context);
}

function describeDefinition(definition: FlagDefinition, check: FlagCheck, catalog: FlagCatalog, usage: FlagUsage, context: PolicyContext): string {
  const { now } = context;
  const hygiene = flagHygiene(definition, catalog, context);
  const removability = removabilityAtCheck(hygiene.removability, check);
  const { verdict } = removability;
  const title = `**${escapeMarkdown(definition.key)}** — ${STATE_LABELS[verdict.state]}: ${escapeMarkdown(verdict.summary)}${removabilityNote(removability, hygiene)}`;
  const about = aboutLine(definition, hygiene, now);
  return paragraphs(
    lines(...[title, about, stalenessLine(hygiene, definition), stagesLine(definition, catalog, context)].filter((line) => line !== '')),
    environmentTable(definition, catalog, now),
    lines(usageLine(usage, [definition.source], catalog.syncs?.get(definition.source) ?? catalog.syncedAt, now), ...evidenceLine(check)),
  );
}

// Why this call is a check at all: "found because `client` is created from @openfeature/server-sdk". The evidence
// writes names as code spans; the text between them is escaped.
function evidenceLine(check: FlagCheck): string[] {
  if (check.evidence === undefined) return [];
  const text = oneLine(check.evidence).split('`').map((part, index) => (index % 2 === 0 ? escapeMarkdown(part) : codeSpan(part))).join('');
  return [`found because ${text}`];
}

// Only a released or dead flag is worth a word: ready to remove here, kept for good, or why not at this check.
function removabilityNote(removability: Removability, hygiene: FlagHygiene): string {
  if (removability.removable) return ' · ready to remove';
  if (removability.verdict.state === 'rolling-out') return '';
  if (removability.permanent) return ` · ${escapeMarkdown(hygiene.type.type)} flag: permanent, kept`;
  return ` · not removable here: ${escapeMarkdown(removability.why)}`;
}

// "**Stale**: 52 days old, past the 40 days a release flag lives · serves true in every environment"; nothing when it
// is not, unless the backend marks it stale and the policy disagrees (a permanent kill switch).
function stalenessLine(hygiene: FlagHygiene, definition: FlagDefinition): string {
  const reasons = hygiene.staleness.reasons.map((reason) => escapeMarkdown(reason)).join(' · ');
  if (hygiene.staleness.stale) return `**Stale**: ${reasons}`;
  return definition.stale ? `Not stale: ${reasons}` : '';
}

// "production: 25% for 12 days · staging: everyone" for a flag that rolls out, and "**un-released** in production 2 days ago (was everyone)".
function stagesLine(definition: FlagDefinition, catalog: FlagCatalog, context: PolicyContext): string {
  return stageProgression(definition, catalog, context, 'markdown');
}

/**
 * A rolling-out flag's stage in each counted environment with the time spent in it, and any recent
 * un-release: "production: 25% for 12 days · staging: everyone"; '' for a released or dead flag that
 * was not just taken back. Markdown (escaped, the un-release in bold) for the hover, plain for views.
 */
export function stageProgression(definition: FlagDefinition, catalog: FlagCatalog, context: Pick<PolicyContext, 'now' | 'policy'>, format: 'markdown' | 'plain'): string {
  const escape = format === 'markdown' ? escapeMarkdown : (text: string): string => text;
  const unreleasedWord = format === 'markdown' ? '**un-released**' : 'un-released';
  const counted = catalog.countedEnvironments;
  const shown = definition.environments.filter((state) => counted === undefined || counted.length === 0 || counted.includes(state.environment));
  const unreleased: string[] = [];
  const stages = shown.map((state) => {
    const exposure = stageOf(state);
    const since = state.stageChange?.at ?? state.lastModified;
    const time = since === undefined || Number.isNaN(Date.parse(since)) ? undefined : context.now - Date.parse(since);
    const change = state.stageChange;
    if (change !== undefined && time !== undefined && isStepBack(change.from, exposure) && time <= context.policy.unreleasedWithinDays * DAY) {
      unreleased.push(`${unreleasedWord} in ${escape(state.environment)} ${formatAge(time)} (was ${stageText(change.from)})`);
    }
    const lasting = time === undefined || time < DAY ? '' : ` for ${plural(Math.floor(time / DAY), 'day')}`;
    return `${escape(state.environment)}: ${stageText(exposure)}${lasting}`;
  });
  // A released or dead flag's stages add nothing to its state, unless it was just taken back.
  if (classifyRelease(definition, counted).state !== 'rolling-out' && unreleased.length === 0) return '';
  return [stages.join(' · '), ...unreleased].join(' · ');
}

// Description · type · owner · created date (age) · badges · link: whatever the backend and the policy know.
function aboutLine(definition: FlagDefinition, hygiene: FlagHygiene, now: number): string {
  const parts: string[] = [];
  if (definition.description) parts.push(escapeMarkdown(oneLine(definition.description)));
  const { type } = hygiene;
  // An assumed type says nothing; one the backend, a tag, a key pattern or the code gave is worth a word.
  if (type.from === definition.source) parts.push(`${escapeMarkdown(oneLine(type.type))} flag`);
  else if (!type.assumed) parts.push(`${escapeMarkdown(oneLine(type.type))} flag (from ${escapeMarkdown(type.from)})`);
  if (definition.owner) parts.push(`owner ${escapeMarkdown(oneLine(definition.owner))}`);
  if (definition.createdAt) parts.push(createdText(definition.createdAt, now));
  if (definition.lifecycleStage) parts.push(`stage ${escapeMarkdown(oneLine(definition.lifecycleStage))}`);
  if (definition.lastSeenAt) parts.push(lastSeenText(definition.lastSeenAt, now));
  if (definition.tags.length > 0) parts.push(`tags ${definition.tags.map((tag) => escapeMarkdown(oneLine(tag))).join(', ')}`);
  if (definition.archived) parts.push('**archived**');
  if (definition.link) parts.push(`[open in backend](${definition.link.replace(/[()\s]/g, encodeURIComponent)})`);
  return parts.join(' · ');
}

function lastSeenText(lastSeenAt: string, now: number): string {
  const time = Date.parse(lastSeenAt);
  return Number.isNaN(time) ? `last seen ${escapeMarkdown(oneLine(lastSeenAt))}` : `last seen ${formatAge(Math.max(0, now - time))}`;
}

function createdText(createdAt: string, now: number): string {
  const time = Date.parse(createdAt);
  if (Number.isNaN(time)) return `created ${escapeMarkdown(oneLine(createdAt))}`;
  const date = new Date(time).toISOString().slice(0, 10);
  const days = Math.floor((now - time) / DAY);
  if (days < 0) return `created ${date}`;
  return `created ${date} (${days === 0 ? 'today' : plural(days, 'day')})`;
}

function environmentTable(definition: FlagDefinition, catalog: FlagCatalog, now: number): string {
  const byName = new Map(definition.environments.map((environment) => [environment.environment, environment]));
  const names = [...catalog.environments, ...definition.environments.map((environment) => environment.environment)];
  const counted = catalog.countedEnvironments === undefined ? undefined : new Set(catalog.countedEnvironments);
  const rows = [...new Set(names)].map((name) => {
    const label = escapeMarkdown(name) + (counted !== undefined && !counted.has(name) ? ' (not counted)' : '');
    const environment = byName.get(name);
    if (environment === undefined) return [label, 'not defined', '—', '—', '—'];
    return [
      label,
      (environment.enabled ? 'on' : 'off') + (environment.backendStatus ? ` · ${escapeMarkdown(environment.backendStatus)}` : ''),
      escapeMarkdown(servesText(environment)),
      environment.hasRules ? escapeMarkdown(oneLine(environment.rulesSummary ?? 'yes')) : 'none',
      lastChangeText(environment.lastModified, now),
    ];
  });
  return [
    '| environment | state | serves | rules | last change |',
    '|-------------|-------|--------|-------|-------------|',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}

/** What one environment serves, for people: "on (true) to 100%", "on (true) 30% · off (false) 70%", "off (code default)". */
export function servesText(environment: EnvironmentFlagState): string {
  if (!environment.enabled) {
    const { offVariant } = environment;
    if (offVariant !== undefined && Object.hasOwn(environment.variants, offVariant)) return `${variantText(environment, offVariant)} to 100%`;
    return 'off (code default)';
  }
  const { rollout } = environment;
  if (rollout.length === 1) return `${variantText(environment, rollout[0].variant)} to ${formatPercent(rollout[0].percent)}%`;
  if (rollout.length > 1) {
    return rollout.map((share) => `${variantText(environment, share.variant)} ${formatPercent(share.percent)}%`).join(' · ');
  }
  if (environment.defaultVariant === undefined) return 'code default';
  const variant = variantText(environment, environment.defaultVariant);
  return environment.hasRules ? `${variant} unless a rule matches` : `${variant} to 100%`;
}

function variantText(environment: EnvironmentFlagState, variant: string): string {
  if (!Object.hasOwn(environment.variants, variant)) return variant;
  const value = environment.variants[variant];
  // A string variant named after its value says it once: `"blue"`, not `blue ("blue")`.
  if (value === variant) return servedValueText(value);
  return `${variant} (${servedValueText(value)})`;
}

function formatPercent(percent: number): string {
  return String(Math.round(percent * 10) / 10);
}

function lastChangeText(lastModified: string | undefined, now: number): string {
  if (lastModified === undefined) return '—';
  const time = Date.parse(lastModified);
  return Number.isNaN(time) ? '—' : formatAge(now - time);
}

/** The usage line; `sync` is when the definitions were read, or one source's sync state ("offline, last synced …"). */
function usageLine(usage: FlagUsage, sources: readonly string[], sync: number | { syncedAt?: number; offline: boolean } | undefined, now: number): string {
  const parts = [`${plural(usage.references, 'reference')} in ${plural(usage.files, 'file')}`];
  if (sources.length > 0) parts.push(`from ${sources.map(escapeMarkdown).join(', ')}`);
  const { syncedAt, offline } = typeof sync === 'object' ? sync : { syncedAt: sync, offline: false };
  if (offline) parts.push(syncedAt === undefined ? 'offline' : `offline, last synced ${formatAge(now - syncedAt)}`);
  else if (syncedAt !== undefined) parts.push(`synced ${formatAge(now - syncedAt)}`);
  return parts.join(' · ');
}

function notLoadedExplanation(catalog: FlagCatalog): string {
  if (catalog.sources.length === 0) {
    return 'No flag definitions are loaded, so this flag\'s state is not known: there is no flags/\\*.flagd.json file ' +
      'and no backend in .flaglens.json. Add a flag file or configure a backend to see it here.';
  }
  return `No flag definitions could be loaded from ${catalog.sources.map(escapeMarkdown).join(', ')}, so this flag's ` +
    'state is not known. The FlagLens output says why.';
}

function describeUnresolved(check: FlagCheck): string {
  return paragraphs(
    `The flag key could not be worked out from ${codeSpan(oneLine(check.key))}.`,
    'FlagLens reads a key written as a string literal, a `const`, an enum member or a member of an `as const` ' +
      'object, also when imported from another file. Pass one of those to see this flag\'s state here.',
  );
}

/** How long ago something happened, for people: "just now", "2 min ago", "3 hours ago", "12 days ago", "4 months ago". */
export function formatAge(ms: number): string {
  if (ms < MINUTE) return 'just now';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min ago`;
  if (ms < DAY) return `${plural(Math.floor(ms / HOUR), 'hour')} ago`;
  const days = Math.floor(ms / DAY);
  if (days < 60) return `${plural(days, 'day')} ago`;
  if (days < 730) return `${plural(Math.floor(days / 30), 'month')} ago`;
  return `${plural(Math.floor(days / 365), 'year')} ago`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Text that markdown shows as written: a flag's description, owner or key. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*[\]<>|~]/g, '\\$&')
    // An underscore inside a word never starts emphasis, and keys like new_checkout read better unescaped.
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

function codeSpan(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padding = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${text}${padding}${fence}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// A hard line break (two trailing spaces) keeps the title and its details in one block.
function lines(...texts: string[]): string {
  return texts.join('  \n');
}

function paragraphs(...texts: string[]): string {
  return texts.join('\n\n');
}
