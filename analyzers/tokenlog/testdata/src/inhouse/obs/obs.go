// Package obs is an in-house logger known only through the -loggers
// flag (it is not analyzed, so no fact describes it).
package obs

type Recorder struct{}

func (r *Recorder) Record(event string, attrs ...any) {}

func Emit(msg string, attrs ...any) {}

func Count(name string, n int) {}
