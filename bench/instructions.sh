#!/usr/bin/env bash
# Instructions per warm request of one page, counted by valgrind's callgrind: repeatable
# on a noisy, shared machine where timings are not. The method of the issue's
# instr_per_request.sh: the whole WSGI stack runs in-process (manage.py benchmark_pages
# --path) once with N1 and once with N2 warm requests, and the difference divided by
# N2 - N1 is one request, without the start-up.
#
#   bench/instructions.sh PATH [N1=5] [N2=25]
#
# Settings come from the environment (DATABASE_URL, NEWSROOM_PAGE_CACHE_SECONDS, ...).
# On SQLite the database's own work runs in this process and is counted; on PostgreSQL
# it runs in the server's and is not.
set -euo pipefail
cd "$(dirname "$0")/.."
page=$1 n1=${2:-5} n2=${3:-25}
command -v valgrind > /dev/null || { echo "valgrind is missing: apt-get install valgrind" >&2; exit 1; }

count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        .venv/bin/python manage.py benchmark_pages --path "$page" --runs "$1" 2>&1 > /dev/null |
        grep -oE 'Collected : [0-9]+' | grep -oE '[0-9]+'
}
a=$(count "$n1")
b=$(count "$n2")
echo "$(( (b - a) / (n2 - n1) )) instructions per warm request ($n1 and $n2 requests: $a and $b)"
