package compare

import (
	"fmt"
	"net/http"
)

// The fix adds crypto/subtle to the file's import block.
func (s *server) header(r *http.Request) error {
	if r.Header.Get("X-Api-Key") != s.apiKey { // want `compared with !=`
		return fmt.Errorf("bad key")
	}
	return nil
}
