#!/usr/bin/env bash
# The researcher workflow end to end: scenario gate, then cohort -> batch -> coverage report.
# Usage: samples/RuleCoverageResearch/run.sh [N] [SEED]     (defaults: 10000 patients, seed 1)
# Outputs go to samples/RuleCoverageResearch/out/.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
n="${1:-10000}"
seed="${2:-1}"
out="$here/out"
mkdir -p "$out"

# Build the tool once, then run the built assembly (faster than 'dotnet run' for each step).
dotnet build "$root/src/Imuran.ClinicalRules.Cli" -c Release --nologo -v quiet
imuran_rules() { dotnet "$root/src/Imuran.ClinicalRules.Cli/bin/Release/net10.0/imuran-rules.dll" "$@"; }

echo "1. Scenario set: every rule must fire (exit 3 otherwise)"
imuran_rules scenarios > "$out/scenarios.ndjson"
imuran_rules coverage "$out/scenarios.ndjson" --min-rule-coverage 100 > "$out/scenarios-coverage.md"

echo "2. Synthetic cohort: $n patients, seed $seed (prevalences: imuran-rules cohort --show-options)"
imuran_rules cohort --show-options > "$out/cohort-prevalences.md"
imuran_rules cohort -n "$n" --seed "$seed" > "$out/cohort.ndjson"

echo "3. Batch: one result per patient, in input order"
imuran_rules batch "$out/cohort.ndjson" > "$out/results.ndjson"

echo "4. Coverage and alert burden of the cohort"
imuran_rules coverage "$out/cohort.ndjson" --format md > "$out/coverage.md"
imuran_rules coverage "$out/cohort.ndjson" --format html > "$out/coverage.html"
imuran_rules coverage "$out/cohort.ndjson" --format json > "$out/coverage.json"
imuran_rules coverage "$out/cohort.ndjson" --format csv > "$out/coverage.csv"

echo
echo "Alert burden (findings per 1,000 patients by severity):"
sed -n '/^## By severity/,/^## By topic/p' "$out/coverage.md" | grep '^|'
echo
echo "Reports: $out/coverage.md, coverage.html, coverage.json, coverage.csv; per-patient results: $out/results.ndjson"
