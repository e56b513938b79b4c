import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');

/**
 * Makes sure LibreOffice and poppler-utils are there (config/bin/ensure-libreoffice.sh installs
 * them when missing, as root): a no-op of a few milliseconds once they are.
 */
export async function ensureLibreOffice(): Promise<void> {
  await run('bash', [join(ROOT, 'config', 'bin', 'ensure-libreoffice.sh')], { timeout: 600_000 });
}

/**
 * Converts Word files to PDF as a reader's office suite lays them out (`soffice --headless
 * --convert-to pdf`), in one run with a profile of its own, so that another soffice on the machine
 * neither blocks nor is blocked. Answers the PDF paths, in the order of `docx`.
 */
export async function toPdf(docx: { name: string; content: Buffer }[], outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'tongket-pdf-'));
  try {
    const inputs = docx.map(({ name, content }) => {
      const path = join(outDir, `${name}.docx`);
      writeFileSync(path, content);
      return path;
    });
    await run(
      'soffice',
      [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...inputs],
      { timeout: 180_000 },
    );
    return inputs.map((path) => path.replace(/\.docx$/, '.pdf'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export async function pageCount(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)![1]);
}

/**
 * The text of one page (1-based), or of the whole PDF: in reading order, each column of the header
 * and of the signature block on its own (`pdftotext`), or laid out as printed (`layout`, for a
 * table's rows).
 */
export async function pdfText(pdf: string, page?: number, layout = false): Promise<string> {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const { stdout } = await run('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', ...range, pdf, '-']);
  return stdout.normalize('NFC');
}

/** Every page as a PNG at `dpi` (`pdftoppm -png`), named after the PDF: <name>-1.png, <name>-2.png… */
export async function toPngs(pdf: string, dpi = 60): Promise<string[]> {
  const prefix = pdf.replace(/\.pdf$/, '');
  await run('pdftoppm', ['-png', '-r', String(dpi), pdf, prefix]);
  const dir = join(prefix, '..');
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${basename(prefix)}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f));
}

/** Text with its whitespace (line breaks, layout spaces) collapsed, to find phrases wrapped over lines. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Text without whitespace or hyphens: a justified line comes out of pdftotext with spaces inside
 * words ("nhi ệm"), and a word wrapped at its hyphen loses it ("2015-" "2020" → "20152020").
 */
export function squash(text: string): string {
  return text.replace(/[\s\-\u2010\u2011]+/g, '');
}

/** Checks that the phrases occur in this order in `text` (compared squashed), naming the first one missing. */
export function expectPhrasesInOrder(text: string, phrases: string[], what: string): void {
  const all = squash(text);
  let from = 0;
  for (const phrase of phrases) {
    const at = all.indexOf(squash(phrase), from);
    if (at < 0) throw new Error(`${what}: ${JSON.stringify(phrase)} not found after position ${from}: …${all.slice(Math.max(0, from - 80), from + 300)}…`);
    from = at + squash(phrase).length;
  }
}

export const ARTIFACTS = join(ROOT, 'test', 'artifacts', 'documents');
