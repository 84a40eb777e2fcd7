#!/usr/bin/env bash
# Runs a command where a real Secret Service (the freedesktop keychain API keytar uses on Linux)
# is reachable. If the session already has one (a desktop login), it is used as is: tests use
# their own keychain service name, so they never touch a user's items. Otherwise (CI, SSH, a
# container) it starts gnome-keyring-daemon in a private D-Bus session with a temporary HOME and
# unlocks a throwaway login keyring, so `npm test` behaves the same everywhere.
set -euo pipefail

has_secret_service() {
  [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || return 1
  command -v dbus-send >/dev/null || return 1
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'
}

if [ "${TESSERA_PRIVATE_KEYRING:-}" != 1 ] && has_secret_service; then
  echo "with-secret-service: using the session's Secret Service" >&2
  exec "$@"
fi

for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null; then
    echo "with-secret-service: '$tool' is missing; install the Debian packages dbus and gnome-keyring" >&2
    exit 1
  fi
done

keyring_home=$(mktemp -d "${TMPDIR:-/tmp}/tessera-keyring.XXXXXX")
trap 'rm -rf "$keyring_home"' EXIT
mkdir -p "$keyring_home/runtime" && chmod 700 "$keyring_home/runtime"

# The inner shell runs inside the private bus: start the daemon, unlock it with a throwaway
# password, wait until it owns org.freedesktop.secrets, then run the command.
HOME="$keyring_home" XDG_RUNTIME_DIR="$keyring_home/runtime" XDG_DATA_HOME="$keyring_home/data" \
  TESSERA_PRIVATE_KEYRING_STARTED=1 dbus-run-session -- bash -c '
    set -euo pipefail
    printf "%s" "throwaway-$RANDOM-$RANDOM" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    for _ in $(seq 1 50); do
      if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; then
        break
      fi
      sleep 0.1
    done
    echo "with-secret-service: started gnome-keyring-daemon in a private D-Bus session" >&2
    exec "$@"
  ' with-secret-service "$@"
