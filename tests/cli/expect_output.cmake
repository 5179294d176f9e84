# Runs the command given after "--" and checks that it succeeds and prints exactly EXPECT (and a
# line end) on stdout, or, with -DMATCH=ON, that its stdout matches the regular expression EXPECT:
# for outputs whose last float digits depend on the build's instructions (-march=native's fused
# multiply-adds, or not).
#   cmake -DEXPECT=<text> [-DMATCH=ON] -P expect_output.cmake -- <command> <arguments>...
include(${CMAKE_CURRENT_LIST_DIR}/command.cmake)

execute_process(COMMAND ${command} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the command failed (${status}): ${err}")
endif()
if(MATCH AND NOT out MATCHES "${EXPECT}")
  message(FATAL_ERROR "stdout is\n${out}but should match\n${EXPECT}")
elseif(NOT MATCH AND NOT out STREQUAL "${EXPECT}\n")
  message(FATAL_ERROR "stdout is\n${out}but should be\n${EXPECT}")
endif()
