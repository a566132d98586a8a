#!/usr/bin/env bash
# Installs the local test servers and tools into ~/.cache/carebridge-tools (idempotent):
#   - s3s-fs, a real S3-compatible server (crates.io), for the document storage tests;
#   - a Python virtualenv with fhir.resources (the independent FHIR validator) and pyedflib
#     (an independent EDF reader, whose wheel ships real EDF/BDF test recordings), pydicom and
#     pydicom-data (a real chest radiograph, RG1_UNCR.dcm);
#   - schemathesis in the same virtualenv, the property-based API fuzzer of scripts/fuzz.sh;
#   - coturn (the Debian package, /usr/bin/turnserver), the TURN relay of scripts/demo.sh and of
#     the TURN credential test (tests/api/turn.rs); apt-get, with sudo when not root;
#   - Chromium (the Debian package), the browser of the web app's Playwright tests;
#   - HAProxy (the Debian package, /usr/sbin/haproxy), the load balancer of scripts/cluster.sh,
#     of the rolling-deploy test (tests/api/cluster.rs) and of `scripts/bench.sh soak`;
#   - poppler-utils (the Debian package: pdftotext, pdftoppm), with which the tests read the
#     prescription PDF's text as a reader's tool extracts it (tests/api/records.rs).
set -euo pipefail
tools="${CAREBRIDGE_TOOLS:-$HOME/.cache/carebridge-tools}"
mkdir -p "$tools"

if [ ! -x "$tools/bin/s3s-fs" ]; then
  echo "installing s3s-fs 0.14.1 into $tools (about 2-3 minutes, once)" >&2
  CARGO_TARGET_DIR="$tools/build" cargo install s3s-fs --version 0.14.1 --features binary \
    --locked --root "$tools" --quiet
  rm -rf "$tools/build"
fi

if [ ! -x "$tools/venv/bin/python" ] \
   || ! "$tools/venv/bin/python" -c 'import fhir.resources.R4B, pyedflib, pydicom, data_store' 2>/dev/null; then
  echo "installing fhir.resources, pyedflib and pydicom with pydicom-data (real EDF and DICOM test files) into $tools/venv" >&2
  python3 -m venv "$tools/venv"
  "$tools/venv/bin/pip" install --quiet --disable-pip-version-check \
    'fhir.resources==8.3.0' 'pyedflib==0.1.42' 'pydicom==3.0.2' 'pydicom-data==1.0.0'
fi

if ! "$tools/venv/bin/python" -c \
     'import importlib.metadata as m, sys; sys.exit(m.version("schemathesis") != "4.32.5")' 2>/dev/null; then
  echo "installing schemathesis 4.32.5 (the API fuzzer of scripts/fuzz.sh) into $tools/venv" >&2
  "$tools/venv/bin/pip" install --quiet --disable-pip-version-check 'schemathesis==4.32.5'
fi

if [ ! -x /usr/bin/turnserver ]; then
  echo "installing coturn (the Debian package: /usr/bin/turnserver)" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq coturn
  # The package enables its system service; the demo and the tests start their own turnserver.
  if [ -d /run/systemd/system ]; then $sudo systemctl disable --now coturn || true; fi
fi

if [ ! -x /usr/lib/chromium/chromium ]; then
  echo "installing Chromium (the Debian package: /usr/lib/chromium/chromium) for the web app's tests" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
fi

if ! command -v haproxy >/dev/null; then
  echo "installing HAProxy (the Debian package: /usr/sbin/haproxy) for scripts/cluster.sh and its tests" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy
  # The package enables its system service; the cluster and the tests start their own.
  if [ -d /run/systemd/system ]; then $sudo systemctl disable --now haproxy || true; fi
fi

if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
  echo "installing poppler-utils (the Debian package: pdftotext, pdftoppm) for the PDF tests" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils
fi

# The ML benchmark compares with onnxruntime (PyPI); only `scripts/bench.sh ml` asks for it.
if [ "${1:-}" = "--onnx" ] && ! "$tools/venv/bin/python" -c 'import onnx, onnxruntime, safetensors' 2>/dev/null; then
  echo "installing onnx, onnxruntime and safetensors into $tools/venv" >&2
  "$tools/venv/bin/pip" install --quiet --disable-pip-version-check \
    'onnx==1.23.2' 'onnxruntime==1.32.0' 'safetensors==0.8.0'
fi
