#!/usr/bin/env bash
# Installs clang and its sanitizer/libFuzzer runtimes (Debian) when missing:
# the sanitised build (build-san) and the fuzzers need them. Idempotent.
set -euo pipefail
if command -v clang++ >/dev/null 2>&1 &&
   dpkg-query -W -f='${Status}' libclang-rt-14-dev 2>/dev/null |
     grep -q "install ok installed"; then
  exit 0
fi
echo "setup: installing clang libclang-rt-14-dev" >&2
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
  --no-install-recommends clang libclang-rt-14-dev >/dev/null
