// Splits a GeoJSON document fed in text chunks into the texts of its features, one at a time, so a
// streamed import holds one feature (and one chunk) instead of the whole document. Pure.
// It follows strings and nesting only; each feature's text is parsed with JSON.parse by the caller,
// and the root's `type` and legacy `crs` members are kept (they are small) for checks at the end.

export class SplitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SplitError';
  }
}

export interface SplitEnd {
  /** Whether the root object had a `features` array (a FeatureCollection). */
  collection: boolean;
  /** The root's `type` and `crs` members as written (JSON text), when present. */
  typeText: string | null;
  crsText: string | null;
  /** Without a `features` array: the root object's whole text (one Feature). */
  rootText: string | null;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

export class FeatureSplitter {
  /** Most characters held at once (the unfinished feature plus the chunk being read), for tests. */
  maxBufferedChars = 0;
  /** Features split off so far. */
  count = 0;
  private carry = '';
  private depth = 0;
  private inString = false;
  private escape = false;
  private rootSeen = false;
  private rootClosed = false;
  private expectKey = false;
  private awaitingValue = false;
  private key: string | null = null;
  private inFeatures = false;
  private collection = false;
  /** Starts (in the current text) of what is being kept: -1 when nothing. */
  private rootStart = -1;
  private keyStart = -1;
  private valueStart = -1;
  private elementStart = -1;
  private readonly members = new Map<string, string>();
  private rootText: string | null = null;

  /** Reads the next chunk and returns the texts of the features it completed. */
  feed(chunk: string): string[] {
    const text = this.carry + chunk;
    this.maxBufferedChars = Math.max(this.maxBufferedChars, text.length);
    const out: string[] = [];
    for (let i = this.carry.length; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escape) this.escape = false;
        else if (c === BACKSLASH) this.escape = true;
        else if (c === QUOTE) {
          this.inString = false;
          if (this.keyStart >= 0) {
            this.key = JSON.parse(text.slice(this.keyStart, i + 1)) as string;
            this.keyStart = -1;
          }
        }
        continue;
      }
      if (isSpace(c)) continue;
      if (this.depth === 0) {
        if (this.rootClosed)
          throw new SplitError('GeoJSON is not valid JSON: there is more after the root object.');
        if (c !== OPEN_BRACE) throw new SplitError('Expected a GeoJSON FeatureCollection or Feature.');
        this.rootSeen = true;
        this.rootStart = i;
        this.depth = 1;
        this.expectKey = true;
        continue;
      }
      if (this.inFeatures && this.depth === 2) {
        if (c === COMMA || c === CLOSE_BRACKET) {
          if (this.elementStart >= 0) {
            out.push(text.slice(this.elementStart, i).trim());
            this.count += 1;
            this.elementStart = -1;
          }
          if (c === CLOSE_BRACKET) {
            this.inFeatures = false;
            this.depth = 1;
          }
          continue;
        }
        if (this.elementStart < 0) this.elementStart = i;
      }
      if (this.depth === 1) {
        if (this.expectKey && c === QUOTE) {
          this.keyStart = i;
          this.inString = true;
          this.expectKey = false;
          continue;
        }
        if (c === COLON) {
          this.awaitingValue = true;
          continue;
        }
        if (c === COMMA || c === CLOSE_BRACE) {
          this.endValue(text, i);
          if (c === COMMA) this.expectKey = true;
          else this.closeRoot(text, i);
          continue;
        }
        if (this.awaitingValue) {
          this.awaitingValue = false;
          if (this.key === 'features' && c === OPEN_BRACKET) {
            this.inFeatures = true;
            this.collection = true;
            this.depth = 2;
            // A collection: the root's text is no longer needed, only its small members.
            this.rootStart = -1;
            continue;
          }
          if (this.key === 'type' || this.key === 'crs') this.valueStart = i;
        }
      }
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth += 1;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) this.depth -= 1;
    }
    this.keep(text);
    return out;
  }

  /** The root's legacy `crs` member as written, once it has been read (null before or without one). */
  get crsText(): string | null {
    return this.members.get('crs') ?? null;
  }

  /** After the last chunk: what the root said about itself; throws when the document is cut short. */
  end(): SplitEnd {
    if (!this.rootSeen) throw new SplitError('Expected a GeoJSON FeatureCollection or Feature.');
    if (!this.rootClosed || this.inString)
      throw new SplitError('GeoJSON is not valid JSON: the file ends before the root object closes.');
    return {
      collection: this.collection,
      typeText: this.members.get('type') ?? null,
      crsText: this.members.get('crs') ?? null,
      rootText: this.collection ? null : this.rootText,
    };
  }

  private endValue(text: string, i: number): void {
    if (this.valueStart >= 0 && this.key !== null)
      this.members.set(this.key, text.slice(this.valueStart, i).trim());
    this.valueStart = -1;
    this.key = null;
  }

  private closeRoot(text: string, i: number): void {
    this.depth = 0;
    this.rootClosed = true;
    if (this.rootStart >= 0) this.rootText = text.slice(this.rootStart, i + 1);
    this.rootStart = -1;
  }

  /** Keeps only the text still needed (an unfinished feature, key or member; a root not yet known to be a collection). */
  private keep(text: string): void {
    const starts = [this.rootStart, this.keyStart, this.valueStart, this.elementStart].filter((s) => s >= 0);
    if (starts.length === 0) {
      this.carry = '';
      return;
    }
    const from = Math.min(...starts);
    this.carry = text.slice(from);
    const shift = (s: number) => (s >= 0 ? s - from : s);
    this.rootStart = shift(this.rootStart);
    this.keyStart = shift(this.keyStart);
    this.valueStart = shift(this.valueStart);
    this.elementStart = shift(this.elementStart);
  }
}
