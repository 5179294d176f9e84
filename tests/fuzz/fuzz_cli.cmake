# Trains a tiny model for the fuzz test of the command line to read, then runs it.
#   cmake -DEMBEDLAB=<binary> -DFUZZ=<driver> -DDATA=<names.txt> -DWORK=<folder> -DRUNS=<n> -DSEED=<s> -P fuzz_cli.cmake
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
file(COPY_FILE ${DATA} ${WORK}/names.txt)  # a copy: a fuzzed output path may name it
execute_process(COMMAND ${EMBEDLAB} train --data ${WORK}/names.txt --out ${WORK}/model.json --steps 20 --hidden 4 --embed 2
                RESULT_VARIABLE status ERROR_VARIABLE err OUTPUT_QUIET)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "training the model to fuzz with failed: ${err}")
endif()
execute_process(COMMAND ${FUZZ} ${EMBEDLAB} ${WORK} ${WORK}/model.json ${WORK}/names.txt ${RUNS} ${SEED} RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the command line broke its promise (see above)")
endif()
