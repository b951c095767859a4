//go:build !linux

package syntax

func threadCPU() (float64, bool) { return 0, false }
