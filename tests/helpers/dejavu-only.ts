// A machine without the app's fonts, for tests that print through Chromium: fontconfig is pointed
// at a folder holding DejaVu Sans alone, so any script the export does not carry itself would come
// out as boxes. Chromium inherits the environment when it starts.
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './temp';

const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** Points FONTCONFIG_FILE at DejaVu Sans alone; returns the folder and a function that puts it back. */
export function dejaVuOnlyFonts(prefix: string): { dir: string; restore: () => void } {
  const dir = tempDir(prefix);
  fs.mkdirSync(path.join(dir, 'fonts'));
  fs.copyFileSync(DEJAVU, path.join(dir, 'fonts', 'DejaVuSans.ttf'));
  fs.writeFileSync(
    path.join(dir, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${dir}/fonts</dir><cachedir>${dir}/cache</cachedir></fontconfig>\n`,
  );
  const saved = process.env.FONTCONFIG_FILE;
  process.env.FONTCONFIG_FILE = path.join(dir, 'fonts.conf');
  return {
    dir,
    restore: () => {
      if (saved === undefined) delete process.env.FONTCONFIG_FILE;
      else process.env.FONTCONFIG_FILE = saved;
    },
  };
}
