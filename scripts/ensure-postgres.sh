#!/usr/bin/env bash
# The embedded database needs PostgreSQL's server programs (initdb, pg_ctl, postgres). When none are on
# PATH or under /usr/lib/postgresql and no external server is configured, install Debian's package
# (as root), or say how to.
set -euo pipefail
if [ -n "${NEWSPULSE__ConnectionStrings__NewsPulse:-}" ] || [ -n "${NEWSPULSE_TEST_DB:-}" ]; then
  exit 0
fi
if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
  exit 0
fi
for dir in /usr/lib/postgresql/*/bin; do
  if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
    exit 0
  fi
done
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "PostgreSQL server programs not found: installing Debian's postgresql package..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  exit 0
fi
echo "PostgreSQL server programs (initdb, pg_ctl) not found. Install them (Debian/Ubuntu: sudo apt-get install postgresql)," >&2
echo "or point NewsPulse at a server with NEWSPULSE__ConnectionStrings__NewsPulse." >&2
exit 1
