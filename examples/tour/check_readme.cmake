# Fails unless README.md contains examples/tour/main.cpp verbatim.
file(READ "${README}" readme)
file(READ "${SOURCE}" source)
string(FIND "${readme}" "${source}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "README.md does not show ${SOURCE} as it is: copy the file into the quick tour")
endif()
