/**
 * Lịch nghỉ đã thay đổi on the dossier: the appointment given, the same counted again under the
 * calendar of now, what changed, and for a head the two decisions (an apology with a new
 * appointment, or keeping the appointment). Officers see it too, and know whom to ask.
 */
import { Alert, Button, Space } from 'antd';
import type { CalendarReview } from '../../../shared/api/schemas';
import { Kbd } from '../../components/Kbd';
import { CALENDAR_CHANGED_TITLE, reviewLines } from '../../lib/calendarReview';
import { shortTime } from '../../lib/format';

export function ReviewLines({ review }: { review: CalendarReview }) {
  return (
    <dl className="review-lines" data-testid="calendar-review">
      {reviewLines(review).map((l) => (
        <div key={l.label}>
          <dt>{l.label}:</dt> <dd>{l.text}</dd>
        </div>
      ))}
    </dl>
  );
}

export function CalendarReviewAlert({
  review,
  decides,
  onApology,
  onKeep,
}: {
  review: CalendarReview;
  /** A head or an administrator: the decisions are theirs. */
  decides: boolean;
  onApology: () => void;
  onKeep: () => void;
}) {
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={CALENDAR_CHANGED_TITLE}
      description={
        <>
          <ReviewLines review={review} />
          {decides ? (
            <Space wrap>
              {review.proposedDueAt ? (
                <Button type="primary" onClick={onApology}>
                  Xin lỗi và hẹn lại {shortTime(review.proposedDueAt)} <Kbd>Alt+X</Kbd>
                </Button>
              ) : null}
              <Button onClick={onKeep}>
                Giữ ngày hẹn {shortTime(review.dueAt)} <Kbd>Alt+H</Kbd>
              </Button>
            </Space>
          ) : (
            <em>Chờ lãnh đạo quyết định: xin lỗi và hẹn lại, hoặc giữ ngày hẹn đã in.</em>
          )}
        </>
      }
    />
  );
}
