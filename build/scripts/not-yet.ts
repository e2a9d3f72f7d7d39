/**
 * Commands whose host is not built yet say what they will do and exit non-zero: none pretends.
 */
const what = process.argv[2];
const plans: Record<string, string> = {
  web: 'npm run web sẽ chạy MotCua Desk ở chế độ trình duyệt: phục vụ ứng dụng trên 127.0.0.1 (cổng PORT) với mã truy cập ngẫu nhiên và in ra địa chỉ để mở. Phần này đang được xây dựng (issue "The counter").',
  server: 'npm run server sẽ chạy máy chủ đồng bộ trung tâm (Fastify, PostgreSQL/PGlite) trên HOST:PORT, mặc định 127.0.0.1:8787. Phần này đang được xây dựng (issue "Sync").',
};
console.error(plans[what ?? ''] ?? `Lệnh chưa có: ${what}`);
process.exit(2);
