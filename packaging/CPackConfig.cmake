# CPack set-up: a Debian package on Linux, NSIS on Windows, a drag-and-drop image on macOS.
# Included from the top-level CMakeLists.txt after every install() rule.
set(CPACK_PACKAGE_NAME "kairix-workbench")
set(CPACK_PACKAGE_VENDOR "The Kairix Workbench developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGE_CONTACT "Kairix Workbench developers <workbench@kairix.example>")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Kairix Workbench")
set(CPACK_STRIP_FILES ON)

if(UNIX AND NOT APPLE)
    set(CPACK_GENERATOR "DEB")
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
        "Curate the test datasets of the Kairix Engine\n Import Hugging Face benchmarks, browse and search scenarios, review them.")
elseif(WIN32)
    set(CPACK_GENERATOR "NSIS")
    set(CPACK_NSIS_DISPLAY_NAME "Kairix Workbench")
    set(CPACK_PACKAGE_EXECUTABLES "kairix-workbench;Kairix Workbench")
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
endif()

include(CPack)
