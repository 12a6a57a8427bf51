import { existsSync, readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';

/** A font file and, for a collection (.ttc), the face to use in it. */
interface FontFace {
  path: string;
  face: string;
}

/** The two parsed faces a document is set in (parsed once per process: a CJK collection is 19 MB). */
export interface CjkFonts {
  regular: fontkit.Font;
  bold: fontkit.Font;
}

/** Noto Sans CJK SC from Debian's fonts-noto-cjk (npm start and npm test install it). */
const NOTO_DIR = '/usr/share/fonts/opentype/noto';
const faces = (dir: string): { regular: FontFace; bold: FontFace } => ({
  regular: { path: `${dir}/NotoSansCJK-Regular.ttc`, face: 'NotoSansCJKsc-Regular' },
  bold: { path: `${dir}/NotoSansCJK-Bold.ttc`, face: 'NotoSansCJKsc-Bold' },
});

const parsed = new Map<string, fontkit.Font>();
function parse({ path, face }: FontFace): fontkit.Font {
  const key = `${path}#${face}`;
  let font = parsed.get(key);
  if (!font) {
    const opened = fontkit.create(readFileSync(path), face);
    if (!('layout' in opened)) throw new Error(`${path} has no face named ${face}`);
    font = opened;
    parsed.set(key, font);
  }
  return font;
}

/**
 * The Chinese fonts documents embed (subset): from `fontDir` when given (a directory holding the two
 * Noto Sans CJK collections), else Debian's. Throws a message that says how to install them when they
 * are missing, since a PDF must never fall back to a font without Chinese glyphs.
 */
export function cjkFonts(fontDir = NOTO_DIR): CjkFonts {
  const { regular, bold } = faces(fontDir);
  const missing = [regular, bold].filter((f) => !existsSync(f.path)).map((f) => f.path);
  if (missing.length > 0)
    throw new Error(
      `the Chinese fonts for printed documents are missing (${missing.join(', ')}): install Debian's ` +
        `fonts-noto-cjk ("apt-get install -y fonts-noto-cjk"; npm start does it as root), or set DOCUMENT_FONT_DIR ` +
        `to a directory holding NotoSansCJK-Regular.ttc and NotoSansCJK-Bold.ttc`,
    );
  return { regular: parse(regular), bold: parse(bold) };
}
