#!/usr/bin/env bash
# Throw-away Dovecot (IMAP) and Postfix (SMTP) servers for end-to-end tests,
# on 127.0.0.1 only, for the mail domain luister.test.
#
#   scripts/mail_test_servers.sh start DIR        write configs into DIR, start both on free
#                                                 ports, print (and write DIR/env) the settings
#   scripts/mail_test_servers.sh stop DIR         stop both; fine if they are not running
#   scripts/mail_test_servers.sh adduser DIR LOCALPART [PASSWORD]
#                                                 add the mailbox LOCALPART@luister.test
#   scripts/mail_test_servers.sh addtoken DIR LOCALPART TOKEN
#                                                 let LOCALPART@luister.test log in with the
#                                                 OAuth 2.0 bearer TOKEN (SASL XOAUTH2)
#
# DIR/env holds KEY=VALUE lines: IMAP_PORT, SMTP_PORT, MAIL_DOMAIN, MAILDIR_BASE
# (the root of the Maildirs: MAILDIR_BASE/luister.test/LOCALPART/) and PASSWORD,
# the password of the users created at start: support, sales, customer, other.
# Users log in (IMAP, and SMTP AUTH PLAIN/LOGIN) as the full address, in plain
# text (loopback only), or with XOAUTH2/OAUTHBEARER and a token given by
# addtoken: Dovecot's oauth2 passdb asks a small token-info service of this
# script's (Python, on a third loopback port, reading DIR/dovecot/tokens) whom a
# token belongs to, as it would ask Google's or Microsoft's. Postfix delivers mail for a known user of luister.test
# into that user's Maildir, with or without SMTP AUTH; a recipient in any other
# domain is refused at RCPT TO ("Relay access denied"): nothing leaves the machine.
#
# A start that finds the servers not running begins from scratch: it deletes the
# mail, the users and the queue of a previous run in DIR. A start that finds them
# running only prints DIR/env. adduser returns once both servers know the user
# (up to a second: Dovecot rereads its user file at most once a second); given
# a known user, it sets the password. Logs: DIR/dovecot/dovecot.log and
# DIR/postfix/postfix.log.
#
# Needs root (CI runs as root): postfix(1) and its master(8) refuse to run as
# anyone else. The daemons themselves drop privileges: the system user
# "luistermail" (created here with useradd --system when missing) owns the mail
# store and runs Dovecot's login, auth and imap processes and Postfix's virtual(8)
# delivery, so both servers read and write the same files. DIR's parents must be
# traversable by that user (mode 755, not the 700 of mktemp -d), and DIR short
# enough for unix socket paths (at most 76 bytes).
set -euo pipefail

cmd=${1:-}
dir=${2:-}
[[ -n $cmd && -n $dir ]] || { sed -n '2,13p' "$0" >&2; exit 2; }

DOMAIN=luister.test
PASSWORD=luister-test-pw
DEFAULT_USERS=(support sales customer other)
MAIL_USER=luistermail
MARKER=.luister-mail-test-servers  # only a DIR holding it is ever wiped

die() { echo "mail_test_servers: $*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] ||
  die "must run as root: postfix(1) refuses to start or stop as another user"
if ! command -v dovecot >/dev/null || ! command -v postfix >/dev/null; then
  die "Dovecot or Postfix not installed; run scripts/setup.sh"
fi
[[ $dir != *[[:space:]]* ]] || die "DIR must not contain white space: $dir"
if [[ $cmd == start ]]; then
  mkdir -p "$dir"
elif [[ ! -d $dir ]]; then
  [[ $cmd == stop ]] && exit 0
  die "no such directory: $dir"
fi
dir=$(cd "$dir" && pwd)  # postfix -c needs an absolute path

D=$dir/dovecot           # dovecot.conf, users (passwd-file), logs
RUN=$dir/run             # Dovecot's base_dir: sockets and master.pid
P=$dir/postfix           # main.cf, master.cf, vmailbox (texthash), postfix.log
QUEUE=$dir/postfix-queue # queue_directory, root-owned
DATA=$dir/postfix-data   # data_directory, owned by postfix
BASE=$dir/mail           # MAILDIR_BASE, owned by $MAIL_USER

# A unix socket path has at most 107 bytes; Dovecot's longest under base_dir
# is "token-login/imap-urlauth".
((${#RUN} <= 80)) || die "DIR too long for Dovecot's sockets (${#RUN} > 80 bytes): $dir"

# Debian's own python3 (a pyenv shim in PATH takes 0.3 s to start).
PY=/usr/bin/python3
[[ -x $PY ]] || PY=python3

free_ports() {  # three distinct free ports, all held open while chosen
  "$PY" -c 'import socket
s = [socket.socket() for _ in range(3)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])'
}

# running_pid PID: the process exists and is not a zombie (an exited daemon
# stays a zombie until PID 1 reaps it, which is not at once everywhere).
running_pid() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  [[ ${stat##*) } != Z* ]]
}
# alive PID NAME: PID runs and is the program NAME (not a reused PID).
alive() {
  [[ -n $1 && $(cat "/proc/$1/comm" 2>/dev/null) == "$2" ]] && running_pid "$1"
}
dovecot_pid() { cat "$RUN/master.pid" 2>/dev/null || true; }
tokeninfo_pid() { cat "$D/tokeninfo.pid" 2>/dev/null || true; }
postfix_pid() { tr -d ' ' 2>/dev/null <"$QUEUE/pid/master.pid" || true; }
running() {
  alive "$(dovecot_pid)" dovecot && alive "$(postfix_pid)" master &&
    alive "$(tokeninfo_pid)" python3
}

# stop_master PID NAME: SIGTERM the master (unless TERM_SENT says that is done)
# and wait until it and its children (every daemon of both servers is a child
# of the master) are gone; SIGKILL any that are left after 10 s.
stop_master() {
  local pid=$1 name=$2 kids p i
  alive "$pid" "$name" || return 0
  kids=$(pgrep -P "$pid" || true)
  [[ -n ${TERM_SENT:-} ]] || kill -TERM "$pid" 2>/dev/null || true
  for p in $pid $kids; do
    for ((i = 0; i < 100; i++)); do
      running_pid "$p" || break
      sleep 0.05
    done
    if running_pid "$p"; then kill -KILL "$p" 2>/dev/null || true; fi
  done
}

stop_all() {
  local pid
  pid=$(postfix_pid)
  if alive "$pid" master; then
    # postfix stop only signals the master; stop_master waits for it.
    postfix -c "$P" stop >/dev/null 2>&1 || true
    TERM_SENT=1 stop_master "$pid" master
  fi
  stop_master "$(dovecot_pid)" dovecot
  stop_master "$(tokeninfo_pid)" python3
}

# wait_greeting PORT PREFIX: wait up to 20 s until a connection to PORT is
# greeted with a line starting with PREFIX.
wait_greeting() {
  local port=$1 prefix=$2 line i
  for ((i = 0; i < 200; i++)); do
    if { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
      line=
      read -r -t 5 line <&3 || true
      exec 3<&- 3>&-
      [[ $line == "$prefix"* ]] && return 0
    fi
    sleep 0.1
  done
  return 1
}

# smtp_accepts PORT ADDRESS: does Postfix accept ADDRESS at RCPT TO? (no mail sent)
smtp_accepts() {
  "$PY" - "$@" <<'PY'
import smtplib, sys
s = smtplib.SMTP("127.0.0.1", int(sys.argv[1]), timeout=5)
s.ehlo("probe.luister.test")
s.mail("")
code, _ = s.rcpt(sys.argv[2])
s.quit()
sys.exit(0 if code // 100 == 2 else 1)
PY
}

# imap_login PORT USER PASSWORD: can USER log in to Dovecot?
imap_login() {
  "$PY" - "$@" <<'PY'
import imaplib, sys
m = imaplib.IMAP4("127.0.0.1", int(sys.argv[1]), timeout=5)
try:
    m.login(sys.argv[2], sys.argv[3])
except imaplib.IMAP4.error:
    sys.exit(1)
m.logout()
PY
}

# Postfix waits until a file it reads (main.cf, a texthash map) is more than a
# second old, up to 2 s: an editor might still be writing it. Ours are complete.
backdate() { touch -m -d '1 minute ago' "$@"; }

# add_user LOCALPART PASSWORD: the Dovecot passwd-file line, the Postfix
# virtual mailbox and an empty Maildir (so that a test can drop messages into
# new/ before the user ever logs in). A known user gets the new password.
add_user() {
  local user=$1@$DOMAIN pass=$2 m=$BASE/$DOMAIN/$1
  [[ $1 =~ ^[A-Za-z0-9._+-]+$ ]] || die "bad local part: $1"
  [[ $pass != *:* && -n $pass ]] || die "the password must be non-empty and without ':'"
  sed -i "/^${user//./\\.}:/d" "$D/users"
  echo "$user:{PLAIN}$pass" >>"$D/users"
  grep -q "^$user " "$P/vmailbox" || echo "$user $DOMAIN/$1/" >>"$P/vmailbox"
  backdate "$P/vmailbox"
  mkdir -p "$m/cur" "$m/new" "$m/tmp"
  chown "$MAIL_USER:" "$BASE/$DOMAIN"
  chown -R "$MAIL_USER:" "$m"
}

# The token-info service Dovecot's oauth2 passdb asks (tokeninfo_url): GET
# /tokeninfo?access_token=T answers {"email": USER} for a token in
# DIR/dovecot/tokens (lines "TOKEN USER", reread on every request), else 401.
write_tokeninfo() {
  cat >"$D/tokeninfo.py" <<'PY'
import http.server, json, sys, urllib.parse
port, tokens = int(sys.argv[1]), sys.argv[2]
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        token = urllib.parse.parse_qs(url.query).get("access_token", [""])[0]
        user = None
        with open(tokens) as f:
            for line in f:
                parts = line.split()
                if len(parts) == 2 and parts[0] == token:
                    user = parts[1]
        ok = user is not None and url.path == "/tokeninfo"
        body = json.dumps({"email": user} if ok else {"error": "invalid_token"}).encode()
        self.send_response(200 if ok else 401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, fmt, *args):
        sys.stderr.write("tokeninfo: " + (fmt % args) + "\n")
http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
PY
}

write_configs() {
  local imap_port=$1 smtp_port=$2 token_port=$3 uid gid
  uid=$(id -u "$MAIL_USER")
  gid=$(id -g "$MAIL_USER")

  cat >"$D/dovecot.conf" <<EOF
# Written by scripts/mail_test_servers.sh: a test instance, loopback only.
instance_name = luister-mail-$(cksum <<<"$dir" | cut -d' ' -f1)
base_dir = $RUN
state_dir = $D/state
log_path = $D/dovecot.log
info_log_path = $D/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login xoauth2 oauthbearer
# A wrong password fails at once: no failure delay, no brute-force penalty for
# 127.0.0.1 (anvil-auth-penalty off below; else one failure slows the next logins
# by 2-15 s), and "nodelay" (else the failure waits for a 0.5 s timer). A passdb
# that fails drops its own extra fields, so the first passdb only adds nodelay
# (noauthenticate: it checks no password) and the passwd-file one decides.
auth_failure_delay = 0
default_login_user = $MAIL_USER
default_internal_user = $MAIL_USER
default_internal_group = $MAIL_USER
first_valid_uid = $uid
last_valid_uid = $uid
first_valid_gid = $gid
last_valid_gid = $gid
mail_location = maildir:$BASE/%d/%n
passdb {
  driver = static
  args = noauthenticate nodelay=yes
  result_success = continue
  result_failure = continue
}
passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = $D/oauth2.conf.ext
}
passdb {
  driver = passwd-file
  mechanisms = plain login
  args = scheme=PLAIN $D/users
}
userdb {
  driver = static
  args = uid=$uid gid=$gid home=$BASE/%Ld/%Ln
}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Processed {
    auto = subscribe
  }
}
protocol imap {
  # Tests open many connections for one user from one address (default 10).
  mail_max_userip_connections = 1000
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = $imap_port
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service auth {
  # Postfix's smtpd asks here for SMTP AUTH (smtpd_sasl_type = dovecot).
  unix_listener auth-postfix {
    mode = 0666
  }
}
EOF

  cat >"$D/oauth2.conf.ext" <<EOF
tokeninfo_url = http://127.0.0.1:$token_port/tokeninfo?access_token=
username_attribute = email
EOF

  cat >"$P/main.cf" <<EOF
# Written by scripts/mail_test_servers.sh: a test instance, loopback only,
# that delivers to the virtual domain $DOMAIN and never relays.
compatibility_level = 3.6
queue_directory = $QUEUE
data_directory = $DATA
maillog_file = $P/postfix.log
maillog_file_prefixes = $P
myhostname = mail.$DOMAIN
mydomain = $DOMAIN
myorigin = \$myhostname
mydestination =
mynetworks = 127.0.0.0/8
inet_interfaces = loopback-only
inet_protocols = ipv4
alias_maps =
alias_database =
local_recipient_maps =
smtpd_peername_lookup = no
smtp_dns_support_level = disabled
biff = no
recipient_delimiter = +
message_size_limit = 52428800
mailbox_size_limit = 0
virtual_mailbox_limit = 0
# Tests want answers now, not after a throttling pause.
in_flow_delay = 0
smtpd_error_sleep_time = 0
smtpd_soft_error_limit = 1000
smtpd_hard_error_limit = 1000
queue_run_delay = 10s
minimal_backoff_time = 10s
maximal_backoff_time = 30s

# Never relay: only $DOMAIN is accepted (reject_unauth_destination with no
# relay_domains), and every transport but virtual is an error.
relay_domains =
smtpd_relay_restrictions = reject_unauth_destination
default_transport = error:no mail leaves this test server
relay_transport = error:no mail leaves this test server
local_transport = error:no local delivery on this test server

# Delivery into the Maildirs that Dovecot serves (texthash: read when a
# process starts; adduser reloads postfix).
virtual_mailbox_domains = $DOMAIN
virtual_mailbox_base = $BASE
virtual_mailbox_maps = texthash:$P/vmailbox
virtual_uid_maps = static:$uid
virtual_gid_maps = static:$gid
virtual_minimum_uid = 1

# SMTP AUTH through Dovecot, in plain text (loopback only).
smtpd_sasl_auth_enable = yes
smtpd_sasl_type = dovecot
smtpd_sasl_path = $RUN/auth-postfix
smtpd_sasl_security_options = noanonymous
smtpd_tls_security_level = none
smtp_tls_security_level = none
EOF

  # No chroot anywhere; no smtp, lmtp or local delivery agents at all.
  cat >"$P/master.cf" <<EOF
# service type  private unpriv  chroot  wakeup  maxproc command + args
127.0.0.1:$smtp_port inet n - n - - smtpd
pickup     unix  n  -  n  60   1  pickup
cleanup    unix  n  -  n  -    0  cleanup
qmgr       unix  n  -  n  300  1  qmgr
rewrite    unix  -  -  n  -    -  trivial-rewrite
bounce     unix  -  -  n  -    0  bounce
defer      unix  -  -  n  -    0  bounce
trace      unix  -  -  n  -    0  bounce
verify     unix  -  -  n  -    1  verify
flush      unix  n  -  n  1000? 0 flush
proxymap   unix  -  -  n  -    -  proxymap
proxywrite unix  -  -  n  -    1  proxymap
showq      unix  n  -  n  -    -  showq
error      unix  -  -  n  -    -  error
retry      unix  -  -  n  -    -  error
discard    unix  -  -  n  -    -  discard
virtual    unix  -  n  n  -    -  virtual
anvil      unix  -  -  n  -    1  anvil
scache     unix  -  -  n  -    1  scache
postlog    unix-dgram n - n -  1  postlogd
EOF
  backdate "$P/main.cf" "$P/master.cf"
}

case $cmd in
  start)
    if [[ -f $dir/env ]] && running; then
      cat "$dir/env"  # already running
      exit 0
    fi
    if [[ -n $(ls -A "$dir") && ! -f $dir/$MARKER ]]; then
      die "$dir is not empty and was not made by this script; refusing to use it"
    fi
    stop_all  # what is left of a half-started or half-stopped instance
    getent passwd "$MAIL_USER" >/dev/null ||
      useradd --system --user-group --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin "$MAIL_USER" 2>/dev/null ||
      getent passwd "$MAIL_USER" >/dev/null || die "cannot create the user $MAIL_USER"
    runuser -u "$MAIL_USER" -- test -x "$dir" ||
      die "$MAIL_USER cannot reach $dir: make its parents traversable (chmod 755)"

    # From scratch: configs, users, mail and queue of a previous run go.
    rm -rf "$D" "$RUN" "$P" "$QUEUE" "$DATA" "$BASE" "$dir/env"
    touch "$dir/$MARKER"
    chmod 755 "$dir"
    mkdir -p "$D/state" "$P" "$QUEUE" "$DATA" "$BASE/$DOMAIN"
    chmod 755 "$D" "$P" "$QUEUE"
    chown postfix: "$DATA"
    chmod 700 "$DATA"
    chown "$MAIL_USER:" "$BASE"
    : >"$D/users"
    : >"$P/vmailbox"
    chgrp "$MAIL_USER" "$D/users"  # read by Dovecot's auth process
    chmod 640 "$D/users"
    for u in "${DEFAULT_USERS[@]}"; do add_user "$u" "$PASSWORD"; done

    read -r imap_port smtp_port token_port < <(free_ports)
    write_configs "$imap_port" "$smtp_port" "$token_port"
    write_tokeninfo
    : >"$D/tokens"
    chmod 644 "$D/tokens"
    setsid "$PY" "$D/tokeninfo.py" "$token_port" "$D/tokens" </dev/null >>"$D/tokeninfo.log" 2>&1 &
    echo $! >"$D/tokeninfo.pid"

    # Dovecot keeps its stdout and stderr open: a caller reading ours through a
    # pipe would wait for ever. So they go to a file.
    if ! dovecot -c "$D/dovecot.conf" </dev/null >"$D/dovecot.out" 2>&1; then
      cat "$D/dovecot.out" >&2
      die "dovecot did not start"
    fi
    if ! postfix -c "$P" start </dev/null >"$P/start.out" 2>&1; then
      cat "$P/start.out" >&2; tail -20 "$P/postfix.log" >&2 2>/dev/null || true
      stop_all
      die "postfix did not start"
    fi
    if ! wait_greeting "$imap_port" '* OK'; then
      tail -20 "$D/dovecot.log" "$D/dovecot.out" >&2 2>/dev/null || true
      stop_all
      die "dovecot does not answer on 127.0.0.1:$imap_port"
    fi
    for ((i = 0; i < 100; i++)); do
      "$PY" -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1)' \
        "$token_port" 2>/dev/null && break
      ((i < 99)) || { stop_all; die "the token-info service does not answer on $token_port"; }
      sleep 0.1
    done
    if ! wait_greeting "$smtp_port" '220'; then
      tail -20 "$P/postfix.log" >&2 2>/dev/null || true
      stop_all
      die "postfix does not answer on 127.0.0.1:$smtp_port"
    fi

    cat >"$dir/env.new" <<EOF
IMAP_PORT=$imap_port
SMTP_PORT=$smtp_port
MAIL_DOMAIN=$DOMAIN
MAILDIR_BASE=$BASE
PASSWORD=$PASSWORD
EOF
    mv "$dir/env.new" "$dir/env"
    cat "$dir/env"
    ;;
  stop)
    stop_all
    ;;
  adduser)
    localpart=${3:-}
    [[ -n $localpart ]] || { sed -n '2,13p' "$0" >&2; exit 2; }
    [[ -f $D/users && -f $P/vmailbox ]] || die "no servers set up in $dir; run start first"
    # Tests may add users in parallel: one at a time.
    exec 9>"$dir/adduser.lock"
    flock 9
    known=$(grep -c "^$localpart@$DOMAIN " "$P/vmailbox" || true)
    password=${4:-$PASSWORD}
    add_user "$localpart" "$password"
    # Postfix reads texthash maps when a process starts: reload (idle
    # processes exit, new ones read the new map) and wait until smtpd accepts
    # the new address.
    if ((known == 0)) && alive "$(postfix_pid)" master; then
      postfix -c "$P" reload >/dev/null 2>&1 || die "postfix reload failed"
      smtp_port=$(sed -n 's/^SMTP_PORT=//p' "$dir/env")
      for ((i = 0; i < 100; i++)); do
        smtp_accepts "$smtp_port" "$localpart@$DOMAIN" 2>/dev/null && break
        ((i < 99)) || die "postfix does not accept $localpart@$DOMAIN after reload"
        sleep 0.1
      done
    fi
    # Dovecot rereads its passwd-file when it changes, but looks at most once
    # a second: wait until the new user (or password) logs in.
    if alive "$(dovecot_pid)" dovecot; then
      imap_port=$(sed -n 's/^IMAP_PORT=//p' "$dir/env")
      for ((i = 0; i < 50; i++)); do
        imap_login "$imap_port" "$localpart@$DOMAIN" "$password" 2>/dev/null && break
        ((i < 49)) || die "dovecot does not let $localpart@$DOMAIN log in"
        sleep 0.1
      done
    fi
    ;;
  addtoken)
    localpart=${3:-} token=${4:-}
    [[ -n $localpart && $token =~ ^[A-Za-z0-9._~+/=-]+$ ]] || { sed -n '2,13p' "$0" >&2; exit 2; }
    [[ -f $D/tokens ]] || die "no servers set up in $dir; run start first"
    exec 9>"$dir/adduser.lock"
    flock 9
    echo "$token $localpart@$DOMAIN" >>"$D/tokens"
    ;;
  *)
    sed -n '2,13p' "$0" >&2
    exit 2
    ;;
esac
