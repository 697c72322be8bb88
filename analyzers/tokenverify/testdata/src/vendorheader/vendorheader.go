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

// uploadRequest holds what an upload asked for; its deleteKey comes from
// the request's header in one function and is compared in another.
type uploadRequest struct {
	deleteKey string
	filename  string
	comment   string
}

func parseUpload(r *http.Request) uploadRequest {
	var up uploadRequest
	up.deleteKey = r.Header.Get("Linx-Delete-Key")
	up.filename = r.Header.Get("Linx-Filename")
	up.comment = r.URL.Query().Get("comment")
	return up
}

// Positive: the stored delete key decides whether an existing file may
// be overwritten.
func overwrite(up uploadRequest) bool {
	meta, err := store.Head(up.filename)
	if err != nil {
		return true
	}
	return up.deleteKey == meta.DeleteKey // want `token from the Linx-Delete-Key header stored in field deleteKey compared with ==`
}

// Near misses: fields filled from headers or parameters that carry no
// credential.
func sameName(up uploadRequest, name string) bool {
	return up.filename == name || up.comment == name
}
