# tests/script/tests.cmake -- tests of the Lua host: scenario loader, sandbox, agents.
foreach(t scenario_load)
  add_executable(test_script_${t} ${CMAKE_SOURCE_DIR}/tests/script/test_${t}.c)
  target_include_directories(test_script_${t} PRIVATE ${CMAKE_SOURCE_DIR}/tests)
  target_link_libraries(test_script_${t} PRIVATE cp_script cp_core)
  target_compile_options(test_script_${t} PRIVATE ${CP_WARNINGS})
  target_compile_definitions(test_script_${t} PRIVATE CP_DATA_DIR="${CMAKE_SOURCE_DIR}")
  add_test(NAME script_${t} COMMAND test_script_${t})
endforeach()
