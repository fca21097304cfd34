// kx_ui sources are listed in ui/CMakeLists.txt
