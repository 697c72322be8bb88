// Package foundflag searches the configured keys for the one the caller
// presents, then turns the caller away when none matched.
package foundflag

import "net/http"

type apiResponse struct {
	StatusCode int
	Error      string
}

func writeResponse(w http.ResponseWriter, r apiResponse) {
	w.WriteHeader(r.StatusCode)
}

type API struct {
	localEventKeys []string
	hosts          []string
}

// receive is inngest's shape: the event key in the path, searched for
// in the configured keys with ==, 401 when it is not there.
func (a *API) receive(w http.ResponseWriter, r *http.Request) {
	key := r.PathValue("key")
	if len(a.localEventKeys) > 0 {
		var found bool
		for _, k := range a.localEventKeys {
			if k == key { // want `value compared with == before rejecting the request as unauthenticated`
				found = true
				break
			}
		}
		if !found {
			writeResponse(w, apiResponse{StatusCode: http.StatusUnauthorized, Error: "Event key not found"})
			return
		}
	}
	w.WriteHeader(http.StatusAccepted)
}

// Near misses: a search whose miss is answered with 404, and one whose
// flag decides nothing about the request.
func (a *API) lookup(w http.ResponseWriter, r *http.Request) {
	key := r.PathValue("key")
	found := false
	for _, k := range a.localEventKeys {
		if k == key {
			found = true
		}
	}
	if !found {
		http.Error(w, "no such key", http.StatusNotFound)
		return
	}
}

func (a *API) route(w http.ResponseWriter, r *http.Request) {
	host := r.Header.Get("X-Forwarded-Host")
	known := false
	for _, h := range a.hosts {
		if h == host {
			known = true
		}
	}
	if !known {
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}
