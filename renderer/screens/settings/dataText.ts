/** What the Dữ liệu tab says: sizes, and the warning before this machine's data is set aside. */
import { thousands } from '../../lib/format';
import { unsyncedCount, type SyncStatus } from '../../stores/sync';

const UNITS = ['byte', 'KB', 'MB', 'GB', 'TB'] as const;

/** 0 → '0 byte', 1536 → '1,5 KB', 12_345_678 → '11,8 MB' (binary units, Vietnamese comma). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${thousands(value)} byte`;
  const rounded = value >= 100 ? String(Math.round(value)) : value.toFixed(1).replace('.', ',');
  return `${rounded.replace(/,0$/, '')} ${UNITS[unit]}`;
}

/** The confirmation before data.reset: what happens, and what would be lost to the server. */
export function resetWarning(
  status: SyncStatus | null,
  archiveDir: string,
): { title: string; content: string; okText: string; unsynced: number } {
  const n = unsyncedCount(status);
  const what = `Cơ sở dữ liệu hiện tại được chuyển vào ${archiveDir} (không bị xóa hẳn), máy trở về bước cài đặt ban đầu và phiên làm việc kết thúc.`;
  if (n === 0) {
    return {
      title: 'Xóa dữ liệu máy này?',
      content: status?.configured ? `${what} Mọi sự kiện đã được gửi lên máy chủ.` : what,
      okText: 'Xóa dữ liệu máy này',
      unsynced: 0,
    };
  }
  if (!status?.configured) {
    return {
      title: `${thousands(n)} sự kiện hồ sơ chỉ có trên máy này`,
      content: `Máy này chưa đăng ký đồng bộ: ${thousands(n)} sự kiện hồ sơ không có ở máy chủ, chỉ còn trong bản lưu. Hãy sao lưu thư mục dữ liệu trước. ${what}`,
      okText: 'Vẫn xóa dữ liệu máy này',
      unsynced: n,
    };
  }
  const refused = status.rejected.length;
  const detail =
    refused > 0 ? ` (trong đó ${thousands(refused)} sự kiện bị máy chủ từ chối chưa xử lý)` : '';
  return {
    title: `Còn ${thousands(n)} sự kiện chưa gửi lên máy chủ`,
    content: `${thousands(n)} sự kiện trên máy này chưa đến máy chủ${detail}. Nếu xóa bây giờ, máy chủ sẽ không bao giờ nhận được chúng, trừ khi khôi phục bản lưu. ${what}`,
    okText: `Vẫn xóa (bỏ ${thousands(n)} sự kiện chưa gửi)`,
    unsynced: n,
  };
}
