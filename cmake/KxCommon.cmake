# Flags shared by every target of the project, carried by one INTERFACE target.
add_library(kx_common_cfg INTERFACE)
target_compile_definitions(kx_common_cfg INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_USE_QSTRINGBUILDER
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    KX_VERSION_STRING="${PROJECT_VERSION}")
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(kx_common_cfg INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
endif()
