#!/usr/bin/env bash
# npm test: system check, type check, lint, vitest (unit + integration), Playwright e2e.
# Runs every stage even when an earlier one fails, then prints one line "N passed, N failed"
# (type check and lint count as one test each) and exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.."
mkdir -p test/artifacts

passed=0
failed=0
skipped=0
stage() { printf '\n\033[1m▶ %s\033[0m\n' "$*"; }

stage "Kiểm tra phần mềm hệ thống (system dependencies)"
if ! npx --no-install tsx test/system/check-deps.ts; then
  echo "Dừng: thiếu phần mềm hệ thống, xem hướng dẫn ở trên."
  echo "0 passed, 1 failed"
  exit 1
fi

stage "Type check (tsc)"
if npx --no-install tsc --noEmit -p tsconfig.json; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

stage "Lint (eslint)"
if npx --no-install eslint . --max-warnings=0; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

count_json() { # file → "passed failed skipped"
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    if (r.numPassedTests !== undefined) { console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0) + (r.success === false && r.numFailedTests === 0 ? 1 : 0), (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)); }
    else { const s = r.stats; if (s.flaky) console.error(`Cảnh báo: ${s.flaky} kiểm thử e2e chỉ đạt ở lần chạy lại (flaky) — xem báo cáo ở trên.`); console.log(s.expected + (s.flaky ?? 0), s.unexpected, s.skipped ?? 0); }
  ' "$1" 2>/dev/null || echo "0 1 0"
}

stage "Unit and integration tests (vitest)"
rm -f test/artifacts/vitest.json
npx --no-install vitest run --reporter=default --reporter=json --outputFile.json=test/artifacts/vitest.json
vitest_rc=$?
if [ -f test/artifacts/vitest.json ]; then
  read -r p f k < <(count_json test/artifacts/vitest.json)
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + k))
  [ "$vitest_rc" -ne 0 ] && [ "$f" -eq 0 ] && failed=$((failed + 1))
else
  failed=$((failed + 1))
fi

if [ -f playwright.config.ts ]; then
  stage "End-to-end tests (Playwright, browser mode)"
  rm -f test/artifacts/playwright.json
  PLAYWRIGHT_JSON_OUTPUT_NAME=test/artifacts/playwright.json npx --no-install playwright test --reporter=list,json
  pw_rc=$?
  if [ -f test/artifacts/playwright.json ]; then
    read -r p f k < <(count_json test/artifacts/playwright.json)
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + k))
    [ "$pw_rc" -ne 0 ] && [ "$f" -eq 0 ] && failed=$((failed + 1))
  else
    failed=$((failed + 1))
  fi
fi

echo
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
