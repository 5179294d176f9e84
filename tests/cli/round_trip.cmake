# A tiny model through the whole command line: train it on the bundled names, sample from it
# (twice with one seed: the same names), ask for the probabilities after a text, export its
# embeddings, and ask about a symbol it does not know.
#   cmake -DEMBEDLAB=<binary> -DDATA=<names.txt> -DWORK=<folder> -P round_trip.cmake

# Runs the command line with the given arguments; it must succeed. Its stdout goes to `out`.
function(embedlab out)
  execute_process(COMMAND ${EMBEDLAB} ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "embedlab ${ARGN} failed (${status}): ${stderr}")
  endif()
  set(${out} "${stdout}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(model ${WORK}/model.json)

embedlab(summary train --data ${DATA} --out ${model} --steps 300 --hidden 16 --embed 2 --seed 5)
string(REGEX MATCH "[^\n]+\n$" last_line "${summary}")
foreach(key train_loss dev_loss test_loss seconds ms_per_step)
  string(JSON value GET "${last_line}" ${key})  # fails the test when the key is missing
endforeach()
string(JSON steps GET "${last_line}" steps)
if(NOT steps EQUAL 300)
  message(FATAL_ERROR "the summary says ${steps} steps: ${last_line}")
endif()

embedlab(first sample --model ${model} --count 8 --seed 9)
embedlab(again sample --model ${model} --count 8 --seed 9)
string(REGEX MATCHALL "\n" line_ends "${first}")
list(LENGTH line_ends samples)
if(NOT first STREQUAL again OR NOT samples EQUAL 8)
  message(FATAL_ERROR "two runs with one seed gave\n${first}and\n${again}")
endif()
message(STATUS "samples:\n${first}")

embedlab(probs probs --model ${model} --context emm)
string(JSON context GET "${probs}" context)
string(JSON symbols LENGTH "${probs}" probs)
string(JSON boundary TYPE "${probs}" probs .)
if(NOT context STREQUAL "emm" OR NOT symbols EQUAL 27 OR NOT boundary STREQUAL "NUMBER")
  message(FATAL_ERROR "unexpected probabilities: ${probs}")
endif()

embedlab(ignored export --model ${model} --vectors ${WORK}/vectors.tsv --metadata ${WORK}/metadata.tsv)
file(STRINGS ${WORK}/metadata.tsv metadata)
file(STRINGS ${WORK}/vectors.tsv vectors)
list(LENGTH metadata symbols)
list(GET vectors 0 first_vector)
if(NOT symbols EQUAL 27 OR NOT first_vector MATCHES "^[-0-9.e]+\t[-0-9.e]+$")
  message(FATAL_ERROR "unexpected projector files: ${symbols} symbols, first vector ${first_vector}")
endif()

execute_process(COMMAND ${EMBEDLAB} probs --model ${model} --context eM RESULT_VARIABLE status ERROR_VARIABLE stderr)
if(status EQUAL 0 OR NOT stderr STREQUAL "embedlab: context \"eM\": symbol 'M' (U+004D) at byte offset 1 is not in the vocabulary\n")
  message(FATAL_ERROR "an unknown symbol should fail with one line naming it, got ${status}: ${stderr}")
endif()
