# tests/cli/tests.cmake -- the shipped scenario and the command line.
add_executable(test_baseline ${CMAKE_SOURCE_DIR}/tests/cli/test_baseline.c)
target_include_directories(test_baseline PRIVATE ${CMAKE_SOURCE_DIR}/tests)
target_link_libraries(test_baseline PRIVATE cp_script cp_core)
target_compile_options(test_baseline PRIVATE ${CP_WARNINGS})
add_test(NAME cli_baseline COMMAND test_baseline)
add_test(NAME cli_sim COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/test_sim_cli.sh $<TARGET_FILE:chokepoint>)
add_test(NAME cli_sweep COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/test_sweep.sh $<TARGET_FILE:chokepoint>)

# saves, autosaves, replays and agents' memories (the command line's files)
set(CP_SAVE_CLI_SOURCES
    ${CMAKE_SOURCE_DIR}/src/cli/savefile.c ${CMAKE_SOURCE_DIR}/src/cli/fileio.c
    ${CMAKE_SOURCE_DIR}/src/cli/bytes.c ${CMAKE_SOURCE_DIR}/src/cli/replay_file.c
    ${CMAKE_SOURCE_DIR}/src/cli/replay.c ${CMAKE_SOURCE_DIR}/src/cli/save_seats.c)
add_executable(test_savefile ${CMAKE_SOURCE_DIR}/tests/cli/test_savefile.c ${CP_SAVE_CLI_SOURCES}
               ${CMAKE_SOURCE_DIR}/tests/core/fixture.c ${CMAKE_SOURCE_DIR}/tests/core/inputs.c)
target_include_directories(test_savefile PRIVATE ${CMAKE_SOURCE_DIR}/tests
                           ${CMAKE_SOURCE_DIR}/tests/core ${CMAKE_SOURCE_DIR}/src/cli)
target_link_libraries(test_savefile PRIVATE cp_script cp_core)
target_compile_options(test_savefile PRIVATE ${CP_WARNINGS})
target_compile_definitions(test_savefile PRIVATE CP_DATA_DIR="${CMAKE_SOURCE_DIR}")
add_test(NAME cli_savefile COMMAND test_savefile)
add_test(NAME cli_save COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/test_save_cli.sh
         $<TARGET_FILE:chokepoint> ${CMAKE_SOURCE_DIR})
add_test(NAME cli_kill COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/test_kill.sh $<TARGET_FILE:chokepoint>)
