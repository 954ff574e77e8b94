for i in 1 2 3 4 5 6; do rm -rf /tmp/api-dev/neo4j; timeout 300 npx tsx tmp-dev/start.mts > /tmp/api-dev/start.log 2>&1; test -f /tmp/api-dev/env && exit 0; sleep 5; done
