# bench/ui.cmake -- the game window's frame-time benchmark (included only when the UI is built).
add_executable(bench_ui ${CMAKE_SOURCE_DIR}/bench/bench_ui.c)
target_compile_options(bench_ui PRIVATE ${CP_WARNINGS})
target_link_libraries(bench_ui PRIVATE cp_ui)
