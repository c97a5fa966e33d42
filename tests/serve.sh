#!/bin/sh
# serve.sh: end-to-end test of `marsad serve` over loopback HTTP; the checks
# are in serve_test.py (python3 is part of the bootstrap).
exec python3 "$(dirname "$0")/serve_test.py"
