# tests/session/tests.cmake -- games on the session layer (src/session): turns, saves, autosaves,
# recordings, seats and readiness, as sim, the window and the coming server use them.
add_executable(test_session_game ${CMAKE_SOURCE_DIR}/tests/session/test_game.c
               ${CMAKE_SOURCE_DIR}/tests/log_capture.c)
target_include_directories(test_session_game PRIVATE ${CMAKE_SOURCE_DIR}/tests)
target_link_libraries(test_session_game PRIVATE cp_session)
target_compile_options(test_session_game PRIVATE ${CP_WARNINGS})
target_compile_definitions(test_session_game PRIVATE CP_DATA_DIR="${CMAKE_SOURCE_DIR}")
add_test(NAME session_game COMMAND test_session_game)
set_tests_properties(session_game PROPERTIES ENVIRONMENT "CHOKEPOINT_DATA=${CMAKE_SOURCE_DIR}")

# cp_world_create_like against cp_world_create on every scenario (test_world_like.c)
add_executable(test_world_like ${CMAKE_SOURCE_DIR}/tests/session/test_world_like.c)
target_include_directories(test_world_like PRIVATE ${CMAKE_SOURCE_DIR}/tests)
target_link_libraries(test_world_like PRIVATE cp_session)
target_compile_options(test_world_like PRIVATE ${CP_WARNINGS})
add_test(NAME world_like COMMAND test_world_like)
set_tests_properties(world_like PROPERTIES ENVIRONMENT "CHOKEPOINT_DATA=${CMAKE_SOURCE_DIR}")

# the game's difficulty through saves, loads and recordings (issue 22, test_difficulty.c)
add_executable(test_session_difficulty ${CMAKE_SOURCE_DIR}/tests/session/test_difficulty.c
               ${CMAKE_SOURCE_DIR}/tests/log_capture.c)
target_include_directories(test_session_difficulty PRIVATE ${CMAKE_SOURCE_DIR}/tests)
target_link_libraries(test_session_difficulty PRIVATE cp_session)
target_compile_options(test_session_difficulty PRIVATE ${CP_WARNINGS})
target_compile_definitions(test_session_difficulty PRIVATE CP_DATA_DIR="${CMAKE_SOURCE_DIR}")
add_test(NAME session_difficulty COMMAND test_session_difficulty)
set_tests_properties(session_difficulty PROPERTIES ENVIRONMENT "CHOKEPOINT_DATA=${CMAKE_SOURCE_DIR}")
