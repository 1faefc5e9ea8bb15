# tests/net/tests.cmake -- the bot (src/server/bot_*.c) and class games on loopback (issue 18).
# the local agent runner without a network: the same world and agent give the game's orders
add_executable(test_bot_agent ${CMAKE_SOURCE_DIR}/tests/net/test_bot_agent.c
               ${CMAKE_SOURCE_DIR}/tests/log_capture.c)
target_include_directories(test_bot_agent PRIVATE ${CMAKE_SOURCE_DIR}/tests)
target_link_libraries(test_bot_agent PRIVATE cp_bot_agent cp_session)
target_compile_options(test_bot_agent PRIVATE ${CP_WARNINGS})
add_test(NAME net_bot_agent COMMAND test_bot_agent)
set_tests_properties(net_bot_agent PROPERTIES ENVIRONMENT "CHOKEPOINT_DATA=${CMAKE_SOURCE_DIR}")
# a class on loopback: every nation a human seat, one bot each and a teacher (test_class.sh);
# one game at a time (RUN_SERIAL): each runs 25 processes on a machine that has few cores
foreach(mode errors class reconnect restart)
  add_test(NAME net_class_${mode} COMMAND bash ${CMAKE_SOURCE_DIR}/tests/net/test_class.sh
           $<TARGET_FILE:chokepoint> ${mode})
  set_tests_properties(net_class_${mode} PROPERTIES ENVIRONMENT "CHOKEPOINT_DATA=${CMAKE_SOURCE_DIR}"
                       RUN_SERIAL TRUE TIMEOUT 900 SKIP_RETURN_CODE 77)
endforeach()
