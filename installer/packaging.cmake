# Installation and packages: cmake --install, and CPack (.deb and .tar.gz here; NSIS for a native
# Windows build). scripts/package.sh runs it.
include(GNUInstallDirs)

if(UNIX AND NOT APPLE)
    # The version in the man page, the AppStream release and the Debian changelog is project(VERSION)'s.
    foreach(_file vmatlas.1 changelog.Debian io.github.vmatlas.vmatlas.metainfo.xml)
        configure_file(${CMAKE_SOURCE_DIR}/installer/${_file}.in ${CMAKE_BINARY_DIR}/installer/${_file} @ONLY)
    endforeach()
    # The window's desktop entry, metadata and icons: not in the command-line package.
    if(NOT VMATLAS_CLI_PACKAGE)
    install(FILES ${CMAKE_SOURCE_DIR}/installer/io.github.vmatlas.vmatlas.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${CMAKE_BINARY_DIR}/installer/io.github.vmatlas.vmatlas.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/vmatlas.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
    foreach(size 16 22 24 32 48 64 128 256 512)
        install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/vmatlas-${size}.png
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps RENAME vmatlas.png)
    endforeach()
    endif()
    # The man page, compressed as Debian wants it.
    find_program(GZIP_EXECUTABLE gzip)
    if(GZIP_EXECUTABLE)
        add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/vmatlas.1.gz
            COMMAND ${GZIP_EXECUTABLE} -9n -c ${CMAKE_BINARY_DIR}/installer/vmatlas.1 > ${CMAKE_BINARY_DIR}/vmatlas.1.gz
            DEPENDS ${CMAKE_BINARY_DIR}/installer/vmatlas.1)
        add_custom_target(vmatlas_manpage ALL DEPENDS ${CMAKE_BINARY_DIR}/vmatlas.1.gz)
        install(FILES ${CMAKE_BINARY_DIR}/vmatlas.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    endif()
    install(FILES ${CMAKE_SOURCE_DIR}/installer/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
    if(GZIP_EXECUTABLE)
        add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/changelog.gz
            COMMAND ${GZIP_EXECUTABLE} -9n -c ${CMAKE_BINARY_DIR}/installer/changelog.Debian > ${CMAKE_BINARY_DIR}/changelog.gz
            DEPENDS ${CMAKE_BINARY_DIR}/installer/changelog.Debian)
        add_custom_target(vmatlas_changelog ALL DEPENDS ${CMAKE_BINARY_DIR}/changelog.gz)
        install(FILES ${CMAKE_BINARY_DIR}/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})
    endif()
endif()

set(CPACK_PACKAGE_NAME vmatlas)
set(CPACK_PACKAGE_VENDOR "The VM Atlas developers")
set(CPACK_PACKAGE_CONTACT "The VM Atlas developers <vmatlas@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "live map of a process's virtual address space")
set(CPACK_PACKAGE_DESCRIPTION "VM Atlas shows a process's virtual address space as a live map:
every range as Image, Mapped or Private, and Free, Reserved or Committed,
down to single pages, with teaching labs and PNG, CSV and JSON export.")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/vmatlas/vmatlas")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGE_INSTALL_DIRECTORY "VM Atlas")
set(CPACK_STRIP_FILES ON)

if(WIN32)
    set(CPACK_GENERATOR "NSIS;ZIP")
    set(CPACK_NSIS_DISPLAY_NAME "VM Atlas")
    set(CPACK_NSIS_PACKAGE_NAME "VM Atlas")
    set(CPACK_NSIS_MUI_ICON ${CMAKE_SOURCE_DIR}/installer/vmatlas.ico)
    set(CPACK_NSIS_INSTALLED_ICON_NAME bin/vmatlas.exe)
    set(CPACK_NSIS_CREATE_ICONS_EXTRA "CreateShortCut '$SMPROGRAMS\\\\$STARTMENU_FOLDER\\\\VM Atlas.lnk' '$INSTDIR\\\\bin\\\\vmatlas.exe'")
    set(CPACK_NSIS_DELETE_ICONS_EXTRA "Delete '$SMPROGRAMS\\\\$START_MENU\\\\VM Atlas.lnk'")
    set(CPACK_NSIS_MODIFY_PATH ON)
else()
    set(CPACK_GENERATOR "DEB;TGZ")
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SECTION devel)
    set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
    # The Qt 6 runtime the window needs, and whatever else dpkg-shlibdeps finds.
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6widgets6 (>= 6.2), libqt6charts6 (>= 6.2), libqt6concurrent6 (>= 6.2), libqt6gui6 (>= 6.2), qt6-qpa-plugins")
    # Qt's own strings (dialog buttons) in the user's language.
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
    set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
    set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF) # the module is private: no ldconfig
    set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY "=")
endif()
# vmatlas-cli: the command line alone (snapshot, pages, ps, summary, serve for --host, dump files), without Qt:
# what a server reached with --host needs. It conflicts with vmatlas, which holds the same /usr/bin/vmatlas.
if(VMATLAS_CLI_PACKAGE)
    if(VMATLAS_BUILD_GUI)
        message(FATAL_ERROR "VMATLAS_CLI_PACKAGE needs -DVMATLAS_BUILD_GUI=OFF")
    endif()
    set(CPACK_PACKAGE_NAME vmatlas-cli)
    set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "command line of VM Atlas, for remote hosts (no window, no Qt)")
    set(CPACK_PACKAGE_DESCRIPTION "The command line of VM Atlas without its window: snapshot, pages, ps,
summary and the 'serve' end that 'vmatlas --host' reaches over ssh. No Qt needed.")
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "")
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "")
    set(CPACK_DEBIAN_PACKAGE_CONFLICTS "vmatlas")
    set(CPACK_DEBIAN_PACKAGE_SECTION utils)
endif()
include(CPack)
