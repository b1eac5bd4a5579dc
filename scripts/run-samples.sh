#!/usr/bin/env bash
# The main job on samples/: set up (idempotent), then convert every sample into out/samples/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/congvan convert samples -o out/samples || true
.venv/bin/python - <<'PY'
import json, pathlib
summary = json.loads(pathlib.Path("out/samples/summary.json").read_text())
print(f"{summary['ok']} of {summary['files']} samples converted into out/samples/ ({summary['failed']} failed)")
PY
