# tests/web/tests.cmake -- the student's page (assets/web) in headless Chromium against a real
# `chokepoint serve` on loopback. Debian's python3-selenium lives in the system Python's path, so
# the test runs /usr/bin/python3 when there is one. Skipped (77) only without chromium.
find_program(CP_SYSTEM_PYTHON3 NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT CP_SYSTEM_PYTHON3)
  find_program(CP_SYSTEM_PYTHON3 NAMES python3)
endif()
if(CP_SYSTEM_PYTHON3)
  add_test(NAME web_student_page
           COMMAND ${CP_SYSTEM_PYTHON3} ${CMAKE_SOURCE_DIR}/tests/web/test_student_page.py
                   $<TARGET_FILE:chokepoint> --shots ${CMAKE_BINARY_DIR}/web-shots)
  set_tests_properties(web_student_page PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 240 RUN_SERIAL TRUE)
endif()
