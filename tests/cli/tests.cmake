# tests/cli/tests.cmake -- the shipped scenario and the command line.
add_executable(test_baseline ${CMAKE_SOURCE_DIR}/tests/cli/test_baseline.c)
target_include_directories(test_baseline PRIVATE ${CMAKE_SOURCE_DIR}/tests)
target_link_libraries(test_baseline PRIVATE cp_script cp_core)
target_compile_options(test_baseline PRIVATE ${CP_WARNINGS})
add_test(NAME cli_baseline COMMAND test_baseline)
add_test(NAME cli_sim COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/test_sim_cli.sh $<TARGET_FILE:chokepoint>)
add_test(NAME cli_news_words COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/test_news_words.sh $<TARGET_FILE:chokepoint>)
add_test(NAME cli_sweep COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/test_sweep.sh $<TARGET_FILE:chokepoint>)
add_test(NAME cli_tournament COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/test_tournament.sh
         $<TARGET_FILE:chokepoint> ${CMAKE_SOURCE_DIR})
add_test(NAME cli_watch COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/test_watch.sh $<TARGET_FILE:chokepoint>)

# saves, autosaves, replays and agents' memories (the command line's files)
set(CP_SAVE_CLI_SOURCES
    ${CMAKE_SOURCE_DIR}/src/session/savefile.c ${CMAKE_SOURCE_DIR}/src/base/file_io.c
    ${CMAKE_SOURCE_DIR}/src/session/replay_file.c
    ${CMAKE_SOURCE_DIR}/src/cli/replay.c ${CMAKE_SOURCE_DIR}/src/cli/replay_log.c ${CMAKE_SOURCE_DIR}/src/cli/args.c ${CMAKE_SOURCE_DIR}/src/session/save_seats.c
    ${CMAKE_SOURCE_DIR}/src/session/playback.c)
add_executable(test_savefile ${CMAKE_SOURCE_DIR}/tests/cli/test_savefile.c ${CP_SAVE_CLI_SOURCES}
               ${CMAKE_SOURCE_DIR}/tests/core/fixture.c ${CMAKE_SOURCE_DIR}/tests/core/inputs.c)
target_include_directories(test_savefile PRIVATE ${CMAKE_SOURCE_DIR}/tests
                           ${CMAKE_SOURCE_DIR}/tests/core ${CMAKE_SOURCE_DIR}/src/session ${CMAKE_SOURCE_DIR}/src/cli)
target_link_libraries(test_savefile PRIVATE cp_script cp_core)
target_compile_options(test_savefile PRIVATE ${CP_WARNINGS})
target_compile_definitions(test_savefile PRIVATE CP_DATA_DIR="${CMAKE_SOURCE_DIR}")
add_test(NAME cli_savefile COMMAND test_savefile)
add_test(NAME cli_save COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/test_save_cli.sh
         $<TARGET_FILE:chokepoint> ${CMAKE_SOURCE_DIR})
# an autosave killed before each rename and unlink it makes (rename and unlink
# are replaced in this binary, so it compiles the save code in)
add_executable(test_autosave_kill ${CMAKE_SOURCE_DIR}/tests/cli/test_autosave_kill.c
               ${CMAKE_SOURCE_DIR}/src/session/savefile.c ${CMAKE_SOURCE_DIR}/src/base/file_io.c
               ${CMAKE_SOURCE_DIR}/tests/core/fixture.c)
target_include_directories(test_autosave_kill PRIVATE ${CMAKE_SOURCE_DIR}/tests
                           ${CMAKE_SOURCE_DIR}/tests/core ${CMAKE_SOURCE_DIR}/src/session ${CMAKE_SOURCE_DIR}/src/cli)
target_link_libraries(test_autosave_kill PRIVATE cp_script cp_core cp_base ${CMAKE_DL_LIBS})
target_compile_options(test_autosave_kill PRIVATE ${CP_WARNINGS})
add_test(NAME cli_autosave_kill COMMAND test_autosave_kill)
# FIFOs, devices and links as files to read and save to
add_test(NAME cli_files COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/test_files.sh
         $<TARGET_FILE:chokepoint> ${CMAKE_SOURCE_DIR})
add_test(NAME cli_kill COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/test_kill.sh $<TARGET_FILE:chokepoint>)
# a 40-turn game with saves and loads, checked by valgrind (plain builds) or by
# ASan and UBSan (sanitized builds); skipped (77) on a plain build without valgrind
add_test(NAME cli_valgrind COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/test_valgrind.sh $<TARGET_FILE:chokepoint>)
set_tests_properties(cli_valgrind PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900)
# saves written by older builds (tests/fixtures/saves) still load
add_executable(test_migrate ${CMAKE_SOURCE_DIR}/tests/cli/test_migrate.c ${CMAKE_SOURCE_DIR}/src/session/savefile.c
               ${CMAKE_SOURCE_DIR}/src/base/file_io.c)
target_include_directories(test_migrate PRIVATE ${CMAKE_SOURCE_DIR}/tests ${CMAKE_SOURCE_DIR}/src/session ${CMAKE_SOURCE_DIR}/src/cli
                           ${CMAKE_SOURCE_DIR}/src/core)
target_link_libraries(test_migrate PRIVATE cp_script cp_core cp_base)
target_compile_options(test_migrate PRIVATE ${CP_WARNINGS})
target_compile_definitions(test_migrate PRIVATE CP_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
add_test(NAME cli_migrate COMMAND test_migrate)

# the debrief pack (sim --debrief): only in a build with the game window, which draws the charts
if(CP_HAVE_UI)
  add_executable(png_check ${CMAKE_SOURCE_DIR}/tests/cli/png_check.c) # stb_image, without our warnings
  target_include_directories(png_check PRIVATE ${STB_INCLUDE_DIR})
  target_link_libraries(png_check PRIVATE m)
  add_test(NAME cli_debrief COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/test_debrief.sh
           $<TARGET_FILE:chokepoint> $<TARGET_FILE:png_check> ${CMAKE_SOURCE_DIR})
endif()

# every command's flags as users mistype them: today's messages and status 2, which a
# rewrite on getopt_long (issue 17, step L1) keeps; `play` is checked when it has a window
set(CP_FLAGS_WINDOW "")
if(CP_HAVE_UI)
  set(CP_FLAGS_WINDOW window)
endif()
add_test(NAME cli_flags COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/test_flags.sh
         $<TARGET_FILE:chokepoint> ${CMAKE_SOURCE_DIR} ${CP_FLAGS_WINDOW})
# a headless command loads no SDL, X11, Wayland or sound library. It fails today: the
# program links the window. Issue 17's step W1 makes the window a program of its own and
# step W2 drops WILL_FAIL here.
add_test(NAME cli_headless_libs COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/test_headless_libs.sh
         $<TARGET_FILE:chokepoint>)
set_tests_properties(cli_headless_libs PROPERTIES WILL_FAIL TRUE SKIP_RETURN_CODE 77)
# the model against the record: every fact of `chokepoint validate` passes, and
# docs/validation.md is the table this build writes
add_test(NAME cli_validate COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/test_validate.sh
         $<TARGET_FILE:chokepoint> ${CMAKE_SOURCE_DIR})
# `chokepoint new-agent`: a starting folder that plays, from an empty folder (issue 19)
add_test(NAME cli_new_agent COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/test_new_agent.sh
         $<TARGET_FILE:chokepoint> ${CMAKE_SOURCE_DIR})
# the difficulty levels on the command line (issue 22)
add_test(NAME cli_difficulty COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/test_difficulty.sh
         $<TARGET_FILE:chokepoint> ${CMAKE_SOURCE_DIR})
