# cmake -DNM=<nm> -DOBJECT=<literal_arguments_probe's object> -P literal_arguments_check.cmake
# Fails when a cmd:: builder (or make_generic_command, execute_command's) was instantiated for a
# char array: the command methods should have handed the text over as std::string_view
# (commands/command_set.hpp), or every literal length costs one more copy of the builder.
execute_process(COMMAND "${NM}" -C "${OBJECT}" OUTPUT_VARIABLE symbols RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "${NM} -C ${OBJECT} failed (${failed})")
endif()
# The check means something only if the builders are in the object at all (not inlined away).
string(REGEX MATCHALL "redispp::cmd::set<[^\n]*" builders "${symbols}")
if(NOT builders)
  message(FATAL_ERROR "no redispp::cmd::set<...> in ${OBJECT}: the probe proves nothing "
                      "(was it compiled with inlining?)")
endif()
# A builder's template arguments come before its parameter list's '('.
string(REGEX MATCHALL "redispp::(cmd::[a-z_0-9]+|make_generic_command)<[^(\n]*char \\[[0-9]+\\][^\n]*" arrays "${symbols}")
if(arrays)
  list(JOIN arrays "\n  " listed)
  message(FATAL_ERROR "builders instantiated for char arrays (a literal's length is part of its type):\n  ${listed}")
endif()
list(LENGTH builders count)
message(STATUS "no builder instantiated for a char array (cmd::set instantiations: ${count})")
