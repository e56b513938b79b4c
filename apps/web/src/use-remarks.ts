/** A report's remarks, loaded once per page, with each answered or new remark put in its place. */
import { useCallback, useEffect, useState } from 'react';
import { api, errorText } from './api-client';
import type { Remark } from './review-types';

export interface Remarks {
  all: Remark[];
  error: string | null;
  /** The remarks on one item, oldest first. */
  of: (sectionKey: string) => Remark[];
  /** Puts the engine's answer in place of the remark it changed, or adds it. */
  put: (remark: Remark) => void;
}

export function useRemarks(reportId: string): Remarks {
  const [all, setAll] = useState<Remark[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    api
      .get<Remark[]>(`/api/reports/${reportId}/remarks`)
      .then((remarks) => current && (setAll(remarks), setError(null)))
      .catch((e) => current && setError(`Không tải được các góp ý: ${errorText(e)}`));
    return () => {
      current = false;
    };
  }, [reportId]);
  const of = useCallback((key: string) => all.filter((r) => r.section === key), [all]);
  const put = useCallback(
    (remark: Remark) => setAll((list) => (list.some((r) => r.id === remark.id) ? list.map((r) => (r.id === remark.id ? remark : r)) : [...list, remark])),
    [],
  );
  return { all, error, of, put };
}
