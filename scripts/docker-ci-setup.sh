#!/usr/bin/env bash
# docker-ci-setup.sh: a Docker engine and the base images BlazeBench's Dockerfile needs, on a
# Debian 12 machine that reaches Debian's apt mirror but no container registry. Run as root.
#
# 1. apt: docker.io (engine), docker-compose (v1; bookworm ships no v2 plugin), debootstrap.
# 2. dockerd in the background with the vfs storage driver and --iptables=false (no overlayfs and
#    no iptables in a sandbox); its pid in /run/blazebench-dockerd.pid, its log in
#    /var/log/blazebench-dockerd.log. docker-ci-teardown.sh stops it.
# 3. The Dockerfile's FROM images, built offline: debootstrap of bookworm (minbase), then Debian's
#    OpenJDK 17 packages, imported as eclipse-temurin:17-jre and eclipse-temurin:17-jdk (the names
#    a normal user pulls from Docker Hub; here they are Debian's OpenJDK under Temurin's name).
# 4. alpine:3.17, which Testcontainers wants to exist: a busybox-static root file system (sh, df).
#
# Idempotent: every step checks first. The root file systems are cached as tarballs under
# /var/cache/blazebench-docker, so a second run on the same machine skips debootstrap; delete that
# folder to start from scratch. RECIPE below names the Java images' tarballs: raise it when their
# recipe changes.
set -euo pipefail

RECIPE=3
CACHE=/var/cache/blazebench-docker
PIDFILE=/run/blazebench-dockerd.pid
LOG=/var/log/blazebench-dockerd.log
MIRROR=http://deb.debian.org/debian
SUITE=bookworm
JRE_IMAGE=eclipse-temurin:17-jre
JDK_IMAGE=eclipse-temurin:17-jdk
TINY_IMAGE=alpine:3.17

if [[ $EUID -ne 0 ]]; then
  echo "docker-ci-setup: run as root" >&2
  exit 1
fi

started=$SECONDS
step() { echo "== docker-ci-setup: $* (at +$((SECONDS - started))s)"; }
apt_get() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 -y -q "$@"; }

# --- 1. packages -------------------------------------------------------------------------------
if ! command -v dockerd >/dev/null || ! command -v docker-compose >/dev/null \
  || ! command -v debootstrap >/dev/null; then
  step "installing docker.io, docker-compose, debootstrap"
  apt_get update
  # No systemd here: the package's attempt to start the service fails harmlessly.
  apt_get install --no-install-recommends docker.io docker-compose debootstrap
fi

# --- 2. the daemon ------------------------------------------------------------------------------
if ! docker info >/dev/null 2>&1; then
  step "starting dockerd (vfs, no iptables), log $LOG"
  nohup dockerd --storage-driver=vfs --iptables=false >"$LOG" 2>&1 &
  echo $! >"$PIDFILE"
  for _ in $(seq 1 120); do
    docker info >/dev/null 2>&1 && break
    if ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
      echo "docker-ci-setup: dockerd exited; the end of $LOG:" >&2
      tail -n 30 "$LOG" >&2
      exit 1
    fi
    sleep 0.5
  done
  docker info >/dev/null || { echo "docker-ci-setup: dockerd not answering after 60 s" >&2; exit 1; }
fi
docker version --format 'engine {{.Server.Version}}, client {{.Client.Version}}'

# --- 3. base images -------------------------------------------------------------------------------
mkdir -p "$CACHE"
minbase_tar="$CACHE/$SUITE-minbase.tar"
jre_tar="$CACHE/jre17-r$RECIPE.tar"
jdk_tar="$CACHE/jdk17-r$RECIPE.tar"
arch="$(dpkg --print-architecture)"
java_home="/usr/lib/jvm/java-17-openjdk-$arch"

rootfs=""
cleanup_rootfs() {
  if [[ -n "$rootfs" ]]; then
    umount "$rootfs/proc" 2>/dev/null || true
    rm -rf "$rootfs"
  fi
}
trap cleanup_rootfs EXIT

# Installs Debian packages into $rootfs (no recommends), then drops what a runtime never reads.
chroot_install() {
  mount -t proc proc "$rootfs/proc"
  cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
  chroot "$rootfs" env DEBIAN_FRONTEND=noninteractive apt-get -q update
  chroot "$rootfs" env DEBIAN_FRONTEND=noninteractive apt-get -q -y --no-install-recommends install "$@"
  # Trust what the host trusts: CA certificates its administrator added (a TLS-inspecting egress
  # proxy's, say) go into the image's stores, Java's included, so the build stage reaches Maven
  # Central wherever the host does. Images from Docker Hub need nothing of the kind.
  if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$rootfs/usr/local/share/ca-certificates/"
    chroot "$rootfs" update-ca-certificates >/dev/null
  fi
  chroot "$rootfs" apt-get clean
  umount "$rootfs/proc"
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* \
    "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/* "$rootfs"/var/log/*.log \
    "$rootfs"/var/cache/debconf/*-old "$rootfs"/tmp/*
  # OpenJDK's packages register man pages with update-alternatives, which needs the folder.
  mkdir -p "$rootfs/usr/share/man/man1"
  : >"$rootfs/etc/resolv.conf"
}

new_rootfs() {
  rootfs="$(mktemp -d /var/tmp/blazebench-rootfs.XXXXXX)"
  chmod 755 "$rootfs"
}

if [[ ! -f "$jre_tar" || ! -f "$jdk_tar" ]]; then
  new_rootfs
  if [[ -f "$minbase_tar" ]]; then
    step "unpacking cached $minbase_tar"
    tar -C "$rootfs" -xf "$minbase_tar"
  else
    step "debootstrap $SUITE minbase from $MIRROR"
    debootstrap --variant=minbase "$SUITE" "$rootfs" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
      || { tail -n 30 "$CACHE/debootstrap.log" >&2; exit 1; }
    # Security and point-release updates, as Debian's own images have them.
    cat >"$rootfs/etc/apt/sources.list" <<EOF
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb http://deb.debian.org/debian-security $SUITE-security main
EOF
    tar -C "$rootfs" -cf "$minbase_tar.part" . && mv "$minbase_tar.part" "$minbase_tar"
  fi
  step "installing openjdk-17-jre-headless into the root file system"
  chroot_install openjdk-17-jre-headless ca-certificates-java
  tar -C "$rootfs" -cf "$jre_tar.part" . && mv "$jre_tar.part" "$jre_tar"
  step "adding openjdk-17-jdk-headless"
  chroot_install openjdk-17-jdk-headless
  tar -C "$rootfs" -cf "$jdk_tar.part" . && mv "$jdk_tar.part" "$jdk_tar"
  cleanup_rootfs
  rootfs=""
fi

# Imported images keep no config, so give them what Temurin's images set.
# The label says which recipe made an image, so a changed recipe replaces it.
import_java_image() { # tarball name
  local recipe
  recipe="$(docker image inspect --format '{{index .Config.Labels "blazebench.base-recipe"}}' "$2" 2>/dev/null || true)"
  if [[ "$recipe" == "$RECIPE" ]]; then
    return
  fi
  step "docker import $1 as $2"
  docker import \
    --change "LABEL blazebench.base-recipe=$RECIPE" \
    --change "ENV JAVA_HOME=$java_home" \
    --change "ENV PATH=$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change "ENV LANG=C.UTF-8" \
    --change 'CMD ["bash"]' \
    "$1" "$2" >/dev/null
}
import_java_image "$jre_tar" "$JRE_IMAGE"
import_java_image "$jdk_tar" "$JDK_IMAGE"

# --- 4. the image Testcontainers checks for -----------------------------------------------------
if ! docker image inspect "$TINY_IMAGE" >/dev/null 2>&1; then
  step "building $TINY_IMAGE from Debian's busybox-static (sh, df and the other applets)"
  tiny="$(mktemp -d /var/tmp/blazebench-tiny.XXXXXX)"
  (cd "$tiny" && apt-get -q -o APT::Sandbox::User=root download busybox-static >/dev/null)
  dpkg -x "$tiny"/busybox-static_*.deb "$tiny/root"
  mkdir -p "$tiny/root/tmp" "$tiny/root/etc"
  chroot "$tiny/root" /bin/busybox --install -s /bin
  tar -C "$tiny/root" -c . | docker import --change 'CMD ["/bin/sh"]' - "$TINY_IMAGE" >/dev/null
  rm -rf "$tiny"
fi

docker image ls --format '{{.Repository}}:{{.Tag}}  {{.Size}}' \
  | grep -E "^($JRE_IMAGE|$JDK_IMAGE|$TINY_IMAGE) " || true
step "done"
