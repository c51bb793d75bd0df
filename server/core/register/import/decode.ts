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
  // In cp1251 every Cyrillic letter is a byte ≥ 0xC0, so Russian or Ukrainian text is mostly such
  // bytes; in cp1250 they are the occasional accented letter (č 0xE8, ř 0xF8, ő 0xF5) among ASCII.
  let letters = 0;
  let high = 0;
  for (const b of bytes) {
    if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) letters += 1;
    else if (b >= 0xc0) {
      letters += 1;
      high += 1;
    }
  }
  return letters > 0 && high / letters > 0.3 ? 'windows-1251' : 'windows-1250';
}
