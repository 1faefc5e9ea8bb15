# CMakeLists-map.cmake -- build and register the world map test (tests/ui/test_map.c).
#
# Meant to be include()d from the top-level CMakeLists.txt:
#   include(tests/ui/CMakeLists-map.cmake)
# It needs enable_testing() to have run there. CP_MAP_SOURCES lists the map
# code that has no SDL dependency, so the game target can reuse it; the SDL
# drawing half, src/ui/map_draw.c, is left to the game target.

get_filename_component(CP_MAP_ROOT "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)

set(CP_MAP_SOURCES
    ${CP_MAP_ROOT}/src/ui/map_asset.c
    ${CP_MAP_ROOT}/src/ui/map_project.c
    ${CP_MAP_ROOT}/src/ui/map_triangulate.c
    ${CP_MAP_ROOT}/src/ui/map_mesh.c)

add_executable(test_map ${CP_MAP_ROOT}/tests/ui/test_map.c ${CP_MAP_SOURCES})
target_include_directories(test_map PRIVATE ${CP_MAP_ROOT}/src/ui ${CP_MAP_ROOT}/tests)
target_compile_definitions(test_map PRIVATE CP_SOURCE_DIR="${CP_MAP_ROOT}")
set_target_properties(test_map PROPERTIES C_STANDARD 11 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
if(DEFINED CP_WARNINGS)
    target_compile_options(test_map PRIVATE ${CP_WARNINGS})
elseif(CMAKE_C_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(test_map PRIVATE -Wall -Wextra -Wpedantic)
endif()
target_link_libraries(test_map PRIVATE cp_base m)

add_test(NAME map COMMAND test_map ${CP_MAP_ROOT}/assets/world-110m.cpmap ${CMAKE_CURRENT_BINARY_DIR})
