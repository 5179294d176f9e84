# train-words on the sources' tiny corpus: it succeeds, its stdout ends with one JSON line of the
# run's figures, and the vectors file holds one line per kept word, the word then d numbers.
#   cmake -DEMBEDLAB=<program> -DWORK=<folder> -P train_words.cmake
file(MAKE_DIRECTORY ${WORK})
file(WRITE ${WORK}/tiny.txt "feed the cat\nfeed the dog\npet the cat\npet the dog\nthe cat sleeps\nthe dog sleeps\n"
                            "drive the car\npark the car\nthe car stops\nwash the car\n")
execute_process(COMMAND ${EMBEDLAB} train-words --data ${WORK}/tiny.txt --out ${WORK}/tiny.vec --min-count 1 --subsample 0
                        --embed 4 --window 2 --steps 50 --batch 8 --lr 0.5 --seed 7
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "train-words failed (${status}): ${err}")
endif()
if(NOT out MATCHES "^{\"steps\":50,\"train_loss\":[0-9.e+-]+,\"dev_loss\":[0-9.e+-]+,\"test_loss\":[0-9.e+-]+,\"seconds\":[0-9.e+-]+,\"ms_per_step\":[0-9.e+-]+,\"words_per_second\":[0-9.e+-]+,\"vocabulary_size\":13}\n$")
  message(FATAL_ERROR "stdout is not the JSON summary: ${out}")
endif()
if(NOT err MATCHES "step 50 of 50: mean minibatch loss")
  message(FATAL_ERROR "stderr does not report progress: ${err}")
endif()
file(STRINGS ${WORK}/tiny.vec lines)
list(LENGTH lines count)
if(NOT count EQUAL 11)  # 13 symbols less "." and "<unk>"
  message(FATAL_ERROR "the vectors file has ${count} lines, not 11")
endif()
list(GET lines 0 first)
if(NOT first MATCHES "^the( -?[0-9.e+-]+)( -?[0-9.e+-]+)( -?[0-9.e+-]+)( -?[0-9.e+-]+)$")
  message(FATAL_ERROR "the first line is not \"the\" and 4 numbers: ${first}")
endif()
