// Decodes an uploaded text file: UTF-8 (with or without BOM) when the bytes are valid UTF-8, else the
// Windows code page that fits — cp1251 for Cyrillic text, cp1250 for Central European text. Pure.
export type TextEncodingName = 'utf-8' | 'windows-1250' | 'windows-1251';
export const TEXT_ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'windows-1250', 'windows-1251'];

export function decodeText(
  bytes: Uint8Array,
  encoding?: TextEncodingName,
): { text: string; encoding: TextEncodingName } {
  const chosen = encoding ?? guessEncoding(bytes);
  // TextDecoder drops a leading UTF-8 BOM itself.
  return { text: new TextDecoder(chosen).decode(bytes), encoding: chosen };
}

function guessEncoding(bytes: Uint8Array): TextEncodingName {
  const sniffer = new EncodingSniffer();
  sniffer.feed(bytes);
  return sniffer.guess();
}

/**
 * The same guess over a file read in chunks (a streamed import reads it twice: once to guess, once to
 * parse), holding three bytes of state instead of the file.
 */
export class EncodingSniffer {
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });
  private valid = true;
  // In cp1251 a Cyrillic word is a run of bytes ≥ 0xC0; in cp1250 an accented letter (č 0xE8,
  // ř 0xF8, ő 0xF5) mostly stands alone between ASCII letters (Pančevo). Count which kind dominates.
  private inRuns = 0;
  private alone = 0;
  /** Whether the byte before the current chunk was high, and a high byte still waiting for its next. */
  private prevHigh = false;
  private pending = false;
  private pendingPrevHigh = false;

  feed(bytes: Uint8Array): void {
    if (this.valid) {
      try {
        this.utf8.decode(bytes, { stream: true });
      } catch {
        this.valid = false;
      }
    }
    for (let i = 0; i < bytes.length; i++) {
      const high = (bytes[i] ?? 0) >= 0x80;
      if (this.pending) this.count(this.pendingPrevHigh || high);
      this.pending = high;
      this.pendingPrevHigh = this.prevHigh;
      this.prevHigh = high;
    }
  }

  /** Whether every byte so far was valid UTF-8 (including a sequence cut at the end). */
  get validUtf8(): boolean {
    if (!this.valid) return false;
    try {
      this.utf8.decode(new Uint8Array(0), { stream: false });
      return true;
    } catch {
      return false;
    }
  }

  guess(): TextEncodingName {
    if (this.validUtf8) return 'utf-8';
    if (this.pending) {
      this.count(this.pendingPrevHigh);
      this.pending = false;
    }
    return this.inRuns > this.alone ? 'windows-1251' : 'windows-1250';
  }

  private count(nextToHigh: boolean): void {
    if (nextToHigh) this.inRuns += 1;
    else this.alone += 1;
  }
}
