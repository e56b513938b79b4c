import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { AppConfig } from './app-config';

/**
 * The documentation cannot rot: every relative link of README.md, docs/*.md and bench/README.md leads
 * to a file of this repository, every #anchor to a heading of its page, and the configuration table
 * names every setting the engine reads. Moving a section or renaming a heading fails here, not in a
 * reader's browser.
 */
const root = resolve(__dirname, '..', '..');
const pages = [
  'README.md',
  'bench/README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** The text outside fenced code blocks and inline code, where a link is a link. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** The targets of inline links `[text](target)` and images, with the line each is on. */
export function linksOf(markdown: string): { target: string; line: number }[] {
  const out: { target: string; line: number }[] = [];
  const lines = prose(markdown).split('\n');
  lines.forEach((text, i) => {
    for (const m of text.matchAll(/!?\[[^\]]*\]\(\s*<?([^()\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push({ target: m[1], line: i + 1 });
  });
  return out;
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2. */
export function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  const withoutFences = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const m of withoutFences.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const text = m[1].replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').normalize('NFC');
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

const external = /^[a-z][a-z0-9+.-]*:/i; // http:, https:, mailto:

describe('links of the documentation', () => {
  it('finds the pages', () => {
    expect(pages).toEqual(expect.arrayContaining(['README.md', 'docs/operations.md', 'docs/glossary.md']));
  });

  it.each(pages)('%s: every relative link and #anchor resolves inside the repository', (page) => {
    const markdown = readFileSync(join(root, page), 'utf8');
    const problems: string[] = [];
    for (const { target, line } of linksOf(markdown)) {
      if (external.test(target)) continue;
      const [pathPart, anchor] = target.split('#', 2) as [string, string | undefined];
      const file = pathPart === '' ? join(root, page) : resolve(dirname(join(root, page)), decodeURIComponent(pathPart));
      const inside = relative(root, file);
      if (inside.startsWith('..') || inside.startsWith(sep) || /node_modules|^dist/.test(inside)) {
        problems.push(`${page}:${line}: ${target} leaves the repository`);
        continue;
      }
      if (!existsSync(file)) {
        problems.push(`${page}:${line}: ${target}: no such file`);
        continue;
      }
      if (anchor === undefined) continue;
      if (!statSync(file).isFile() || !file.endsWith('.md')) {
        problems.push(`${page}:${line}: ${target}: an anchor into a file that is not Markdown`);
        continue;
      }
      const wanted = decodeURIComponent(anchor).normalize('NFC');
      if (!anchorsOf(readFileSync(file, 'utf8')).has(wanted)) problems.push(`${page}:${line}: ${target}: no heading #${wanted} in ${inside}`);
    }
    expect(problems).toEqual([]);
  });

  it('names no file outside the repository (../shared, absolute paths of this machine)', () => {
    const outside = pages.filter((page) => /\.\.\/shared|\/work\/|file:\/\//.test(readFileSync(join(root, page), 'utf8')));
    expect(outside).toEqual([]);
  });
});

describe('the configuration table of docs/operations.md', () => {
  const text = readFileSync(join(root, 'docs', 'operations.md'), 'utf8');
  const section = text.slice(text.indexOf('\n## Configuration'));
  const rows = section.split('\n').filter((l) => l.startsWith('| `'));
  const named = rows.flatMap((row) => [...row.split('|')[1].matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]));

  it('names every setting of AppConfig', () => {
    expect(Object.keys(new AppConfig()).filter((key) => !named.includes(key))).toEqual([]);
  });

  it('names each setting once', () => {
    expect(named.filter((key, i) => named.indexOf(key) !== i)).toEqual([]);
  });
});

describe('anchorsOf and linksOf', () => {
  it('slugs headings as GitHub does, Vietnamese letters kept', () => {
    const anchors = anchorsOf('# The demo: `npm run demo`\n## The outline (đề cương) of a report\n## Notes\n## Notes\n```\n# not a heading\n```\n');
    expect([...anchors]).toEqual(['the-demo-npm-run-demo', 'the-outline-đề-cương-of-a-report', 'notes', 'notes-1']);
  });

  it('reads links outside code only', () => {
    expect(linksOf('see [a](docs/a.md#x) and `[b](b.md)`\n```\n[c](c.md)\n```\n![d](d.png)').map((l) => l.target)).toEqual(['docs/a.md#x', 'd.png']);
  });
});
