# Shared set-up for build-aux/run and build-aux/test: installs the Debian
# packages the project needs, then configures and builds into _build.
# Sourced, not run.

SRCDIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILDDIR="$SRCDIR/_build"

# Everything the build, the app and the test suite use, by Debian package.
SM_PACKAGES=(
  meson ninja-build pkg-config gcc libc6-dev gettext
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin
  libgtk-4-dev librsvg2-dev librsvg2-common libjson-glib-dev
  libcairo2-dev libpango1.0-dev
  libx11-dev libxext-dev
  desktop-file-utils appstream shared-mime-info
  fonts-cantarell fonts-dejavu-core fonts-dejavu-extra adwaita-icon-theme
  xvfb xauth xdotool dbus dbus-bin dbus-daemon
  at-spi2-core python3 python3-gi python3-pyatspi gir1.2-atspi-2.0
  poppler-utils librsvg2-bin
)

sm_say () {
  printf '%s: %s\n' "$(basename "$0")" "$*" >&2
}

sm_missing_packages () {
  local pkg status
  for pkg in "$@"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [[ $status == installed ]] || printf '%s\n' "$pkg"
  done
}

sm_install_packages () {
  local missing sudo=()
  mapfile -t missing < <(sm_missing_packages "$@")
  ((${#missing[@]})) || return 0

  sm_say "installing ${missing[*]}"
  ((EUID == 0)) || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq || return 1
  "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}" || return 1
}

# $@: extra meson options, e.g. -Dwerror=true
sm_build () {
  if [[ -f $BUILDDIR/build.ninja ]]; then
    meson configure "$BUILDDIR" "$@" >/dev/null || return 1
  else
    meson setup "$BUILDDIR" "$SRCDIR" "$@" || return 1
  fi
  meson compile -C "$BUILDDIR"
}
