#!/usr/bin/env bash
# Builds WorldPlay once and runs every test project under tests/.
#
#   ./test.sh                          # everything
#   ./test.sh --filter LawTests        # any extra arguments go to `dotnet test`
#
# Ends with one line, "N passed, N failed" (", N skipped" when some were skipped), and exits
# non-zero when a test failed, a project produced no results, or no test ran at all.
set -euo pipefail

cd "$(dirname "$0")"

results="$(mktemp -d "${TMPDIR:-/tmp}/worldplay-tests.XXXXXX")"

# --- services ----------------------------------------------------------------------------------
# Outside services some tests need (Azurite for the Azure storage tests) start here, on free ports
# chosen at run time, and stop on any exit through the trap. None are needed yet.
start_services() {
  :
}

stop_services() {
  :
}

trap stop_services EXIT

# --- build -------------------------------------------------------------------------------------
echo "Building WorldPlay.sln (Release)..."
if ! dotnet build WorldPlay.sln -c Release --nologo -v quiet; then
  echo "Build failed; no tests were run."
  exit 1
fi

start_services

# --- test --------------------------------------------------------------------------------------
# Reads one counter (total, passed, failed, notExecuted, ...) from a TRX file's <Counters .../>.
counter() {
  local value
  value="$({ grep -o '<Counters [^>]*>' "$2" || true; } | head -n 1 | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p")"
  echo "${value:-0}"
}

total=0 passed=0 failed=0 skipped=0 broken=0

for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  trx="$results/$name.trx"
  echo
  echo "== $name"
  code=0
  dotnet test "$project" --no-build -c Release --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" || code=$?

  if [[ ! -f "$trx" ]]; then
    echo "== $name: no results (dotnet test exited with $code)"
    broken=$((broken + 1))
    continue
  fi

  t="$(counter total "$trx")"
  p="$(counter passed "$trx")"
  f=$(($(counter failed "$trx") + $(counter error "$trx") + $(counter timeout "$trx") + $(counter aborted "$trx")))
  # Skipped tests are counted as not executed; some test platforms leave notExecuted at 0 and
  # only total minus executed shows them.
  s=$((t - $(counter executed "$trx")))
  if [[ $(counter notExecuted "$trx") -gt $s ]]; then
    s="$(counter notExecuted "$trx")"
  fi
  total=$((total + t)) passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
  echo "== $name: $t tests, $p passed, $f failed, $s skipped"

  # A crashed or aborted run can end non-zero without counting a failed test.
  if [[ $code -ne 0 && $f -eq 0 ]]; then
    echo "== $name: dotnet test exited with $code"
    broken=$((broken + 1))
  fi
done

# --- summary -----------------------------------------------------------------------------------
echo
echo "Test results (TRX): $results"
if [[ $total -eq 0 ]]; then
  echo "No tests ran."
fi
if [[ $broken -gt 0 ]]; then
  echo "$broken project(s) did not run cleanly."
fi

summary="$passed passed, $failed failed"
if [[ $skipped -gt 0 ]]; then
  summary="$summary, $skipped skipped"
fi
echo "$summary"

if [[ $failed -gt 0 || $broken -gt 0 || $total -eq 0 ]]; then
  exit 1
fi
