// The glyph stacks shipped in server/assets/glyphs, shared by the Natural Earth and the detailed styles.
export const FONT_REGULAR = ['DejaVu Sans Book'];
export const FONT_BOLD = ['DejaVu Sans Bold'];
export const FONT_ITALIC = ['DejaVu Sans Oblique'];
