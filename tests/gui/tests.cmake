# GUI suites: linked against the ui library, run on the offscreen platform.
function(vmatlas_add_gui_test name)
    vmatlas_add_test(${name} SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/gui/${name}.cpp LIBS vmatlas_ui Qt6::Widgets Qt6::Charts)
endfunction()

vmatlas_add_gui_test(tst_mapgeometry)
vmatlas_add_gui_test(tst_maprenderer)
vmatlas_add_gui_test(tst_models)
vmatlas_add_gui_test(tst_mainwindow)
vmatlas_add_gui_test(tst_addressmapview)
vmatlas_add_gui_test(tst_labpanel)
# What only a real window system shows (the offscreen platform sends no synthetic mouse moves): under Xvfb.
find_program(XVFB_RUN xvfb-run)
if(XVFB_RUN)
    add_test(NAME tst_addressmapview_xcb COMMAND ${XVFB_RUN} -a -s "-screen 0 1600x1000x24"
             $<TARGET_FILE:tst_addressmapview> tooltipSurvivesLiveRefresh)
    set_tests_properties(tst_addressmapview_xcb PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=xcb" TIMEOUT 120)
endif()
vmatlas_add_gui_test(tst_viewstate)
vmatlas_add_gui_test(tst_pagestrip)
vmatlas_add_gui_test(tst_timelinepanel)
vmatlas_add_gui_test(tst_sessioncontroller)
vmatlas_add_gui_test(tst_insidetools)
# Remote hosts: the CLI's --host and the window on a host, through an sshd of the test's own.
vmatlas_add_test(tst_remote SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_remote.cpp LIBS vmatlas_ui Qt6::Widgets)
set_tests_properties(tst_remote PROPERTIES RUN_SERIAL TRUE)
if(TARGET Qt6::lupdate)
    find_package(Qt6 REQUIRED COMPONENTS Xml)
    vmatlas_add_gui_test(tst_translations)
    target_link_libraries(tst_translations PRIVATE Qt6::Xml)
    target_compile_definitions(tst_translations PRIVATE VMATLAS_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
        VMATLAS_LUPDATE="$<TARGET_FILE:Qt6::lupdate>")
endif()

add_executable(vmatlas_bench_gui ${CMAKE_CURRENT_SOURCE_DIR}/bench/bench_gui.cpp)
target_link_libraries(vmatlas_bench_gui PRIVATE vmatlas_ui Qt6::Widgets vmatlas_warnings)
target_compile_definitions(vmatlas_bench_gui PRIVATE QT_NO_CAST_FROM_ASCII)

# tst_labs checks that labs leave nothing behind in the temporary folder: no lab may run beside it.
set_tests_properties(tst_labs tst_labpanel tst_cli tst_insidetools PROPERTIES RESOURCE_LOCK lab_targets)
