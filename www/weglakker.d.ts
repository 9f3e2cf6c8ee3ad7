// Types for weglakker.js (hand-written; the facade is the supported API, not pkg/).

/** A stable kind id (DESIGN.md section 2). */
export type KindId =
  | 'person' | 'handle' | 'email' | 'phone' | 'ip' | 'url' | 'address' | 'location'
  | 'bsn' | 'iban' | 'credit_card' | 'license_plate' | 'date' | 'birth_date'
  | 'health' | 'religion' | 'politics' | 'ethnicity' | 'sexual_orientation'
  | 'trade_union' | 'criminal';

/** What happens to a finding of some kind. */
export type Operator =
  /** Leave the value as it is. */
  | { type: 'keep' }
  /** Remove the value, leaving `[VERWIJDERD]`. */
  | { type: 'redact' }
  /** Replace the value by its kind's label: `[PERSOON]`. */
  | { type: 'tag' }
  /** A consistent pseudonym per value and run: `[PERSOON-3]`. */
  | { type: 'pseudonym' }
  /** Hide all but some letters and digits: `06-******78`. */
  | {
      type: 'mask';
      /** Letters and digits left visible at the start (default 0). */
      keepFirst?: number;
      /** Letters and digits left visible at the end (default 0). */
      keepLast?: number;
      /** The masking character (default `*`). */
      char?: string;
    }
  /** Make the value coarser: a date to month or year, an IP address to its network. */
  | {
      type: 'generalise';
      /** For dates: `'month'` (default) or `'year'`. */
      to?: 'month' | 'year';
    }
  /** Remove a whole field (fields only; in text it acts as `redact`). */
  | { type: 'drop' };

/** A deny-list entry: a bare term (reported as `person`) or a term with its kind. */
export type DenyEntry = string | {
  /** The exact term: whole words, any ASCII case. */
  term: string;
  /** The kind to report it as. */
  kind: KindId;
};

/** A policy (DESIGN.md section 5). Every field is optional here; `version` defaults to 1. */
export interface Policy {
  /** The policy format version; only 1 exists. */
  version?: 1;
  /** Languages of the text; empty or absent means Dutch and English. */
  languages?: Array<'nl' | 'en'>;
  /** The language of labels in the output (`[PERSOON]` or `[PERSON]`); default `'nl'`. */
  labels?: 'nl' | 'en';
  /** An operator per kind; kinds not named are pseudonymised (identifiers) or tagged (special categories). */
  operators?: Partial<Record<KindId, Operator>>;
  /** An operator per structured field name (e.g. `author`); used by file formats. */
  fields?: Record<string, Operator>;
  /** Values that are found but kept (whole finding, any case). */
  allow?: string[];
  /** Terms that are always found and minimised. */
  deny?: DenyEntry[];
  /** The organisation's own accounts (`@DefensieNL`): never minimised. */
  ownAccounts?: string[];
  /** Official channels as `platform:account` (`x:@DefensieNL`), for triage. */
  officialChannels?: string[];
  /** Pseudonym settings. */
  pseudonyms?: {
    /** `'numbered'` (`[PERSOON-1]`, default) or `'keyed'` (HMAC with a local key). */
    style?: 'numbered' | 'keyed';
  };
}

/** One finding. Offsets are UTF-16 code units: `text.slice(start, end) === finding.text`. */
export interface Finding {
  /** What kind of personal data. */
  kind: KindId;
  /** First code unit. */
  start: number;
  /** One past the last code unit. */
  end: number;
  /** The matched text. */
  text: string;
  /** Confidence from 0 to 1. */
  score: number;
  /** The rule that found it (`'phone.nl'`, `'deny'`, ...). */
  rule: string;
  /** True when the allow list or own accounts cover it: reported, but kept. */
  allowed: boolean;
}

/** One replacement, with UTF-16 spans in the input and in the output text. */
export interface Replacement {
  /** The kind of the finding. */
  kind: KindId;
  /** `'keep'`, `'redact'`, `'tag'`, `'pseudonym'`, `'mask'` or `'generalise'`. */
  operator: string;
  /** Start in the input. */
  start: number;
  /** End in the input. */
  end: number;
  /** Start in the output text. */
  outputStart: number;
  /** End in the output text. */
  outputEnd: number;
}

/** An anonymised text and what was replaced. */
export interface Anonymised {
  /** The text with every finding replaced per policy. */
  text: string;
  /** One entry per finding, in input order. */
  replacements: Replacement[];
}

/** A kind with its labels, for legends and editors. */
export interface KindInfo {
  /** The stable id. */
  id: KindId;
  /** Identifier or special category (AVG art. 9 and 10). */
  group: 'identifier' | 'special';
  /** Dutch tag label (`PERSOON`). */
  nl: string;
  /** English tag label (`PERSON`). */
  en: string;
}

/** Options for {@link engine}. */
export interface EngineOptions {
  /** The policy: an object or its JSON text; default the built-in policy. */
  policy?: Policy | string;
  /** Only these kinds are reported; default every kind. */
  kinds?: KindId[];
}

/** An engine for one policy and one run. */
export interface Engine {
  /** The findings in `text`, sorted and not overlapping. */
  scan(text: string): Finding[];
  /** Scans and anonymises `text`; pseudonyms are consistent across calls until `reset()`. */
  anonymise(text: string): Anonymised;
  /** Starts a new run: pseudonym numbering begins again. */
  reset(): void;
  /** The policy in effect, with defaults filled in. */
  policy(): Policy;
  /** Frees the engine's memory; it cannot be used afterwards. */
  free(): void;
}

/**
 * Compiles and instantiates the WebAssembly module, once (later calls return the same
 * promise). `source`: bytes, a compiled module, a Response or a URL; default the module
 * inlined in the page, else `pkg/weglakker_bg.wasm` next to weglakker.js.
 */
export function load(
  source?: BufferSource | WebAssembly.Module | Response | URL | string,
): Promise<{ version: string; kinds: KindInfo[] }>;

/** An engine for `options.policy` and `options.kinds`. Throws an `Error` for a bad policy. */
export function engine(options?: EngineOptions): Engine;

/** The findings in `text` under `policy` (default the built-in policy). */
export function scan(text: string, policy?: Policy | string): Finding[];

/** `text` anonymised under `policy`; calls with the same policy share one pseudonym run. */
export function anonymise(text: string, policy?: Policy | string): Anonymised;

/** Starts a new pseudonym run for `policy`, or for every policy when none is given. */
export function reset(policy?: Policy | string): void;

/** The crate version. */
export function version(): string;

/** Every kind with its labels. */
export function kinds(): KindInfo[];

/** Options of {@link processFile}, {@link processInWorkers} and {@link processWhole}. */
export interface ProcessOptions {
  /** Any `--format` name of the CLI: `text` (the whole file is one record), `jsonl` (one
   * JSON object per line), `json`, `x-archive`, `facebook`, `instagram`, `mastodon`, `csv`,
   * `linkedin`, `zip`; or `auto` (by `name`'s extension, then by content). Default `auto`.
   * Triage and `keep` apply to every format (a zip's records numbered across its entries,
   * its fields named `entry:field`). */
  format?: FormatId | 'auto';
  /** The policy: an object (`version` may be left out) or its JSON text. Default: built-in. */
  policy?: Policy | string;
  /** The secret key for keyed pseudonyms (bytes, or a string taken as UTF-8). Stays in the
   * browser; never in the report. Required when the policy asks for keyed pseudonyms. */
  key?: Uint8Array | string;
  /** Leave reactions that triage does not archive out of the output (the CLI's --triage). */
  triage?: boolean;
  /** The input's file name: for the report and for format detection. */
  name?: string;
  /** The language of triage reasons and of `reportHtml`. Default: the policy's labels. */
  lang?: 'nl' | 'en';
  /** Hand back every record's fields and findings (default true; false saves memory). */
  records?: boolean;
  /** Findings a person decided to keep as they are: record number, field name and the
   * finding's UTF-16 start in that field's text. */
  keep?: { record: number; field: string; start: number }[];
  /** The line number of the first line (for a chunk of a larger file). Default 1. */
  firstLine?: number;
  /** The number of the first record (for a chunk of a larger file). Default 0. */
  firstRecord?: number;
}

/** A format the core reads. */
export type FormatId =
  | 'text' | 'jsonl' | 'json' | 'x-archive' | 'x-api' | 'youtube' | 'facebook' | 'instagram' | 'mastodon'
  | 'csv' | 'linkedin' | 'zip' | 'xlsx';

/** One text field of a record with its findings (UTF-16 offsets into `text`). */
export interface FieldReview {
  /** The field name: `text`, or a JSON pointer without the slash such as `user/name`. */
  field: string;
  /** The field's text. */
  text: string;
  /** Its findings; `allowed` is true for those kept (allow list, own account or `keep`). */
  findings: Finding[];
}

/** One record as reviewed. */
export interface RecordReview {
  /** The record number in the whole file (0-based; blank lines are not records). */
  record: number;
  /** The line it is on (1-based; 0 for formats whose records are not lines). */
  line: number;
  /** The record's `id` member, or null. */
  id: unknown;
  /** The triage decision of the record (every format). */
  decision: 'archive' | 'not_archived_sentiment' | 'refer_channel' | 'burgerbrief' | 'review' | null;
  /** Why, in `lang` (null without a decision). */
  reason: string | null;
  /** True when a person should check the decision. */
  review: boolean;
  /** False when triage left the record out of the output. */
  written: boolean;
  /** Its scanned text fields. */
  fields: FieldReview[];
}

/** What {@link processFile} returns. */
export interface Processed {
  /** The minimised file, in the input's format (CSV keeps its encoding; else UTF-8). */
  output: Uint8Array;
  /** The format used (after `auto` detection). */
  format: FormatId;
  /** The report (counts, hashes, policy summary; never an original value or the key). */
  report: Record<string, unknown>;
  /** The readable report page (HTML, self-contained). */
  reportHtml: string;
  /** Every record (empty with `records: false`). */
  records: RecordReview[];
  /** Set when the input was not UTF-8 (e.g. read as windows-1252). */
  note: string | null;
}

/** Processes a whole file on the calling thread. Throws an `Error` naming the line. */
export function processFile(bytes: Uint8Array, options?: ProcessOptions): Processed;

/** Progress of {@link processInWorkers}: chunks done of total, records and bytes so far. */
export interface Progress {
  done: number;
  total: number;
  records: number;
  bytes: number;
}

/**
 * The compact summary of a scan over every record (what {@link processInWorkers} resolves
 * to). Per-record arrays are indexed by record number; the records themselves stay in the
 * workers: ask for the ones to show with `records(numbers)`.
 */
export interface Review {
  /** The format used (after `auto` detection). */
  format: FormatId;
  /** The number of records in the file. */
  total: number;
  /** Set when the input was not UTF-8. */
  note: string | null;
  /** Findings in the whole file. */
  findingCount: number;
  /** Kind ids in bit order: bit `i` of `kinds[record]` is `kindIds[i]`. */
  kindIds: string[];
  /** The triage decisions that occur; `decisions[record]` is 0 (none) or 1 + an index here. */
  decisionNames: string[];
  /** Per record: its triage decision (see `decisionNames`). */
  decisions: Uint8Array;
  /** Per record: the kinds found in it, as a bit set (see `kindIds`). */
  kinds: Uint32Array;
  /** Per record: its number of findings. */
  findings: Uint32Array;
  /** Per kind: findings in the whole file, and how many of them are allowed (kept). */
  kindTotals: Map<string, { all: number; allowed: number }>;
  /** Per value (lower case): its number of findings in the whole file. */
  values: Map<string, number>;
  /** Every text field name seen. */
  fieldNames: string[];
  /** The records a policy's `triageOverrides` names (by id, else by record number):
   * record number → decision. */
  overridden(overrides?: Record<string, string>): Map<number, string>;
  /** The records numbered `numbers`, in that order, from the workers (rejects once the
   * workers were stopped by `cancel()` or a new scan began). */
  records(numbers: number[]): Promise<(RecordReview | null)[]>;
}

/**
 * Scans a file for review in the worker pool (one worker per core, at most 4); JSON Lines
 * is split into line-aligned chunks, read by each worker from the Blob (never copied as a
 * whole). Pseudonyms are NOT consistent across chunks: use {@link processWhole} for the
 * output. A new scan makes the workers forget the previous one.
 */
export function processInWorkers(
  source: Blob | Uint8Array,
  options?: ProcessOptions & {
    /** Called after every chunk. */
    onProgress?: (progress: Progress) => void;
    /** Aborting cancels the scan; the promise rejects with an Error named `AbortError`. */
    signal?: AbortSignal;
  },
): Promise<Review>;

/** What {@link processWhole} returns: processFile's result with the output as a Blob. */
export interface ProcessedWhole extends Omit<Processed, 'output' | 'records'> {
  /** The minimised file. */
  output: Blob;
}

/**
 * Processes the whole file in one worker with one engine (consistent pseudonyms): JSON
 * Lines (and text without triage or `keep`) through a {@link Session}, chunk by chunk, so
 * neither the input nor the output is ever one piece; other formats in one piece.
 */
export function processWhole(
  source: Blob | Uint8Array,
  options?: ProcessOptions & {
    /** Bytes read so far, for the chunked formats. */
    onProgress?: (progress: { done: number; total: number }) => void;
  },
): Promise<ProcessedWhole>;

/**
 * A large JSON Lines (or text) file processed chunk after chunk with one engine and one
 * anonymiser (see {@link session}; worker.js runs one for {@link processWhole}). Chunks may
 * be cut anywhere; errors name the line in the whole file.
 */
export interface Session {
  /** Feeds the next bytes; returns the output of every line completed so far. */
  chunk(bytes: Uint8Array): Uint8Array;
  /** Ends the session: the rest of the output, the report over the whole file. */
  finish(): Omit<Processed, 'records'>;
  /** Frees the WebAssembly memory. */
  free(): void;
}

/** Starts a {@link Session} on this thread: processFile's options, `format` `jsonl` or
 * `text` (text: no triage, no keep). Throws an `Error` naming what is wrong. */
export function session(options: ProcessOptions): Session;

/** What the pool cuts by: `jsonl` (line-aligned chunks), `text`, or `auto` (the core
 * detects any other format, in one job). An explicit `format` is returned as it is. */
export function detectFormat(bytes: Uint8Array, name?: string, format?: string): string;

/** Ends every running worker job (they reject with an AbortError). */
export function cancel(): void;

/**
 * `<weglakker-app>` (module `weglakker-app.js`): the whole review app as a custom element.
 * Attributes: `policy` (JSON), `own-accounts` (comma or space separated), `lang` (`nl` or
 * `en`), `no-storage` (do not save the policy in localStorage). Fires `weglakker-ready`.
 */
export interface WeglakkerAppElement extends HTMLElement {
  /** The policy: set an object or JSON text (replaces the policy, scans again); get the
   * policy in effect. */
  policy: Policy | string | undefined;
  /** Own accounts added to the policy (never minimised; used by triage). */
  ownAccounts: string[];
  /** Resolves once the WebAssembly module is loaded; `ms` is the load time. */
  readonly ready: Promise<{ ms: number }>;
}
