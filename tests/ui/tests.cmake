# tests/ui/tests.cmake -- tests of the game window and its map.
include(${CMAKE_SOURCE_DIR}/tests/ui/map.cmake)
