// Package vendorheader compares values of custom headers that carry a
// key without the retired X- prefix (linx-server's Linx-Delete-Key).
package vendorheader

import "net/http"

type metadata struct {
	DeleteKey string
	Revision  string
}

type backend interface {
	Head(name string) (metadata, error)
	Delete(name string) error
}

var store backend

func lookup(name string) metadata { return metadata{} }

// Positive: the delete key from the request, compared in variable time.
func deleteHandler(w http.ResponseWriter, r *http.Request) {
	requestKey := r.Header.Get("Linx-Delete-Key")
	meta, err := store.Head(r.URL.Path)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	if meta.DeleteKey == requestKey { // want `token from the Linx-Delete-Key header compared with ==`
		store.Delete(r.URL.Path)
		w.WriteHeader(http.StatusNoContent)
		return
	}
	http.Error(w, "forbidden", http.StatusForbidden)
}

// Near misses: headers whose key is no credential.
func replay(w http.ResponseWriter, r *http.Request, last string) {
	if r.Header.Get("Idempotency-Key") == last {
		w.WriteHeader(http.StatusOK)
		return
	}
	if r.Header.Get("Sec-WebSocket-Key") == last {
		w.WriteHeader(http.StatusOK)
		return
	}
	if r.Header.Get("Cache-Key") == lookup(last).Revision {
		w.WriteHeader(http.StatusNotModified)
	}
}
