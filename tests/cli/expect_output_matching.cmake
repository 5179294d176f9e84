# Runs the command given after "--" and checks that it succeeds and that its stdout matches the
# regular expression EXPECT: for outputs whose last float digits depend on the build's
# instructions (-march=native's fused multiply-adds, or not).
#   cmake -DEXPECT=<regex> -P expect_output_matching.cmake -- <command> <arguments>...
include(${CMAKE_CURRENT_LIST_DIR}/command.cmake)

execute_process(COMMAND ${command} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the command failed (${status}): ${err}")
endif()
if(NOT out MATCHES "${EXPECT}")
  message(FATAL_ERROR "stdout is\n${out}but should match\n${EXPECT}")
endif()
