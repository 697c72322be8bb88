// Package altsinks logs one record at a level chosen at run time: the
// credential reaches one of several calls and is reported once, at the
// first. Calls that can both run are each reported.
package altsinks

import (
	"log"
	"log/slog"
	"net/http"
)

func byOutcome(r *http.Request, err error) {
	tok := r.Header.Get("Authorization")
	if err != nil {
		slog.Error("request", "auth", tok) // want `credentials from the Authorization header reaches slog.Error`
	} else {
		slog.Info("request", "auth", tok) // silent: the else of the call above, the same record
	}
}

func byStatus(r *http.Request, status int) {
	key := r.Header.Get("X-Api-Key")
	switch {
	case status >= 500:
		slog.Error("request", "key", key) // want `API key from the X-Api-Key header reaches slog.Error`
	case status >= 400:
		slog.Warn("request", "key", key) // silent: another case of the same switch
	default:
		slog.Debug("request", "key", key) // silent: another case of the same switch
	}
}

func inClosure(r *http.Request, failed bool, run func(func())) {
	tok := r.Header.Get("Authorization")
	run(func() {
		if failed {
			log.Printf("failed: %s", tok) // want `credentials from the Authorization header reaches log.Printf`
		} else {
			log.Printf("done: %s", tok) // silent: the else branch
		}
	})
}

func both(r *http.Request, verbose bool) {
	tok := r.Header.Get("Authorization")
	log.Printf("request: %s", tok) // want `credentials from the Authorization header reaches log.Printf`
	if verbose {
		log.Printf("verbose: %s", tok) // want `credentials from the Authorization header reaches log.Printf`
	}
}

func twoSources(r *http.Request, err error) {
	if err != nil {
		log.Printf("%s", r.Header.Get("Authorization")) // want `credentials from the Authorization header reaches log.Printf`
	} else {
		log.Printf("%s", r.Header.Get("Cookie")) // want `cookies from the Cookie header reaches log.Printf`
	}
}

func looped(r *http.Request, tries int) {
	tok := r.Header.Get("Authorization")
	for i := 0; i < tries; i++ {
		if i%2 == 0 {
			log.Printf("even: %s", tok) // want `credentials from the Authorization header reaches log.Printf`
		} else {
			log.Printf("odd: %s", tok) // want `credentials from the Authorization header reaches log.Printf`
		}
	}
}

// checks logs the key at each failed check and returns: each path is
// its own record, and the paths never join.
func checks(r *http.Request, okSig, okScope bool) bool {
	key := r.Header.Get("X-Api-Key")
	if !okSig {
		log.Printf("bad signature for key %s", key) // want `API key from the X-Api-Key header reaches log.Printf`
		return false
	}
	if !okScope {
		log.Printf("bad scope for key %s", key) // want `API key from the X-Api-Key header reaches log.Printf`
		return false
	}
	return true
}
