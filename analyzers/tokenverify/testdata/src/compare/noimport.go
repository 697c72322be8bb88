package compare

import "net/http"

// The fix imports crypto/subtle when the file lacks it.
func (s *server) basic(r *http.Request) bool {
	_, pass, ok := r.BasicAuth()
	return ok && pass == s.apiKey // want `password from basic authentication compared with ==`
}
