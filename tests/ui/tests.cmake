# tests/ui/tests.cmake -- tests of the game window and its map.
include(${CMAKE_SOURCE_DIR}/tests/ui/map.cmake)

if(CP_HAVE_UI)
  # known states drawn offscreen, pixels checked (no display needed)
  add_executable(test_render ${CMAKE_SOURCE_DIR}/tests/ui/test_render.c)
  target_include_directories(test_render PRIVATE ${CMAKE_SOURCE_DIR}/tests)
  target_compile_options(test_render PRIVATE ${CP_WARNINGS})
  target_link_libraries(test_render PRIVATE cp_ui)
  add_test(NAME ui_render COMMAND test_render)
  set_tests_properties(ui_render PROPERTIES
    ENVIRONMENT "SDL_VIDEODRIVER=offscreen;CHOKEPOINT_DATA=${CMAKE_SOURCE_DIR}")

  # the real window under Xvfb, driven by xdotool; skipped (77) without them
  add_test(NAME ui_e2e_window
           COMMAND sh ${CMAKE_SOURCE_DIR}/tests/ui/e2e_window.sh $<TARGET_FILE:chokepoint>
                   ${CMAKE_CURRENT_BINARY_DIR}/e2e_window)
  set_tests_properties(ui_e2e_window PROPERTIES
    SKIP_RETURN_CODE 77 TIMEOUT 180 RUN_SERIAL TRUE
    ENVIRONMENT "CHOKEPOINT_DATA=${CMAKE_SOURCE_DIR}")
endif()

# playing a nation (tests/ui/test_human_*): the window's orders are the agents' orders, and an
# end-to-end game under Xvfb driven with xdotool (skipped, status 77, without them)
add_executable(test_human_orders ${CMAKE_SOURCE_DIR}/tests/ui/test_human_orders.c
               ${CMAKE_SOURCE_DIR}/src/ui/orders_ui.c ${CMAKE_SOURCE_DIR}/src/ui/labels.c
               ${CMAKE_SOURCE_DIR}/src/ui/fmt.c)
target_include_directories(test_human_orders PRIVATE ${CMAKE_SOURCE_DIR}/tests ${CMAKE_SOURCE_DIR}/src/ui)
target_link_libraries(test_human_orders PRIVATE cp_script cp_core)
target_compile_options(test_human_orders PRIVATE ${CP_WARNINGS})
target_compile_definitions(test_human_orders PRIVATE CP_DATA_DIR="${CMAKE_SOURCE_DIR}")
add_test(NAME ui_human_orders COMMAND test_human_orders)
# plain names (tests/ui/test_labels.c): deals by their terms, nations by name, agents by display name
add_executable(test_labels ${CMAKE_SOURCE_DIR}/tests/ui/test_labels.c ${CMAKE_SOURCE_DIR}/src/ui/labels.c)
target_include_directories(test_labels PRIVATE ${CMAKE_SOURCE_DIR}/tests ${CMAKE_SOURCE_DIR}/src/ui)
target_link_libraries(test_labels PRIVATE cp_script cp_core)
target_compile_options(test_labels PRIVATE ${CP_WARNINGS})
target_compile_definitions(test_labels PRIVATE CP_DATA_DIR="${CMAKE_SOURCE_DIR}")
add_test(NAME ui_labels COMMAND test_labels)
set_tests_properties(ui_labels PROPERTIES ENVIRONMENT "CHOKEPOINT_DATA=${CMAKE_SOURCE_DIR}")
if(TARGET chokepoint AND CP_HAVE_UI)
  # the replay viewer, offscreen: turns reached, hashes, the agents' panel (test_replay_view.sh)
  add_test(NAME ui_replay_view COMMAND bash ${CMAKE_SOURCE_DIR}/tests/ui/test_replay_view.sh
           $<TARGET_FILE:chokepoint> $<TARGET_FILE:png_check> ${CMAKE_SOURCE_DIR})
  add_test(NAME ui_replay_e2e COMMAND bash ${CMAKE_SOURCE_DIR}/tests/ui/test_replay_e2e.sh $<TARGET_FILE:chokepoint>)
  set_tests_properties(ui_replay_e2e PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 180 RUN_SERIAL TRUE
    ENVIRONMENT "CHOKEPOINT_DATA=${CMAKE_SOURCE_DIR}")
  add_test(NAME ui_human_e2e COMMAND bash ${CMAKE_SOURCE_DIR}/tests/ui/test_human_e2e.sh $<TARGET_FILE:chokepoint>)
  set_tests_properties(ui_human_e2e PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 RUN_SERIAL TRUE
    ENVIRONMENT "CHOKEPOINT_DATA=${CMAKE_SOURCE_DIR}")
  # the difficulty on the start screen, in the menu and in the window's saves (issue 22)
  add_test(NAME ui_difficulty_e2e COMMAND bash ${CMAKE_SOURCE_DIR}/tests/ui/test_difficulty_e2e.sh
           $<TARGET_FILE:chokepoint>)
  set_tests_properties(ui_difficulty_e2e PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 180 RUN_SERIAL TRUE
    ENVIRONMENT "CHOKEPOINT_DATA=${CMAKE_SOURCE_DIR}")
  # the dock's What if? (issue 22): the card, its keys, and the game unchanged by it
  add_test(NAME ui_whatif_e2e COMMAND bash ${CMAKE_SOURCE_DIR}/tests/ui/test_whatif_e2e.sh $<TARGET_FILE:chokepoint>)
  set_tests_properties(ui_whatif_e2e PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 RUN_SERIAL TRUE
    ENVIRONMENT "CHOKEPOINT_DATA=${CMAKE_SOURCE_DIR}")
endif()

# a layout that holds (tests/ui/test_layout.c): every size 1280x720..2560x1440, every UI scale
# 1..2, dock and panel open; no control lost or overlapping; PNGs under the build folder
if(CP_HAVE_UI)
  add_executable(test_layout ${CMAKE_SOURCE_DIR}/tests/ui/test_layout.c)
  target_include_directories(test_layout PRIVATE ${CMAKE_SOURCE_DIR}/tests)
  target_compile_options(test_layout PRIVATE ${CP_WARNINGS})
  target_compile_definitions(test_layout PRIVATE CP_SHOT_DIR="${CMAKE_CURRENT_BINARY_DIR}/layout")
  target_link_libraries(test_layout PRIVATE cp_ui)
  file(MAKE_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/layout)
  add_test(NAME ui_layout COMMAND test_layout)
  set_tests_properties(ui_layout PROPERTIES
    ENVIRONMENT "SDL_VIDEODRIVER=offscreen;CHOKEPOINT_DATA=${CMAKE_SOURCE_DIR}")
endif()

# the end of a game (tests/ui/test_end.c): the free-trade twin, the end screen, the saved length
if(CP_HAVE_UI)
  add_executable(test_end ${CMAKE_SOURCE_DIR}/tests/ui/test_end.c)
  target_include_directories(test_end PRIVATE ${CMAKE_SOURCE_DIR}/tests)
  target_compile_options(test_end PRIVATE ${CP_WARNINGS})
  target_compile_definitions(test_end PRIVATE CP_DATA_DIR="${CMAKE_SOURCE_DIR}"
                             CP_TEST_DIR="${CMAKE_CURRENT_BINARY_DIR}/end")
  target_link_libraries(test_end PRIVATE cp_ui)
  add_test(NAME ui_end COMMAND test_end)
  set_tests_properties(ui_end PROPERTIES
    ENVIRONMENT "SDL_VIDEODRIVER=offscreen;CHOKEPOINT_DATA=${CMAKE_SOURCE_DIR}")
endif()

# the teacher's controls (tests/ui/test_teacher.c): pause, events, locks, seats, the debrief pack
if(CP_HAVE_UI)
  add_executable(test_teacher ${CMAKE_SOURCE_DIR}/tests/ui/test_teacher.c)
  target_include_directories(test_teacher PRIVATE ${CMAKE_SOURCE_DIR}/tests)
  target_compile_options(test_teacher PRIVATE ${CP_WARNINGS})
  target_link_libraries(test_teacher PRIVATE cp_ui)
  add_test(NAME ui_teacher COMMAND test_teacher ${CMAKE_CURRENT_BINARY_DIR}/teacher)
  set_tests_properties(ui_teacher PROPERTIES
    ENVIRONMENT "SDL_VIDEODRIVER=offscreen;CHOKEPOINT_DATA=${CMAKE_SOURCE_DIR}")
endif()

# the monkey test (tests/ui/monkey.sh): a minute of random clicks, drags, wheel turns, keys and
# resizes sent to the real window under Xvfb by tests/ui/monkey/ (XTest, from libxtst-dev);
# any crash, sanitizer report or hang fails it. ctest plays the fixed seed 2026, so that CI
# judges the change and not the luck of a new seed; scripts/monkey.sh (a new seed each run)
# runs it as long as asked.
find_package(X11)
if(TARGET chokepoint AND CP_HAVE_UI AND X11_FOUND AND X11_XTest_FOUND)
  add_executable(monkey ${CMAKE_SOURCE_DIR}/tests/ui/monkey/monkey.c ${CMAKE_SOURCE_DIR}/tests/ui/monkey/monkey_x.c)
  target_include_directories(monkey PRIVATE ${X11_INCLUDE_DIR})
  target_link_libraries(monkey PRIVATE ${X11_XTest_LIB} ${X11_X11_LIB})
  target_compile_options(monkey PRIVATE ${CP_WARNINGS})
  add_test(NAME ui_monkey COMMAND bash ${CMAKE_SOURCE_DIR}/tests/ui/monkey.sh $<TARGET_FILE:chokepoint>
           $<TARGET_FILE:monkey> 60 2026)
  # alone: it keeps both cores busy (Xvfb and the game under the sanitizers), which would push
  # tests with a wall-clock limit past it
  set_tests_properties(ui_monkey PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600 RUN_SERIAL TRUE
    ENVIRONMENT "CHOKEPOINT_DATA=${CMAKE_SOURCE_DIR}")
  # the questions before ending a turn and quitting (Space, drafts, unsaved quarters), in the
  # real window; the monkey's driver sends the window manager's close
  add_test(NAME ui_confirm_e2e COMMAND bash ${CMAKE_SOURCE_DIR}/tests/ui/test_confirm_e2e.sh
           $<TARGET_FILE:chokepoint> $<TARGET_FILE:monkey>)
  set_tests_properties(ui_confirm_e2e PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 RUN_SERIAL TRUE
    ENVIRONMENT "CHOKEPOINT_DATA=${CMAKE_SOURCE_DIR}")
endif()
