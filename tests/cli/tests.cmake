# tests/cli/tests.cmake -- the shipped scenario and the command line.
add_executable(test_baseline ${CMAKE_SOURCE_DIR}/tests/cli/test_baseline.c)
target_include_directories(test_baseline PRIVATE ${CMAKE_SOURCE_DIR}/tests)
target_link_libraries(test_baseline PRIVATE cp_script cp_core)
target_compile_options(test_baseline PRIVATE ${CP_WARNINGS})
add_test(NAME cli_baseline COMMAND test_baseline)
add_test(NAME cli_sim COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/test_sim_cli.sh $<TARGET_FILE:chokepoint>)
