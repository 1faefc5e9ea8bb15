# tests/agents/tests.cmake -- how the shipped personalities play (issue 22).

# every major seat's default personality beats do_nothing and random_baseline on the same seeds,
# on both 2025 scenarios (short games; bench/bench_personalities.sh gives the full table)
add_test(NAME agents_personality_ranking
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/agents/test_personality_ranking.sh $<TARGET_FILE:chokepoint>)
set_tests_properties(agents_personality_ranking PROPERTIES TIMEOUT 600)
