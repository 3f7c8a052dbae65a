// Zero-config discovery: which wrappers, bag functions and registry a set of files leads to.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { discover, proposeConfig, type ProposedConfig } from '../../server/src/analysis/discover';

const ROOT = '/work/app';

interface Case {
  name: string;
  files: Record<string, string>;
  expected: ProposedConfig;
}

const cases: Case[] = [
  {
    name: 'a hook that indexes the SDK bag with its parameter',
    files: { 'src/flags.ts': `export function useFeatureFlag(key: string) { return useFlags()[key]; }` },
    expected: { patterns: [{ callee: 'useFeatureFlag', keyArg: 0 }] },
  },
  {
    name: 'a function forwarding its second parameter, with the default, to an SDK call',
    files: { 'src/flags.ts': `export const isOn = async (user: User, flag: string, fallback = false) => ldClient.boolVariation(flag, user, fallback);` },
    expected: { patterns: [{ callee: 'isOn', keyArg: 1, defaultArg: 2, type: 'boolean' }] },
  },
  {
    name: 'a class method forwarding to the same-named SDK method is covered by the preset already',
    files: { 'src/flags.ts': `export class Flags { isEnabled(name: string) { return this.unleash.isEnabled(name); } isOff(name: string) { return !this.unleash.isEnabled(name); } }` },
    expected: { patterns: [{ callee: 'isOff', keyArg: 0, negate: true, type: 'boolean' }] },
  },
  {
    name: 'two levels of wrapping, a key inside an options object',
    files: {
      'src/a.ts': `export function checkFlag(options: { key: string }) { return posthog.isFeatureEnabled(options.key); }`,
      'src/b.ts': `export function gate({ key }: { key: string }) { return checkFlag({ key }); }`,
    },
    expected: { patterns: [{ callee: 'checkFlag', keyArg: '0.key', type: 'boolean' }, { callee: 'gate', keyArg: '0.key', type: 'boolean' }] },
  },
  {
    name: 'a function returning the SDK bag, and a generic name that is not proposed',
    files: { 'src/flags.ts': `export const useAppFlags = () => useFlags();
export function get(key: string) { return useFlags()[key]; }` },
    expected: { bags: ['useAppFlags()'] },
  },
  {
    name: 'the registry whose keys the checks use wins over other candidates',
    files: {
      'src/keys.ts': `export const ROUTES = { HOME: '/', ABOUT: '/about', SEARCH: '/search' } as const;
export type FlagKey = 'new-nav' | 'dark-mode';`,
      'src/app.ts': `gb.isOn('new-nav');`,
    },
    expected: { registry: { file: 'src/keys.ts', symbol: 'FlagKey' } },
  },
  {
    name: 'with no check using any key, only a registry named for flags is proposed',
    files: { 'src/keys.ts': `export interface Experiments { 'a.b': boolean; 'c.d': boolean }
export enum Colors { Red = 'red', Blue = 'blue' }` },
    expected: { registry: { file: 'src/keys.ts', symbol: 'Experiments' } },
  },
  {
    name: 'nothing to propose in code that calls the SDK directly',
    files: { 'src/app.ts': `client.getBooleanValue('x', false); export enum Colors { Red = 'red', Blue = 'blue' }` },
    expected: {},
  },
];

function check({ files, expected }: Case): void {
  const sources = Object.entries(files).map(([file, text]) => ({ file: `${ROOT}/${file}`, text }));
  assert.deepEqual(proposeConfig(discover(ROOT, sources)), expected);
}

describe('discover', () => {
  for (const row of cases) it(row.name, () => check(row));
});
