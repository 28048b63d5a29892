// Names the command line offers, kept apart from the modules that implement them, so that `--help`, `--version`
// and usage errors answer without loading Spectral.

import { InvalidArgumentError } from 'commander';

export const PACKAGE_NAME = 'spectral-auth-responses';

/** The team rulesets the command picks up from the working directory, in this order of preference. */
export const DEFAULT_RULESET_FILES = ['.spectral.yaml', '.spectral.yml', '.spectral.json'];

/** Output formats, by the names `spectral lint -f` uses; report.ts maps each to Spectral's own formatter. */
export const FORMAT_NAMES = [
  'stylish',
  'json',
  'sarif',
  'github-actions',
  'junit',
  'text',
  'pretty',
  'markdown',
  'html',
  'teamcity',
  'code-climate',
  'gitlab',
] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** Spectral's severities, by the names `--fail-severity` takes. */
export const SEVERITIES = { error: 0, warn: 1, info: 2, hint: 3 } as const;
export type SeverityName = keyof typeof SEVERITIES;

/** The largest document the command reads unless told otherwise (`--max-file-size`): GitHub's REST description is 13 MB. */
export const DEFAULT_MAX_FILE_MEGABYTES = 32;

/** `--max-file-size`'s value: megabytes, a positive number. */
export function megabytesOption(value: string): number {
  return positiveNumber(value, 'expected a positive number of megabytes, such as 64');
}

/** A positive, finite number, fractions allowed; else a usage error that says what was expected. */
function positiveNumber(value: string, expected: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number <= 0) throw new InvalidArgumentError(expected);
  return number;
}

/** The command's exit codes: 2 (usage or input error) wins over 1 (findings). */
export const EXIT = { clean: 0, findings: 1, usageOrInput: 2 } as const;

/** One readable line (or a few) from what the bundler, Spectral's ruleset validation or the file system throws. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const nested = (error as { errors?: unknown }).errors;
  // Spectral's ruleset validation errors carry the path of the offending value: `rules.x.severity: must be ...`.
  const path = (error as { path?: unknown }).path;
  const located = Array.isArray(path) && path.length > 0 ? `${path.join('.')}: ${error.message}` : error.message;
  const parts = Array.isArray(nested) && nested.length > 0 ? nested.map(describeError) : [located];
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error && !parts.some((part) => part.includes(cause.message))) parts.push(cause.message);
  return parts.join('; ');
}

/** `1 document`, `3 documents`. */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The suppressions file, read from the working directory when present (`--suppressions-location` names another). */
export const SUPPRESSIONS_FILE = `${PACKAGE_NAME}-suppressions.json`;

/** The cache file of `--cache`, in the working directory unless `--cache-location` names another. */
export const CACHE_FILE = `.${PACKAGE_NAME}-cache`;

/** `--concurrency`: a number of worker threads, `auto`, or `off` (lint in the command's own thread). */
export type Concurrency = number | 'auto' | 'off';

export function concurrencyOption(value: string): Concurrency {
  if (value === 'auto' || value === 'off') return value;
  const threads = Number(value);
  if (!Number.isInteger(threads) || threads < 1) {
    throw new InvalidArgumentError('expected a whole number of threads from 1 up, auto or off');
  }
  return threads;
}

/** `--shard K/N`: the K-th (from 1) of N parts. */
export interface Shard {
  index: number;
  count: number;
}

export function shardOption(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || count < 1 || index < 1 || index > count) {
    throw new InvalidArgumentError('expected K/N with 1 <= K <= N, such as 2/4');
  }
  return { index, count };
}

/** `probe --server`: an http(s) URL, the origin (and path) every request of the probe stays under. */
export function serverOption(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError('expected an http:// or https:// URL, such as http://127.0.0.1:8080');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError('expected an http:// or https:// URL, such as http://127.0.0.1:8080');
  }
  if (url.username !== '' || url.password !== '') {
    throw new InvalidArgumentError('give credentials in the --credentials file, not in the URL');
  }
  return url;
}

/** A positive number (`--rate`): fractions allowed, `0.5` is one request every two seconds. */
export function positiveNumberOption(value: string): number {
  return positiveNumber(value, 'expected a positive number');
}

/** A whole number from 1 up (`--timeout`, `--max-requests`). */
export function positiveIntegerOption(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number < 1) throw new InvalidArgumentError('expected a whole number from 1 up');
  return number;
}

/** Sorts strings the same on every machine, whatever its locale. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
