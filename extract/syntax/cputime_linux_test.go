package syntax

import "syscall"

// threadCPU returns the CPU time used by the calling thread, in seconds,
// or false. Benchmarks lock their goroutine to a thread to use it: on a
// loaded machine it counts the time the benchmark ran, not the time it
// waited for a core.
func threadCPU() (float64, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0, false
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9, true
}
