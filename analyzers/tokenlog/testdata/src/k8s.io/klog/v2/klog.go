// Package klog is a stub of k8s.io/klog/v2 for tests.
package klog

type Verbose bool

func V(level int) Verbose                  { return false }
func (v Verbose) Infof(f string, a ...any) {}
func Infof(f string, a ...any)             {}
func InfoS(msg string, kv ...any)          {}
func Errorf(f string, a ...any)            {}
