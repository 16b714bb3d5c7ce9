# Sourced by .ci/run: a throw-away PostgreSQL server on 127.0.0.1 for the store tests.
#
#   start_test_postgres   install Debian's postgresql when it is missing, start a server in a temporary folder
#                         (owned by the postgres user: root may not run postgres), create a role that may
#                         create and drop databases, and export CASECODER_TEST_POSTGRES_URL.
#                         Returns 1 after one line on stderr when PostgreSQL cannot be had here (no apt, or
#                         apt cannot install it): the tests then skip PostgreSQL. Any other failure fails.
#   stop_test_postgres    stop that server and remove its folder; harmless when none was started.
#
# The server is private to the run: its own port, its socket in its own folder, trust only on that socket.
# fsync is off because no test crashes the machine (the tests kill clients, never the server).

PG_TEST_DIR=""
PG_TEST_BIN=""
PG_TEST_ROLE="casecoder"

_pg_bindir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && echo "$dir"
}

_pg_install() {
    if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" != 0 ]; then
        echo "ci: PostgreSQL is not installed and apt-get cannot install it here; PostgreSQL tests skip" >&2
        return 1
    fi
    echo "ci: installing Debian's postgresql" >&2
    local log
    log=$(mktemp)
    if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq \
           && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } </dev/null >"$log" 2>&1; then
        tail -n 5 "$log" >&2
        rm -f "$log"
        echo "ci: apt-get could not install postgresql; PostgreSQL tests skip" >&2
        return 1
    fi
    rm -f "$log"
}

# Runs a server program as the postgres user when we are root, else as ourselves.
_pg_as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

_pg_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start_test_postgres() {
    PG_TEST_BIN=$(_pg_bindir) || { _pg_install || return 1; PG_TEST_BIN=$(_pg_bindir); } || {
        echo "ci: postgresql was installed but no initdb was found under /usr/lib/postgresql" >&2
        exit 1
    }
    PG_TEST_DIR=$(mktemp -d /tmp/casecoder-ci-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres: "$PG_TEST_DIR"
    chmod 700 "$PG_TEST_DIR"
    local port password="casecoder-ci"
    port=$(_pg_free_port)

    _pg_as_owner "$PG_TEST_BIN/initdb" -D "$PG_TEST_DIR/data" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >"$PG_TEST_DIR/initdb.log" 2>&1 \
        || { cat "$PG_TEST_DIR/initdb.log" >&2; exit 1; }
    _pg_as_owner tee -a "$PG_TEST_DIR/data/postgresql.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$PG_TEST_DIR'
fsync = off
EOF
    _pg_as_owner "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" -w -t 60 start \
        >/dev/null || { cat "$PG_TEST_DIR/server.log" >&2; exit 1; }
    "$PG_TEST_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_TEST_DIR" -p "$port" -U postgres -d postgres \
        -c "CREATE ROLE $PG_TEST_ROLE LOGIN CREATEDB PASSWORD '$password'" \
        -c "CREATE DATABASE $PG_TEST_ROLE OWNER $PG_TEST_ROLE" || exit 1
    export CASECODER_TEST_POSTGRES_URL="postgresql://$PG_TEST_ROLE:$password@127.0.0.1:$port/$PG_TEST_ROLE"
    echo "ci: PostgreSQL $("$PG_TEST_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
}

stop_test_postgres() {
    [ -n "$PG_TEST_DIR" ] || return 0
    if [ -f "$PG_TEST_DIR/data/postmaster.pid" ]; then
        _pg_as_owner "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m fast -w stop >/dev/null \
            || echo "ci: could not stop the test PostgreSQL server in $PG_TEST_DIR" >&2
    fi
    rm -rf "$PG_TEST_DIR"
    PG_TEST_DIR=""
}
