package api

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"

	"example.com/blind9/clipforge/internal/auth"
)

func newStreamKey() string {
	b := make([]byte, 20)
	_, _ = rand.Read(b)
	return "live_" + strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b))
}

func fingerprint(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:6])
}

// rotateKey issues a new RTMP stream key for the live stream in the path.
func (s *Server) rotateKey(w http.ResponseWriter, r *http.Request) {
	c, _ := auth.FromContext(r.Context())
	ls, err := s.store.Stream(r.Context(), r.PathValue("id"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	ls.StreamKey = newStreamKey()
	if err := s.store.PutStream(r.Context(), ls); err != nil {
		http.Error(w, "store error", http.StatusInternalServerError)
		return
	}
	s.log.Info("stream key rotated", "stream", ls.ID, "by", c.Subject, "key_fp", fingerprint(ls.StreamKey)) // NEAR tokenlog t02
	writeJSON(w, http.StatusOK, map[string]string{"stream_key": ls.StreamKey})
}

// branding updates the player colours and logo of a channel.
func (s *Server) branding(w http.ResponseWriter, r *http.Request) {
	var b map[string]string
	if err := json.NewDecoder(r.Body).Decode(&b); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	ch, err := s.store.Channel(r.Context(), r.PathValue("id"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	ch.Branding = b
	if err := s.store.PutChannel(r.Context(), ch); err != nil {
		http.Error(w, "store error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, ch)
}

// ingestAuthorize is the on_publish callback of the RTMP edge: it posts the
// stream name and the key the broadcaster's encoder presented.
func (s *Server) ingestAuthorize(w http.ResponseWriter, r *http.Request) { // NEAR scopecheck s02
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	streamID := r.PostForm.Get("name")
	key := r.PostForm.Get("key")
	ls, err := s.store.Stream(r.Context(), streamID)
	if err != nil {
		http.Error(w, "unknown stream", http.StatusForbidden)
		return
	}
	if key != ls.StreamKey { // WANT tokenverify V01
		s.log.Warn("stream key mismatch", "stream", streamID, "presented_prefix", key[:min(len(key), 8)]) // NEAR tokenlog t03
		http.Error(w, "bad key", http.StatusForbidden)
		return
	}
	ls.Active = true
	_ = s.store.PutStream(r.Context(), ls)
	w.WriteHeader(http.StatusNoContent)
}
