# tests/install/tests.cmake -- installing the game and the files it hands out (issue 21,
# docs/install.md): a staged install run from elsewhere, the Debian package under
# lintian, the generated completion and manual page, every CSV kind read by pandas.
set(CP_INSTALL_WINDOW "")
if(CP_HAVE_UI)
  set(CP_INSTALL_WINDOW window)
endif()
add_test(NAME install_staged COMMAND bash ${CMAKE_SOURCE_DIR}/tests/install/test_install.sh
         ${CMAKE_BINARY_DIR} ${CMAKE_SOURCE_DIR} ${CP_INSTALL_WINDOW})
add_test(NAME install_deb COMMAND bash ${CMAKE_SOURCE_DIR}/tests/install/test_deb.sh ${CMAKE_BINARY_DIR})
# both install this build (cmake --install, cpack): one at a time
set_tests_properties(install_staged install_deb PROPERTIES RESOURCE_LOCK cp_install)
set_tests_properties(install_deb PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600)
add_test(NAME install_completion COMMAND bash ${CMAKE_SOURCE_DIR}/tests/install/test_completion.sh
         $<TARGET_FILE:chokepoint> ${CMAKE_BINARY_DIR})
set_tests_properties(install_completion PROPERTIES ENVIRONMENT "CHOKEPOINT_DATA=${CMAKE_SOURCE_DIR}")
add_test(NAME csv_pandas COMMAND bash ${CMAKE_SOURCE_DIR}/tests/install/test_csv_pandas.sh
         $<TARGET_FILE:chokepoint> ${CP_INSTALL_WINDOW})
set_tests_properties(csv_pandas PROPERTIES SKIP_RETURN_CODE 77)
