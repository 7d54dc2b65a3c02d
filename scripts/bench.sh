#!/usr/bin/env bash
# The benchmark (not part of scripts/test.sh): see bench/run.sh.
exec bash "$(dirname "$0")/../bench/run.sh" "$@"
