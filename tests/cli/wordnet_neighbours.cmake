# Meaning learned from the bundled corpus (build/corpus/wordnet.txt, scripts/wordnet_corpus.mjs):
# train-words with its default settings, then the 10 nearest words of 10 probe words. The probes,
# the related words and the rule were fixed before any result was seen:
#   a probe passes when at least one of its related words is among its 10 nearest words (a probe
#   missing from the vocabulary fails); the test passes when at least 7 of the 10 probes pass.
# It prints every probe's neighbours and the run's words per second (figures, not asserted).
#   cmake -DEMBEDLAB=<program> -DCORPUS=<wordnet.txt> -DWORK=<folder> -P wordnet_neighbours.cmake
set(probes mother night dog king water red run city war happy)
set(related_mother father parent child woman wife daughter son mothers family female husband sister baby)
set(related_night day evening morning dark darkness sleep time hours dawn nights sunset daylight)
set(related_dog cat dogs breed animal hound puppy horse pet hunting terrier wolf fox)
set(related_king queen prince ruler emperor monarch kingdom throne royal sovereign kings lord pharaoh)
set(related_water sea liquid river ocean lake waters rain ice fluid salt stream wet flowing)
set(related_red yellow blue green white black color colour orange pink purple brown crimson reddish colored)
set(related_run running walk move go runs ran operate travel race flow jump ride)
set(related_city town capital cities port village state country urban located metropolis region province)
set(related_war battle wars military army fighting conflict fought soldiers civil troops warfare enemy)
set(related_happy glad joyful cheerful pleased sad unhappy content joy happiness delighted satisfied merry)
set(needed 7)  # the issue's aim; the first default settings (untied, subsampling 1e-3) reached 6, today's 9

cmake_policy(SET CMP0057 NEW)  # if(... IN_LIST ...)
file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND ${EMBEDLAB} train-words --data ${CORPUS} --out ${WORK}/wordnet.json
                RESULT_VARIABLE status OUTPUT_VARIABLE summary ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "train-words on ${CORPUS} failed (${status}): ${err}")
endif()
# The figures as train-words printed them (string(JSON) would print them as doubles).
foreach(figure seconds words_per_second dev_loss)
  string(REGEX MATCH "\"${figure}\":([^,}]+)" found "${summary}")
  set(${figure} "${CMAKE_MATCH_1}")
endforeach()
message(STATUS "train-words, default settings, on ${CORPUS}: ${seconds} s, ${words_per_second} words/s, dev loss ${dev_loss}")

set(passed 0)
foreach(probe IN LISTS probes)
  execute_process(COMMAND ${EMBEDLAB} similar --model ${WORK}/wordnet.json --word ${probe} --top 10
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(STATUS "${probe}: FAILS, ${err}")
    continue()
  endif()
  string(REGEX MATCHALL "\\[\"[^\"]+\",[^]]+\\]" pairs "${out}")  # ["word",cosine]
  set(neighbours "")
  set(hit "")
  foreach(pair IN LISTS pairs)
    string(REGEX REPLACE "^\\[\"([^\"]+)\",(.+)\\]$" "\\1 \\2" shown_pair "${pair}")
    list(APPEND neighbours "${shown_pair}")
    string(REGEX REPLACE " .*" "" word "${shown_pair}")
    if(word IN_LIST related_${probe})
      list(APPEND hit ${word})
    endif()
  endforeach()
  list(LENGTH pairs count)
  if(NOT count EQUAL 10)
    message(FATAL_ERROR "similar --word ${probe} --top 10 gave ${count} words: ${out}")
  endif()
  list(JOIN neighbours ", " shown)
  if(hit)
    math(EXPR passed "${passed} + 1")
    message(STATUS "${probe}: passes (${hit}): ${shown}")
  else()
    message(STATUS "${probe}: FAILS: ${shown}")
  endif()
endforeach()
message(STATUS "${passed} of 10 probes have a related word among their 10 nearest (${needed} needed)")
if(passed LESS needed)
  message(FATAL_ERROR "only ${passed} of 10 probes have a related word among their 10 nearest words, not ${needed}")
endif()
