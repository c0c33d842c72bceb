# Shared set-up for build-aux/run and build-aux/test: installs the Debian
# packages the project needs, configures and builds into _build, and runs
# the tests. Sourced, not run.

SRCDIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILDDIR="$SRCDIR/_build"

# Everything the build, the app and the test suite use, by Debian package.
SM_PACKAGES=(
  meson ninja-build pkg-config gcc libc6-dev gettext
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin
  libgtk-4-dev librsvg2-dev librsvg2-common libjson-glib-dev
  libcairo2-dev libpango1.0-dev libsqlite3-dev
  libx11-dev libxext-dev
  desktop-file-utils appstream shared-mime-info
  fonts-cantarell fonts-dejavu-core fonts-dejavu-extra adwaita-icon-theme
  xvfb xauth xdotool dbus dbus-bin dbus-daemon
  at-spi2-core python3 python3-gi python3-pyatspi gir1.2-atspi-2.0
  poppler-utils librsvg2-bin
  openbox x11-utils imagemagick gir1.2-gdkpixbuf-2.0
  mutter
  libgtk-4-media-gstreamer gstreamer1.0-plugins-base gstreamer1.0-pulseaudio
  libspeechd-dev speech-dispatcher speech-dispatcher-espeak-ng espeak-ng
  pulseaudio pulseaudio-utils vorbis-tools
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
  sm_build_in "$BUILDDIR" "$@"
}

# $1: build directory (build-aux/test --sanitize has its own); the rest:
# extra meson options
sm_build_in () {
  local dir=$1
  shift
  if [[ -f $dir/build.ninja ]]; then
    meson configure "$dir" "$@" >/dev/null || return 1
  else
    meson setup "$dir" "$SRCDIR" "$@" || return 1
  fi
  meson compile -C "$dir"
}

# $1: build directory; the rest: meson test arguments. Runs the tests under
# a virtual X server with a private session bus and throw-away XDG folders,
# then prints one summary line from the JSON log (named testlog-<setup>.json
# under --setup). Returns meson test's status.
sm_run_tests () {
  local dir=$1 log=testlog status=0 prev='' arg
  shift
  for arg in "$@"; do
    [[ $prev == --setup ]] && log=testlog-$arg
    [[ $arg == --setup=* ]] && log=testlog-${arg#--setup=}
    prev=$arg
  done

  SM_TEST_SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/sciatica-map-test.XXXXXX")
  trap 'rm -rf "$SM_TEST_SCRATCH"' EXIT
  mkdir -p "$SM_TEST_SCRATCH"/{config,data,cache,runtime}
  chmod 700 "$SM_TEST_SCRATCH/runtime"

  env XDG_CONFIG_HOME="$SM_TEST_SCRATCH/config" XDG_DATA_HOME="$SM_TEST_SCRATCH/data" \
      XDG_CACHE_HOME="$SM_TEST_SCRATCH/cache" XDG_RUNTIME_DIR="$SM_TEST_SCRATCH/runtime" \
      GSETTINGS_BACKEND=memory GSK_RENDERER=cairo \
    xvfb-run -a -s "-screen 0 1280x1024x24" \
    dbus-run-session -- \
    meson test -C "$dir" --print-errorlogs "$@" || status=$?

  python3 "$SRCDIR/build-aux/test-summary.py" "$dir/meson-logs/$log.json" || true
  return "$status"
}
