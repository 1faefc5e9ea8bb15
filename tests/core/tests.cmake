# tests/core/tests.cmake -- unit and property tests of the core, one binary per module.
foreach(t order market facility conservation determinism events misc deal save teacher save_bounds
        scenario_ranges hash_fields detmath model market_bounds seat forecast)
  add_executable(test_core_${t} ${CMAKE_SOURCE_DIR}/tests/core/test_${t}.c
                 ${CMAKE_SOURCE_DIR}/tests/core/fixture.c)
  target_include_directories(test_core_${t} PRIVATE ${CMAKE_SOURCE_DIR}/tests ${CMAKE_SOURCE_DIR}/tests/core)
  target_link_libraries(test_core_${t} PRIVATE cp_core)
  target_compile_options(test_core_${t} PRIVATE ${CP_WARNINGS})
  add_test(NAME core_${t} COMMAND test_core_${t})
endforeach()
target_sources(test_core_save PRIVATE ${CMAKE_SOURCE_DIR}/tests/core/inputs.c)
target_sources(test_core_save_bounds PRIVATE ${CMAKE_SOURCE_DIR}/tests/core/inputs.c)
target_sources(test_core_hash_fields PRIVATE ${CMAKE_SOURCE_DIR}/tests/core/inputs.c)
