#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (/usr/bin/chromium); no test tool downloads a browser of its own.
# When it is missing and we are root, install Debian's package; otherwise say how.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found: installing Debian's chromium package for the browser tests..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends chromium >&2
  exit 0
fi
echo "Chromium (/usr/bin/chromium) not found. Install it (Debian: sudo apt-get install chromium) to run the browser tests." >&2
exit 1
