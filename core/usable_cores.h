// How many threads or processes the machine lets this process run at once.
#pragma once

namespace cnbudget {

// The cores this process may run on (its CPU affinity, as `taskset` or a
// container's cpuset set it), at least 1. std::thread::hardware_concurrency
// counts every online core of the machine instead.
int UsableCores();

}  // namespace cnbudget
