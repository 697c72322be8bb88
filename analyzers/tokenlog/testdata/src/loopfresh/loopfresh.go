// Package loopfresh is the fixture of loopfresh.go: a field written
// late in one loop iteration, through the loop's own element, does not
// reach a read earlier in the next iteration, whose element is a new
// pointer. Positives: the write comes first, the pointer is the same
// on every iteration, or it is handed to a function.
package loopfresh

import (
	"log/slog"
	"strings"
)

type Bridge struct {
	Name string
	URL  string
}

// --- near misses ---

// miniflux's RSS-Bridge finder: the URL is logged, then the token is
// appended for the caller, on each element in turn.
func withToken(bridges []*Bridge, base, token string) {
	for _, bridge := range bridges {
		slog.Debug("found bridge", slog.String("url", bridge.URL))
		if strings.HasPrefix(bridge.URL, "./") {
			bridge.URL = base + bridge.URL[2:]
			slog.Debug("rewrote bridge URL", slog.String("url", bridge.URL))
		}
		if token != "" {
			bridge.URL = bridge.URL + "&token=" + token
		}
	}
}

// By index: each iteration takes a new element.
func byIndex(bridges []*Bridge, token string) {
	for i := 0; i < len(bridges); i++ {
		b := bridges[i]
		slog.Info("bridge", slog.String("url", b.URL))
		b.URL += "&token=" + token
	}
}

// --- positives ---

// The write comes before the log in the same iteration.
func logAfter(bridges []*Bridge, token string) {
	for _, bridge := range bridges {
		bridge.URL = bridge.URL + "&token=" + token
		slog.Debug("bridge", slog.String("url", bridge.URL)) // want `reaches slog.Debug`
	}
}

// One pointer for every iteration: the write of one reaches the next.
func samePointer(b *Bridge, names []string, token string) {
	for _, n := range names {
		slog.Debug("bridge", slog.String("name", n), slog.String("url", b.URL)) // want `reaches slog.Debug`
		b.URL = "https://bridge.example/?token=" + token
	}
}

// The element is handed to a function that may keep it.
func handed(bridges []*Bridge, token string, keep func(*Bridge)) {
	for _, bridge := range bridges {
		slog.Debug("bridge", slog.String("url", bridge.URL)) // want `reaches slog.Debug`
		keep(bridge)
		bridge.URL = bridge.URL + "&token=" + token
	}
}
