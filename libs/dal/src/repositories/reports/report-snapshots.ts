import type { Indicators, SectionMap } from '@app/domain';
import { Queryable } from '../queryable';

export interface ReportSnapshotRow {
  seq: number;
  round: number;
  sections: SectionMap;
  indicators: Indicators;
  submittedAt: Date;
  submittedBy: string | null;
}

/** The content as it was at each submit, oldest first. */
export async function listReportSnapshots(db: Queryable, reportId: string): Promise<ReportSnapshotRow[]> {
  return db.query(
    `SELECT s.seq, s.round, s.sections, s.indicators, s.submitted_at AS "submittedAt", u.username AS "submittedBy"
         FROM report_snapshots s LEFT JOIN users u ON u.id = s.submitted_by WHERE s.report_id = $1 ORDER BY s.seq`,
    [reportId],
  );
}

export interface NewReportSnapshot {
  reportId: string;
  round: number;
  sectionsJson: string;
  indicatorsJson: string;
  submittedBy: string;
}

/** Keeps the content being submitted under the report's next sequence number; returns that number. */
export async function insertReportSnapshot(db: Queryable, snapshot: NewReportSnapshot): Promise<number> {
  const [row]: { seq: number }[] = await db.query(
    `INSERT INTO report_snapshots (report_id, seq, round, sections, indicators, submitted_by)
         SELECT $1, COALESCE(max(seq), 0) + 1, $2, $3, $4, $5 FROM report_snapshots WHERE report_id = $1 RETURNING seq`,
    [snapshot.reportId, snapshot.round, snapshot.sectionsJson, snapshot.indicatorsJson, snapshot.submittedBy],
  );
  return row.seq;
}
