# tests/script/tests.cmake -- tests of the Lua host: scenario loader, sandbox, agents, docs.
foreach(t scenario_load scenario_include agents deals difficulty)
  add_executable(test_script_${t} ${CMAKE_SOURCE_DIR}/tests/script/test_${t}.c
                 ${CMAKE_SOURCE_DIR}/tests/log_capture.c)
  target_include_directories(test_script_${t} PRIVATE ${CMAKE_SOURCE_DIR}/tests)
  target_link_libraries(test_script_${t} PRIVATE cp_script cp_core)
  if(t STREQUAL "agents" OR t STREQUAL "scenario_include")
    target_link_libraries(test_script_${t} PRIVATE cp_session) # check-agent (src/session)
  endif()
  target_compile_options(test_script_${t} PRIVATE ${CP_WARNINGS})
  target_compile_definitions(test_script_${t} PRIVATE CP_DATA_DIR="${CMAKE_SOURCE_DIR}")
  add_test(NAME script_${t} COMMAND test_script_${t})
endforeach()

# hot reload of agent files (--watch)
add_executable(test_script_reload ${CMAKE_SOURCE_DIR}/tests/script/test_reload.c
               ${CMAKE_SOURCE_DIR}/tests/log_capture.c)
target_include_directories(test_script_reload PRIVATE ${CMAKE_SOURCE_DIR}/tests)
target_link_libraries(test_script_reload PRIVATE cp_script cp_core)
target_compile_options(test_script_reload PRIVATE ${CP_WARNINGS})
add_test(NAME script_reload COMMAND test_script_reload)

# issue 4's showcase: the shipped agents sign deals in a 40-turn baseline (reads deals.csv)
add_test(NAME script_deals_baseline COMMAND bash ${CMAKE_SOURCE_DIR}/tests/script/test_deals_baseline.sh
         $<TARGET_FILE:chokepoint>)

# the sandbox's pattern matcher answers as stock Lua's string library does
add_executable(test_script_pattern_diff ${CMAKE_SOURCE_DIR}/tests/script/test_pattern_diff.c)
target_include_directories(test_script_pattern_diff PRIVATE ${CMAKE_SOURCE_DIR}/tests)
target_link_libraries(test_script_pattern_diff PRIVATE cp_script cp_core)
target_compile_options(test_script_pattern_diff PRIVATE ${CP_WARNINGS})
add_test(NAME script_pattern_diff COMMAND test_script_pattern_diff)

# hostile agents across processes and through saves and loads (issue 14)
add_test(NAME script_hostile_cli COMMAND bash ${CMAKE_SOURCE_DIR}/tests/script/test_hostile_cli.sh
         $<TARGET_FILE:chokepoint> ${CMAKE_SOURCE_DIR})

# math.sin and the rest in the sandbox are the core's machine-independent ones
add_executable(test_script_sandbox_math ${CMAKE_SOURCE_DIR}/tests/script/test_sandbox_math.c)
target_include_directories(test_script_sandbox_math PRIVATE ${CMAKE_SOURCE_DIR}/tests)
target_link_libraries(test_script_sandbox_math PRIVATE cp_script cp_core)
target_compile_options(test_script_sandbox_math PRIVATE ${CP_WARNINGS})
add_test(NAME script_sandbox_math COMMAND test_script_sandbox_math)
add_test(NAME script_reasons COMMAND bash ${CMAKE_SOURCE_DIR}/tests/script/test_reasons.sh
         $<TARGET_FILE:chokepoint> ${CMAKE_SOURCE_DIR})

# every ```lua block of docs/agents.md runs as an agent, in check-agent and in sim (issue 19)
add_test(NAME script_docs_lua COMMAND bash ${CMAKE_SOURCE_DIR}/tests/script/test_docs_lua.sh
         $<TARGET_FILE:chokepoint> ${CMAKE_SOURCE_DIR})

# view.forecast: a game with forecasts replays, and plays as one without them (issue 22)
add_test(NAME script_forecast_cli COMMAND bash ${CMAKE_SOURCE_DIR}/tests/script/test_forecast_cli.sh
         $<TARGET_FILE:chokepoint> ${CMAKE_SOURCE_DIR})

# the shipped buyers answer a supplier that licenses them, by difficulty, and break no deal (issue 22)
add_test(NAME script_buyers COMMAND bash ${CMAKE_SOURCE_DIR}/tests/script/test_buyers.sh
         $<TARGET_FILE:chokepoint> ${CMAKE_SOURCE_DIR})
