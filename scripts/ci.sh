#!/usr/bin/env bash
# The one check sequence that .ci/run, check.yml and publish.yml all call, so the three cannot
# drift: validate (report to the job summary) → every test → build the site. A failure at any step
# stops here, so nothing after it, and in particular no deploy, happens.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build time comes from the commit, never the clock: the same commit builds the same bytes.
SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}"
export SOURCE_DATE_EPOCH

echo "::group::Kiểm tra dữ liệu / validate data"
report=$(mktemp)
status=0
npm run --silent validate -- --format markdown >"$report" || status=$?
cat "$report"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$report" >>"$GITHUB_STEP_SUMMARY"; fi
rm -f "$report"
echo "::endgroup::"
if [ "$status" -ne 0 ]; then
  echo "Dữ liệu có lỗi: không xây dựng, không xuất bản. / Data have errors: nothing is built or published." >&2
  exit "$status"
fi

echo "::group::Kiểm thử / test"
npm test
echo "::endgroup::"

echo "::group::Xây dựng trang / build (base: ${SITE_BASE:-/})"
npm run build
echo "::endgroup::"
