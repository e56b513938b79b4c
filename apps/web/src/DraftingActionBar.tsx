/**
 * The bar that stays at the bottom of the drafting page: how many items are done, whether what was
 * typed is saved, and the submit button with a short word beside it when a submit was refused.
 */
import { forwardRef } from 'react';
import { useConnection } from './connection';

interface Props {
  done: number;
  total: number;
  saveText: string;
  saveFailed: boolean;
  refusal: string | null;
  canSubmit: boolean;
  submitting: boolean;
  onSubmit: () => void;
}

export const DraftingActionBar = forwardRef<HTMLButtonElement, Props>(function DraftingActionBar(
  { done, total, saveText, saveFailed, refusal, canSubmit, submitting, onSubmit },
  submitButton,
) {
  const connection = useConnection();
  const save = connection === 'offline' ? 'Chưa lưu được (mất kết nối); nội dung đã giữ trên máy này.' : saveText;
  return (
    <div className="action-bar" id="action-bar" tabIndex={-1} aria-label="Thanh nộp báo cáo" role="region">
      <span className="progress" data-testid="drafting-progress">
        <strong>
          {done}/{total}
        </strong>{' '}
        mục đã đủ
      </span>
      <span className={`save-status ${saveFailed || connection === 'offline' ? 'error-text' : ''}`} role="status" aria-live="polite">
        {save}
      </span>
      <span className="submit-group">
        {refusal && (
          <span className="refusal error-text" id="submit-refusal">
            {refusal}
          </span>
        )}
        <button
          type="button"
          ref={submitButton}
          onClick={onSubmit}
          disabled={!canSubmit || submitting}
          aria-describedby={refusal ? 'submit-refusal' : undefined}
        >
          {submitting ? 'Đang nộp…' : 'Nộp báo cáo'}
        </button>
      </span>
    </div>
  );
});
