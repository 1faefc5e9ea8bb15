# tests/base/tests.cmake -- the base layer (src/base) on its own: what it
# computes against the algorithms' published outputs.
add_executable(test_base ${CMAKE_SOURCE_DIR}/tests/base/test_base.c)
target_include_directories(test_base PRIVATE ${CMAKE_SOURCE_DIR}/tests)
target_link_libraries(test_base PRIVATE cp_base)
target_compile_options(test_base PRIVATE ${CP_WARNINGS})
add_test(NAME base COMMAND test_base)

# numtext and bytes_printf's fast path against snprintf, byte for byte
add_executable(test_numtext ${CMAKE_SOURCE_DIR}/tests/base/test_numtext.c)
target_include_directories(test_numtext PRIVATE ${CMAKE_SOURCE_DIR}/tests)
target_link_libraries(test_numtext PRIVATE cp_base m)
target_compile_options(test_numtext PRIVATE ${CP_WARNINGS})
add_test(NAME numtext COMMAND test_numtext)
