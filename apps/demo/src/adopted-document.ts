import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWordFile } from '@app/core/documents/word-file';
import { ApiClient } from './api-client';

interface Adoption {
  number: number;
  symbol: string;
  adoptedOn: string;
  place: string;
  signer: { fullName: string; title: string | null; how: string };
}

/**
 * The product of the whole process: the Khối's adopted report as the Party office sends it. Downloads
 * the Word document and its Excel appendix of figures per unit to `outDir`, prints the document's
 * first lines and its signature as a reader sees them, and checks they carry the adoption's number,
 * date and signer (never the draft's marks).
 */
export async function printAdoptedDocument(reader: ApiClient, planId: string, rootCode: string, outDir: string): Promise<void> {
  const { current } = await reader.get<{ current: Adoption | null }>(`/api/plans/${planId}/adoption`);
  if (!current) throw new Error('The Khối’s report has no adoption after the Standing Committee approved it');
  const docx = await reader.download(`/api/plans/${planId}/consolidated.docx`);
  const xlsx = await reader.download(`/api/plans/${planId}/indicators.xlsx?unit=${encodeURIComponent(rootCode)}`);
  mkdirSync(outDir, { recursive: true });
  const docxPath = join(outDir, `bao-cao-tong-ket-${rootCode}.docx`);
  const xlsxPath = join(outDir, `phu-luc-so-lieu-${rootCode}.xlsx`);
  writeFileSync(docxPath, docx);
  writeFileSync(xlsxPath, xlsx);

  const lines = readWordFile(docx).paragraphs.filter((p) => p.trim());
  const signed = lines.findIndex((p) => p.startsWith('T/M '));
  const [day, month, year] = current.adoptedOn.split('-').reverse();
  const expected = [`Số ${current.symbol}`, `ngày ${day} tháng ${month} năm ${year}`, current.signer.fullName];
  console.log(
    `\nThe Khối's report, adopted by the Standing Committee: số ${current.symbol}, ${current.place} ${day}/${month}/${year}, signed by ${current.signer.fullName}${current.signer.title ? `, ${current.signer.title}` : ''}`,
  );
  console.log('First lines of the document, as a reader sees them:');
  for (const line of lines.slice(0, 14)) console.log(`  | ${line.length > 110 ? `${line.slice(0, 107)}…` : line}`);
  console.log('  | …');
  for (const line of lines.slice(signed, signed + 4)) console.log(`  | ${line}`);
  const text = lines.join('\n');
  const problems = [
    ...expected.filter((e) => e && !text.includes(e)).map((e) => `the document lacks "${e}"`),
    ...(text.includes('DỰ THẢO') ? ['the adopted document is still marked DỰ THẢO'] : []),
    ...(signed < 0 ? ['the document has no signature block'] : []),
  ];
  if (problems.length) throw new Error(`The adopted document is not as adopted: ${problems.join('; ')}`);
  console.log(
    `Written: ${docxPath} (${(docx.length / 1024).toFixed(0)} KB) and its appendix of figures per unit ${xlsxPath} (${(xlsx.length / 1024).toFixed(0)} KB)`,
  );
}
