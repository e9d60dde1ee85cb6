# The server JVM's flags, for scripts/start and scripts/bench (which sets its own heap); source it.
#
# TieredStopAtLevel=1 keeps to the quick JIT compiler: on a two-core laptop the optimising one
# spent more CPU compiling H2, Jetty and jOOQ through a workshop's first polls than its code saved
# (scripts/bench: about half the server's CPU while 5,000 phones joined and answered).
# MaxGCPauseMillis=10 keeps G1's young collections short: one of 15-25 ms that fell inside a
# "vote now" burst of 1,000 phones was most of its slowest acks (scripts/bench --phones 1000
# --spread-ms 0: ack p99 47-156 ms over eight runs with G1's default, 47-97 ms with this).
# shellcheck disable=SC2034
SERVER_JVM_FLAGS=(-XX:TieredStopAtLevel=1 -XX:MaxGCPauseMillis=10 -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true)
