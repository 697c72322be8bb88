package queryroutesdep // want package:`tokenlog\(query params token read by queryroutesdep\)`

// An account package whose only credential query read is in the
// endpoint handler of its import-progress stream.

import "net/http"

func ImportProgress(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("token") == "" {
		http.Error(w, "missing token", http.StatusBadRequest)
	}
}
