package cli

import (
	"fmt"
	"os"
	"runtime/pprof"

	"github.com/spf13/pflag"
)

// registerCPUProfile adds the hidden --cpuprofile flag: a debugging aid
// for finding where a slow run spends its time (a history that takes
// minutes, a module whose lint is slower than gosec's).
func registerCPUProfile(fs *pflag.FlagSet) *string {
	p := fs.String("cpuprofile", "", "write a CPU profile of the run to `FILE`")
	_ = fs.MarkHidden("cpuprofile")
	return p
}

// startCPUProfile starts profiling into path; the returned function stops
// it and reports a profile that could not be written. An empty path
// profiles nothing.
func startCPUProfile(path string) (stop func() error, err error) {
	if path == "" {
		return func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile %s: %w", path, err)
	}
	return func() error {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			return fmt.Errorf("cpu profile %s: %w", path, err)
		}
		return nil
	}, nil
}

// withCPUProfile runs run while profiling into path (nothing when path
// is empty); a profile that cannot be started or written is an error.
func withCPUProfile(path string, run func() error) (err error) {
	stop, err := startCPUProfile(path)
	if err != nil {
		return &exitError{ExitError, err}
	}
	defer func() {
		if perr := stop(); perr != nil && err == nil {
			err = &exitError{ExitError, perr}
		}
	}()
	return run()
}
