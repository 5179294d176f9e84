# What the command line writes is written whole or not at all, never over one of its inputs, and
# a folder that cannot be written is found before a long run, not after it.
#   cmake -DEMBEDLAB=<binary> -DDATA=<names.txt> -DWORK=<folder> -P outputs.cmake

# Runs the command line; `expect` is 0 or 1, and on failure stderr must be one line matching `message`.
function(embedlab expect message)
  execute_process(COMMAND ${EMBEDLAB} ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
  if(NOT status STREQUAL expect)
    message(FATAL_ERROR "embedlab ${ARGN}: exit status ${status}, expected ${expect}: ${err}")
  endif()
  if(NOT expect EQUAL 0 AND NOT err MATCHES "^embedlab: ${message}\n$")
    message(FATAL_ERROR "embedlab ${ARGN}: stderr does not match \"${message}\": ${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()

# The file's content must still be `expected`.
function(expect_unchanged path expected)
  file(READ ${path} now)
  if(NOT now STREQUAL expected)
    message(FATAL_ERROR "${path} was changed")
  endif()
endfunction()

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
file(COPY_FILE ${DATA} ${WORK}/names.txt)
file(READ ${WORK}/names.txt names)
embedlab(0 "" train --data ${WORK}/names.txt --out ${WORK}/model.json --steps 20 --hidden 4 --embed 2)
file(READ ${WORK}/model.json model)

# A write that fails (here beyond `ulimit -f 50`, 51,200 bytes: the model of 200 hidden units
# is larger) leaves the previous model as it was, and no temporary file.
execute_process(COMMAND /bin/sh -c "ulimit -f 50 && exec \"$0\" train --data \"$1\" --out \"$2\" --steps 5"
                        ${EMBEDLAB} ${WORK}/names.txt ${WORK}/model.json
                RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 1 OR NOT err MATCHES "\nembedlab: cannot write .*/model.json: File too large \\(the file is as it was before\\)\n$")
  message(FATAL_ERROR "a write beyond the file size limit should fail with a message, got ${status}: ${err}")
endif()
expect_unchanged(${WORK}/model.json "${model}")
file(GLOB left_over ${WORK}/.model.json.*)
if(left_over)
  message(FATAL_ERROR "temporary files were left: ${left_over}")
endif()

# An output that is an input, however spelled, is refused and the input kept.
embedlab(1 "--out .*names.txt is the file given as --data: writing it would destroy it; choose another --out"
         train --data ${WORK}/names.txt --out ${WORK}/./names.txt --steps 5)
file(CREATE_LINK ${WORK}/names.txt ${WORK}/link.txt SYMBOLIC)
embedlab(1 "--out .*link.txt is the file given as --data: .*" train --data ${WORK}/names.txt --out ${WORK}/link.txt --steps 5)
expect_unchanged(${WORK}/names.txt "${names}")
embedlab(1 "--vectors .*model.json is the file given as --model: .*" export --model ${WORK}/model.json --vectors ${WORK}/../cli_outputs/model.json)
embedlab(1 "--metadata .*v.tsv is the file given as --vectors: .*"
         export --model ${WORK}/model.json --vectors ${WORK}/v.tsv --metadata ${WORK}/v.tsv)
expect_unchanged(${WORK}/model.json "${model}")

# A folder that does not exist fails before the run (20,000 steps would take many seconds), and
# before anything of a pair is written.
string(TIMESTAMP start "%s")
embedlab(1 "cannot write .*/missing/model.json: No such file or directory"
         train --data ${WORK}/names.txt --out ${WORK}/missing/model.json --steps 20000)
string(TIMESTAMP end "%s")
math(EXPR seconds "${end} - ${start}")
if(seconds GREATER 5)
  message(FATAL_ERROR "the missing folder was found only after the run")
endif()
embedlab(1 "cannot write .*/missing/metadata.tsv: No such file or directory"
         export --model ${WORK}/model.json --vectors ${WORK}/vectors.tsv --metadata ${WORK}/missing/metadata.tsv)
if(EXISTS ${WORK}/vectors.tsv)
  message(FATAL_ERROR "half of the projector pair was written")
endif()

# A device is written directly: /dev/stdout here is the pipe execute_process reads.
embedlab(0 "" export --model ${WORK}/model.json --vectors /dev/stdout --metadata ${WORK}/metadata.tsv)
if(NOT out MATCHES "^[-0-9.e]+\t[-0-9.e]+\n")
  message(FATAL_ERROR "the vectors did not reach stdout: ${out}")
endif()

# Output that cannot be written to stdout is an error, not silence.
execute_process(COMMAND ${EMBEDLAB} sample --model ${WORK}/model.json OUTPUT_FILE /dev/full RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 1 OR NOT err STREQUAL "embedlab: cannot write the output: No space left on device\n")
  message(FATAL_ERROR "a full stdout should fail with a message, got ${status}: ${err}")
endif()

# A long bad value is quoted by a short prefix.
string(REPEAT "Z" 5000 long)
embedlab(1 "context \"ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ…\": symbol 'Z' \\(U\\+005A\\) at byte offset 0 is not in the vocabulary"
         probs --model ${WORK}/model.json --context ${long})
