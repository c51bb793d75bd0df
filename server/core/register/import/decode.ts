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
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    // Not UTF-8: an 8-bit Windows code page.
  }
  // In cp1251 a Cyrillic word is a run of bytes ≥ 0xC0; in cp1250 an accented letter (č 0xE8,
  // ř 0xF8, ő 0xF5) mostly stands alone between ASCII letters (Pančevo). Count which kind dominates.
  let inRuns = 0;
  let alone = 0;
  for (let i = 0; i < bytes.length; i++) {
    if ((bytes[i] ?? 0) < 0x80) continue;
    const nextHigh = (bytes[i + 1] ?? 0) >= 0x80 || (bytes[i - 1] ?? 0) >= 0x80;
    if (nextHigh) inRuns += 1;
    else alone += 1;
  }
  return inRuns > alone ? 'windows-1251' : 'windows-1250';
}
