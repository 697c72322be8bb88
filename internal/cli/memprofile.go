package cli

import (
	"bytes"
	"context"
	"fmt"
	"runtime/metrics"
	"runtime/pprof"
	"time"

	"github.com/spf13/pflag"

	"github.com/authvet/authvet/internal/atomicfile"
)

// registerMemProfile adds the hidden --memprofile flag: a debugging aid
// that writes the heap profile of the run's largest live heap, where a
// profile taken at exit would show only what is left at the end.
func registerMemProfile(fs *pflag.FlagSet) *string {
	p := fs.String("memprofile", "", "write a heap profile taken at the run's peak live heap to `FILE`")
	_ = fs.MarkHidden("memprofile")
	return p
}

// peakProfiler samples the live heap after each GC and keeps the heap
// profile of the largest one seen.
type peakProfiler struct {
	path   string
	cancel context.CancelFunc
	done   chan error
}

func startPeakProfile(path string) *peakProfiler {
	if path == "" {
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	p := &peakProfiler{path: path, cancel: cancel, done: make(chan error, 1)}
	go func() { p.done <- p.run(ctx) }()
	return p
}

func (p *peakProfiler) run(ctx context.Context) error {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var peak uint64
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		metrics.Read(sample)
		if live := sample[0].Value.Uint64(); live > peak+peak/50 {
			peak = live
			var buf bytes.Buffer
			if err := pprof.Lookup("heap").WriteTo(&buf, 0); err != nil {
				return fmt.Errorf("writing heap profile: %w", err)
			}
			if err := atomicfile.Write(p.path, buf.Bytes(), 0o644); err != nil {
				return fmt.Errorf("writing heap profile: %w", err)
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
	}
}

// stop ends the sampling; it reports a profile that could not be written.
func (p *peakProfiler) stop() error {
	if p == nil {
		return nil
	}
	p.cancel()
	return <-p.done
}
