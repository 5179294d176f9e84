# Runs the command given after "--" and checks the command line's promise for bad input: a
# non-zero exit status and exactly one line on stderr, matching the regular expression EXPECT.
#   cmake -DEXPECT=<regex> -P expect_failure.cmake -- <command> <arguments>...
include(${CMAKE_CURRENT_LIST_DIR}/command.cmake)

execute_process(COMMAND ${command} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "exit status ${status}, stderr: ${err}")
if(status EQUAL 0)
  message(FATAL_ERROR "the command succeeded; it should have failed")
endif()
if(NOT status MATCHES "^[0-9]+$")
  message(FATAL_ERROR "the command did not exit normally: ${status}")
endif()
string(REGEX MATCHALL "\n" line_ends "${err}")
list(LENGTH line_ends lines)
if(NOT lines EQUAL 1 OR NOT err MATCHES "\n$")
  message(FATAL_ERROR "stderr should be one line, but it has ${lines} line ends")
endif()
string(REGEX REPLACE "\n$" "" err "${err}")  # so that $ in EXPECT is the end of the line
if(NOT err MATCHES "${EXPECT}")
  message(FATAL_ERROR "stderr does not match \"${EXPECT}\"")
endif()
