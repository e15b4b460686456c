#!/usr/bin/env bash
# Installs the Debian packages Luister needs to build, run and test: the C++
# toolchain and libraries, Node.js for the web app (web/), Chromium for its
# browser tests, GMime and libcurl for e-mail, clang-tidy (lint_clang_tidy), clang with libFuzzer (fuzz_smoke), and PostgreSQL (tests start their own throw-away cluster,
# scripts/pg_test_cluster.sh), nginx (a test runs deploy/nginx/luister.conf), and Dovecot and Postfix (e-mail
# tests start their own throw-away IMAP and SMTP servers, scripts/mail_test_servers.sh). As root it runs apt-get; otherwise it prints the exact command
# and fails. It also fails, saying how to fix it, when Node.js is too old.
set -euo pipefail

packages=(
  build-essential cmake pkg-config ccache clang-tidy clang libclang-rt-dev
  libboost-dev nlohmann-json3-dev libspdlog-dev libfmt-dev libcli11-dev
  libsqlite3-dev libsodium-dev libstemmer-dev libgumbo-dev libicu-dev zlib1g-dev libzstd-dev libzxcvbn-dev libphonenumber-dev
  libgmime-3.0-dev libcurl4-openssl-dev
  libgtest-dev libgmock-dev
  chromium
  postgresql libpq-dev
  nginx
  dovecot-core dovecot-imapd dovecot-lmtpd postfix
)
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(libbenchmark-dev wrk)
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
# Node.js may come from Debian or elsewhere (e.g. NodeSource, which bundles
# npm), so look for the commands rather than the packages.
if ! command -v node >/dev/null; then
  missing+=(nodejs npm)
elif ! command -v npm >/dev/null; then
  missing+=(npm)
fi

if ((${#missing[@]} > 0)); then
  echo "setup: missing Debian packages: ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: run this as root, then try again:"
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  # Postfix's installer asks how to configure the system's mail; answer "none"
  # (the tests run their own instance with their own configuration).
  if [[ " ${missing[*]} " == *" postfix "* ]]; then
    debconf-set-selections <<'SEL'
postfix postfix/main_mailer_type select No configuration
postfix postfix/mailname string luister.test
SEL
  fi
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
  echo "setup: installed ${missing[*]}"
fi

# The web app's build tool, Vite, needs Node.js >= 20.19; Debian 12 ships 18.
node_version=$(node -p 'process.versions.node')
IFS=. read -r node_major node_minor _ <<<"$node_version"
if ((node_major < 20 || (node_major == 20 && node_minor < 19))); then
  cat >&2 <<MSG
setup: Node.js $node_version ($(command -v node)) is too old: Vite, which builds the
setup: web app, needs Node.js >= 20.19. Debian 12 ships Node.js 18. Either
setup:   - install Node.js 20 or 22 from NodeSource's Debian repository, as
setup:     https://github.com/nodesource/distributions describes (its nodejs
setup:     package replaces Debian's and includes npm), or
setup:   - use Debian 13 (trixie), whose nodejs package is 20.19,
setup: make sure \`node --version\` prints v20.19 or later, and run make again.
MSG
  exit 1
fi
