#!/usr/bin/env bash
# Builds WorldPlay once and runs every test project under tests/, then (without arguments) `worldplay bench calibrate` on the
# development half of the labelled corpus and the TypeScript client's tests in client/typescript against a live `worldplay serve`.
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
# Outside services some tests need start here, on free ports chosen at run time, and stop on any exit
# through the trap. Azurite (Azure Table and Blob, in memory) serves the Azure storage tests; npm
# installs it once into .worldplay/tools (ignored by git) and node runs it directly, so its PID is ours.
# Its version is pinned once, in .env (docker-compose.yml and the local cluster read it too).
azurite_version="$(sed -n 's/^AZURITE_VERSION=//p' .env)"
tools=".worldplay/tools"
azurite_pid=""

# Prints N ports that are free right now (the OS picks them; nothing holds them after this returns).
free_ports() {
  python3 -c '
import socket, sys
held = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in held:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in held))
for s in held:
    s.close()' "$1"
}

# True once something accepts connections on 127.0.0.1:$1.
answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start_services() {
  local azurite="$tools/node_modules/azurite/dist/src/azurite.js"
  if ! grep -qs "\"version\": \"$azurite_version\"" "$tools/node_modules/azurite/package.json"; then
    echo "Installing Azurite $azurite_version into $tools..."
    mkdir -p "$tools"
    npm install --prefix "$tools" "azurite@$azurite_version" --no-audit --no-fund --loglevel=error
  fi

  local blob queue table
  read -r blob queue table <<<"$(free_ports 3)"
  local log="$results/azurite.log"
  # --skipApiVersionCheck: Azure.Storage.Blobs 12.30.1 asks for API version 2026-10-06, which the pinned Azurite
  # (2026-06-06) would refuse although it serves every call the event store makes.
  node "$azurite" --silent --inMemoryPersistence --disableTelemetry --skipApiVersionCheck \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "$blob" --queuePort "$queue" --tablePort "$table" >"$log" 2>&1 &
  azurite_pid=$!

  local waited=0
  until answers "$table" && answers "$blob"; do
    if ! kill -0 "$azurite_pid" 2>/dev/null; then
      echo "Azurite exited before it listened on ports $blob (blob) and $table (table); its output:"
      cat "$log"
      exit 1
    fi
    if [[ $waited -ge 300 ]]; then
      echo "Azurite did not listen on 127.0.0.1:$table (table) and :$blob (blob) within 30 s; its output is in $log."
      exit 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  echo "Azurite $azurite_version (PID $azurite_pid): blob $blob, table $table."

  # The well-known development account of every Azurite (documented and public, not a secret).
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  export WORLDPLAY_TEST_AZURE_STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;\
BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;\
TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
}

stop_services() {
  if [[ -n "$azurite_pid" ]]; then
    kill "$azurite_pid" 2>/dev/null || true
    wait "$azurite_pid" 2>/dev/null || true
    azurite_pid=""
  fi
}

# Headless Chromium for the browser tests comes from Debian, never from Playwright's downloads. It is installed
# when missing (as root, or through sudo when that needs no password); when it cannot be, the browser tests fail
# and say why.
ensure_chromium() {
  local chromium="${WORLDPLAY_CHROMIUM:-/usr/bin/chromium}"
  if [[ -x "$chromium" ]]; then
    return
  fi
  if [[ -n "${WORLDPLAY_CHROMIUM:-}" ]]; then
    echo "WORLDPLAY_CHROMIUM=$chromium does not exist; the browser tests will fail."
    return
  fi
  local run_as_root=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      run_as_root=(sudo -n)
    else
      echo "Chromium is missing and installing it needs root; run 'apt-get install -y chromium' as root, or the browser tests will fail."
      return
    fi
  fi
  local log="$results/chromium-install.log"
  echo "Installing Chromium from Debian (apt-get install chromium) for the browser tests..."
  if ! { "${run_as_root[@]}" apt-get update -qq &&
    "${run_as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >"$log" 2>&1 ||
    [[ ! -x "$chromium" ]]; then
    echo "Could not install Chromium (apt-get output: $log); the browser tests will fail."
  fi
}

trap stop_services EXIT

# --- build -------------------------------------------------------------------------------------
echo "Building WorldPlay.sln (Release)..."
if ! dotnet build WorldPlay.sln -c Release --nologo -v quiet; then
  echo "Build failed; no tests were run."
  exit 1
fi

ensure_chromium
start_services

# --- test --------------------------------------------------------------------------------------
# Reads one counter (total, passed, failed, notExecuted, ...) from a TRX file's <Counters .../>.
counter() {
  local value
  value="$({ grep -o '<Counters [^>]*>' "$2" || true; } | head -n 1 | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p")"
  echo "${value:-0}"
}

total=0 passed=0 failed=0 skipped=0 broken=0

# A test project is a folder named *.Tests; tests/WorldPlay.Testing holds the helpers they share and has no tests.
for project in tests/*.Tests/*.csproj; do
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

# --- the labelled corpus -----------------------------------------------------------------------
# 'worldplay bench calibrate' (the Release build above) measures the detectors on the development half of the labelled corpus
# (docs/bench.md, "Calibration"). It counts as one check: passed when it exits 0 and prints its tables, failed otherwise, a
# missing corpus included. WORLDPLAY_CALIBRATE_DIR points it at another labelled folder. Like the TypeScript client, it runs
# with the whole suite only.
worldplay_dll="client/WorldPlay.Cli/bin/Release/net10.0/worldplay.dll"

calibrate() {
  local dir="${WORLDPLAY_CALIBRATE_DIR:-tests/WorldPlay.Evaluation.Tests/Labelled/dev}"
  local tables="$results/calibrate.txt"
  echo
  echo "== bench calibrate $dir"
  local code=0
  dotnet "$worldplay_dll" bench calibrate "$dir" >"$tables" || code=$?
  cat "$tables"
  total=$((total + 1))
  if [[ $code -eq 0 ]] && grep -q '^  category .* precision .* recall' "$tables"; then
    passed=$((passed + 1))
    echo "== bench calibrate: passed"
  else
    failed=$((failed + 1))
    echo "== bench calibrate: failed (exited with $code)"
  fi
}

if [[ $# -eq 0 ]]; then
  calibrate
fi

# --- the TypeScript client ---------------------------------------------------------------------
# client/typescript's tests (node's test runner) play against `worldplay serve --keys` from the Release build above.
# They run with the whole suite only: extra arguments are filters for `dotnet test`. Their counts come from the TAP
# summary (# tests, # pass, # fail, ...) that node writes to a file beside the TRX files.
if [[ $# -eq 0 ]]; then
  echo
  echo "== worldplay-client (TypeScript)"
  tap="$results/worldplay-client.tap"
  code=0
  (cd client/typescript && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build &&
    node --test --test-reporter=spec --test-reporter-destination=stdout \
      --test-reporter=tap --test-reporter-destination="$tap" dist/test/*.test.js) || code=$?

  if [[ ! -f "$tap" ]]; then
    echo "== worldplay-client: no results (exited with $code)"
    broken=$((broken + 1))
  else
    tap_count() {
      local value
      value="$(sed -n "s/^# $1 \([0-9]*\)$/\1/p" "$tap" | tail -n 1)"
      echo "${value:-0}"
    }
    t="$(tap_count tests)" p="$(tap_count pass)"
    f=$(($(tap_count fail) + $(tap_count cancelled)))
    s=$(($(tap_count skipped) + $(tap_count todo)))
    total=$((total + t)) passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
    echo "== worldplay-client: $t tests, $p passed, $f failed, $s skipped"
    if [[ $code -ne 0 && $f -eq 0 ]]; then
      echo "== worldplay-client: exited with $code"
      broken=$((broken + 1))
    fi
  fi
fi

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
