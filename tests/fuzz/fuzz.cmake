# tests/fuzz/fuzz.cmake -- the loaders' and the agent host's fuzz harnesses (docs/saves.md, "Fuzzing").
#
# Always: each harness linked with fuzz_main.c (a plain main, any compiler)
# and run by ctest over tests/fuzz/regressions/<harness>/, the inputs that
# once crashed a loader. With -DCP_FUZZ=ON and clang: the libFuzzer
# harnesses themselves, fuzz_save, fuzz_scenario, fuzz_replay and
# fuzz_agent (the agent host: bytes played as an agent, see fuzz_agent.c)
# (scripts/test.sh builds them in build/fuzz and runs each for a while).
option(CP_FUZZ "Build the libFuzzer harnesses (clang only)" OFF)
set(CP_FUZZ_DIR ${CMAKE_SOURCE_DIR}/tests/fuzz)
set(CP_FUZZ_SAVE_SOURCES ${CMAKE_SOURCE_DIR}/src/session/savefile.c ${CMAKE_SOURCE_DIR}/src/base/file_io.c
    ${CMAKE_SOURCE_DIR}/src/session/save_seats.c)
set(CP_FUZZ_REPLAY_SOURCES ${CMAKE_SOURCE_DIR}/src/session/replay_file.c ${CMAKE_SOURCE_DIR}/src/session/playback.c
    ${CMAKE_SOURCE_DIR}/src/base/file_io.c
    ${CMAKE_SOURCE_DIR}/tests/core/fixture.c)

# cp_fuzz_target(NAME SUFFIX EXTRA_SOURCES...): NAME's harness as target NAME${SUFFIX}
function(cp_fuzz_target name suffix)
  set(t ${name}${suffix})
  add_executable(${t} ${CP_FUZZ_DIR}/${name}.c ${ARGN})
  target_include_directories(${t} PRIVATE ${CMAKE_SOURCE_DIR}/src/session ${CMAKE_SOURCE_DIR}/src/cli ${CMAKE_SOURCE_DIR}/src/core
                             ${CMAKE_SOURCE_DIR}/src/script ${CMAKE_SOURCE_DIR}/tests/core)
  target_link_libraries(${t} PRIVATE cp_script cp_core)
  target_compile_options(${t} PRIVATE ${CP_WARNINGS})
  target_compile_definitions(${t} PRIVATE CP_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
endfunction()

foreach(h save scenario replay agent)
  set(extra)
  if(h STREQUAL "save" OR h STREQUAL "agent")
    set(extra ${CP_FUZZ_SAVE_SOURCES})
  elseif(h STREQUAL "replay")
    set(extra ${CP_FUZZ_REPLAY_SOURCES})
  endif()
  cp_fuzz_target(fuzz_${h} _regress ${CP_FUZZ_DIR}/fuzz_main.c ${extra})
  add_test(NAME fuzz_regress_${h} COMMAND fuzz_${h}_regress ${CP_FUZZ_DIR}/regressions/${h})
  if(CP_FUZZ)
    cp_fuzz_target(fuzz_${h} "" ${extra})
    target_compile_options(fuzz_${h} PRIVATE -fsanitize=fuzzer)
    target_link_options(fuzz_${h} PRIVATE -fsanitize=fuzzer)
  endif()
endforeach()

# every offset of a save or replay planted with extreme values (docs/saves.md, "Fuzzing")
cp_fuzz_target(fuzz_save _sweep ${CP_FUZZ_DIR}/fuzz_sweep.c ${CP_FUZZ_SAVE_SOURCES})
cp_fuzz_target(fuzz_replay _sweep ${CP_FUZZ_DIR}/fuzz_sweep.c ${CP_FUZZ_REPLAY_SOURCES})

# seeds with deals, events and pending orders (scripts/fuzz.sh runs it)
cp_fuzz_target(fuzz_make_seeds "" ${CP_FUZZ_SAVE_SOURCES} ${CP_FUZZ_REPLAY_SOURCES}
               ${CMAKE_SOURCE_DIR}/tests/core/inputs.c)

if(CP_FUZZ)
  if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "CP_FUZZ=ON needs clang (libFuzzer): configure with CC=clang")
  endif()
  # coverage for libFuzzer in the code under test, not only in the harnesses
  foreach(lib cp_base cp_core cp_script)
    target_compile_options(${lib} PRIVATE -fsanitize=fuzzer-no-link)
  endforeach()
endif()
