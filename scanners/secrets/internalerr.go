package secrets

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/gitleaksrules"
)

// NotifyInternalError is a bug in authvet met during a scan: the
// findings are still reported, judged without the step that failed.
const NotifyInternalError = "internal-error"

// ErrInternal: a bug in authvet stopped part of the scan; the result
// says where, and the scan is incomplete.
var ErrInternal = errors.New("internal error in the secret scanner (a bug in authvet; the report names it)")

// roles runs ruleRoles on one hit. A panic there keeps the occurrence
// as it was before the text around it was read: the secret is reported,
// judged by its path and value alone.
func (e *engine) roles(ctx context.Context, f *fragment, h *gitleaksrules.Hit, ls, le int, o *occurrence) (generic bool) {
	defer func() {
		if r := recover(); r != nil {
			e.crashed(f.path, r)
			generic = false
		}
	}()
	return triageRoles(ctx, e.set, f, h, ls, le, o)
}

// triageRoles is ruleRoles; a test puts a failing one in its place.
var triageRoles = ruleRoles

// crashed records a recovered panic with the file being read and the
// line of authvet's code where it happened.
func (e *engine) crashed(path string, r any) {
	msg := fmt.Sprintf("%s: %v (at %s)", path, r, panicSite())
	e.mu.Lock()
	if len(e.internal) < maxInternalErrors {
		e.internal = append(e.internal, msg)
	}
	e.internalCount++
	e.mu.Unlock()
}

const maxInternalErrors = 5

// panicSite is the frame that panicked, called from a deferred
// recover: the first frame outside the runtime after the runtime's
// gopanic (the recovering functions come before it).
func panicSite() string {
	pcs := make([]uintptr, 64)
	n := runtime.Callers(2, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	panicking := false
	for {
		fr, more := frames.Next()
		switch {
		case fr.Function == "runtime.gopanic":
			panicking = true
		case panicking && !strings.HasPrefix(fr.Function, "runtime."):
			return fmt.Sprintf("%s:%d", filepath.Base(fr.File), fr.Line)
		}
		if !more {
			return "unknown"
		}
	}
}

// engineErrors reports the panics the engine recovered from, once the
// engine has finished.
func (s *scan) engineErrors(e *engine) {
	if e.internalCount == 0 {
		return
	}
	s.res.Incomplete = true
	more := ""
	if e.internalCount > len(e.internal) {
		more = fmt.Sprintf("; and %d more", e.internalCount-len(e.internal))
	}
	s.notify(NotifyInternalError, finding.LevelError, "internal error in the secret scanner, a bug in authvet (please report it): %s%s; the secrets found in those files are still reported, judged without the step that failed", strings.Join(e.internal, "; "), more)
}

func (s *scan) internalErr() bool {
	for _, n := range s.res.Notifications {
		if n.Kind == NotifyInternalError {
			return true
		}
	}
	return false
}
