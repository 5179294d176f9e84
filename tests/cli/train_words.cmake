# train-words on the sources' tiny corpus: it succeeds, its stdout ends with one JSON line of the
# run's figures, and it writes a word model file ("embedlab-words") that similar --model, analogy
# --model and export read, each leaving out "." and "<unk>".
#   cmake -DEMBEDLAB=<program> -DWORK=<folder> -P train_words.cmake
cmake_policy(SET CMP0057 NEW)  # if(... IN_LIST ...)
file(MAKE_DIRECTORY ${WORK})
file(WRITE ${WORK}/tiny.txt "feed the cat\nfeed the dog\npet the cat\npet the dog\nthe cat sleeps\nthe dog sleeps\n"
                            "drive the car\npark the car\nthe car stops\nwash the car\n")
execute_process(COMMAND ${EMBEDLAB} train-words --data ${WORK}/tiny.txt --out ${WORK}/tiny.json --min-count 1 --subsample 0 --untied
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
file(READ ${WORK}/tiny.json model)
if(NOT model MATCHES "^{\"format\":\"embedlab-words\",\"version\":1,\"vocab\":\\[\"\\.\",\"<unk>\",\"the\",\"car\",\"cat\",\"dog\",[a-z\",]*\\],\"window\":2,\"embed\":4,\"tied\":false,\"E\":\\[\\[")
  message(FATAL_ERROR "the model file does not start as a word model of 13 symbols: ${model}")
endif()

# A word's neighbours and an analogy: JSON of the words of the table (11, without "." and "<unk>").
set(number "-?[0-9.e+-]+")
set(pair "\\[\"[a-z]+\",${number}\\]")
string(REPEAT "${pair}," 9 nine_pairs)  # CMake's regular expressions have no {9}
execute_process(COMMAND ${EMBEDLAB} similar --model ${WORK}/tiny.json --word cat --top 10
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0 OR NOT out MATCHES "^{\"word\":\"cat\",\"neighbours\":\\[${nine_pairs}${pair}\\]}\n$")
  message(FATAL_ERROR "similar --model did not list the 10 other words (${status}): ${out}${err}")
endif()
if(out MATCHES "\\[\"(\\.|<unk>|cat)\",")
  message(FATAL_ERROR "similar --model lists \".\", \"<unk>\" or the word itself: ${out}")
endif()
execute_process(COMMAND ${EMBEDLAB} analogy --model ${WORK}/tiny.json --a cat --b feed --c drive --top 3
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0 OR NOT out MATCHES "^{\"query\":{\"a\":\"cat\",\"b\":\"feed\",\"c\":\"drive\"},\"answers\":\\[${pair},${pair},${pair}\\]}\n$")
  message(FATAL_ERROR "analogy --model did not give 3 answers (${status}): ${out}${err}")
endif()

# The Embedding Projector's files of a word model: 11 rows of 4 numbers, and the 11 words.
execute_process(COMMAND ${EMBEDLAB} export --model ${WORK}/tiny.json --vectors ${WORK}/vectors.tsv --metadata ${WORK}/metadata.tsv
                RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0 OR NOT err MATCHES "wrote 11 vectors of width 4")
  message(FATAL_ERROR "export of a word model failed (${status}): ${err}")
endif()
file(STRINGS ${WORK}/metadata.tsv words)
list(GET words 0 first)
list(LENGTH words count)
if(NOT count EQUAL 11 OR NOT first STREQUAL "the" OR "." IN_LIST words OR "<unk>" IN_LIST words)
  message(FATAL_ERROR "metadata.tsv should hold the 11 words, \"the\" first, without \".\" and \"<unk>\": ${words}")
endif()
file(STRINGS ${WORK}/vectors.tsv rows)
list(LENGTH rows count)
list(GET rows 0 first)
if(NOT count EQUAL 11 OR NOT first MATCHES "^${number}\t${number}\t${number}\t${number}$")
  message(FATAL_ERROR "vectors.tsv should hold 11 rows of 4 numbers: ${rows}")
endif()
