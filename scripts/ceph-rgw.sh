#!/usr/bin/env bash
# A throw-away, single-node Ceph RADOS Gateway for the S3 storage tests: one monitor, one
# memstore OSD (objects live in RAM) and radosgw on 127.0.0.1, data under $CEPH_RGW_DIR.
# RGW checks SigV4 signatures and presigned expiry like AWS does, which s3 fakes do not.
#
#   scripts/ceph-rgw.sh start   # installs the Debian packages when missing; idempotent
#   scripts/ceph-rgw.sh stop    # stops the daemons and deletes the data; idempotent
#
# After `start`, run the tests with the variables it prints (S3_TEST_ENDPOINT etc.).
set -euo pipefail

D=${CEPH_RGW_DIR:-/tmp/inkwell-ceph}
PORT=${CEPH_RGW_PORT:-7480}
ACCESS_KEY=${S3_TEST_ACCESS_KEY:-TESTACCESSKEY}
SECRET_KEY=${S3_TEST_SECRET_KEY:-TESTSECRETKEY}
MON_ADDRS='[v2:127.0.0.1:13300,v1:127.0.0.1:16789]'
ENDPOINT="http://127.0.0.1:$PORT"
C=(-c "$D/ceph.conf")

log() { echo "ceph-rgw: $*" >&2; }

# Waits up to $1 seconds for the command that follows to succeed.
wait_for() {
  local seconds=$1
  shift
  for ((i = 0; i < seconds; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  log "timed out after ${seconds}s waiting for: $*"
  return 1
}

gateway_up() { curl -s -o /dev/null "$ENDPOINT/"; }

pids() { cat "$D"/run/*.pid 2>/dev/null || true; }

osd_up() { ceph "${C[@]}" osd stat | grep -q '1 up'; }

none_alive() {
  local pid
  for pid in "$@"; do
    if kill -0 "$pid" 2>/dev/null; then return 1; fi
  done
}

install_packages() {
  if command -v ceph-mon >/dev/null && command -v ceph-osd >/dev/null && command -v radosgw >/dev/null; then
    return
  fi
  log "installing ceph-mon ceph-osd radosgw"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    ceph-mon ceph-osd radosgw >/dev/null
}

write_config() {
  local fsid
  fsid=$(cat /proc/sys/kernel/random/uuid)
  # `$name` is Ceph's own per-daemon variable and must reach the file literally.
  cat >"$D/ceph.conf" <<EOF
[global]
fsid = $fsid
mon host = $MON_ADDRS
public addr = 127.0.0.1
auth cluster required = none
auth service required = none
auth client required = none
ms mon client mode = crc
ms client mode = crc
ms mon service mode = crc secure
ms service mode = crc secure
osd pool default size = 1
osd pool default min size = 1
mon allow pool size one = true
mon warn on pool no redundancy = false
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
mon max pg per osd = 1000
mon data avail warn = 2
mon data avail crit = 1
osd crush chooseleaf type = 0
run dir = $D/run
pid file = $D/run/\$name.pid
admin socket = $D/run/\$name.asok
log file = $D/log/\$name.log
keyring = $D/keyring
[mon.a]
mon data = $D/mon
[osd.0]
osd data = $D/osd0
osd objectstore = memstore
memstore device bytes = 1073741824
[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:$PORT
rgw dns name = 127.0.0.1
EOF
  echo "$fsid"
}

start() {
  if [ -n "$(pids)" ] && gateway_up; then
    log "already running at $ENDPOINT"
    print_env
    return
  fi
  stop
  install_packages
  mkdir -p "$D"/{mon,osd0,run,log}
  local fsid osd_uuid
  fsid=$(write_config)
  ceph-authtool --create-keyring "$D/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  monmaptool --create --fsid "$fsid" --addv a "$MON_ADDRS" "$D/monmap" >/dev/null
  ceph-mon "${C[@]}" --mkfs -i a --monmap "$D/monmap" --keyring "$D/keyring"
  ceph-mon "${C[@]}" -i a
  osd_uuid=$(cat /proc/sys/kernel/random/uuid)
  timeout 30 ceph "${C[@]}" osd new "$osd_uuid" >/dev/null
  ceph-osd "${C[@]}" -i 0 --mkfs --osd-uuid "$osd_uuid" 2>/dev/null
  ceph-osd "${C[@]}" -i 0
  wait_for 60 osd_up
  radosgw "${C[@]}" -n client.rgw.a
  wait_for 90 gateway_up
  radosgw-admin "${C[@]}" user create --uid=test --display-name=test \
    --access-key="$ACCESS_KEY" --secret-key="$SECRET_KEY" >/dev/null
  log "up at $ENDPOINT"
  print_env
}

stop() {
  local running
  running=$(pids)
  if [ -n "$running" ]; then
    # shellcheck disable=SC2086 # one pid per word
    kill $running 2>/dev/null || true
    # A restart before the old daemons are gone would find the ports taken.
    # shellcheck disable=SC2086
    wait_for 60 none_alive $running
  fi
  rm -rf "$D"
}

print_env() {
  cat <<EOF
export S3_TEST_ENDPOINT=$ENDPOINT
export S3_TEST_ACCESS_KEY=$ACCESS_KEY
export S3_TEST_SECRET_KEY=$SECRET_KEY
EOF
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
