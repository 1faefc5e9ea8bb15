# packaging/packaging.cmake -- `cmake --install` and the Debian package (issue 21,
# docs/install.md): the program in bin/, its data in share/chokepoint/ with the
# source tree's layout (scripts/scenarios, scripts/agents, assets/), the docs and
# agent API stubs in share/doc/chokepoint/, a manual page and bash completion
# generated from the program's own help, a menu entry, icons and AppStream
# metainfo; then CPack's DEB generator with the libraries' packages found by
# dpkg-shlibdeps. Build a package:
#   cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr
#   cmake --build build/release -j2 && (cd build/release && cpack -G DEB)
# (the package puts the program in /usr/games; `cmake --install` in bin/)
set(CP_DATA_DEST ${CMAKE_INSTALL_DATADIR}/chokepoint)
set(CP_APP_ID io.github.chokepoint.Chokepoint)
set(CP_MAINTAINER "Chokepoint maintainers <maintainers@chokepoint.example.org>")

# Every rule below is component "data" but the program's: `cmake --install` puts
# it in bin/ (component "program"); the Debian package takes it from component
# "deb_program", in /usr/games, where Debian's games (freeciv, wesnoth) are and
# lintian wants a package of section games to put them.
set(CMAKE_INSTALL_DEFAULT_COMPONENT_NAME data)
install(TARGETS chokepoint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT program)
install(TARGETS chokepoint RUNTIME DESTINATION games COMPONENT deb_program EXCLUDE_FROM_ALL)
# the data, as the source tree lays it out (src/script/data_dir.c looks for
# scripts/scenarios beside the program: ../share/chokepoint)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/scripts/scenarios ${CMAKE_SOURCE_DIR}/scripts/agents
        DESTINATION ${CP_DATA_DEST}/scripts)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/assets DESTINATION ${CP_DATA_DEST}
        PATTERN "icons" EXCLUDE) # the icons go where desktops look, below
# the manual and the agent API stubs
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/packaging/copyright
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR})

# the manual page chokepoint(6) and bash completion, from the help of the program just built
set(CP_GEN ${CMAKE_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${CP_GEN})
add_custom_command(OUTPUT ${CP_GEN}/chokepoint.6 ${CP_GEN}/chokepoint.6.gz
  COMMAND sh ${CMAKE_SOURCE_DIR}/packaging/gen-man.sh $<TARGET_FILE:chokepoint> ${CP_GEN}/chokepoint.6
  COMMAND gzip -9n -c ${CP_GEN}/chokepoint.6 > ${CP_GEN}/chokepoint.6.gz
  DEPENDS chokepoint ${CMAKE_SOURCE_DIR}/packaging/gen-man.sh
  COMMENT "Manual page chokepoint(6) from chokepoint help")
add_custom_command(OUTPUT ${CP_GEN}/chokepoint.bash-completion
  COMMAND sh ${CMAKE_SOURCE_DIR}/packaging/gen-completion.sh $<TARGET_FILE:chokepoint>
          ${CP_GEN}/chokepoint.bash-completion
  DEPENDS chokepoint ${CMAKE_SOURCE_DIR}/packaging/gen-completion.sh
  COMMENT "bash completion from chokepoint help")
configure_file(${CMAKE_SOURCE_DIR}/packaging/changelog.in ${CP_GEN}/changelog.Debian @ONLY)
add_custom_command(OUTPUT ${CP_GEN}/changelog.Debian.gz
  COMMAND gzip -9n -c ${CP_GEN}/changelog.Debian > ${CP_GEN}/changelog.Debian.gz
  DEPENDS ${CP_GEN}/changelog.Debian)
add_custom_target(chokepoint_docs ALL DEPENDS ${CP_GEN}/chokepoint.6.gz
                  ${CP_GEN}/chokepoint.bash-completion ${CP_GEN}/changelog.Debian.gz)
install(FILES ${CP_GEN}/chokepoint.6.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man6)
install(FILES ${CP_GEN}/chokepoint.bash-completion DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME chokepoint)
install(FILES ${CP_GEN}/changelog.Debian.gz DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME changelog.gz)

# the menu entry, its icon in every size drawn (packaging/make-icon.py), the metainfo
install(FILES ${CMAKE_SOURCE_DIR}/packaging/${CP_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
foreach(px 16 24 32 48 64 128 256)
  install(FILES ${CMAKE_SOURCE_DIR}/assets/icons/chokepoint-${px}.png
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${px}x${px}/apps RENAME chokepoint.png)
endforeach()
install(FILES ${CMAKE_SOURCE_DIR}/assets/icons/chokepoint.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
configure_file(${CMAKE_SOURCE_DIR}/packaging/${CP_APP_ID}.metainfo.xml ${CP_GEN}/${CP_APP_ID}.metainfo.xml @ONLY)
install(FILES ${CP_GEN}/${CP_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

# ---- the Debian package ------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME chokepoint)
set(CPACK_PACKAGE_VENDOR "Chokepoint")
set(CPACK_PACKAGE_CONTACT "${CP_MAINTAINER}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "agent-based geopolitical trade game about rare earths")
# (CPack puts the summary first and indents these lines)
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Nations on a real world map mine rare-earth ore, separate it into oxides,
make magnets, set tariffs, license or ban exports, invest abroad and
negotiate deals. Each nation is played by a person or by a Lua policy agent,
and a deterministic core resolves each quarter.
.
It is built for teachers running a lesson (seeded, replayable runs and CSV
data), solo players against AI nations, and modders writing agents in Lua.")
set(CPACK_DEBIAN_PACKAGE_SECTION games)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON) # libsdl2, libsdl2-ttf, liblua5.4, libc: from the binary
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core") # the window's fonts, read at run time
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# one package of the data and the program in /usr/games
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_COMPONENTS_ALL data deb_program)
include(CPack)
