#!/bin/bash
# runs test files against the dev Neo4j
. /tmp/api-dev/env
cd /work/wt/api && node --import tsx --test --test-concurrency=1 --test-reporter=spec "$@" 2>&1 | grep -v "^\s*at " 
