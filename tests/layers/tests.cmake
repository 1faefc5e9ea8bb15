# tests/layers/tests.cmake -- the module graph runs one way (issue 17, plan section 8).
# the layer rules on the sources, with today's known violations in allowed.txt
add_test(NAME layers COMMAND sh ${CMAKE_SOURCE_DIR}/tests/layers/test_layers.sh ${CMAKE_SOURCE_DIR})
# what the compiled core (and base, once it exists) call: no IO, printing or exiting
set(CP_LAYER_ARCHIVES $<TARGET_FILE:cp_core>)
if(TARGET cp_base)
  list(APPEND CP_LAYER_ARCHIVES $<TARGET_FILE:cp_base>)
endif()
add_test(NAME layers_symbols COMMAND sh ${CMAKE_SOURCE_DIR}/tests/layers/test_symbols.sh ${CP_LAYER_ARCHIVES})
set_tests_properties(layers_symbols PROPERTIES SKIP_RETURN_CODE 77)
