import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { countUnitsAndUsers } from '@app/dal';
import { invalid, OrgImportChanges, orgImportChanges, OrgSheetImport, readOrgSheets, SheetProblem } from '@app/domain';
import { Actor } from '../common/actor';
import { assertSafeXlsxArchive, XlsxFileRefused } from '../figures/xlsx-archive-guard';
import { OrgImports } from './org-imports.service';
import { OrgImportView } from './org-import-view';
import { readOrgWorkbook } from './org-workbook-reader';
import { exportRows, knownOrg, storedOrg } from './org-workbook-state';
import { writeOrgWorkbook } from './org-workbook-writer';

/**
 * What an uploaded workbook may unpack to: a Bloc's tree and people are some tens of megabytes of
 * sheet XML; more is refused before anything is parsed.
 */
const ORG_XLSX_LIMITS = { entries: 200, uncompressedBytes: 96 * 1024 * 1024 } as const;

/** What POST /api/org/import.xlsx?dryRun=true answers: the changes, and every problem by sheet, row and column. */
export interface OrgWorkbookPreview {
  /** True when the file has no problem and can be applied as it is. */
  valid: boolean;
  /** Rows read: units and people (a person counted once, whatever their rows). */
  units: number;
  users: number;
  counts: OrgImportChanges['counts'] & { unitsNotInFile: number; usersNotInFile: number };
  /** Units and people created or changed, with their fields before and after and each person's roles and positions gained and lost (as the audit records them). */
  changes: Pick<OrgImportChanges, 'units' | 'users'>;
  problems: SheetProblem[];
}

/**
 * The organisation as an Excel workbook: the template to fill, the export of what is stored (which
 * re-imports as no change), and an upload, previewed without writing anything or applied through
 * the org import's job as one change. A file with any problem is refused whole, with every problem.
 */
@Injectable()
export class OrgWorkbooks {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly imports: OrgImports,
  ) {}

  writeTemplate(out: Writable): Promise<void> {
    return writeOrgWorkbook(out, { units: [], people: [] });
  }

  /** Read in one snapshot, so the people's units are the units written. */
  async writeExport(out: Writable): Promise<void> {
    const rows = await this.db.transaction('REPEATABLE READ', (em) => exportRows(em));
    await writeOrgWorkbook(out, rows);
  }

  async preview(bytes: Buffer): Promise<OrgWorkbookPreview> {
    const read = await this.read(bytes);
    const stored = await storedOrg(
      this.db.manager,
      read.units.map((u) => u.code),
      read.users.map((u) => u.username),
    );
    const changes = orgImportChanges(stored, read);
    const { units, users } = await countUnitsAndUsers(this.db);
    return {
      valid: read.problems.length === 0,
      units: read.units.length,
      users: read.users.length,
      counts: { ...changes.counts, unitsNotInFile: units - stored.units.size, usersNotInFile: users - stored.people.size },
      changes: { units: changes.units, users: changes.users },
      problems: read.problems,
    };
  }

  /**
   * Applies an upload through the org import (its job, progress, audit and set-password links),
   * refused with 400 and every problem when there is any, so nothing changes.
   */
  async apply(bytes: Buffer, actor: Actor): Promise<OrgImportView> {
    const read = await this.read(bytes);
    if (read.problems.length) {
      throw invalid(`Tệp có ${read.problems.length} lỗi; chưa thay đổi gì. Sửa các ô được nêu rồi tải lên lại.`, { problems: read.problems });
    }
    return this.imports.submit({ units: read.units, users: read.users }, actor);
  }

  private async read(bytes: Buffer): Promise<OrgSheetImport> {
    try {
      await assertSafeXlsxArchive(bytes, ORG_XLSX_LIMITS);
      const sheets = await readOrgWorkbook(bytes);
      const usernames = [...new Set(sheets.people?.rows.map((r) => r.cells.username).filter((u) => u !== '') ?? [])];
      return readOrgSheets(sheets, await knownOrg(this.db.manager, usernames));
    } catch (error) {
      if (error instanceof XlsxFileRefused) {
        throw invalid(error.message, { problems: [{ sheet: '', row: null, column: null, heading: null, cell: null, message: error.message }] });
      }
      throw error;
    }
  }
}
