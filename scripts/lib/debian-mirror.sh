# shellcheck shell=bash
# debian_mirror: the Debian mirror this machine already uses for bookworm (not
# -security), so the engine's packages and debootstrap come from the same
# place apt does; deb.debian.org when none is configured (e.g. on Ubuntu).
# Sourced by install-test-engine.sh and start-test-engine.sh.
debian_mirror() {
  local url
  url=$(
    {
      # deb822 files: a stanza whose Suites has "bookworm" as a word
      awk 'BEGIN{RS="";FS="\n"} /Suites:[^\n]*bookworm([ \t\n]|$)/ {for(i=1;i<=NF;i++) if($i ~ /^URIs:/){sub(/^URIs:[ \t]*/,"",$i); split($i,a,/[ \t]+/); print a[1]}}' \
        /etc/apt/sources.list.d/*.sources 2>/dev/null || true
      # one-line format
      grep -hE '^[[:space:]]*deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
        | sed -E 's/\[[^]]*\]//' | awk '$3=="bookworm"{print $2}' || true
    } | grep -v -- '-security' | grep -v stagegate | head -n1
  )
  url=${url:-http://deb.debian.org/debian}
  echo "${url%/}"
}
