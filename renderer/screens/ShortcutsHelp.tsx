/** Phím tắt (F1): the keys of the whole app, by screen. Loaded the first time it is opened. */
import { Table } from 'antd';
import { Dialog } from '../components/Dialog';
import { Kbd } from '../components/Kbd';

export const GLOBAL_SHORTCUTS: [string, string][] = [
  ['F2', 'Tiếp nhận hồ sơ mới'],
  ['F8', 'Theo dõi hồ sơ'],
  ['F7', 'Báo cáo (lãnh đạo, quản trị viên)'],
  ['F9', 'Cài đặt (quản trị viên)'],
  ['Alt+L', 'Khóa màn hình'],
  ['F1', 'Danh sách phím tắt'],
];

export const RECEPTION_SHORTCUTS: [string, string][] = [
  ['F3', 'Tìm thủ tục (gõ không dấu, mũi tên lên/xuống, Enter để chọn)'],
  ['F4', 'Quét mã QR trên thẻ căn cước'],
  ['Enter', 'Sang ô tiếp theo'],
  ['Space', 'Đánh dấu giấy tờ đã nộp (trong danh sách thành phần hồ sơ)'],
  ['Ctrl+Enter', 'Tiếp nhận hồ sơ'],
  ['Alt+B', 'Yêu cầu bổ sung, hoàn thiện hồ sơ'],
  ['Alt+T', 'Từ chối tiếp nhận'],
  ['Alt+N', 'Tiếp nhận hồ sơ tiếp theo, cùng thủ tục'],
  ['Ctrl+P', 'In phiếu đang xem trước'],
  ['Esc', 'Đóng hộp thoại'],
];

export const BOARD_SHORTCUTS: [string, string][] = [
  ['Ctrl+F', 'Tìm hồ sơ theo mã, tên, số giấy tờ'],
  ['1 … 9, 0', 'Chọn nhóm hồ sơ (khi không gõ trong ô nhập)'],
  ['Alt+Q', 'Nhóm "Lịch nghỉ đã thay đổi": xem lại và quyết định cho nhiều hồ sơ'],
  ['↑ ↓ PgUp PgDn', 'Di chuyển trong danh sách'],
  ['Enter', 'Mở hồ sơ đang chọn'],
  ['Alt+G · Alt+K · Alt+R', 'Bàn giao · Nhận kết quả · Trả kết quả (trong hồ sơ)'],
  ['Alt+X · Alt+H', 'Xin lỗi và hẹn lại · Giữ ngày hẹn (lãnh đạo, trong hồ sơ)'],
];

export const REPORTS_SHORTCUTS: [string, string][] = [
  ['Enter', 'Xem báo cáo của kỳ đã nhập (trong ô Từ ngày, Đến ngày)'],
  ['Alt+X', 'Xuất báo cáo ra tệp Excel'],
];

export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Phím tắt" onCancel={onClose} footer={null} width={640}>
      {[
        ['Chung', GLOBAL_SHORTCUTS],
        ['Tiếp nhận hồ sơ', RECEPTION_SHORTCUTS],
        ['Theo dõi hồ sơ', BOARD_SHORTCUTS],
        ['Báo cáo', REPORTS_SHORTCUTS],
      ].map(([title, rows]) => (
        <Table
          key={title as string}
          size="small"
          pagination={false}
          title={() => <strong>{title as string}</strong>}
          rowKey={(r) => r[0]}
          dataSource={rows as [string, string][]}
          columns={[
            { title: 'Phím', dataIndex: 0, width: 200, render: (k: string) => <Kbd>{k}</Kbd> },
            { title: 'Việc', dataIndex: 1 },
          ]}
          style={{ marginBottom: 12 }}
        />
      ))}
    </Dialog>
  );
}
