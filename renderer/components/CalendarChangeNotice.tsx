/**
 * The notice under the header after a calendar change put appointments in question (lịch nghỉ đã
 * thay đổi): what changed, where it came from (Cài đặt, a holiday file, the central server at the
 * last sync), how many dossiers still wait for a head's decision, and the way to the board's
 * group. Closing it closes it on this workstation. Asked every 15 s (a passive call, so it keeps
 * no session awake) and right after a change made on this screen.
 */
import { Alert, Button } from 'antd';
import { call } from '../api/client';
import { usePolledNotice } from '../lib/polledNotice';
import { CALENDAR_CHANGED_TITLE } from '../lib/calendarReview';
import { instantTime } from '../lib/format';
import { useBoardFilters } from '../stores/boardFilters';
import { useRoute } from '../stores/route';

/** Dispatched on window by a screen that changed the calendar, so the notice asks at once. */
export const CALENDAR_CHANGED_EVENT = 'motcua:calendar-changed';

const askNotice = () => call('calendar.changeNotice');

export function CalendarChangeNotice({ active }: { active: boolean }) {
  const [notice, setNotice] = usePolledNotice(askNotice, active, CALENDAR_CHANGED_EVENT);
  const go = useRoute((s) => s.go);
  const setFilters = useBoardFilters((s) => s.setFilters);

  if (!notice) return null;
  return (
    <Alert
      banner
      type="warning"
      data-testid="calendar-change-notice"
      title={
        <span>
          <strong>{CALENDAR_CHANGED_TITLE}</strong> ({notice.sourceLabel}, {instantTime(notice.at)}
          ): {notice.text}. <strong>{notice.open} hồ sơ</strong> đang giải quyết có ngày hẹn cần
          lãnh đạo xem lại (xin lỗi và hẹn lại, hoặc giữ ngày hẹn).
        </span>
      }
      action={
        <Button
          size="small"
          onClick={() => {
            setFilters({ bucket: 'calendar_changed' });
            go({ screen: 'board' });
          }}
        >
          Xem danh sách
        </Button>
      }
      closable={{
        'aria-label': 'Đóng thông báo lịch nghỉ đã thay đổi',
        onClose: () => {
          setNotice(null);
          void call('calendar.dismissChangeNotice', { id: notice.id }).catch(() => undefined);
        },
      }}
    />
  );
}
