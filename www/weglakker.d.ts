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
