# tests/scenarios/tests.cmake -- the classroom scenarios: each loads and plays
# 40 turns with its agents, and reproduces the history it was written for.
add_executable(test_scenarios ${CMAKE_SOURCE_DIR}/tests/scenarios/test_scenarios.c)
target_include_directories(test_scenarios PRIVATE ${CMAKE_SOURCE_DIR}/tests)
target_link_libraries(test_scenarios PRIVATE cp_script cp_core)
target_compile_options(test_scenarios PRIVATE ${CP_WARNINGS})
target_compile_definitions(test_scenarios PRIVATE CP_DATA_DIR="${CMAKE_SOURCE_DIR}")
add_test(NAME scenarios COMMAND test_scenarios)
