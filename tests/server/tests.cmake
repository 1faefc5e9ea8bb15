# tests/server/tests.cmake -- `chokepoint serve` (issue 18): its codec and codes in C, and the
# protocol, whole games, a restart and a hostile crowd against the real server on loopback, in
# Python with python3-websocket (Debian's /usr/bin/python3, where that package installs).
add_executable(test_server_proto ${CMAKE_SOURCE_DIR}/tests/server/test_proto.c)
target_include_directories(test_server_proto PRIVATE ${CMAKE_SOURCE_DIR}/tests)
target_link_libraries(test_server_proto PRIVATE cp_server)
target_compile_options(test_server_proto PRIVATE ${CP_WARNINGS})
add_test(NAME server_proto COMMAND test_server_proto)

find_program(CP_SYSTEM_PYTHON3 python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(CP_SYSTEM_PYTHON3)
  add_test(NAME server_protocol COMMAND ${CP_SYSTEM_PYTHON3} ${CMAKE_SOURCE_DIR}/tests/server/test_protocol.py
           $<TARGET_FILE:chokepoint> ${CMAKE_SOURCE_DIR})
  add_test(NAME server_game COMMAND ${CP_SYSTEM_PYTHON3} ${CMAKE_SOURCE_DIR}/tests/server/test_game.py
           $<TARGET_FILE:chokepoint>)
  add_test(NAME server_fuzz COMMAND ${CP_SYSTEM_PYTHON3} ${CMAKE_SOURCE_DIR}/tests/server/test_fuzz.py
           $<TARGET_FILE:chokepoint> 800 18)
  set_tests_properties(server_protocol server_game server_fuzz PROPERTIES TIMEOUT 300)
endif()
