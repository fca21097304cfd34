# Runs `cpack -G DEB` in the build tree and checks the package holds what a user needs.
set(out "${BUILD_DIR}/package-test")
file(REMOVE_RECURSE "${out}")
execute_process(COMMAND "${CPACK}" -G DEB -B "${out}" WORKING_DIRECTORY "${BUILD_DIR}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cpack failed (${rc}):\n${log}")
endif()
file(GLOB debs "${out}/*.deb")
list(LENGTH debs n)
if(NOT n EQUAL 1)
    message(FATAL_ERROR "expected one .deb in ${out}, found ${n}:\n${log}")
endif()
execute_process(COMMAND dpkg-deb -c ${debs} OUTPUT_VARIABLE contents RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "dpkg-deb cannot read ${debs}")
endif()
foreach(expected
        "bin/kairix-workbench" "bin/kairix"
        "share/applications/org.kairix.Workbench.desktop"
        "share/metainfo/org.kairix.Workbench.metainfo.xml"
        "share/icons/hicolor/scalable/apps/org.kairix.Workbench.svg")
    string(FIND "${contents}" "${expected}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "${debs} lacks ${expected}:\n${contents}")
    endif()
endforeach()
execute_process(COMMAND dpkg-deb -f ${debs} Depends OUTPUT_VARIABLE depends)
message(STATUS "built ${debs}; Depends: ${depends}")
